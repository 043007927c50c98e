/**
 * The local stack for integration tests, in the test worker itself: the real handler modules run in
 * this process (so a test can wrap an SDK client to inject a fault), against the DynamoDB Local and SES
 * inbox that global-setup started. Every test file gets its own table; the inbox is shared, so the
 * helpers here filter by recipient, and tests use unique addresses (`uniqueEmail`).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildConsole } from '../../infra/local/console.ts';
import { generateSigningKey, type SigningKey, signToken } from '../../infra/local/issuer.ts';
import type { HandlerLoader } from '../../infra/local/lambda.ts';
import { inbox, type StoredEmail, sentTo, sharedInbox, waitForEmail } from '../../infra/local/ses.ts';
import { DEMO_NETWORK, startLocalStack } from '../../infra/local/stack.ts';
import type { LocalExecution, LocalStepFunctions } from '../../infra/local/stepfunctions.ts';
import type { CfnTemplate } from '../../infra/local/template.ts';
import { contractValidator, type OpenApiDocument, type RecordedResponse, type Verdict } from './contract.ts';

export type { StoredEmail } from '../../infra/local/ses.ts';

export interface UseLocalStackOptions {
  /** Environment values that win over the template's, e.g. `{ REGISTRATION_REMINDER_AFTER_SECONDS: '1' }`. */
  env?: Record<string, string>;
  /** Another template (default: the one global-setup synthesized). */
  template?: CfnTemplate;
  /** Replace how handler modules are loaded (default: import functions/<fn>/handler.ts). */
  loadHandler?: HandlerLoader;
  /** Retry interval of every workflow state in ms (default 50: real intervals would slow tests down). */
  retryIntervalMs?: number;
  /** Wait states shortened to these milliseconds, by state name. */
  waitTimeOverrides?: Record<string, number>;
  /** Seed the demo network (default true). */
  seedDemo?: boolean;
  /** Serve examples/ (the website forms) on a free loopback port that CORS allows: `examplesUrl`. */
  examples?: boolean;
  /** Build and serve the coordinators' console on a free loopback port: `consoleUrl`. */
  console?: boolean;
}

export interface TestTokenRequest {
  readonly email: string;
  /** Network ids the coordinator runs (groups `network-<id>`). */
  readonly networks: readonly string[];
  /** Also in samla-admins. */
  readonly admin?: boolean;
  /** Seconds until it expires (default 3600); negative for a token that has already expired. */
  readonly expiresIn?: number;
  /** 'other-key': signed by a key the gateway does not trust (same kid), i.e. a bad signature. */
  readonly signWith?: 'issuer' | 'other-key';
  /** Claims added or replaced, e.g. `{ token_use: 'access' }` or another `iss`. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

export interface TestStack {
  readonly apiUrl: string;
  readonly sesUrl: string;
  readonly sfnEndpoint: string;
  readonly dynamoEndpoint: string;
  readonly tableName: string;
  /** The local Step Functions: `listExecutions()`, `waitForExecution(arn)`, `waitForState(arn, name)`. */
  readonly sfn: LocalStepFunctions;
  /** State machine ARNs by logical id; `optInWorkflowArn` is the one the public forms start. */
  readonly stateMachines: Readonly<Record<string, string>>;
  readonly optInWorkflowArn: string;
  readonly demoNetworkId: string;
  /** The gateway's log lines (`METHOD routeKey status ms`), for asserting what was called. */
  readonly requests: readonly string[];
  /** Where examples/ is served (pages under /examples/), with `examples: true`. */
  readonly examplesUrl?: string | undefined;
  /** Where the console is served (`http://127.0.0.1:<port>/`), with `console: true`. */
  readonly consoleUrl?: string | undefined;
  /** `fetch` relative to the API: `api('/v1/openapi.json')`. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** The local issuer's `iss` and `aud`: tokens must carry these to pass the gateway. */
  readonly issuer: { readonly issuer: string; readonly audience: string };
  /** A coordinator ID token for the admin API: `authorization: Bearer ${await stack.token({...})}`. */
  token(request: TestTokenRequest): Promise<string>;
  /** Lets this address sign in on the local provider's page (the console), with these networks. */
  addCoordinator(request: { email: string; networks: readonly string[]; admin?: boolean }): void;
  /** Emails sent to this address (to, cc or bcc), oldest first. */
  emailsTo(address: string): Promise<StoredEmail[]>;
  /** Waits for an email to this address that also matches `predicate`, if given. */
  waitForEmailTo(
    address: string,
    predicate?: (email: StoredEmail) => boolean,
    timeoutMs?: number,
  ): Promise<StoredEmail>;
  /** The newest execution of a state machine whose input matches, once it exists. */
  waitForExecutionStarted(
    match: (input: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<LocalExecution>;
  stop(): Promise<void>;
}

let templateCache: CfnTemplate | undefined;

let consoleBuild: Promise<string> | undefined;
/** The console, built once per test worker into a temporary folder (about a second). */
function builtConsole(): Promise<string> {
  consoleBuild ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samla-console-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await buildConsole(dir);
    return dir;
  })();
  return consoleBuild;
}

