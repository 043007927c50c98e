/**
 * A local Step Functions endpoint: the JSON 1.0 protocol the SDK's SFN client speaks, for the
 * operations samla uses, with executions run by aws-local-stepfunctions on the ASL `cdk synth` wrote.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import type { RunOptions, StateMachine as StateMachineType } from 'aws-local-stepfunctions';
import {
  type AslDefinition,
  type AslState,
  type JsonValue,
  type LocalStateMachine,
  reachableStates,
  retryableStates,
  taskTargets,
} from './asl.ts';
import { type HandlerLoader, lambdaContext } from './lambda.ts';
import { assertPortFree } from './ports.ts';
import { type CfnTemplate, LOCAL_ACCOUNT } from './template.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionEvent {
  readonly type: string;
  readonly timestamp: number;
  readonly stateName?: string;
  readonly error?: string;
  readonly cause?: string;
}

export interface LocalExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: Date;
  status: ExecutionStatus;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  /** The state the execution is in (or was in when it ended). */
  currentState?: string;
  /** What happened, oldest first: StateEntered/Exited/Failed/Retried/Caught and the execution's end. */
  readonly events: ExecutionEvent[];
}

/**
 * Where a restart picks an execution up: the top-level state it last entered and that state's input;
 * in a Wait, also when the wait ends and what the Wait passes on, so a restart waits only for the rest.
 */
interface ResumePoint {
  readonly state: string;
  readonly input: JsonValue;
  readonly waitUntil?: string;
  readonly output?: JsonValue;
}

interface RunningExecution extends LocalExecution {
  abort?: () => void;
  /** Settles when the execution has ended, whichever part of it (a run or a wait) it was in. */
  readonly done: Promise<void>;
  readonly ended: () => void;
  listeners: Set<() => void>;
  readonly rootStates: ReadonlySet<string>;
  resumeAt?: ResumePoint;
}

interface PersistedExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: string;
  readonly state: string;
  readonly stateInput: JsonValue;
  /** In a Wait: when it ends (ISO) and the Wait's output, which the state after it gets. */
  readonly waitUntil?: string;
  readonly waitOutput?: JsonValue;
}

export interface LocalStepFunctionsOptions {
  template: CfnTemplate;
  stateMachines: readonly LocalStateMachine[];
  loadHandler: HandlerLoader;
  /** Milliseconds between retries for every state with a Retry field (real intervals when omitted). */
  retryIntervalMs?: number;
  /** Wait states shortened to these milliseconds, by state name. */
  waitTimeOverrides?: Record<string, number>;
  log?: (line: string) => void;
  /** JSON file where running executions are kept, so `resumePersisted()` can pick them up after a restart. */
  persistFile?: string;
}

export class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

type StateMachineClass = typeof StateMachineType;
let stateMachineClass: Promise<StateMachineClass> | undefined;

/** aws-local-stepfunctions uses Promise.withResolvers (Node 22); Node 20 needs it before the import. */
function loadStateMachineClass(): Promise<StateMachineClass> {
  if (!('withResolvers' in Promise)) {
    Object.defineProperty(Promise, 'withResolvers', {
      configurable: true,
      writable: true,
      value<T>() {
        let resolve!: (value: T | PromiseLike<T>) => void;
        let reject!: (reason?: unknown) => void;
        const promise = new Promise<T>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        return { promise, resolve, reject };
      },
    });
  }
  stateMachineClass ??= import('aws-local-stepfunctions').then((module) => module.StateMachine);
  return stateMachineClass;
}

interface LoadedMachine {
  readonly machine: LocalStateMachine;
  readonly StateMachine: StateMachineClass;
  /** The definition the interpreter runs: each top-level Wait ends the run (see waitsByRuntime). */
  readonly runnable: AslDefinition;
  /** Interpreters by the state they start at: StartAt, a Wait's Next, a resumed state. */
  readonly segments: Map<string, StateMachineType>;
  readonly runOptions: RunOptions;
}

/** Node's setTimeout fires at once (TimeoutOverflowWarning) for a delay above this: 24.8 days. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Marks a run's output as "reached a Wait" (see waitsByRuntime); no workflow output has this key. */
const WAIT_MARKER = 'samla-local-wait';

