/**
 * Warm latency of handlers invoked in this process (as a warm Lambda container runs them) against
 * DynamoDB Local, the SES inbox and the local Step Functions, next to a replay of the very SDK calls each
 * request made, sent bare through the same shared clients (recorder.ts): handler ÷ replay is what samla
 * adds around its calls, apart from how many calls it makes. Those are reported separately, as calls per
 * request, each with the reason it is there.
 *
 * Each request does the real work (a new address every time), and its replay does the same work on
 * twin items (the request's identifiers renamed), so every condition passes or fails as the handler's did;
 * a replay whose outcomes differ counts as diverged. Handler and replay alternate call by call, one at a
 * time (the handler's own calls in parallel where it made them in parallel), so a burst of load elsewhere
 * on the machine falls on both alike. The workflow tasks a request starts are held meanwhile
 * (environment.ts): in AWS they run in other Lambdas.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildEvent } from '../../infra/local/gateway.ts';
import { type LambdaHandler, lambdaContext } from '../../infra/local/lambda.ts';
import { inbox, recipients } from '../../infra/local/ses.ts';
import type { BenchEnvironment } from './environment.ts';
import { type Clients, prepareReplay, type RecordedCall, Recorder, Renamer } from './recorder.ts';
import type { ScenarioContext } from './scenarios.ts';
import { percentile, progress } from './stats.ts';

/** One kind of SDK call a request makes, how many times, and why it is there. */
export interface CallCount {
  readonly call: string;
  readonly count: number;
  readonly why: string;
  /** False for a call the request could do without (the bench flags it). */
  readonly needed: boolean;
}

export interface LatencyResult {
  readonly subject: string;
  /** Timed requests (and as many replays). */
  readonly calls: number;
  readonly handler: { p50: number; p99: number };
  readonly replay: { p50: number; p99: number };
  /**
   * Median time of a request with none of its SDK calls in flight: samla's own work (validation, the
   * mail's rendering, logging), and in the replay the bare client's between calls.
   */
  readonly outsideCalls: { handler: number; replay: number };
  /** Requests answered otherwise than expected. */
  readonly failures: number;
  /** Replays whose calls did not all end as the handler's did, with the first few differences. */
  readonly diverged: number;
  readonly divergences: string[];
  /** The SDK calls of one request, in the order sent. */
  readonly perRequest: CallCount[];
  /** The calls of one request in order, those sent together (in parallel) in brackets. */
  readonly order: string;
  /** Timed requests whose calls were not those of `perRequest`. */
  readonly otherShapes: number;
}

/**
 * Why each call is there, read from the handler, its service and its store (see the file named). A call
 * found here with no entry is reported as unexplained: a change to a handler shows up in the bench.
 */
