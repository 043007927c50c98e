/**
 * Faults injected into the real SDK clients through their middleware stacks (the services stay real),
 * and into Lambda handlers through the local stack's handler loader.
 */
import {
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { type HandlerLoader, type LambdaHandler, moduleLoader } from '../../infra/local/lambda.ts';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { ses } from '../../shared/clients/ses.ts';

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Next = (args: { input: unknown }) => Promise<unknown>;
type Middleware = (
  next: Next,
  context: { commandName?: string },
) => (args: { input: unknown }) => Promise<unknown>;

const metadata = { httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 };

/** What SES answers when it is overloaded or failing: a throttle, a 5xx, or a dropped connection. */
function sesError(random: () => number): Error {
  const pick = random();
  if (pick < 0.5)
    return Object.assign(new Error('Maximum sending rate exceeded.'), {
      name: 'Throttling',
      $fault: 'client',
      $metadata: metadata,
      $retryable: { throttling: true },
    });
  if (pick < 0.8)
    return Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $fault: 'server',
      $metadata: { ...metadata, httpStatusCode: 503 },
    });
  return Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
}

export interface SesFaults {
  /** SendRawEmail calls seen, and how many of them failed here. */
  readonly calls: number;
  readonly injected: number;
  stop(): void;
}

/**
 * Fails a share of SendRawEmail calls with a seeded random, before they reach SES (the SDK's own retries
 * sit below this point, so the caller sees the failure, as after SES kept failing). `maxPerMessage`
 * bounds the failures of one message (same recipient and subject), so a step's retries can get through.
 */
export function failSes(options: { rate: number; seed: number; maxPerMessage?: number }): SesFaults {
  const random = seededRandom(options.seed);
  const failures = new Map<string, number>();
  const state = { calls: 0, injected: 0 };
  const name = 'faultsFailSes';
  const middleware: Middleware = (next) => async (args) => {
    const input = args.input as { RawMessage?: { Data?: Uint8Array }; Destinations?: string[] };
    if (input.RawMessage?.Data) {
      state.calls += 1;
      const raw = Buffer.from(input.RawMessage.Data).toString('latin1');
      const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
      const key = `${input.Destinations?.join(',')}|${subject}`;
      const failed = failures.get(key) ?? 0;
      if (failed < (options.maxPerMessage ?? Number.POSITIVE_INFINITY) && random() < options.rate) {
        failures.set(key, failed + 1);
        state.injected += 1;
        throw sesError(random);
      }
    }
    return next(args);
  };
  ses.middlewareStack.add(middleware as never, { step: 'initialize', name, override: true });
  return {
    get calls() {
      return state.calls;
    },
    get injected() {
      return state.injected;
    },
    stop: () => ses.middlewareStack.remove(name),
  };
}

/** The DynamoDB errors that mean "slow down or try again", as the SDK raises them after its retries. */
export const dynamoThrottles = {
  ProvisionedThroughputExceededException: () =>
    new ProvisionedThroughputExceededException({
      message: 'The level of configured provisioned throughput for the table was exceeded.',
      $metadata: metadata,
    }),
  ThrottlingException: () =>
    new ThrottlingException({
      message: 'Rate of requests exceeds the allowed throughput.',
      $metadata: metadata,
    }),
  RequestLimitExceeded: () =>
    new RequestLimitExceeded({
      message: 'Throughput exceeds the current throughput limit for your account.',
      $metadata: metadata,
    }),
  TransactionConflictException: () =>
    new TransactionConflictException({ message: 'Transaction is ongoing for the item', $metadata: metadata }),
} as const;

/**
 * What DynamoDB raises when a transaction collides with another on one of its items, or is throttled part
 * way: TransactionCanceledException with a reason per item, none of them a failed condition.
 */
