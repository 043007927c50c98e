/**
 * Records the AWS SDK calls a handler makes during one request, and replays them bare: the latency
 * bench's floor is the same calls sent through the same clients, without samla around them.
 *
 * The recorder is a middleware on the shared clients (shared/clients/), added by the bench only, at
 * the initialize step: it sees each command once (retries happen later, in finalizeRequest) and, for
 * DynamoDB, the input as the store wrote it, before the document client marshals it. The replay sends
 * that input through the same document client, so marshalling is in the floor too.
 *
 * A replay must not write the handler's items again (its conditions would fail where the handler's
 * passed). So every identifier of the request is renamed, consistently across requests (Renamer): the
 * replay builds a twin world, where the twin of a join request that was created by a replayed
 * request-to-join is confirmed by a replayed confirm, and each condition passes or fails as it did for
 * the handler. The replay checks that: a call whose outcome differs from the recorded one is a failure.
 */
import { randomBytes } from 'node:crypto';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as dynamodb from '@aws-sdk/lib-dynamodb';

export type Service = 'dynamodb' | 'ses' | 'sfn';

export interface RecordedCall {
  readonly service: Service;
  /** The operation, e.g. "GetItem". */
  readonly command: string;
  /** The input as sent; for DynamoDB in document form (plain values). */
  readonly input: unknown;
  /** Indexes of the calls of this request that had completed when this one was sent: it came after them. */
  readonly after: readonly number[];
  /** "ok", or the error's name (a condition that failed on purpose, say). */
  readonly outcome: string;
}

type Args = { input: object };
type Result = { output: object };
type Next = (args: Args) => Promise<Result>;
interface StackLike {
  add(
    middleware: (next: Next, context: { commandName?: string }) => (args: Args) => Promise<Result>,
    options: { step: 'initialize'; name: string; priority: 'high' },
  ): void;
  remove(name: string): boolean;
}
interface Sender {
  send(command: unknown): Promise<unknown>;
}
export interface Clients {
  readonly dynamo: unknown;
  readonly ses: unknown;
  readonly sfn: unknown;
}

const NAME = 'samlaBenchRecorder';

interface Window {
  readonly calls: { service: Service; command: string; input: object; after: number[]; outcome: string }[];
  readonly completed: number[];
  /** Calls in flight, and since when at least one has been: for the time spent waiting on AWS. */
  inFlight: number;
  busySince: number;
  busyMs: number;
}

export class Recorder {
  private window: Window | undefined;
  private readonly installed: StackLike[] = [];

  install(clients: Clients): void {
    for (const [service, client] of Object.entries(clients) as [string, unknown][]) {
      const stack = (client as { middlewareStack: StackLike }).middlewareStack;
      const name: Service = service === 'dynamo' ? 'dynamodb' : (service as Service);
      stack.add((next, context) => (args) => this.call(name, context.commandName ?? '?', next, args), {
        step: 'initialize',
        name: NAME,
        priority: 'high',
      });
      this.installed.push(stack);
    }
  }

  uninstall(): void {
    for (const stack of this.installed.splice(0)) stack.remove(NAME);
  }

  /**
   * Runs one request, returning what it returned, the SDK calls it made in the order it sent them, and
   * how long at least one of them was in flight (the rest of the request's time is samla's own).
   */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; calls: RecordedCall[]; sdkMs: number }> {
    if (this.window) throw new Error('recorder: one request at a time');
    const window: Window = { calls: [], completed: [], inFlight: 0, busySince: 0, busyMs: 0 };
    this.window = window;
    let result: T;
    try {
      result = await work();
    } finally {
      this.window = undefined;
    }
    // Copied after the request, untimed; nothing in samla changes an input once it has sent it.
    const calls = window.calls.map((call) => ({ ...call, input: structuredClone(call.input) }));
    return { result, calls, sdkMs: window.busyMs };
  }

  private async call(service: Service, commandName: string, next: Next, args: Args): Promise<Result> {
    const window = this.window;
    if (!window) return next(args);
    const index = window.calls.length;
    const call = {
      service,
      command: commandName.replace(/Command$/, ''),
      input: args.input,
      after: [...window.completed],
      outcome: 'ok',
    };
    window.calls.push(call);
    if (window.inFlight === 0) window.busySince = performance.now();
    window.inFlight += 1;
    try {
      return await next(args);
    } catch (error) {
      call.outcome = error instanceof Error ? error.name : 'error';
      throw error;
    } finally {
      window.completed.push(index);
      window.inFlight -= 1;
      if (window.inFlight === 0) window.busyMs += performance.now() - window.busySince;
    }
  }
}

/**
 * The request's own identifiers, mapped to fresh ones of the same length and alphabet (so items keep
 * their size), the same identifier always to the same twin. An identifier is a run of at least 16
 * base64url characters (ids, tokens, their hashes, person ids, the bench's addresses), unless it is
 * shared by every request (the table, the group, state machine names): those are learnt by comparing
 * two requests (`share`). Shorter runs are left alone: dates, numbers, key prefixes, attribute names.
 */
export class Renamer {
  private readonly twins = new Map<string, string>();
  private readonly shared = new Set<string>();