const REASONS: Record<string, { why: string; needed: boolean }> = {
  'register-interest: GetItem NETWORK': {
    why: "the network: 404 for an unknown one, the form's languages and settings (getNetwork)",
    needed: true,
  },
  'request-to-join: GetItem GROUP': {
    why: 'the group: 404/409 for an unknown or closed one, its network id (getGroup; strongly consistent, so a group just closed is seen closed)',
    needed: true,
  },
  'request-to-join: GetItem NETWORK': {
    why: "the group's network: the form's languages and settings (getNetwork); after the group read, as it needs the group's network id",
    needed: true,
  },
  'UpdateItem MAILCAP': {
    why: "takes a place in the address's allowance of unsolicited mail before anything is written, so a refused post leaves nothing to mail about (withMailAllowance → takeMailPlace)",
    needed: true,
  },
  'PutItem NETWORK/REGISTRATION': {
    why: 'the registration, made only if the address has no live one (createRegistration, conditional)',
    needed: true,
  },
  'PutItem GROUP/JOIN': {
    why: 'the join request, made only if the person has no live one for the group (createJoinRequest, conditional)',
    needed: true,
  },
  // The opt-in state machine keeps its first construct name, Registration.
  'StartExecution Registration': {
    why: 'the opt-in workflow: it sends the confirmation mail, reminds once and lapses an unconfirmed record (startOptInWorkflow); the request returns without waiting for a mail',
    needed: true,
  },
  'GetItem TOKEN': {
    why: "the link, by its token's hash: purpose, subject, language, validity (openLink → getToken)",
    needed: true,
  },
  'confirm (join: seat): GetItem NETWORK': {
    why: 'the network: its name for the mail and its admission rule (confirmJoinRequest), read in parallel with the group and the request',
    needed: true,
  },
  'confirm (join: seat): GetItem GROUP': {
    why: 'the group: status, title, facilitator and place for the welcome mail (confirmJoinRequest, strongly consistent)',
    needed: true,
  },
  'GetItem GROUP/JOIN': {
    why: 'the join request: its status (pending, or confirmed already by an earlier press) and the person (confirmJoinRequest)',
    needed: true,
  },
  'TransactWriteItems (Update TOKEN, Update GROUP, Update GROUP/JOIN)': {
    why: 'one transaction: the link marked used, a seat taken if one is free, the request approved, all or nothing (takeSeat)',
    needed: true,
  },
  BatchGetItem: {
    why: "the welcome mail's permission: the address's suppression and its opt-out of the network, one request (sendOnce → mailPermission)",
    needed: true,
  },
  'PutItem OUTBOX': {
    why: 'claims the welcome mail in the outbox, so a retried or repeated press sends it once (sendOnce → claimOutbox)',
    needed: true,
  },
  'BatchWriteItem (Put TOKEN (unsubscribe-all), Put TOKEN (leave-group))': {
    why: "the welcome mail's link tokens in one write: its unsubscribe link, for its footer and List-Unsubscribe header, and the member's leave link (sendOnce → holdingLinks, beside the MIME encoding; leaveLink inside the mail's message()); no attribute_not_exists, which a key hashed from 256 random bits does not need",
    needed: true,
  },
  SendRawEmail: { why: 'the welcome mail (sendRawEmail)', needed: true },
  'UpdateItem OUTBOX': {
    why: 'marks the outbox entry sent, with the message id, so no later press sends it again (markOutboxSent)',
    needed: true,
  },
  'StartExecution Meeting': {
    why: "the meetings workflow's invitations to meetings already scheduled (startMemberInvitations); started even when the group has none, which the workflow finds out",
    needed: true,
  },
  'PutItem PERSON/CONSENT': {
    why: "the consent log entry of the confirmed request (recordConfirmedConsent), in parallel with the person's activity",
    needed: true,
  },
  'UpdateItem PERSON/PROFILE': {
    why: "the person's last activity, for the retention sweep (recordConfirmedConsent → touchPerson)",
    needed: true,
  },
};

function keyKind(key: unknown): string {
  const record = (key ?? {}) as Record<string, unknown>;
  const [pk, sk] = [record.pk, record.sk].map((part) => String(part ?? '').split('#')[0] ?? '');
  return sk === '' || sk === pk ? String(pk) : `${pk}/${sk}`;
}