interface WaitRequest {
  readonly state: string;
  readonly output: JsonValue;
  readonly seconds?: number;
  readonly timestamp?: string;
}

/**
 * aws-local-stepfunctions ends a Wait with one setTimeout, which fires at once beyond 24.8 days, and
 * its Task timeout is a setTimeout too, so neither a longer timer nor a waiting Task can fix that from
 * inside. Instead every top-level Wait becomes a Pass that ends the run with the Wait's evaluated time
 * and output (its own InputPath, SecondsPath or TimestampPath and OutputPath, applied by the
 * interpreter as for the Wait); the runtime waits in chunks until that instant and starts the next run
 * at the Wait's Next. The instant is kept with the execution, so a restart waits for what is left.
 * Waits inside Parallel or Map branches stay the interpreter's own (samla has none).
 */
function waitsByRuntime(definition: AslDefinition): AslDefinition {
  const States: Record<string, AslState> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Wait') {
      States[name] = state;
      continue;
    }
    const time: Record<string, JsonValue> = {};
    if (typeof state.Seconds === 'number') time.seconds = state.Seconds;
    if (typeof state.SecondsPath === 'string') time['seconds.$'] = state.SecondsPath;
    if (typeof state.Timestamp === 'string') time.timestamp = state.Timestamp;
    if (typeof state.TimestampPath === 'string') time['timestamp.$'] = state.TimestampPath;
    const output: Record<string, JsonValue> =
      state.OutputPath === null
        ? { output: {} }
        : { 'output.$': (state.OutputPath as string | undefined) ?? '$' };
    States[name] = {
      Type: 'Pass',
      ...(state.InputPath === undefined ? {} : { InputPath: state.InputPath }),
      Parameters: { [WAIT_MARKER]: name, ...time, ...output },
      End: true,
    };
  }
  return { ...definition, States };
}

function waitRequest(output: unknown, loaded: LoadedMachine): WaitRequest | undefined {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return undefined;
  const fields = output as Record<string, JsonValue>;
  const state = fields[WAIT_MARKER];
  if (typeof state !== 'string' || loaded.machine.definition.States[state]?.Type !== 'Wait') return undefined;
  return {
    state,
    output: fields.output ?? null,
    ...(typeof fields.seconds === 'number' ? { seconds: fields.seconds } : {}),
    ...(typeof fields.timestamp === 'string' ? { timestamp: fields.timestamp } : {}),
  };
}

/** An error as Step Functions reports a failed Lambda: Error = errorType, Cause = the JSON error object. */
function lambdaError(error: unknown): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const wrapped = new Error(
    JSON.stringify({
      errorType: original.name,
      errorMessage: original.message,
      trace: (original.stack ?? '').split('\n'),
    }),
  );
  wrapped.name = original.name;
  return wrapped;
}

export class LocalStepFunctions {
  private readonly executions = new Map<string, RunningExecution>();
  private readonly machines = new Map<string, Promise<LoadedMachine>>();
  private server: Server | undefined;
  private stopped = false;
  readonly warnings: string[] = [];

  constructor(private readonly options: LocalStepFunctionsOptions) {
    for (const machine of options.stateMachines) {
      for (const target of taskTargets(machine.definition, options.template).values()) {
        if (target.kind === 'unsupported') this.warnings.push(`${machine.logicalId}: ${target.reason}`);
      }
    }
  }

  get stateMachines(): readonly LocalStateMachine[] {
    return this.options.stateMachines;
  }

  private loadMachine(arn: string): Promise<LoadedMachine> {
    let loaded = this.machines.get(arn);
    if (loaded === undefined) {
      const machine = this.options.stateMachines.find((candidate) => candidate.arn === arn);
      if (machine === undefined)
        throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
      loaded = this.buildMachine(machine);
      this.machines.set(arn, loaded);
    }
    return loaded;
  }

  private async buildMachine(machine: LocalStateMachine): Promise<LoadedMachine> {
    const StateMachine = await loadStateMachineClass();
    const loaded: LoadedMachine = {
      machine,
      StateMachine,
      runnable: waitsByRuntime(machine.definition),
      segments: new Map(),
      runOptions: this.runOptions(machine.definition),
    };
    // Built now, so a definition the interpreter rejects fails StartExecution rather than the run.
    this.segment(loaded, machine.definition.StartAt);
    return loaded;
  }

