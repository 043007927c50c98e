/**
 * `npm start` killed with kill -9 (its whole process group: tsx, Node, DynamoDB Local's Java) in the
 * middle of a burst of registrations, with a meeting reminder pending, then started again on the same
 * data folder. Every registration that got a 202 is in the table and gets its confirmation email once,
 * and the reminder goes out once, at its time. The SES inbox runs here, outside the killed group (npm
 * start's SES_URL), so what was sent before the kill is still there to count. Everything on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWithLocalIssuer } from '../../infra/local/issuer.ts';
import { repoRoot } from '../../infra/local/lambda.ts';
import { freePort } from '../../infra/local/ports.ts';
import { inbox, type LocalSes, type StoredEmail, startSes } from '../../infra/local/ses.ts';

const REGISTRATIONS = 60;
const CONCURRENCY = 10;
/** Kill once this many have their 202: the rest are in flight or not sent yet. */
const KILL_AFTER = 25;
/** Short, so claims the kill left 'sending' lapse before the steps' first retry (15 s) comes back. */
const LEASE_SECONDS = 5;
const TABLE = 'samla-local';

interface Ports {
  readonly api: number;
  readonly dynamodb: number;
  readonly sfn: number;
  readonly examples: number;
}

let ses: LocalSes;
let localDir: string;
let ports: Ports;
let running: ChildProcess | undefined;
let output = '';

/** npm start in its own process group, as a terminal runs it; resolves when it says it is ready. */
async function npmStart(): Promise<{ child: ChildProcess; readyMs: number; resumed: number }> {
  const started = Date.now();
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('VITEST') && name !== 'NODE_OPTIONS') env[name] = value;
  }
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['infra/local/start.ts'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PORT: String(ports.api),
      DYNAMODB_PORT: String(ports.dynamodb),
      SFN_PORT: String(ports.sfn),
      EXAMPLES_PORT: String(ports.examples),
      SES_URL: ses.url,
      SAMLA_LOCAL_DIR: localDir,
      OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
      POWERTOOLS_LOG_LEVEL: 'WARN',
    },
  });
  running = child;
  let text = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      output = `${output}${chunk.toString()}`.slice(-20_000);
      if (text.includes('samla is running locally')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`npm start exited (${code ?? signal}) before it was ready:\n${output}`)),
    );
  });
  await ready;
  // The resumed count is printed after the ready line; give the rest of the banner a moment.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const resumed = Number(/Resumed (\d+) workflow execution/.exec(text)?.[1] ?? '0');
  return { child, readyMs: Date.now() - started, resumed };
}

/** kill -9 of the whole group, as a crash or `kill -9 -<pgid>` would. */
async function killGroup(child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  await exited;
  // Java's port too: the restart needs it.
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${ports.dynamodb}`, { signal: AbortSignal.timeout(200) });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } catch {
      return;
    }
  }
}

beforeAll(async () => {
  localDir = mkdtempSync(join(tmpdir(), 'samla-restart-'));
  ses = await startSes({ port: await freePort() });
  ports = {
    api: await freePort(),
    dynamodb: await freePort(),
    sfn: await freePort(),
    examples: await freePort(),
  };
});

afterAll(async () => {
  if (running?.pid !== undefined && running.exitCode === null && running.signalCode === null) {
    await killGroup(running);
  }
  await ses.stop();
  rmSync(localDir, { recursive: true, force: true });
});

const api = (path: string, init?: RequestInit) =>
  fetch(`http://127.0.0.1:${ports.api}${path}`, { ...init, signal: AbortSignal.timeout(20_000) });

/** A Stockholm wall-clock minute at least `leadMs` after a day from now: the one-day reminder's lead. */
function meetingLocalTime(leadMs: number): string {
  const at = new Date(Math.ceil((Date.now() + 24 * 3600_000 + leadMs) / 60_000) * 60_000);
  return at.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16).replace(' ', 'T');
}

const isConfirmation = (mail: StoredEmail) =>
  (mail.body.text?.includes('/v1/confirm/') ?? false) && !mail.subject.startsWith('Påminnelse');
