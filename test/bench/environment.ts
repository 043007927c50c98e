/**
 * The local stack for the bench, set up as the integration tests set theirs up: DynamoDB Local and the
 * SES inbox in another process (services.ts, like test/support/global-setup.ts), and in this one the
 * gateway, the local Step Functions and the real handler modules (like test/support/local-stack.ts), all
 * on 127.0.0.1 with free ports.
 *
 * The workflow tasks can be held (their Lambda answers at once without doing anything) while the bench
 * times handlers: in AWS a workflow runs in other Lambdas, not in the one being timed. Or gated: started
 * and then waiting until the bench opens the gate, so a capacity window can count a request apart from
 * the workflow step it starts.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { localDynamoClient, tableDefinition } from '../../infra/local/dynamodb.ts';
import { type HandlerLoader, type LambdaHandler, moduleLoader } from '../../infra/local/lambda.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { CfnTemplate } from '../../infra/local/template.ts';
import { cachedTemplate } from '../../infra/local/template-cache.ts';
import { unroutedFunctions } from '../../shared/functions.ts';
import { Meter, tableDefFrom } from './meter.ts';
import { progress } from './stats.ts';

export type WorkflowMode = 'run' | 'hold' | 'gate';

export interface BenchEnvironment {
  readonly stack: LocalStack;
  readonly template: CfnTemplate;
  readonly sesUrl: string;
  readonly meter: Meter;
  /** Lines the local stack logged that were not request lines (warnings, failed executions). */
  readonly warnings: string[];
  /** How workflow tasks run from now on; opening a gate lets the waiting ones go on. */
  workflows(mode: WorkflowMode): void;
  /** Handler modules, imported once (as a warm Lambda container has them). */
  handler(fn: string): Promise<LambdaHandler>;
  /** Resolves once no invocation is running (a load generator leaves requests in flight when it stops). */
  idle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Wait-state lengths in ms, by state name: long enough to confirm in, short enough to finish the run. */
const WAITS = { WaitForConfirmation: 5000, WaitForExpiry: 10, WaitForNext: 10, WaitForOfferEnd: 10 };

async function startServices(): Promise<{ child: ChildProcess; dynamoEndpoint: string; sesUrl: string }> {
  const child = fork(fileURLToPath(new URL('./services.ts', import.meta.url)), [], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    const ready = await new Promise<{ dynamoEndpoint: string; sesUrl?: string }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('DynamoDB Local and the SES inbox: not up in 60 s')),
        60_000,
      );
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as { dynamoEndpoint: string; sesUrl?: string });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the services process exited (code ${code}) before it was ready`));
      });
    });
    if (ready.sesUrl === undefined) throw new Error('the SES inbox did not start');
    return { child, dynamoEndpoint: ready.dynamoEndpoint, sesUrl: ready.sesUrl };
  } catch (error) {
    await stopServices(child);
    throw error;
  }
}

async function stopServices(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.connected) child.disconnect();
  else child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function startEnvironment(): Promise<BenchEnvironment> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        progress(`cleanup failed: ${String(error)}`);
      }
    }
  };
  try {
    const servicesReady = startServices();
    // Awaited below; a failure meanwhile must not count as unhandled.
    servicesReady.catch(() => undefined);
    const { template } = await cachedTemplate(async () =>
      (await import('../../infra/synth.ts')).synthTemplate(),
    );
    const services = await servicesReady;
    cleanups.push(() => stopServices(services.child));

    let meter: Meter | undefined;
    let mode: WorkflowMode = 'run';
    let gate: { promise: Promise<void>; open: () => void } | undefined;
    let running = 0;
    const base = moduleLoader();
    const workflowEntries = new Set(unroutedFunctions.map((fn) => `functions/${fn}/handler.ts`));
    const loadHandler: HandlerLoader = async (entry) => {
      const handler = await base(entry);
      const fn = entry.split('/')[1] ?? entry;
      return async (event, context) => {
        if (workflowEntries.has(entry)) {
          if (mode === 'hold') return { status: 'held' };
          if (gate) await gate.promise;
        }
        const started = performance.now();
        running += 1;
        try {
          return await handler(event, context);
        } finally {
          running -= 1;
          meter?.lambda(fn, performance.now() - started);
        }
      };
    };

    const warnings: string[] = [];
    const stack = await startLocalStack({
      template,
      tableName: `bench-${randomUUID().slice(0, 8)}`,
      ports: { api: 0, sfn: 0 },
      dynamodb: { endpoint: services.dynamoEndpoint },
      ses: { url: services.sesUrl },
      seedDemo: true,
      retryIntervalMs: 50,
      waitTimeOverrides: WAITS,
      loadHandler,
      log: (line) => {
        if (/^[A-Z]+ [/(]/.test(line)) meter?.apiRequest();
        else if (!line.startsWith('sfn StartExecution')) warnings.push(line);
      },
    });
    cleanups.push(() => stack.stop());

    // Imported only now: the clients read their endpoints from the environment the stack has just set.
    const { dynamo } = await import('../../shared/clients/dynamodb.ts');
    const { ses } = await import('../../shared/clients/ses.ts');
    const { sfn } = await import('../../shared/clients/sfn.ts');
    const raw = localDynamoClient(stack.dynamoEndpoint);
    cleanups.push(() => raw.destroy());
    meter = new Meter(tableDefFrom(tableDefinition(template)), raw);
    meter.install({ dynamo, ses, sfn });
    const installed = meter;
    cleanups.push(() => installed.uninstall());

    // The handlers log a JSON line per step to stdout, as in Lambda. Here stdout is for the table, so the
    // lines are counted (CloudWatch bills them by size) and dropped.
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      installed.log(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
    cleanups.push(() => {
      process.stdout.write = write;
    });
    cleanups.push(() => gate?.open());

    return {
      stack,
      template,
      sesUrl: services.sesUrl,
      meter: installed,
      warnings,
      workflows(next) {
        mode = next;
        if (next === 'gate') {
          if (gate === undefined) {
            let open = () => {};
            const promise = new Promise<void>((resolve) => {
              open = resolve;
            });
            gate = { promise, open };
          }
        } else if (gate !== undefined) {
          gate.open();
          gate = undefined;
        }
      },
      handler: (fn) => base(`functions/${fn}/handler.ts`),
      async idle(timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        while (running > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