/** What a call is, without its identifiers: "GetItem NETWORK", "PutItem GROUP/JOIN", … */
export function callLabel(call: RecordedCall): string {
  const input = (call.input ?? {}) as Record<string, unknown>;
  if (call.service === 'sfn' && call.command === 'StartExecution') {
    const machine =
      String(input.stateMachineArn ?? '')
        .split(':')
        .pop() ?? '';
    // CDK's names: "Workflows" + the construct + "StateMachine" + a hash.
    return `StartExecution ${machine.replace(/^Workflows/, '').replace(/StateMachine[0-9A-F]*$/, '')}`;
  }
  if (call.service !== 'dynamodb') return call.command;
  switch (call.command) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return `${call.command} ${keyKind(input.Key)}`;
    case 'PutItem': {
      // Link tokens by purpose: a request may store several, for different reasons.
      const item = (input.Item ?? {}) as Record<string, unknown>;
      const kind = keyKind(item);
      return kind === 'TOKEN' && typeof item.purpose === 'string'
        ? `PutItem TOKEN (${item.purpose})`
        : `PutItem ${kind}`;
    }
    case 'BatchWriteItem': {
      // The link tokens of one mail, stored together: named by purpose, as a PutItem TOKEN is.
      const tables = (input.RequestItems ?? {}) as Record<
        string,
        Record<string, { Key?: unknown; Item?: unknown }>[]
      >;
      const parts = Object.values(tables)
        .flat()
        .map((request) => {
          const [action, body] = Object.entries(request)[0] ?? ['?', {}];
          const item = (body.Item ?? {}) as Record<string, unknown>;
          const kind = keyKind(body.Key ?? body.Item);
          return action === 'PutRequest' && kind === 'TOKEN' && typeof item.purpose === 'string'
            ? `Put TOKEN (${item.purpose})`
            : `${action.replace(/Request$/, '')} ${kind}`;
        });
      return `BatchWriteItem (${parts.join(', ')})`;
    }
    case 'Query': {
      const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
      const partition = String(Object.values(values)[0] ?? '').split('#')[0];
      return `Query ${input.IndexName ?? 'table'} ${partition}`;
    }
    case 'TransactWriteItems': {
      const parts = (input.TransactItems ?? []) as Record<string, { Key?: unknown; Item?: unknown }>[];
      return `TransactWriteItems (${parts
        .map((part) => {
          const [action, body] = Object.entries(part)[0] ?? ['?', {}];
          return `${action} ${keyKind(body.Key ?? body.Item)}`;
        })
        .join(', ')})`;
    }
    default:
      return call.command;
  }
}

/** "a → [b ‖ c] → d": calls sent before any other completed go together. */
export function callOrder(calls: readonly RecordedCall[]): string {
  const groups: string[][] = [];
  let last: readonly number[] | undefined;
  for (const call of calls) {
    const together = last !== undefined && call.after.length === last.length;
    if (together) groups.at(-1)?.push(callLabel(call));
    else groups.push([callLabel(call)]);
    last = call.after;
  }
  return groups.map((group) => (group.length > 1 ? `[${group.join(' ‖ ')}]` : group[0])).join(' → ');
}

function perRequest(subject: string, labels: readonly string[]): CallCount[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([call, count]) => {
    const reason = REASONS[`${subject}: ${call}`] ?? REASONS[call];
    return {
      call,
      count,
      why: reason?.why ?? 'UNEXPLAINED: no reason recorded in test/bench/latency.ts',
      needed: reason?.needed ?? false,
    };
  });
}

function event(
  method: string,
  routeKey: string,
  url: string,
  params: Record<string, string>,
  body?: unknown,
) {
  return buildEvent(
    {
      method,
      url,
      headers: {
        host: '127.0.0.1',
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body)),
      sourceIp: '127.0.0.1',
      host: '127.0.0.1',
    },
    routeKey,
    params,
    randomUUID(),
  );
}

interface Subject {
  readonly subject: string;
  /** Prepares request i (not timed), then returns the request to time, which says whether it answered as expected. */
  request(i: number): Promise<() => Promise<boolean>>;
}

interface Timing {
  readonly recorder: Recorder;
  readonly renamer: Renamer;
  readonly clients: Clients;
}

/** What the requests of one subject recorded, by request index: the next subject may build on them. */
type Recordings = RecordedCall[][];