  /** The interpreter for a run that starts at `start` (validated once, then reused). */
  private segment(loaded: LoadedMachine, start: string): StateMachineType {
    let interpreter = loaded.segments.get(start);
    if (interpreter === undefined) {
      // Only what this run can reach: the validator rejects states nothing leads to (those after a Wait).
      const definition = {
        ...loaded.runnable,
        StartAt: start,
        States: reachableStates(loaded.runnable, start),
      };
      // Local ARNs use the region "local", which the validator's ARN check would reject.
      interpreter = new loaded.StateMachine(definition as never, { validationOptions: { checkArn: false } });
      loaded.segments.set(start, interpreter);
    }
    return interpreter;
  }

  private runOptions(definition: AslDefinition): RunOptions {
    const handlers: Record<string, (input: JsonValue) => Promise<JsonValue>> = {};
    for (const [stateName, target] of taskTargets(definition, this.options.template)) {
      if (target.kind === 'unsupported') {
        handlers[stateName] = async () => {
          throw Object.assign(new Error(target.reason), { name: 'States.TaskFailed' });
        };
        continue;
      }
      handlers[stateName] = async (input) => {
        const payload = target.integration === 'invoke' ? (input as { Payload?: JsonValue }).Payload : input;
        let result: unknown;
        try {
          const handler = await this.options.loadHandler(target.entry);
          result = await handler(payload ?? {}, lambdaContext(target.logicalId));
        } catch (error) {
          throw lambdaError(error);
        }
        // Lambda serialises the result: undefined becomes null, Dates become strings.
        const json = JSON.parse(JSON.stringify(result ?? null)) as JsonValue;
        return target.integration === 'invoke'
          ? { Payload: json, StatusCode: 200, ExecutedVersion: '$LATEST' }
          : json;
      };
    }
    const overrides: NonNullable<RunOptions['overrides']> = { taskResourceLocalHandlers: handlers as never };
    if (this.options.retryIntervalMs !== undefined) {
      const interval = this.options.retryIntervalMs;
      overrides.retryIntervalOverrides = Object.fromEntries(
        retryableStates(definition).map((name) => [name, interval]),
      );
    }
    // Top-level Waits are the runtime's own (waitsByRuntime), which applies this.options.waitTimeOverrides;
    // those inside Parallel or Map branches are the interpreter's.
    if (this.options.waitTimeOverrides !== undefined)
      overrides.waitTimeOverrides = this.options.waitTimeOverrides;
    return { overrides };
  }

