/**
 * Warm latency of handlers invoked in this process (as a warm Lambda container runs them) against
 * DynamoDB Local and the SES inbox, next to the one bare DynamoDB request each is built around, sent by
 * the same shared client: what the handler adds on top of its essential write.
 *
 * Each call does the real work (a new address every time). Handler and bare calls alternate call by call,
 * so a burst of load elsewhere on the machine falls on both alike. The workflow tasks a registration starts are held
 * meanwhile (environment.ts): in AWS they run in other Lambdas.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { buildEvent } from '../../infra/local/gateway.ts';
import { lambdaContext } from '../../infra/local/lambda.ts';
import { inbox, recipients } from '../../infra/local/ses.ts';
import { optInTiming } from '../../shared/services/opt-in.ts';
import type { BenchEnvironment } from './environment.ts';
import type { ScenarioContext } from './scenarios.ts';
import { percentile, progress } from './stats.ts';

export interface LatencyResult {
  readonly subject: string;
  readonly bare: string;
  readonly calls: number;
  readonly handler: { p50: number; p99: number };
  readonly baseline: { p50: number; p99: number };
  readonly failures: number;
}

interface Pair {
  readonly subject: string;
  readonly bare: string;
  /** Prepares call i (not timed), then returns the call to time. */
  handlerCall(i: number): Promise<() => Promise<boolean>>;
  bareCall(i: number): Promise<() => Promise<void>>;
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

const statusOf = (result: unknown) => (result as APIGatewayProxyStructuredResultV2).statusCode;

async function run(pair: Pair, calls: number, warmup: number): Promise<LatencyResult> {
  const handlerTimes: number[] = [];
  const bareTimes: number[] = [];
  let failures = 0;
  let index = 0;
  const once = async (record: boolean) => {
    const call = await pair.handlerCall(index);
    const started = performance.now();
    const ok = await call();
    const ms = performance.now() - started;
    const bare = await pair.bareCall(index);
    const bareStarted = performance.now();
    await bare();
    const bareMs = performance.now() - bareStarted;
    index += 1;
    if (!ok) failures += 1;
    if (record) {
      handlerTimes.push(ms);
      bareTimes.push(bareMs);
    }
  };
  for (let i = 0; i < warmup; i += 1) await once(false);
  for (let i = 0; i < calls; i += 1) await once(true);
  return {
    subject: pair.subject,
    bare: pair.bare,
    calls: handlerTimes.length,
    handler: { p50: percentile(handlerTimes, 50), p99: percentile(handlerTimes, 99) },
    baseline: { p50: percentile(bareTimes, 50), p99: percentile(bareTimes, 99) },
    failures,
  };
}