async function run(
  timing: Timing,
  subject: Subject,
  calls: number,
  warmup: number,
): Promise<{ result: LatencyResult; recordings: Recordings }> {
  const { recorder, renamer, clients } = timing;
  const handlerTimes: number[] = [];
  const replayTimes: number[] = [];
  const handlerOwn: number[] = [];
  const replayOwn: number[] = [];
  const recordings: Recordings = [];
  const shapes = new Map<string, { count: number; order: string }>();
  const divergences: string[] = [];
  let failures = 0;
  let diverged = 0;

  const handlerCall = async (i: number) => {
    const call = await subject.request(i);
    let ms = 0;
    const {
      result: ok,
      calls: recorded,
      sdkMs,
    } = await recorder.record(async () => {
      const started = performance.now();
      const answered = await call();
      ms = performance.now() - started;
      return answered;
    });
    recordings[i] = recorded;
    return { ok, ms, own: ms - sdkMs, recorded };
  };
  // Recorded too, though nothing reads what: the recorder's own cost then falls on both sides alike.
  const replayCall = async (recorded: RecordedCall[]) => {
    const replay = prepareReplay(recorded, renamer, clients);
    let ms = 0;
    const { result: differences, sdkMs } = await recorder.record(async () => {
      const started = performance.now();
      const outcome = await replay();
      ms = performance.now() - started;
      return outcome;
    });
    return { ms, own: ms - sdkMs, differences };
  };
  const tally = (i: number, ok: boolean, differences: string[]) => {
    if (!ok) failures += 1;
    if (differences.length > 0) {
      diverged += 1;
      if (divergences.length < 5) divergences.push(`request ${i}: ${differences.join('; ')}`);
    }
  };

  // Two requests first, to learn which identifiers every request shares (the table, the group, the
  // state machine): those the replay keeps. Then their replays, and the rest alternately.
  const first = await handlerCall(0);
  const second = await handlerCall(1);
  renamer.share(first.recorded, second.recorded);
  for (const [i, call] of [first, second].entries())
    tally(i, call.ok, (await replayCall(call.recorded)).differences);

  const total = calls + warmup;
  for (let i = 2; i < total; i += 1) {
    const handler = await handlerCall(i);
    const replay = await replayCall(handler.recorded);
    tally(i, handler.ok, replay.differences);
    if (i >= warmup) {
      handlerTimes.push(handler.ms);
      replayTimes.push(replay.ms);
      handlerOwn.push(handler.own);
      replayOwn.push(replay.own);
      const shape = handler.recorded.map(callLabel).join('\n');
      const seen = shapes.get(shape);
      if (seen) seen.count += 1;
      else shapes.set(shape, { count: 1, order: callOrder(handler.recorded) });
    }
  }
  const [common = '', { count, order } = { count: 0, order: '' }] =
    [...shapes].sort((a, b) => b[1].count - a[1].count)[0] ?? [];
  return {
    result: {
      subject: subject.subject,
      calls: handlerTimes.length,
      handler: { p50: percentile(handlerTimes, 50), p99: percentile(handlerTimes, 99) },
      replay: { p50: percentile(replayTimes, 50), p99: percentile(replayTimes, 99) },
      outsideCalls: { handler: percentile(handlerOwn, 50), replay: percentile(replayOwn, 50) },
      failures,
      diverged,
      divergences,
      perRequest: perRequest(subject.subject, common === '' ? [] : common.split('\n')),
      order,
      otherShapes: handlerTimes.length - count,
    },
    recordings,
  };
}

const statusOf = (result: unknown) => (result as APIGatewayProxyStructuredResultV2).statusCode;

/** A fresh address whose local part is one long run, so the replay renames it (recorder.ts). */
const freshAddress = (kind: string) => `${kind}-${randomBytes(8).toString('hex')}@skola.example`;