const otherKeys = new Map<string, Promise<SigningKey>>();
/** A key the issuer never published, under the issuer's own kid: only the signature check can catch it. */
function otherKey(kid: string): Promise<SigningKey> {
  let key = otherKeys.get(kid);
  if (key === undefined) {
    key = generateSigningKey(kid);
    otherKeys.set(kid, key);
  }
  return key;
}

function sharedTemplate(): CfnTemplate {
  templateCache ??= JSON.parse(readFileSync(inject('samlaLocal').templatePath, 'utf8')) as CfnTemplate;
  return templateCache;
}

/** An address no other test file uses, so the shared inbox can be filtered by it. */
export function uniqueEmail(label = 'member'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

/*
 * The contract check: every answer a test gets from a stack's API (through `stack.api` or any fetch of its
 * URL, such as an emailed link) is recorded, and judged against the stack's own /v1/openapi.json when the
 * stack stops. A test file whose answers the document does not describe fails there.
 */
const recorded = new Map<string, RecordedResponse[]>();
let originalFetch: typeof fetch | undefined;

function requestMethod(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): string {
  return (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
}

function recordAnswersOf(apiUrl: string): void {
  recorded.set(apiUrl, []);
  if (originalFetch !== undefined) return;
  const original = globalThis.fetch;
  originalFetch = original;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const base = [...recorded.keys()].find((candidate) => url.startsWith(`${candidate}/`));
    // A followed redirect hides the 303 the API sent: what is left to see came from elsewhere.
    if (base !== undefined && !response.redirected)
      recorded.get(base)?.push({
        method: requestMethod(input, init),
        path: new URL(url).pathname,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: await response.clone().text(),
      });
    return response;
  };
}

async function judgeAnswersOf(apiUrl: string): Promise<Verdict[]> {
  const answers = recorded.get(apiUrl) ?? [];
  recorded.delete(apiUrl);
  if (answers.length === 0) return [];
  const served = await (originalFetch ?? fetch)(`${apiUrl}/v1/openapi.json`);
  const judge = contractValidator((await served.json()) as OpenApiDocument);
  const verdicts = answers.map(judge);
  const lines = verdicts.map((verdict, i) =>
    JSON.stringify({
      verdict: verdict.kind,
      ...(verdict.kind === 'outside' ? {} : { operation: verdict.operation }),
      ...(verdict.kind === 'failure' ? { reason: verdict.reason } : {}),
      status: answers[i]?.status,
    }),
  );
  appendFileSync(join(inject('samlaLocal').contractDir, `${process.pid}.jsonl`), `${lines.join('\n')}\n`);
  return verdicts;
}

/**
 * Call in `beforeAll` and stop in `afterAll`:
 *
 *   let stack: TestStack;
 *   beforeAll(async () => { stack = await useLocalStack({ env: { REGISTRATION_REMINDER_AFTER_SECONDS: '1' } }); });
 *   afterAll(() => stack.stop());
 */
export async function useLocalStack(options: UseLocalStackOptions = {}): Promise<TestStack> {
  const { dynamoEndpoint, sesUrl } = inject('samlaLocal');
  // Every test file shares one inbox, which holds the whole run's mail (megabytes by the end): this
  // stack's mail arrives after it starts, so it reads from then on (the store keeps whole seconds).
  // Waiters poll one shared reading; a one-off look reads afresh, so it sees what was just sent.
  const since = Math.floor(Date.now() / 1000) - 1;
  const pollInbox = sharedInbox(sesUrl, since);
  const requests: string[] = [];
  const template = options.template ?? sharedTemplate();
  const stack = await startLocalStack({
    template,
    tableName: `test-${randomUUID().slice(0, 8)}`,
    ports: { api: 0, sfn: 0 },
    dynamodb: { endpoint: dynamoEndpoint },
    ses: { url: sesUrl },
    seedDemo: options.seedDemo ?? true,
    retryIntervalMs: options.retryIntervalMs ?? 50,
    log: (line) => requests.push(line),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.loadHandler === undefined ? {} : { loadHandler: options.loadHandler }),
    ...(options.waitTimeOverrides === undefined ? {} : { waitTimeOverrides: options.waitTimeOverrides }),
    ...(options.examples ? { examples: { port: 0 } } : {}),
    ...(options.console ? { console: { port: 0, dir: await builtConsole() } } : {}),
  });
  recordAnswersOf(stack.apiUrl);
  const optInWorkflowArn = stack.env.OPT_IN_WORKFLOW_ARN ?? Object.values(stack.stateMachines)[0] ?? '';

  return {
    apiUrl: stack.apiUrl,
    sesUrl,
    sfnEndpoint: stack.sfnEndpoint,
    dynamoEndpoint,
    tableName: stack.tableName,
    sfn: stack.sfn,
    stateMachines: stack.stateMachines,
    optInWorkflowArn,
    demoNetworkId: DEMO_NETWORK.id,
    requests,
    examplesUrl: stack.examplesUrl,
    consoleUrl: stack.consoleUrl,
    api: (path, init) => fetch(`${stack.apiUrl}${path}`, init),
    issuer: { issuer: stack.issuer.issuer, audience: stack.issuer.audience },
    token: async ({ signWith = 'issuer', networks, ...rest }) => {
      const key = signWith === 'issuer' ? stack.issuer.key : await otherKey(stack.issuer.key.kid);
      return signToken(key, stack.issuer, { ...rest, networks });
    },
    addCoordinator: (request) => {
      stack.issuer.addCoordinator(request);
    },
    emailsTo: async (address) => (await inbox(sesUrl, since)).filter(sentTo(address)),
    waitForEmailTo: (address, predicate = () => true, timeoutMs = 10_000) =>
      waitForEmail(pollInbox, (email) => sentTo(address)(email) && predicate(email), timeoutMs),
    waitForExecutionStarted: async (match, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = stack.sfn
          .listExecutions()
          .find((execution) => match(JSON.parse(execution.input) as Record<string, unknown>));
        if (found !== undefined) return found;
        if (Date.now() >= deadline) throw new Error(`No matching workflow execution within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    stop: async () => {
      let verdicts: Verdict[];
      try {
        verdicts = await judgeAnswersOf(stack.apiUrl);
      } finally {
        await stack.stop();
      }
      const failures = verdicts.flatMap((v) => (v.kind === 'failure' ? [`${v.operation}: ${v.reason}`] : []));
      if (failures.length > 0)
        throw new Error(
          `${failures.length} of ${verdicts.length} API answers are not what /v1/openapi.json says:\n${[...new Set(failures)].join('\n')}`,
        );
    },
  };
}
