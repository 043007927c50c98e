/**
 * What one operation costs in AWS, counted while it runs through the local stack: DynamoDB request units
 * by AWS's billing rules (meter.ts), emails, workflow executions and their state transitions, Lambda
 * invocations, API requests and log bytes. Each scenario is a list of steps, each step one window of the
 * meter. Add a scenario to `capacityScenarios` to have it measured, printed and priced (README: What it costs).
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { signToken } from '../../infra/local/issuer.ts';
import { repoRoot } from '../../infra/local/lambda.ts';
import { type StoredEmail, sentTo, waitForEmail } from '../../infra/local/ses.ts';
import type { LocalExecution } from '../../infra/local/stepfunctions.ts';
import type { Group } from '../../shared/domain/group.ts';
import type { Network } from '../../shared/domain/network.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { linkIn } from '../support/table.ts';
import type { BenchEnvironment } from './environment.ts';
import type { Usage } from './meter.ts';

export interface MeasuredStep {
  readonly scenario: string;
  readonly step: string;
  readonly usage: Usage;
  /** Step Functions state transitions (states entered) during the window. */
  readonly transitions: number;
  /** Write request units this step should stay within, if there is a target. */
  readonly targetWru?: number;
}

export interface CapacityScenario {
  readonly name: string;
  /** Undefined when it can run; otherwise why not. */
  readonly unavailable?: () => string | undefined;
  run(ctx: ScenarioContext): Promise<MeasuredStep[]>;
}

export const BENCH_NETWORK: Network = {
  id: 'bench',
  name: 'Benchnätverket',
  languages: ['sv', 'nb', 'en'],
  coordinators: ['samordnare@bench.example'],
  timeZone: 'Europe/Stockholm',
  memberDomains: ['skola.example'],
};

export class ScenarioContext {
  private group: Group | undefined;

  constructor(readonly env: BenchEnvironment) {}