  /** StartExecution, idempotent as in AWS for a running execution with the same name and input. */
  async startExecution(
    stateMachineArn: string,
    input = '{}',
    name: string = randomUUID(),
  ): Promise<LocalExecution> {
    if (this.stopped)
      throw new SfnError('ServiceUnavailable', 'The local Step Functions endpoint is stopping');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const loaded = await this.loadMachine(stateMachineArn);
    const executionArn = `arn:aws:states:local:${LOCAL_ACCOUNT}:execution:${loaded.machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing !== undefined) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    let parsed: JsonValue;
    try {
      parsed = JSON.parse(input) as JsonValue;
    } catch {
      throw new SfnError(
        'InvalidExecutionInput',
        'Invalid State Machine Execution Input: the input is not JSON',
      );
    }

    const execution = this.register(
      { executionArn, stateMachineArn, name, input, startDate: new Date() },
      loaded,
    );
    // On disk before StartExecution answers: whoever got that answer (a 202 to a registration) can rely on
    // the workflow surviving a kill -9 from here on.
    const start = loaded.machine.definition.StartAt;
    execution.resumeAt = { state: start, input: parsed };
    this.persist();
    this.launch(execution, loaded, start, parsed);
    this.options.log?.(`sfn StartExecution ${loaded.machine.name} ${name}`);
    return execution;
  }

  private register(
    base: Pick<LocalExecution, 'executionArn' | 'stateMachineArn' | 'name' | 'input' | 'startDate'>,
    loaded: LoadedMachine,
  ): RunningExecution {
    let ended = () => {};
    const done = new Promise<void>((resolve) => {
      ended = resolve;
    });
    const execution: RunningExecution = {
      ...base,
      status: 'RUNNING',
      events: [{ type: 'ExecutionStarted', timestamp: base.startDate.getTime() }],
      listeners: new Set(),
      done,
      ended,
      rootStates: new Set(Object.keys(loaded.machine.definition.States)),
    };
    this.executions.set(execution.executionArn, execution);
    return execution;
  }

  /** Runs the execution from `start` until it ends or reaches a top-level Wait. */
  private launch(
    execution: RunningExecution,
    loaded: LoadedMachine,
    start: string,
    runInput: JsonValue,
  ): void {
    const run = this.segment(loaded, start).run(runInput, {
      ...loaded.runOptions,
      context: {
        Execution: {
          Id: execution.executionArn,
          Name: execution.name,
          StartTime: execution.startDate.toISOString(),
        },
        StateMachine: { Id: execution.stateMachineArn, Name: loaded.machine.name },
      },
    });
    execution.abort = run.abort;
    const recorded = this.recordEvents(execution, run.eventLogs);
    // After the run's events: resumeAt then holds the Wait's own input, kept along with the wait's end.
    void run.result.then(
      async (output) => {
        await recorded;
        const wait = waitRequest(output, loaded);
        if (wait === undefined) this.finish(execution, 'SUCCEEDED', { output: JSON.stringify(output) });
        else if (execution.status === 'RUNNING') this.beginWait(execution, loaded, wait);
      },
      async (error: unknown) => {
        await recorded;
        this.finish(execution, ...failure(error));
      },
    );
  }

  /** When a Wait the run reached ends: its evaluated time, or the override for tests. */
  private waitEnd(wait: WaitRequest): number | Error {
    const override = this.options.waitTimeOverrides?.[wait.state];
    if (override !== undefined) return Date.now() + override;
    if (wait.timestamp !== undefined) {
      const at = Date.parse(wait.timestamp);
      return Number.isNaN(at) ? new Error(`"${wait.timestamp}" is not a timestamp`) : at;
    }
    if (wait.seconds !== undefined && Number.isFinite(wait.seconds) && wait.seconds >= 0)
      return Date.now() + wait.seconds * 1000;
    return new Error(`no valid Seconds or Timestamp (got ${JSON.stringify(wait.seconds)})`);
  }

  private beginWait(execution: RunningExecution, loaded: LoadedMachine, wait: WaitRequest): void {
    const end = this.waitEnd(wait);
    if (end instanceof Error) {
      this.finish(execution, 'FAILED', {
        error: 'States.Runtime',
        cause: `Wait "${wait.state}": ${end.message}`,
      });
      return;
    }
    const input = execution.resumeAt?.state === wait.state ? execution.resumeAt.input : null;
    execution.resumeAt = {
      state: wait.state,
      input,
      waitUntil: new Date(end).toISOString(),
      output: wait.output,
    };
    if (!this.stopped) this.persist();
    this.waitUntil(execution, loaded, wait.state, end, wait.output);
  }

  /**
   * Waits until `end` in steps Node's timers can take, then runs on from the Wait's Next. The time left
   * is computed again at each step, so a long wait neither fires early nor drifts.
   */
  private waitUntil(
    execution: RunningExecution,
    loaded: LoadedMachine,
    stateName: string,
    end: number,
    output: JsonValue,
  ): void {
    let timer: NodeJS.Timeout | undefined;
    execution.abort = () => clearTimeout(timer);
    const step = () => {
      if (execution.status !== 'RUNNING') return;
      const left = end - Date.now();
      if (left > 0) {
        timer = setTimeout(step, Math.min(left, MAX_TIMER_MS));
        return;
      }
      const state = loaded.machine.definition.States[stateName];
      const next = typeof state?.Next === 'string' ? state.Next : undefined;
      if (next === undefined) this.finish(execution, 'SUCCEEDED', { output: JSON.stringify(output) });
      else this.launch(execution, loaded, next, output);
    };
    step();
  }

  /**
   * Executions live in memory; with `persistFile` each running one is written down at every top-level
   * state it enters, so the next start can resume it there (see resumePersisted).
   */
  private persist(): void {
    const file = this.options.persistFile;
    if (file === undefined) return;
    const running: PersistedExecution[] = [];
    for (const e of this.executions.values()) {
      if (e.status !== 'RUNNING' || e.resumeAt === undefined) continue;
      running.push({
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        input: e.input,
        startDate: e.startDate.toISOString(),
        state: e.resumeAt.state,
        stateInput: e.resumeAt.input,
        ...(e.resumeAt.waitUntil === undefined
          ? {}
          : { waitUntil: e.resumeAt.waitUntil, waitOutput: e.resumeAt.output ?? null }),
      });
    }
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(running, null, 1));
    renameSync(temporary, file);
  }

  /**
   * Restarts the executions a previous run left running, each from the state it was in: a Wait waits
   * until the instant it was to end (not its Seconds again from zero), and a Task it was in runs again
   * (steps are idempotent by dedupe key, as retries in AWS need them to be). Returns how many it resumed.
   */
  async resumePersisted(): Promise<number> {
    const file = this.options.persistFile;
    if (file === undefined || !existsSync(file)) return 0;
    let saved: PersistedExecution[];
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as PersistedExecution[];
    } catch {
      this.options.log?.(`warning: ${file} is not readable JSON; no workflow executions resumed`);
      return 0;
    }
    let resumed = 0;
    for (const entry of saved) {
      const machine = this.options.stateMachines.find((m) => m.arn === entry.stateMachineArn);
      if (machine === undefined || !(entry.state in machine.definition.States)) continue;
      if (this.executions.has(entry.executionArn)) continue;
      const loaded = await this.loadMachine(machine.arn);
      const execution = this.register(
        {
          executionArn: entry.executionArn,
          stateMachineArn: machine.arn,
          name: entry.name,
          input: entry.input,
          startDate: new Date(entry.startDate),
        },
        loaded,
      );
      const waitEnd = entry.waitUntil === undefined ? Number.NaN : Date.parse(entry.waitUntil);
      if (machine.definition.States[entry.state]?.Type === 'Wait' && !Number.isNaN(waitEnd)) {
        const output = entry.waitOutput ?? null;
        execution.currentState = entry.state;
        execution.resumeAt = {
          state: entry.state,
          input: entry.stateInput,
          waitUntil: entry.waitUntil,
          output,
        };
        this.waitUntil(execution, loaded, entry.state, waitEnd, output);
      } else {
        execution.resumeAt = { state: entry.state, input: entry.stateInput };
        this.launch(execution, loaded, entry.state, entry.stateInput);
      }
      resumed++;
    }
    this.persist();
    return resumed;
  }

  private async recordEvents(execution: RunningExecution, events: AsyncGenerator<unknown>): Promise<void> {
    try {
      for await (const raw of events) {
        const event = raw as {
          type: string;
          timestamp: number;
          state?: { name: string; input?: JsonValue };
          Error?: string;
          Cause?: unknown;
        };
        // The execution's own start and end are recorded once (register, finish), not per run.
        if (event.type.startsWith('Execution')) continue;
        if (event.type === 'StateEntered' && event.state !== undefined) {
          execution.currentState = event.state.name;
          // Nested states (Parallel branches) resume with their parent, which is the last top-level one.
          if (execution.rootStates.has(event.state.name)) {
            execution.resumeAt = { state: event.state.name, input: event.state.input ?? null };
            if (!this.stopped) this.persist();
          }
        }
        execution.events.push({
          type: event.type,
          timestamp: event.timestamp,
          ...(event.state === undefined ? {} : { stateName: event.state.name }),
          ...(event.Error === undefined ? {} : { error: event.Error }),
          ...(event.Cause === undefined ? {} : { cause: causeText(event.Cause) }),
        });
        this.notify(execution);
      }
    } catch {
      // The event log ends with the execution; nothing to record after that.
    }
  }

  private finish(
    execution: RunningExecution,
    status: ExecutionStatus,
    details: { output?: string; error?: string; cause?: string },
  ): void {
    if (execution.status === 'RUNNING') {
      execution.status = status;
      execution.stopDate = new Date();
      Object.assign(execution, details);
      execution.events.push({ type: endEvents[status], timestamp: execution.stopDate.getTime() });
      // Executions that end because the runtime stops stay in the file, to be resumed.
      if (!this.stopped) this.persist();
      if (status === 'FAILED') {
        this.options.log?.(`sfn ${execution.name} FAILED in "${execution.currentState}": ${details.error}`);
      }
    }
    this.notify(execution);
    execution.ended();
  }

  private notify(execution: RunningExecution): void {
    for (const listener of execution.listeners) listener();
  }

  private get(executionArn: string): RunningExecution {
    const execution = this.executions.get(executionArn);
    if (execution === undefined)
      throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  describeExecution(executionArn: string): LocalExecution {
    return this.get(executionArn);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): LocalExecution {
    const execution = this.get(executionArn);
    if (execution.status === 'RUNNING') {
      this.finish(execution, 'ABORTED', {
        ...(error === undefined ? {} : { error }),
        ...(cause === undefined ? {} : { cause }),
      });
      execution.abort?.();
    }
    return execution;
  }

  listExecutions(stateMachineArn?: string, status?: ExecutionStatus): LocalExecution[] {
    return [...this.executions.values()]
      .filter(
        (e) =>
          (stateMachineArn === undefined || e.stateMachineArn === stateMachineArn) &&
          (status === undefined || e.status === status),
      )
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  }

  /** Resolves when `check` holds for the execution, re-checked on each of its events. */
  private waitFor(
    executionArn: string,
    check: (e: LocalExecution) => boolean,
    what: string,
    timeoutMs: number,
  ) {
    const execution = this.get(executionArn);
    return new Promise<LocalExecution>((resolve, reject) => {
      const listener = () => {
        if (!check(execution)) return;
        clearTimeout(timer);
        execution.listeners.delete(listener);
        resolve(execution);
      };
      const timer = setTimeout(() => {
        execution.listeners.delete(listener);
        reject(
          new Error(
            `${execution.name}: not ${what} within ${timeoutMs} ms (status ${execution.status}, state "${execution.currentState}")`,
          ),
        );
      }, timeoutMs);
      execution.listeners.add(listener);
      listener();
    });
  }

  /** For tests: the execution once it has ended (any status). */
  waitForExecution(executionArn: string, timeoutMs = 20_000): Promise<LocalExecution> {
    return this.waitFor(executionArn, (e) => e.status !== 'RUNNING', 'finished', timeoutMs);
  }

  /** For tests: resolves once the execution has entered the state (e.g. "WaitForConfirmation"). */
  waitForState(executionArn: string, stateName: string, timeoutMs = 20_000): Promise<LocalExecution> {
    return this.waitFor(
      executionArn,
      (e) => e.events.some((event) => event.type === 'StateEntered' && event.stateName === stateName),
      `in state "${stateName}"`,
      timeoutMs,
    );
  }

  /** Serves the JSON protocol on 127.0.0.1; returns the endpoint URL (AWS_ENDPOINT_URL_SFN). */
  async listen(port: number, portEnvVar = 'SFN_PORT'): Promise<string> {
    await assertPortFree(port, 'Step Functions', portEnvVar);
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : port}`;
  }

