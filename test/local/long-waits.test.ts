/**
 * Waits in the local Step Functions as AWS has them: any length up to a year (Node's timers stop at
 * 24.8 days and fire at once beyond), and across a restart until the instant they were to end. A tiny
 * state machine: a Wait, then a Pass that marks the output, so what fired is visible.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AslState, LocalStateMachine } from '../../infra/local/asl.ts';
import { LocalStepFunctions, MAX_TIMER_MS } from '../../infra/local/stepfunctions.ts';

const day = 24 * 3600 * 1000;

function machineWith(wait: AslState): LocalStateMachine {
  return {
    logicalId: 'Hold',
    arn: 'arn:aws:states:local:000000000000:stateMachine:Hold',
    name: 'Hold',
    definition: {
      StartAt: 'Before',
      States: {
        Before: { Type: 'Pass', Next: 'Hold' },
        Hold: { ...wait, Next: 'Fired' },
        Fired: { Type: 'Pass', Result: 'fired', ResultPath: '$.result', End: true },
      },
    },
  };
}

const byTimestamp = machineWith({ Type: 'Wait', TimestampPath: '$.at' });
const bySeconds = machineWith({ Type: 'Wait', Seconds: 40 * 24 * 3600 });

const runtimes: LocalStepFunctions[] = [];
function runtime(machine: LocalStateMachine, persistFile?: string): LocalStepFunctions {
  const sfn = new LocalStepFunctions({
    template: { Resources: {} },
    stateMachines: [machine],
    loadHandler: async () => {
      throw new Error('no tasks here');
    },
    ...(persistFile === undefined ? {} : { persistFile }),
  });
  runtimes.push(sfn);
  return sfn;
}

afterEach(async () => {
  for (const sfn of runtimes.splice(0)) await sfn.stop();
  vi.useRealTimers();
});

/** Lets the interpreter's promise chains run; with fake timers, time moves only when told. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('a Wait longer than a Node timer can hold', () => {
  it('does not fire early, and warns of no timeout overflow', async () => {
    expect(40 * day).toBeGreaterThan(MAX_TIMER_MS);
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const sfn = runtime(byTimestamp);
      const extra = runtime(bySeconds);
      const at = new Date(Date.now() + 40 * day).toISOString();
      const execution = await sfn.startExecution(byTimestamp.arn, JSON.stringify({ at }));
      const relative = await extra.startExecution(bySeconds.arn, '{}');
      await sfn.waitForState(execution.executionArn, 'Hold');
      await extra.waitForState(relative.executionArn, 'Hold');
      // Before the fix both fired within milliseconds; two seconds is ample for that to show.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (const e of [execution, relative]) {
        expect(e.status).toBe('RUNNING');
        expect(e.currentState).toBe('Hold');
        expect(e.events.some((event) => event.stateName === 'Fired')).toBe(false);
      }
      expect(warnings.filter((w) => w.startsWith('TimeoutOverflowWarning'))).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('fires at its time: 40 days on a fake clock, in steps Node can time', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const sfn = runtime(byTimestamp);
    const at = new Date(Date.now() + 40 * day);
    const execution = await sfn.startExecution(byTimestamp.arn, JSON.stringify({ at: at.toISOString() }));
    await settle();
    expect(execution.currentState).toBe('Hold');

    await vi.advanceTimersByTimeAsync(40 * day - 1000);
    expect(execution.status).toBe('RUNNING');
    await vi.advanceTimersByTimeAsync(1000);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toEqual({ at: at.toISOString(), result: 'fired' });
    expect(execution.stopDate?.getTime()).toBe(at.getTime());
  });
});

describe('a Wait interrupted by a restart', () => {
  it('resumes until its original instant: neither at once nor its 40 days again from zero', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const persistFile = join(mkdtempSync(join(tmpdir(), 'samla-waits-')), 'executions.json');
    const before = runtime(bySeconds, persistFile);
    const startedAt = Date.now();
    const execution = await before.startExecution(bySeconds.arn, '{"n":1}', 'long-wait');
    await settle();
    expect(execution.currentState).toBe('Hold');
    await vi.advanceTimersByTimeAsync(30 * day);
    await before.stop();
    const saved = JSON.parse(readFileSync(persistFile, 'utf8')) as Record<string, unknown>[];
    expect(saved).toEqual([
      expect.objectContaining({
        name: 'long-wait',
        state: 'Hold',
        waitUntil: new Date(startedAt + 40 * day).toISOString(),
        waitOutput: { n: 1 },
      }),
    ]);

    // Down for a day, then started again.
    await vi.advanceTimersByTimeAsync(day);
    const after = runtime(bySeconds, persistFile);
    expect(await after.resumePersisted()).toBe(1);
    await settle();
    const resumed = after.describeExecution(execution.executionArn);
    expect(resumed).toMatchObject({ status: 'RUNNING', currentState: 'Hold' });

    await vi.advanceTimersByTimeAsync(9 * day - 1000);
    expect(resumed.status).toBe('RUNNING');
    await vi.advanceTimersByTimeAsync(1000);
    expect(resumed.status).toBe('SUCCEEDED');
    expect(resumed.stopDate?.getTime()).toBe(startedAt + 40 * day);
    expect(JSON.parse(resumed.output ?? '{}')).toEqual({ n: 1, result: 'fired' });
    expect(JSON.parse(readFileSync(persistFile, 'utf8'))).toEqual([]);
  });

  it('is on disk before StartExecution answers', async () => {
    const persistFile = join(mkdtempSync(join(tmpdir(), 'samla-waits-')), 'executions.json');
    const sfn = runtime(byTimestamp, persistFile);
    const input = JSON.stringify({ at: new Date(Date.now() + day).toISOString() });
    const execution = await sfn.startExecution(byTimestamp.arn, input, 'just-started');
    // Read synchronously, before the interpreter has had a turn to enter any state.
    expect(JSON.parse(readFileSync(persistFile, 'utf8'))).toEqual([
      expect.objectContaining({ executionArn: execution.executionArn, state: 'Before', input }),
    ]);
  });
});