export async function measureLatency(
  env: BenchEnvironment,
  ctx: ScenarioContext,
  calls: number,
  warmup: number,
): Promise<LatencyResult[]> {
  const { hashToken } = await import('../../shared/tokens.ts');
  const { dynamo } = await import('../../shared/clients/dynamodb.ts');
  const { ses } = await import('../../shared/clients/ses.ts');
  const { sfn } = await import('../../shared/clients/sfn.ts');
  const clients: Clients = { dynamo, ses, sfn };
  const recorder = new Recorder();
  recorder.install(clients);
  const timing: Timing = { recorder, renamer: new Renamer(), clients };
  const group = await ctx.benchGroup();
  const results: LatencyResult[] = [];
  const total = calls + warmup;
  const person = (email: string) => ({
    name: 'Anna Lindqvist',
    email,
    organisation: 'Ekskolan',
    role: 'Rektor',
  });

  env.workflows('hold');
  try {
    const register = await env.handler('register-interest');
    progress(`latency: register-interest, ${total} requests and as many replays`);
    results.push(
      (
        await run(
          timing,
          {
            subject: 'register-interest',
            request: async () => {
              const e = event(
                'POST',
                'POST /v1/networks/{networkId}/interest',
                '/v1/networks/demo/interest',
                { networkId: 'demo' },
                { ...person(freshAddress('reg')), topics: ['Skolans ekonomi'], consent: true },
              );
              return async () => statusOf(await register(e, lambdaContext('register-interest'))) === 202;
            },
          },
          calls,
          warmup,
        )
      ).result,
    );

    const requestToJoin = await env.handler('request-to-join');
    progress(`latency: request-to-join, ${total} requests and as many replays`);
    const joinAddresses: string[] = [];
    const joined = await run(
      timing,
      {
        subject: 'request-to-join',
        request: async (i) => {
          const address = freshAddress('join');
          joinAddresses[i] = address;
          const e = event(
            'POST',
            'POST /v1/groups/{groupId}/join-requests',
            `/v1/groups/${group.id}/join-requests`,
            { groupId: group.id },
            { ...person(address), consent: true, language: 'sv' },
          );
          return async () => statusOf(await requestToJoin(e, lambdaContext('request-to-join'))) === 202;
        },
      },
      calls,
      warmup,
    );
    results.push(joined.result);

    const tokens = await confirmationLinks(env, timing.renamer, joined.recordings, joinAddresses, hashToken);
    const confirm = await env.handler('confirm');
    progress(`latency: confirm of a join request, ${total} requests and as many replays`);
    results.push(
      (
        await run(
          timing,
          {
            subject: 'confirm (join: seat)',
            request: async (i) => {
              const token = tokens[i] ?? 'missing';
              const e = event('POST', 'POST /v1/confirm/{token}', `/v1/confirm/${token}`, { token });
              return async () => {
                const result = (await confirm(
                  e,
                  lambdaContext('confirm'),
                )) as APIGatewayProxyStructuredResultV2;
                return result.statusCode === 200 && String(result.body).includes('approved');
              };
            },
          },
          calls,
          warmup,
        )
      ).result,
    );
  } finally {
    recorder.uninstall();
    env.workflows('run');
  }
  return results;
}

/**
 * The join requests' confirmation mails, untimed: in AWS the opt-in workflow sends them, which is held
 * here, so its send step runs directly, for each request and for its twin. The twin's link token is
 * the twin of the request's (Renamer.pair), so a replayed confirm opens the twin's link. Returns the
 * requests' tokens by index.
 */
async function confirmationLinks(
  env: BenchEnvironment,
  renamer: Renamer,
  recordings: Recordings,
  addresses: readonly string[],
  hashToken: (token: string) => string,
): Promise<string[]> {
  progress('latency: sending the join confirmations (opt-in send step) of the requests and their twins');
  const steps: LambdaHandler = await env.handler('opt-in-steps');
  const twinAddress = (address: string) => renamer.rename(address).toLowerCase();
  for (const recorded of recordings) {
    const put = recorded.find((call) => callLabel(call) === 'PutItem GROUP/JOIN');
    const item = (put?.input as { Item?: Record<string, string> } | undefined)?.Item;
    if (!item?.id || !item.groupId || !item.networkId)
      throw new Error('latency: a join request was not made');
    const subject = { type: 'join-request', networkId: item.networkId, groupId: item.groupId, id: item.id };
    // Whether a mail went out shows below, as a link found or not.
    for (const s of [subject, { ...subject, id: renamer.rename(subject.id) }])
      await steps({ step: 'send-confirmation', subject: s }, lambdaContext('opt-in-steps'));
  }
  const links = new Map<string, string>();
  for (const mail of await inbox(env.sesUrl)) {
    const token = /\/v1\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? '')?.[1];
    const to = recipients(mail)[0];
    if (token && to) links.set(to, token);
  }
  return addresses.map((address, i) => {
    const token = links.get(address);
    const twin = links.get(twinAddress(address));
    if (!token || !twin) throw new Error(`latency: no confirmation link for join request ${i} or its twin`);
    renamer.pair(hashToken(token), hashToken(twin));
    return token;
  });
}