const isMeetingReminder = (mail: StoredEmail) => mail.subject.startsWith('Påminnelse');
const recipients = (mail: StoredEmail) => [...mail.destination.to, ...mail.destination.cc];

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${output.slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('npm start killed with kill -9 mid-burst, then started again', () => {
  it('keeps every 202 registration, sends each confirmation once and the pending reminder at its time', {
    timeout: 600_000,
  }, async () => {
    const first = await npmStart();

    // A group with one member and a meeting a day and a bit ahead: its one-day reminder is pending
    // through the kill and due after the restart, which takes about as long as this start did.
    Object.assign(process.env, {
      TABLE_NAME: TABLE,
      AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ports.dynamodb}`,
      AWS_REGION: 'eu-north-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    });
    const { seedGroup } = await import('../support/groups.ts');
    const { group, members } = await seedGroup('demo', ['Åsa']);
    const member = members[0]?.email ?? '';
    const token = await signWithLocalIssuer(join(localDir, 'issuer'), {
      email: 'coordinator@example.org',
      networks: ['demo'],
    });
    const leadMs = Math.max(60_000, 2 * first.readyMs + 30_000);
    const scheduled = await api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        firstLocal: meetingLocalTime(leadMs),
        count: 1,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/restart',
      }),
    });
    expect(scheduled.status).toBe(201);
    const [meeting] = ((await scheduled.json()) as { meetings: { startsAt: string }[] }).meetings;
    const reminderDue = Date.parse(meeting?.startsAt ?? '') - 24 * 3600_000;
    // The invitation shows the meeting's execution ran up to its wait for the reminder.
    await until('the invitation', 30_000, async () =>
      (await inbox(ses.url)).some((m) => recipients(m).includes(member)) ? true : undefined,
    );

    // The burst: CONCURRENCY at a time; kill -9 once KILL_AFTER have their 202.
    const addresses = Array.from({ length: REGISTRATIONS }, (_, i) => `burst-${i}@ekskolan.se`);
    const accepted: string[] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    let killedAt = 0;
    const worker = async () => {
      while (next < addresses.length && killed === undefined) {
        const email = addresses[next++] ?? '';
        try {
          const response = await api('/v1/networks/demo/interest', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
            body: JSON.stringify({
              name: 'Anna Lindqvist',
              email,
              organisation: 'Ekskolan',
              role: 'Rektor',
              topics: ['Skolans ekonomi'],
              consent: true,
            }),
          });
          if (response.status === 202) accepted.push(email);
        } catch {
          // Cut off by the kill: no 202, so no promise was made.
        }
        if (accepted.length >= KILL_AFTER && killed === undefined) {
          killedAt = Date.now();
          killed = killGroup(first.child);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await killed;
    expect(killed).toBeDefined();
    expect(Date.now()).toBeLessThan(reminderDue);
    const sentBeforeKill = (await inbox(ses.url)).filter(isConfirmation).length;

    const second = await npmStart();
    const restartedAt = Date.now();
    // Not yet due, or the test would not show the wait resumed rather than fired.
    expect(restartedAt).toBeLessThan(reminderDue);
    // Every accepted registration's workflow (sent or not, it waits for its reminder) and the meeting's.
    expect(second.resumed).toBeGreaterThanOrEqual(accepted.length + 1);

    // In the table: every registration that was answered 202.
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: `http://127.0.0.1:${ports.dynamodb}`,
        region: 'eu-north-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    );
    const stored = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
      for (const item of page.Items ?? [])
        if (String(item.sk).startsWith('REGISTRATION#') && typeof item.email === 'string')
          stored.add(item.email);
      start = page.LastEvaluatedKey;
    } while (start);
    client.destroy();
    expect(accepted.filter((email) => !stored.has(email))).toEqual([]);

    // Each gets its confirmation: those whose claim the kill left 'sending' after the lease and a retry.
    const confirmations = async () => (await inbox(ses.url)).filter(isConfirmation);
    await until('a confirmation for every 202', 180_000, async () => {
      const got = new Set((await confirmations()).flatMap(recipients));
      return accepted.every((email) => got.has(email)) ? true : undefined;
    });

    // The reminder: once, not before it was due (nor at the restart), and soon after.
    const reminders = await until('the meeting reminder', reminderDue - Date.now() + 60_000, async () => {
      const found = (await inbox(ses.url)).filter(
        (m) => isMeetingReminder(m) && recipients(m).includes(member),
      );
      return found.length > 0 ? found : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(
      (await inbox(ses.url)).filter((m) => isMeetingReminder(m) && recipients(m).includes(member)),
    ).toHaveLength(1);
    expect(reminders[0]?.at).toBeGreaterThanOrEqual(Math.floor(reminderDue / 1000));
    expect(reminders[0]?.at).toBeLessThan(Math.floor(reminderDue / 1000) + 30);

    // Exactly one confirmation each, with the one exception sendOnce documents: SES took the first copy
    // and the process died before the outbox said 'sent', so after the lease the step sends it again. A
    // pair is allowed only where the first copy went out before the kill and the second after the restart:
    // a mail marked sent is never sent again, and none is lost. Under a burst on a busy machine that
    // window (SES's answer, then the outbox update, through a saturated event loop) is not small.
    const all = await confirmations();
    const perAddress = new Map<string, StoredEmail[]>();
    for (const mail of all)
      for (const to of recipients(mail)) perAddress.set(to, [...(perAddress.get(to) ?? []), mail]);
    const atLeastOnce: { email: string; secondsBeforeKill: number }[] = [];
    for (const email of accepted) {
      const mails = perAddress.get(email) ?? [];
      if (mails.length === 1) continue;
      expect(mails, email).toHaveLength(2);
      const [earlier, later] = mails;
      expect(earlier?.at, email).toBeLessThanOrEqual(Math.ceil(killedAt / 1000));
      expect(later?.at, email).toBeGreaterThanOrEqual(Math.floor(restartedAt / 1000));
      atLeastOnce.push({ email, secondsBeforeKill: killedAt / 1000 - (earlier?.at ?? 0) });
    }
    console.log(
      `restart: ${REGISTRATIONS} registrations, ${accepted.length} got 202 before the kill; ` +
        `${accepted.filter((e) => stored.has(e)).length}/${accepted.length} in the table; ` +
        `${sentBeforeKill} confirmations had gone out before the kill; ${second.resumed} executions resumed; ` +
        `${accepted.length - atLeastOnce.length}/${accepted.length} got exactly one confirmation, ` +
        `${atLeastOnce.length} two (first copy accepted by SES at most ` +
        `${Math.max(0, ...atLeastOnce.map((a) => a.secondsBeforeKill)).toFixed(1)} s before the kill, outbox not yet marked sent); ` +
        `reminder due ${new Date(reminderDue).toISOString()}, sent at ${new Date((reminders[0]?.at ?? 0) * 1000).toISOString()}; ` +
        `first start ${first.readyMs} ms, restart ${second.readyMs} ms`,
    );
  });
});