  /** Marks as shared every identifier two requests of the same handler both sent. */
  share(a: readonly RecordedCall[], b: readonly RecordedCall[]): void {
    const inB = new Set(identifiers(b));
    for (const id of identifiers(a)) if (inB.has(id)) this.shared.add(id);
  }

  /** Makes `twin` the twin of `run`: an identifier the twin world made itself (a link token's hash). */
  pair(run: string, twin: string): void {
    if (run.length !== twin.length) throw new Error('renamer: a twin has the length of its original');
    this.twins.set(run, twin);
  }

  rename(text: string): string {
    return text.replace(RUN, (run) => (this.shared.has(run) ? run : this.twin(run)));
  }

  private twin(run: string): string {
    let twin = this.twins.get(run);
    if (twin === undefined) {
      twin = freshLike(run);
      this.twins.set(run, twin);
    }
    return twin;
  }

  /**
   * The input with every string (and map key) renamed. Bytes (SES's raw message) are sent as they were:
   * nothing in the twin world reads a mail, and renaming inside MIME would break its boundaries.
   */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.rename(value);
    if (value instanceof Uint8Array) return value;
    if (Array.isArray(value)) return value.map((v) => this.value(v));
    if (value instanceof Set) return new Set([...value].map((v) => this.value(v)));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.rename(k), this.value(v)]));
    return value;
  }
}

const RUN = /[A-Za-z0-9_-]{16,}/g;

function* identifiers(calls: readonly RecordedCall[]): Generator<string> {
  const walk = function* (value: unknown): Generator<string> {
    if (typeof value === 'string') yield* value.match(RUN) ?? [];
    else if (value instanceof Uint8Array) return;
    else if (Array.isArray(value) || value instanceof Set) for (const v of value) yield* walk(v);
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        yield* walk(k);
        yield* walk(v);
      }
  };
  for (const call of calls) yield* walk(call.input);
}

const ALPHABETS = [
  '0123456789',
  '0123456789abcdef',
  'abcdefghijklmnopqrstuvwxyz0123456789-_',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
];

/**
 * A random run as long as `run`, from the smallest of the alphabets that holds it: hex stays hex, and a
 * lower-case address stays lower case (as samla normalises it).
 */
function freshLike(run: string): string {
  const alphabet = ALPHABETS.find((a) => [...run].every((c) => a.includes(c))) ?? ALPHABETS[3] ?? '';
  const bytes = randomBytes(run.length);
  let twin = '';
  for (const byte of bytes) twin += alphabet[byte % alphabet.length];
  return twin;
}

const DOCUMENT_COMMANDS: Record<string, new (input: never) => unknown> = {
  GetItem: dynamodb.GetCommand,
  PutItem: dynamodb.PutCommand,
  UpdateItem: dynamodb.UpdateCommand,
  DeleteItem: dynamodb.DeleteCommand,
  Query: dynamodb.QueryCommand,
  Scan: dynamodb.ScanCommand,
  BatchGetItem: dynamodb.BatchGetCommand,
  BatchWriteItem: dynamodb.BatchWriteCommand,
  TransactGetItems: dynamodb.TransactGetCommand,
  TransactWriteItems: dynamodb.TransactWriteCommand,
};

/** Builds one call's command afresh (a command is sent once). */
function command(call: RecordedCall, input: unknown): unknown {
  if (call.service === 'dynamodb') {
    const Command = DOCUMENT_COMMANDS[call.command];
    if (!Command) throw new Error(`replay: no document command for ${call.command}`);
    return new Command(input as never);
  }
  if (call.service === 'ses' && call.command === 'SendRawEmail')
    return new SendRawEmailCommand(input as ConstructorParameters<typeof SendRawEmailCommand>[0]);
  if (call.service === 'sfn' && call.command === 'StartExecution')
    return new StartExecutionCommand(input as ConstructorParameters<typeof StartExecutionCommand>[0]);
  throw new Error(`replay: ${call.service} ${call.command} is not replayable`);
}

/**
 * The recorded calls, renamed into the twin world and ready to send: each waits for the calls it came
 * after in the handler (so calls the handler made in parallel go in parallel), and the replay reports
 * the calls whose outcome differs from the handler's.
 */
export function prepareReplay(
  calls: readonly RecordedCall[],
  renamer: Renamer,
  clients: Clients,
): () => Promise<string[]> {
  const inputs = calls.map((call) => renamer.value(call.input));
  const senders: Record<Service, Sender> = {
    dynamodb: clients.dynamo as Sender,
    ses: clients.ses as Sender,
    sfn: clients.sfn as Sender,
  };
  return async () => {
    const sent: Promise<string>[] = [];
    for (const [i, call] of calls.entries()) {
      const before = call.after.map((j) => sent[j]);
      const send = async () => {
        if (before.length > 0) await Promise.all(before);
        try {
          await senders[call.service].send(command(call, inputs[i]));
          return 'ok';
        } catch (error) {
          return error instanceof Error ? error.name : 'error';
        }
      };
      sent.push(send());
    }
    const outcomes = await Promise.all(sent);
    return calls.flatMap((call, i) =>
      outcomes[i] === call.outcome ? [] : [`${call.command}: ${outcomes[i]}, handler ${call.outcome}`],
    );
  };
}