  /** Aborts every running execution (their waits end) and closes the endpoint. */
  async stop(): Promise<void> {
    if (!this.stopped) this.persist();
    this.stopped = true;
    for (const execution of this.executions.values()) {
      if (execution.status === 'RUNNING') {
        this.finish(execution, 'ABORTED', { error: 'States.Runtime', cause: 'The local runtime stopped' });
        execution.abort?.();
      }
    }
    await Promise.allSettled([...this.executions.values()].map((execution) => execution.done));
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-requestid': randomUUID(),
      });
      response.end(JSON.stringify(body));
    };
    try {
      const target = request.headers['x-amz-target'];
      if (
        request.method !== 'POST' ||
        typeof target !== 'string' ||
        !target.startsWith('AWSStepFunctions.')
      ) {
        throw new SfnError(
          'UnknownOperationException',
          'Expected POST / with X-Amz-Target: AWSStepFunctions.<Operation>',
        );
      }
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
      reply(200, await this.operation(target.slice('AWSStepFunctions.'.length), body));
    } catch (error) {
      if (error instanceof SfnError) reply(400, { __type: error.type, message: error.message });
      else if (error instanceof SyntaxError)
        reply(400, { __type: 'SerializationException', message: error.message });
      else {
        this.options.log?.(
          `sfn error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        reply(500, {
          __type: 'InternalFailure',
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private async operation(name: string, body: Record<string, unknown>): Promise<unknown> {
    const text = (key: string): string => {
      const value = body[key];
      if (typeof value !== 'string' || value === '')
        throw new SfnError('ValidationException', `${key} is required`);
      return value;
    };
    const optional = (key: string): string | undefined =>
      typeof body[key] === 'string' ? (body[key] as string) : undefined;
    switch (name) {
      case 'StartExecution': {
        const execution = await this.startExecution(
          text('stateMachineArn'),
          optional('input') ?? '{}',
          optional('name'),
        );
        return { executionArn: execution.executionArn, startDate: seconds(execution.startDate) };
      }
      case 'DescribeExecution':
        return describe(this.describeExecution(text('executionArn')));
      case 'StopExecution': {
        const execution = this.stopExecution(text('executionArn'), optional('error'), optional('cause'));
        return { stopDate: seconds(execution.stopDate ?? new Date()) };
      }
      case 'ListExecutions': {
        const stateMachineArn = text('stateMachineArn');
        await this.loadMachine(stateMachineArn);
        const all = this.listExecutions(
          stateMachineArn,
          optional('statusFilter') as ExecutionStatus | undefined,
        );
        const start = Number(optional('nextToken') ?? '0') || 0;
        const max = typeof body.maxResults === 'number' && body.maxResults > 0 ? body.maxResults : 100;
        const page = all.slice(start, start + max);
        return {
          executions: page.map((e) => ({
            executionArn: e.executionArn,
            stateMachineArn: e.stateMachineArn,
            name: e.name,
            status: e.status,
            startDate: seconds(e.startDate),
            ...(e.stopDate === undefined ? {} : { stopDate: seconds(e.stopDate) }),
          })),
          ...(start + max < all.length ? { nextToken: String(start + max) } : {}),
        };
      }
      case 'ListStateMachines':
        return {
          stateMachines: this.options.stateMachines.map((m) => ({
            stateMachineArn: m.arn,
            name: m.name,
            type: 'STANDARD',
            creationDate: 0,
          })),
        };
      case 'DescribeStateMachine': {
        const { machine } = await this.loadMachine(text('stateMachineArn'));
        return {
          stateMachineArn: machine.arn,
          name: machine.name,
          status: 'ACTIVE',
          definition: JSON.stringify(machine.definition),
          roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local`,
          type: 'STANDARD',
          creationDate: 0,
        };
      }
      default:
        throw new SfnError('UnknownOperationException', `The local endpoint does not implement ${name}`);
    }
  }
}