export async function measureLatency(
  env: BenchEnvironment,
  ctx: ScenarioContext,
  calls: number,
  warmup: number,
): Promise<LatencyResult[]> {
  const { createRegistration } = await import('../../shared/store/registrations.ts');
  const { newRegistration } = await import('../../shared/domain/registration.ts');
  const { createJoinRequest, takeSeat } = await import('../../shared/store/join-requests.ts');
  const { newJoinRequest } = await import('../../shared/domain/group.ts');
  const { hashToken, newToken } = await import('../../shared/tokens.ts');
  const { keys } = await import('../../shared/store/keys.ts');
  const { dynamo } = await import('../../shared/clients/dynamodb.ts');
  const { PutCommand } = await import('@aws-sdk/lib-dynamodb');
  const group = await ctx.benchGroup();
  const run_ = randomUUID().slice(0, 6);
  const address = (kind: string, i: number) => `${kind}-${run_}-${i}@skola.example`;
  const results: LatencyResult[] = [];
  const total = calls + warmup;

  env.workflows('hold');
  const register = await env.handler('register-interest');
  const timing = { reminderAfterSeconds: 172_800, expireAfterSeconds: 604_800 };
  const person = (email: string) => ({
    name: 'Anna Lindqvist',
    email,
    organisation: 'Ekskolan',
    role: 'Rektor',
  });
  progress(`latency: register-interest, ${total} calls and as many bare PutItems`);
  results.push(
    await run(
      {
        subject: 'register-interest',
        bare: 'PutItem (createRegistration)',
        handlerCall: async (i) => {
          const e = event(
            'POST',
            'POST /v1/networks/{networkId}/interest',
            '/v1/networks/demo/interest',
            {
              networkId: 'demo',
            },
            { ...person(address('reg', i)), topics: ['Skolans ekonomi'], consent: true },
          );
          return async () => statusOf(await register(e, lambdaContext('register-interest'))) === 202;
        },
        bareCall: async (i) => {
          const now = new Date();
          const r = newRegistration(
            'demo',
            { ...person(address('bare-reg', i)), topics: ['Skolans ekonomi'] },
            'sv',
            timing,
            now,
          );
          return async () => {
            await createRegistration(r, now);
          };
        },
      },
      calls,
      warmup,
    ),
  );

  const requestToJoin = await env.handler('request-to-join');
  progress(`latency: request-to-join, ${total} calls and as many bare PutItems`);
  const bareRequests: { request: ReturnType<typeof newJoinRequest>; tokenHash: string }[] = [];
  results.push(
    await run(
      {
        subject: 'request-to-join',
        bare: 'PutItem (createJoinRequest)',
        handlerCall: async (i) => {
          const e = event(
            'POST',
            'POST /v1/groups/{groupId}/join-requests',
            `/v1/groups/${group.id}/join-requests`,
            {
              groupId: group.id,
            },
            { ...person(address('join', i)), consent: true, language: 'sv' },
          );
          return async () => statusOf(await requestToJoin(e, lambdaContext('request-to-join'))) === 202;
        },
        bareCall: async (i) => {
          const now = new Date();
          const request = newJoinRequest(group, person(address('bare-join', i)), 'sv', optInTiming(), now);
          return async () => {
            await createJoinRequest(request, now);
            bareRequests.push({ request, tokenHash: '' });
          };
        },
      },
      calls,
      warmup,
    ),
  );

  // The confirmations need the tokens of the links the handler emailed, and the bare seat transactions
  // tokens of their own, made here, untimed.
  progress('latency: collecting the join confirmation links from the inbox');
  const tokens = new Map<string, string>();
  for (const mail of await inbox(env.sesUrl)) {
    const match = /\/v1\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.body.text ?? '');
    const to = recipients(mail)[0];
    if (match?.[1] && to?.startsWith(`join-${run_}-`)) tokens.set(to, match[1]);
  }
  // Only what the seat transaction's token condition reads: the link itself is not what is timed.
  for (const bare of bareRequests) {
    bare.tokenHash = hashToken(newToken());
    await dynamo.send(
      new PutCommand({
        TableName: env.stack.tableName,
        Item: { ...keys.token(bare.tokenHash), type: 'token', validUntil: bare.request.expireAt },
      }),
    );
  }
  const confirm = await env.handler('confirm');
  progress(`latency: confirm of a join request, ${total} calls and as many bare seat transactions`);
  results.push(
    await run(
      {
        subject: 'confirm (join: seat)',
        bare: 'TransactWriteItems (takeSeat: token, group, request)',
        handlerCall: async (i) => {
          const token = tokens.get(address('join', i)) ?? 'missing';
          const e = event('POST', 'POST /v1/confirm/{token}', `/v1/confirm/${token}`, { token });
          return async () => {
            const result = (await confirm(e, lambdaContext('confirm'))) as APIGatewayProxyStructuredResultV2;
            return result.statusCode === 200 && String(result.body).includes('approved');
          };
        },
        bareCall: async (i) => {
          const bare = bareRequests[i];
          if (!bare) throw new Error(`no bare join request ${i}`);
          const now = new Date();
          return async () => {
            const outcome = await takeSeat(bare.request, ['pending_confirmation'], now, bare.tokenHash);
            if (outcome !== 'done') throw new Error(`bare takeSeat: ${outcome}`);
          };
        },
      },
      calls,
      warmup,
    ),
  );
  env.workflows('run');
  return results;
}