export function cancelledTransaction(
  items: number,
  reason: 'TransactionConflict' | 'ThrottlingError',
  at = 0,
): Error {
  return new TransactionCanceledException({
    message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${Array.from({ length: items }, (_, i) => (i === at ? reason : 'None')).join(', ')}]`,
    $metadata: metadata,
    CancellationReasons: Array.from({ length: items }, (_, i) => ({
      Code: i === at ? reason : 'None',
      ...(i === at
        ? {
            Message:
              reason === 'TransactionConflict'
                ? 'Transaction is ongoing for the item'
                : 'Throughput exceeds the current capacity',
          }
        : {}),
    })),
  });
}

/** A DynamoDB call as the document client is handed it: the command and its (unmarshalled) input. */
export interface DynamoCall {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

export const isWrite = (call: DynamoCall) =>
  [
    'PutItemCommand',
    'UpdateItemCommand',
    'DeleteItemCommand',
    'TransactWriteItemsCommand',
    'BatchWriteItemCommand',
  ].includes(call.command);

export interface DynamoFault {
  /** Calls that matched, failed or not; and how many failed. */
  readonly matched: DynamoCall[];
  readonly injected: number;
  stop(): void;
}

/**
 * Makes the calls that `match` fail with `error`: the `nth` matching call (1-based) and the `times - 1`
 * after it. Every matching call is recorded, so a test can see which writes a request made.
 */
export function failDynamo(
  match: (call: DynamoCall) => boolean,
  error: (call: DynamoCall) => Error,
  options: { nth?: number; times?: number } = {},
): DynamoFault {
  const nth = options.nth ?? 1;
  const times = options.times ?? 1;
  const matched: DynamoCall[] = [];
  const state = { injected: 0 };
  const name = 'faultsFailDynamo';
  const middleware: Middleware = (next, context) => async (args) => {
    const call = { command: context.commandName ?? '', input: args.input as Record<string, unknown> };
    if (match(call)) {
      matched.push(call);
      if (matched.length >= nth && state.injected < times) {
        state.injected += 1;
        throw error(call);
      }
    }
    return next(args);
  };
  dynamo.middlewareStack.add(middleware as never, { step: 'initialize', name, override: true });
  return {
    matched,
    get injected() {
      return state.injected;
    },
    stop: () => dynamo.middlewareStack.remove(name),
  };
}

/**
 * Runs `act` once, just before the first call that `match`es goes to DynamoDB: a deterministic
 * interleaving of another request into the middle of a step (the call then proceeds as usual).
 */
export function beforeDynamo(
  match: (call: DynamoCall) => boolean,
  act: () => Promise<void>,
): { stop(): void } {
  const name = 'faultsBeforeDynamo';
  let done = false;
  const middleware: Middleware = (next, context) => async (args) => {
    const call = { command: context.commandName ?? '', input: args.input as Record<string, unknown> };
    if (!done && match(call)) {
      done = true;
      await act();
    }
    return next(args);
  };
  dynamo.middlewareStack.add(middleware as never, { step: 'initialize', name, override: true });
  return { stop: () => dynamo.middlewareStack.remove(name) };
}

export interface HandlerFault {
  /** `before`: the invocation fails before the handler runs; `after`: it ran (its effects happened) and
   * then failed, as a Lambda that timed out just before returning. */
  readonly when: 'before' | 'after';
  /** Which invocations of the function fail: by their event. */
  readonly match: (event: Record<string, unknown>) => boolean;
  /** How many invocations fail (default 1). */
  readonly times?: number;
}

/**
 * A handler loader that makes invocations of some functions fail, as Lambda does when a container dies
 * or times out; the rest load as usual. `failures` counts the invocations that failed.
 */
export function failingHandlers(faults: Readonly<Record<string, HandlerFault>>): {
  loader: HandlerLoader;
  failures: Record<string, number>;
} {
  const base = moduleLoader();
  const failures: Record<string, number> = {};
  const loader: HandlerLoader = async (entry) => {
    const handler = await base(entry);
    const fn = /^functions\/([^/]+)\//.exec(entry)?.[1] ?? '';
    const fault = faults[fn];
    if (!fault) return handler;
    const wrapped: LambdaHandler = async (event, context) => {
      const failing =
        (failures[fn] ?? 0) < (fault.times ?? 1) &&
        typeof event === 'object' &&
        event !== null &&
        fault.match(event as Record<string, unknown>);
      if (!failing) return handler(event, context);
      // Counted at once: concurrent invocations must not all take the one failure.
      failures[fn] = (failures[fn] ?? 0) + 1;
      if (fault.when === 'before')
        throw Object.assign(new Error('Task timed out after 15.00 seconds'), { name: 'Sandbox.Timedout' });
      try {
        await handler(event, context);
      } catch (error) {
        // It failed by itself (an injected SES fault, say): not the failure this one was to add.
        failures[fn] = (failures[fn] ?? 0) - 1;
        throw error;
      }
      throw Object.assign(new Error('Runtime exited with error: signal: killed'), {
        name: 'Runtime.ExitError',
      });
    };
    return wrapped;
  };
  return { loader, failures };
}

/** Any SDK v3 client: what its middleware stack lets a test add and remove. */
interface WithMiddleware {
  readonly middlewareStack: {
    add(middleware: never, options: { step: 'initialize'; name: string; override: boolean }): void;
    remove(name: string): boolean;
  };
}

/**
 * The client's next call fails once with a throttling error of that name (as AWS says "slow down"); every
 * call after it goes through. `failures` counts what was injected.
 */
export function failNextCall(
  client: WithMiddleware,
  errorName: 'Throttling' | 'ThrottlingException' = 'Throttling',
): { readonly failures: number; stop(): void } {
  const state = { failures: 0 };
  const name = `faultsFailNextCall${errorName}`;
  const middleware = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
    if (state.failures === 0) {
      state.failures += 1;
      throw Object.assign(new Error('Rate exceeded'), { name: errorName, $retryable: { throttling: true } });
    }
    return next(args);
  };
  client.middlewareStack.add(middleware as never, { step: 'initialize', name, override: true });
  return {
    get failures() {
      return state.failures;
    },
    stop: () => void client.middlewareStack.remove(name),
  };
}
