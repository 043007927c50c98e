/**
 * Workflows under faults: SES failing on 30 % of calls (throttling, 5xx, dropped connections, chosen by a
 * seeded random: FAULT_SEED replays a run) while registration and meeting workflows run, and a Lambda
 * task failing once in the middle of each. Every email still goes out exactly once: the inbox holds one
 * message per dedupe key of the outbox, and no message twice.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { meetingDedupeKey } from '../../shared/domain/meeting.ts';
import { keys } from '../../shared/store/keys.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type StoredEmail, type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { allItems } from '../support/table.ts';
import { failingHandlers, failSes } from './faults.ts';

const SEED = Number(process.env.FAULT_SEED ?? 20_250_901);
const networkId = `faults-${randomUUID().slice(0, 6)}`;
const coordinator = uniqueEmail('coordinator');

// The reminder step of the opt-in workflow dies after it sent its email (as a Lambda that times
// out before returning); the first reminder step of the meeting workflow dies before it runs.
const handlers = failingHandlers({
  'opt-in-steps': { when: 'after', match: (event) => event.step === 'remind' },
  'meeting-steps': { when: 'before', match: (event) => event.step === 'remind' },
});

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack({
    // Expiry well after the reminder: a reminder still failing at the expiry is dropped (its link would be
    // dead), and SES failures with their retries can hold it back ten seconds or more.
    env: { REGISTRATION_REMINDER_AFTER_SECONDS: '2', REGISTRATION_EXPIRE_AFTER_SECONDS: '20' },
    waitTimeOverrides: { WaitForNext: 1500 },
    loadHandler: handlers.loader,
  });
  await createNetworkIfMissing({
    id: networkId,
    name: 'Felnätverket',
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinator],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
  });
});
afterAll(() => stack.stop());

async function register(email: string): Promise<string> {
  const response = await stack.api(`/v1/networks/${networkId}/interest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Kari',
      email,
      organisation: 'Skolen',
      role: 'Rektor',
      topics: [],
      consent: true,
    }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

const hasCalendar = (mail: StoredEmail) =>
  mail.attachments.some((a) => a.contentType.startsWith('text/calendar'));

describe('workflows while SES fails on 30 % of calls and a task dies once', () => {
  it('send every email exactly once', { timeout: 180_000 }, async () => {
    const sesFaults = failSes({ rate: 0.3, seed: SEED, maxPerMessage: 2 });
    const registrants = [uniqueEmail('first'), uniqueEmail('second')];
    let members: JoinRequest[] = [];
    let facilitator = '';
    let meetingId = '';
    try {
      const ids = await Promise.all(registrants.map(register));
      const seeded = await seedGroup(networkId, ['Åsa', 'Dennis']);
      members = seeded.members;
      facilitator = seeded.group.facilitator.email ?? '';
      const created = await stack.api(`/v1/admin/groups/${seeded.group.id}/meetings`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await stack.token({ email: coordinator, networks: [networkId] })}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          firstLocal: inDays(21),
          mode: 'online',
          onlineUrl: 'https://meet.example.org/f',
        }),
      });
      expect(created.status).toBe(201);
      const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
      meetingId = meeting?.id ?? '';
      const executions = await Promise.all([
        ...ids.map((id) => stack.waitForExecutionStarted(optInFor(id))),
        stack.waitForExecutionStarted((input) => input.meetingId === meeting?.id),
      ]);
      const done = await Promise.all(
        executions.map((e) => stack.sfn.waitForExecution(e.executionArn, 150_000)),
      );
      expect(done.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    } finally {
      sesFaults.stop();
    }
    if (process.env.SAMLA_TEST_VERBOSE)
      console.log(
        `SES calls ${sesFaults.calls}, failed here ${sesFaults.injected}; task failures ${JSON.stringify(handlers.failures)}`,
      );
    // The faults really happened, and were retried.
    expect(sesFaults.injected).toBeGreaterThan(0);
    expect(sesFaults.calls).toBeGreaterThan(sesFaults.injected);
    expect(handlers.failures).toEqual({ 'opt-in-steps': 1, 'meeting-steps': 1 });

    const outbox = (await allItems(stack.tableName)).filter((item) => item.type === 'outbox');
    // No claim left behind by a failed send: every one was sent in the end.
    expect(outbox.filter((item) => item.state !== 'sent')).toEqual([]);
    const recipients = [...registrants, ...members.map((m) => m.email), coordinator, facilitator];
    const mails = (await Promise.all(recipients.map((address) => stack.emailsTo(address)))).flat();
    // One message in the inbox per dedupe key, each the one the outbox recorded: none sent twice.
    expect(mails.map((mail) => mail.messageId).sort()).toEqual(
      outbox.map((item) => String(item.messageId)).sort(),
    );
    if (process.env.SAMLA_TEST_VERBOSE)
      console.log(`emails counted: ${mails.length} to ${recipients.length} recipients`);
    for (const address of recipients) {
      const own = await stack.emailsTo(address);
      const contents = own.map((mail) => `${mail.subject}\n${mail.body.text}`);
      expect(new Set(contents).size, address).toBe(own.length);
    }
    // Each registrant: the confirmation and the reminder (sent, then its step died, then it was retried).
    for (const address of registrants) {
      const subjects = (await stack.emailsTo(address)).map((mail) => mail.subject);
      expect(subjects).toHaveLength(2);
      expect(new Set(subjects).size).toBe(2);
    }
    // Each member: one invitation with its calendar entry, and the reminders 7 days and 1 day before.
    for (const member of members) {
      const own = await stack.emailsTo(member.email);
      expect(own.filter(hasCalendar)).toHaveLength(1);
      for (const kind of ['invitation', 'reminder-7', 'reminder-1'] as const) {
        const { pk } = keys.outbox(meetingDedupeKey({ meetingId, memberId: member.id, kind, version: 1 }));
        expect(
          outbox.filter((item) => item.pk === pk),
          kind,
        ).toHaveLength(1);
      }
    }
  });
});