const seconds = (date: Date) => date.getTime() / 1000;

const endEvents: Record<ExecutionStatus, string> = {
  RUNNING: 'ExecutionStarted',
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimeout',
  ABORTED: 'ExecutionAborted',
};

function causeText(cause: unknown): string {
  if (typeof cause === 'string') return cause;
  if (cause instanceof Error) return cause.message;
  return JSON.stringify(cause);
}

function describe(e: LocalExecution) {
  return {
    executionArn: e.executionArn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: seconds(e.startDate),
    input: e.input,
    inputDetails: { included: true },
    ...(e.stopDate === undefined ? {} : { stopDate: seconds(e.stopDate) }),
    ...(e.output === undefined ? {} : { output: e.output, outputDetails: { included: true } }),
    ...(e.error === undefined ? {} : { error: e.error }),
    ...(e.cause === undefined ? {} : { cause: e.cause }),
  };
}

/** ExecutionError wraps the state's error in `cause`; its name is what a Fail state or Lambda raised. */
function failure(error: unknown): [ExecutionStatus, { error?: string; cause?: string }] {
  if (error instanceof Error && error.name === 'ExecutionAbortedError') return ['ABORTED', {}];
  if (error instanceof Error && error.name === 'ExecutionTimeoutError') {
    return ['TIMED_OUT', { error: 'States.Timeout', cause: 'The execution ran longer than TimeoutSeconds' }];
  }
  const inner = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (inner instanceof Error) {
    const cause = (inner as { cause?: unknown }).cause;
    return ['FAILED', { error: inner.name, cause: cause === undefined ? inner.message : causeText(cause) }];
  }
  return ['FAILED', { error: 'States.Runtime', cause: String(inner) }];
}