  api(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.env.stack.apiUrl}${path}`, init);
  }

  postJson(path: string, body: unknown): Promise<Response> {
    return this.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  }

  async expectStatus(response: Response, status: number, what: string): Promise<Response> {
    if (response.status !== status)
      throw new Error(`${what}: expected ${status}, got ${response.status} ${await response.text()}`);
    return response;
  }

  emailTo(address: string, predicate: (mail: StoredEmail) => boolean = () => true): Promise<StoredEmail> {
    return waitForEmail(this.env.sesUrl, (mail) => sentTo(address)(mail) && predicate(mail), 20_000);
  }

  coordinatorToken(networkId: string): Promise<string> {
    const { issuer } = this.env.stack;
    return signToken(issuer.key, issuer, {
      email: BENCH_NETWORK.coordinators[0] ?? '',
      networks: [networkId],
    });
  }

  execution(match: (input: Record<string, unknown>) => boolean): LocalExecution {
    const found = this.env.stack.sfn
      .listExecutions()
      .find((e) => match(JSON.parse(e.input) as Record<string, unknown>));
    if (!found) throw new Error('no matching workflow execution');
    return found;
  }

  private transitions(): number {
    return this.env.stack.sfn
      .listExecutions()
      .reduce((sum, e) => sum + e.events.filter((event) => event.type === 'StateEntered').length, 0);
  }

  /** One meter window around `work`. */
  async measure(
    scenario: string,
    step: string,
    work: () => Promise<void>,
    targetWru?: number,
  ): Promise<MeasuredStep> {
    const transitions = this.transitions();
    this.env.meter.begin();
    try {
      await work();
    } catch (error) {
      this.env.meter.end();
      throw error;
    }
    const usage = this.env.meter.end();
    return {
      scenario,
      step,
      usage,
      transitions: this.transitions() - transitions,
      ...(targetWru === undefined ? {} : { targetWru }),
    };
  }

  /** The bench network (member domain skola.example) and a group in it, made once, not metered. */
  async benchGroup(): Promise<Group> {
    if (this.group) return this.group;
    const { createNetworkIfMissing } = await import('../../shared/store/networks.ts');
    const { createGroup } = await import('../../shared/store/groups.ts');
    await createNetworkIfMissing(BENCH_NETWORK);
    const at = new Date().toISOString();
    const group: Group = {
      id: randomUUID().slice(0, 12),
      networkId: BENCH_NETWORK.id,
      title: 'Skolans ekonomi',
      question: 'Hur räknar vi på inredningen i ett nytt skolhus?',
      facilitator: { name: 'Magnus', email: 'magnus@skola.example' },
      capacity: 100_000,
      seatsTaken: 0,
      mode: 'online',
      status: 'open',
      createdAt: at,
      updatedAt: at,
    };
    await createGroup(group);
    this.group = group;
    return group;
  }
}

const person = (email: string) => ({
  name: 'Anna Lindqvist',
  email,
  organisation: 'Ekskolan',
  role: 'Rektor',
  consent: true,
});

const interest = (email: string) => ({ ...person(email), topics: ['Skolans ekonomi', 'Rekrytering'] });

const registration: CapacityScenario = {
  name: 'registration',
  async run(ctx) {
    const email = `anna-${randomUUID().slice(0, 8)}@skola.example`;
    let id = '';
    ctx.env.workflows('gate');
    const post = await ctx.measure(
      'registration',
      'POST /v1/networks/{id}/interest',
      async () => {
        const response = await ctx.postJson('/v1/networks/demo/interest', interest(email));
        id = ((await (await ctx.expectStatus(response, 202, 'registration')).json()) as { id: string }).id;
      },
      2,
    );
    const execution = ctx.execution((input) => (input.subject as { id?: unknown } | undefined)?.id === id);
    const send = await ctx.measure(
      'registration',
      'its workflow sends the confirmation email',
      async () => {
        ctx.env.workflows('run');
        await ctx.env.stack.sfn.waitForState(execution.executionArn, 'WaitForConfirmation');
      },
      2,
    );
    const confirm = await ctx.measure('confirm', 'GET the emailed link, POST its button', async () => {
      const { url } = linkIn((await ctx.emailTo(email)).body.text);
      await ctx.expectStatus(await fetch(url, { headers: { accept: 'text/html' } }), 200, 'confirm page');
      await ctx.expectStatus(
        await fetch(url, { method: 'POST', headers: { accept: 'application/json' } }),
        200,
        'confirm',
      );
      await ctx.emailTo(email, (mail) => !(mail.body.text ?? '').includes('/v1/confirm/'));
    });
    const rest = await ctx.measure(
      'registration',
      'its workflow, after confirmation: reminder step ends it',
      async () => {
        const done = await ctx.env.stack.sfn.waitForExecution(execution.executionArn, 30_000);
        if (done.status !== 'SUCCEEDED') throw new Error(`opt-in workflow ${done.status}`);
      },
    );
    return [post, send, confirm, rest];
  },
};

const join_: CapacityScenario = {
  name: 'join',
  async run(ctx) {
    const group = await ctx.benchGroup();
    const email = `ola-${randomUUID().slice(0, 8)}@skola.example`;
    const ask = await ctx.measure(
      'join',
      'POST /v1/groups/{id}/join-requests (sends the confirmation)',
      async () => {
        await ctx.expectStatus(
          await ctx.postJson(`/v1/groups/${group.id}/join-requests`, person(email)),
          202,
          'join request',
        );
      },
    );
    const confirm = await ctx.measure(
      'join',
      'confirm: GET the link, POST (seat transaction, welcome email)',
      async () => {
        const { url } = linkIn((await ctx.emailTo(email)).body.text);
        await ctx.expectStatus(
          await fetch(url, { headers: { accept: 'text/html' } }),
          200,
          'join confirm page',
        );
        const response = await ctx.expectStatus(
          await fetch(url, { method: 'POST', headers: { accept: 'application/json' } }),
          200,
          'join confirm',
        );
        const { status } = (await response.json()) as { status: string };
        if (status !== 'approved') throw new Error(`join confirm: ${status}, expected a seat`);
      },
    );
    return [ask, confirm];
  },
};

const MEETING_MEMBERS = ['Anna', 'Bertil', 'Cecilia', 'David', 'Eva', 'Fredrik', 'Greta', 'Hugo'];

const meeting: CapacityScenario = {
  name: 'meeting',
  async run(ctx) {
    await ctx.benchGroup();
    const { group } = await seedGroup(BENCH_NETWORK.id, MEETING_MEMBERS);
    const headers = {
      authorization: `Bearer ${await ctx.coordinatorToken(BENCH_NETWORK.id)}`,
      'content-type': 'application/json',
    };
    let meetingId = '';
    ctx.env.workflows('gate');
    const schedule = await ctx.measure(
      'meeting',
      `schedule one meeting of a group of ${MEETING_MEMBERS.length}`,
      async () => {
        const response = await ctx.expectStatus(
          await ctx.api(`/v1/admin/groups/${group.id}/meetings`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              firstLocal: inDays(30),
              count: 1,
              mode: 'online',
              onlineUrl: 'https://meet.example.org/x',
            }),
          }),
          201,
          'schedule meeting',
        );
        meetingId = ((await response.json()) as { meetings: { id: string }[] }).meetings[0]?.id ?? '';
      },
    );
    const execution = ctx.execution((input) => input.meetingId === meetingId);
    const workflow = await ctx.measure(
      'meeting',
      'its workflow: invitation, reminders, evaluation request, reminder, close',
      async () => {
        ctx.env.workflows('run');
        const done = await ctx.env.stack.sfn.waitForExecution(execution.executionArn, 60_000);
        if (done.status !== 'SUCCEEDED')
          throw new Error(`meeting workflow ${done.status}: ${done.cause ?? ''}`);
      },
    );
    return [schedule, workflow];
  },
};

const listGroups: CapacityScenario = {
  name: 'list-groups',
  async run(ctx) {
    await ctx.benchGroup();
    return [
      await ctx.measure('list-groups', 'GET /v1/networks/{id}/groups', async () => {
        await ctx.expectStatus(await ctx.api(`/v1/networks/${BENCH_NETWORK.id}/groups`), 200, 'list groups');
      }),
    ];
  },
};

const DIGEST_ENTRY = join(repoRoot, 'functions/digest/handler.ts');
const DIGEST_MEMBERS = 500;

/** The network's local hour now, so a daily digest at that hour is due on this tick. */
function localHour(timeZone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}

/**
 * The coordinators' digest of a network with 500 confirmed members: the members are written straight to
 * the table (confirmed as the confirm transaction leaves them), the network's digest set to this hour, and
 * the digest function invoked as its hourly schedule invokes it. The tick also reads every network, and
 * sends the digest of any other network whose hour it is: counted too, as AWS would bill it.
 */
const digest: CapacityScenario = {
  name: 'digest',
  unavailable: () =>
    existsSync(DIGEST_ENTRY) ? undefined : 'functions/digest/handler.ts does not exist yet',
  async run(ctx) {
    const { createNetworkIfMissing } = await import('../../shared/store/networks.ts');
    const { createRegistration } = await import('../../shared/store/registrations.ts');
    const { newRegistration } = await import('../../shared/domain/registration.ts');
    const { keys } = await import('../../shared/store/keys.ts');
    const { dynamo } = await import('../../shared/clients/dynamodb.ts');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const now = new Date();
    const network = {
      ...BENCH_NETWORK,
      id: `digest-${randomUUID().slice(0, 6)}`,
      digest: { frequency: 'daily', weekday: 1, hour: localHour(BENCH_NETWORK.timeZone, now) },
    } as Network;
    await createNetworkIfMissing(network);
    for (let i = 0; i < DIGEST_MEMBERS; i += 1) {
      const registration = newRegistration(
        network.id,
        {
          name: `Medlem ${i}`,
          email: `member-${i}@skola.example`,
          organisation: `Skola ${i % 60}`,
          role: 'Rektor',
          topics: ['Skolans ekonomi', `Ämne ${i % 40}`],
        },
        'sv',
        { reminderAfterSeconds: 172_800, expireAfterSeconds: 604_800 },
        now,
      );
      await createRegistration(registration, now);
      const at = new Date(now.getTime() - (DIGEST_MEMBERS - i) * 1000).toISOString();
      const index = keys.registrationIndex(network.id, at);
      await dynamo.send(
        new UpdateCommand({
          TableName: ctx.env.stack.tableName,
          Key: keys.registration(network.id, registration.id),
          UpdateExpression:
            'SET #status = :confirmed, confirmedAt = :at, gsi1pk = :gpk, gsi1sk = :gsk REMOVE expiresAt',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':confirmed': 'confirmed',
            ':at': at,
            ':gpk': index.gsi1pk,
            ':gsk': index.gsi1sk,
          },
        }),
      );
    }
    const handler = await ctx.env.handler('digest');
    const { lambdaContext } = await import('../../infra/local/lambda.ts');
    return [
      await ctx.measure(
        'digest',
        `the hourly tick that sends the digest of a network of ${DIGEST_MEMBERS}`,
        async () => {
          const started = performance.now();
          const result = (await handler({}, lambdaContext('digest'))) as { sent?: number };
          ctx.env.meter.lambda('digest', performance.now() - started);
          if (!result.sent) throw new Error(`the digest tick sent nothing: ${JSON.stringify(result)}`);
        },
      ),
    ];
  },
};

/** In this order: the meeting scenario reuses the bench network the join scenario creates. */
export const capacityScenarios: readonly CapacityScenario[] = [
  registration,
  join_,
  meeting,
  listGroups,
  digest,
];
