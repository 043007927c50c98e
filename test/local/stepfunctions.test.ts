import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveStateMachines } from '../../infra/local/asl.ts';
import type { LambdaHandler } from '../../infra/local/lambda.ts';
import { freePort } from '../../infra/local/ports.ts';
import { LocalStepFunctions } from '../../infra/local/stepfunctions.ts';
import { fixtureTemplate } from '../support/fixture-template.ts';

interface Call {
  readonly payload: Record<string, unknown>;
  readonly functionName: string;
}

/** The opt-in-steps stand-in: records calls; `behaviour` decides per call what happens. */
const calls: Call[] = [];
let behaviour: (payload: Record<string, unknown>, attempt: number) => unknown = () => ({
  status: 'pending_confirmation',
});

const stepsHandler: LambdaHandler = async (event, context) => {
  const payload = event as Record<string, unknown>;
  calls.push({ payload, functionName: context.functionName });
  return behaviour(payload, calls.filter((call) => call.payload.step === payload.step).length);
};

const template = fixtureTemplate();
const [machine] = resolveStateMachines(template, { tableName: 'unused' });
const workflowArn = machine?.arn ?? '';

let sfn: LocalStepFunctions;
let client: SFNClient;

beforeAll(async () => {
  sfn = new LocalStepFunctions({
    template,
    stateMachines: machine === undefined ? [] : [machine],
    loadHandler: async (entry) => {
      if (entry !== 'functions/opt-in-steps/handler.ts') throw new Error(`unexpected entry ${entry}`);
      return stepsHandler;
    },
    retryIntervalMs: 5,
  });
  const endpoint = await sfn.listen(await freePort());
  client = new SFNClient({
    endpoint,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await sfn.stop();
});

afterEach(() => {
  calls.length = 0;
  behaviour = () => ({ status: 'pending_confirmation' });
});

const past = () => new Date(Date.now() - 1000).toISOString();
const future = () => new Date(Date.now() + 3_600_000).toISOString();

function input(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    networkId: 'demo',
    registrationId: 'r1',
    kind: 'new',
    remindAt: past(),
    expireAt: past(),
    ...overrides,
  });
}

describe('local Step Functions endpoint', () => {
  it('runs the whole workflow through the SDK: tasks by state name, direct and lambda:invoke', async () => {
    const { executionArn, startDate } = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, name: 'run-all', input: input() }),
    );
    expect(executionArn).toMatch(/:execution:.+:run-all$/);
    expect(startDate).toBeInstanceOf(Date);

    await sfn.waitForExecution(executionArn ?? '');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(described.stopDate).toBeInstanceOf(Date);
    const output = JSON.parse(described.output ?? '{}') as Record<string, unknown>;
    // SendReminder uses lambda:invoke; its ResultSelector reads $.Payload.status, so the wrapping worked.
    expect(output.reminder).toEqual({ status: 'pending_confirmation' });
    expect(calls.map((call) => call.payload.step)).toEqual([
      'send-confirmation',
      'remind',
      'branch',
      'expire',
    ]);
    expect(calls[0]?.payload).toEqual({ step: 'send-confirmation', networkId: 'demo', registrationId: 'r1' });
  });

  it('takes the resend branch', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, input: input({ kind: 'resend' }) }),
    );
    const execution = await sfn.waitForExecution(executionArn ?? '');
    expect(execution.status).toBe('SUCCEEDED');
    expect(calls.map((call) => call.payload.step)).toEqual(['send-confirmation']);
  });

  it('is idempotent for a running execution with the same name and input, and refuses other input', async () => {
    const waiting = input({ remindAt: future() });
    const first = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, name: 'same', input: waiting }),
    );
    const again = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, name: 'same', input: waiting }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate?.getTime()).toBe(first.startDate?.getTime());

    const different = client.send(
      new StartExecutionCommand({
        stateMachineArn: workflowArn,
        name: 'same',
        input: input({ registrationId: 'r2' }),
      }),
    );
    await expect(different).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await sfn.waitForState(first.executionArn ?? '', 'WaitForConfirmation');
    expect(sfn.describeExecution(first.executionArn ?? '').currentState).toBe('WaitForConfirmation');
    const stopped = await client.send(new StopExecutionCommand({ executionArn: first.executionArn }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const described = await client.send(new DescribeExecutionCommand({ executionArn: first.executionArn }));
    expect(described.status).toBe('ABORTED');
    // Only the confirmation was sent: the stopped wait never reached the reminder.
    expect(calls.map((call) => call.payload.step)).toEqual(['send-confirmation']);

    // A closed execution's name cannot be reused, even with the same input (as in AWS).
    const reuse = client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, name: 'same', input: waiting }),
    );
    await expect(reuse).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('retries a failing task by its error name, then goes on', async () => {
    behaviour = (payload, attempt) => {
      if (payload.step === 'send-confirmation' && attempt < 3) {
        throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      }
      return { status: 'confirmed' };
    };
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, input: input() }),
    );
    const execution = await sfn.waitForExecution(executionArn ?? '');
    expect(execution.status).toBe('SUCCEEDED');
    // Three attempts, then the reminder says confirmed and StillPending? goes to Done without expiring.
    expect(calls.map((call) => call.payload.step)).toEqual([
      'send-confirmation',
      'send-confirmation',
      'send-confirmation',
      'remind',
      'branch',
    ]);
    expect(execution.events.filter((event) => event.type === 'StateRetried')).toHaveLength(2);
  });

  it('fails with the error name and a Lambda-style cause when retries run out', async () => {
    behaviour = () => {
      throw Object.assign(new Error('the table is gone'), { name: 'ResourceNotFoundException' });
    };
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: workflowArn, input: input() }),
    );
    await sfn.waitForExecution(executionArn ?? '');
    const described = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('ResourceNotFoundException');
    expect(JSON.parse(described.cause ?? '{}')).toMatchObject({
      errorType: 'ResourceNotFoundException',
      errorMessage: 'the table is gone',
    });
    // MaxAttempts 3: the first call and three retries.
    expect(calls).toHaveLength(4);
  });

  it('lists executions newest first, filtered by status', async () => {
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: workflowArn,
        name: 'listed',
        input: input({ remindAt: future() }),
      }),
    );
    const running = await client.send(
      new ListExecutionsCommand({ stateMachineArn: workflowArn, statusFilter: 'RUNNING' }),
    );
    expect(running.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn: workflowArn, maxResults: 2 }));
    expect(all.executions?.[0]?.executionArn).toBe(executionArn);
    expect(all.executions).toHaveLength(2);
    expect(all.nextToken).toBeDefined();
    await client.send(new StopExecutionCommand({ executionArn }));
  });

  it('answers unknown state machines and executions with the SDK error types', async () => {
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: `${workflowArn}Nope`, input: '{}' })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(
      client.send(
        new DescribeExecutionCommand({ executionArn: 'arn:aws:states:local:000000000000:execution:x:y' }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('aborts waiting executions when it stops', async () => {
    const local = new LocalStepFunctions({
      template,
      stateMachines: machine === undefined ? [] : [machine],
      loadHandler: async () => stepsHandler,
    });
    const execution = await local.startExecution(workflowArn, input({ remindAt: future() }));
    await local.waitForState(execution.executionArn, 'WaitForConfirmation');
    await local.stop();
    expect(local.describeExecution(execution.executionArn).status).toBe('ABORTED');
    await expect(local.startExecution(workflowArn, input())).rejects.toThrow(/stopping/);
  });

  it('keeps running executions in a file and resumes them where they were after a restart', async () => {
    const persistFile = join(mkdtempSync(join(tmpdir(), 'samla-sfn-')), 'executions.json');
    const make = () =>
      new LocalStepFunctions({
        template,
        stateMachines: machine === undefined ? [] : [machine],
        loadHandler: async () => stepsHandler,
        persistFile,
      });
    const first = make();
    const executionInput = input({ remindAt: new Date(Date.now() + 1500).toISOString() });
    const started = await first.startExecution(workflowArn, executionInput, 'survivor');
    await first.waitForState(started.executionArn, 'WaitForConfirmation');
    await first.stop();
    expect(JSON.parse(readFileSync(persistFile, 'utf8'))).toEqual([
      expect.objectContaining({
        name: 'survivor',
        state: 'WaitForConfirmation',
        stateInput: JSON.parse(executionInput),
      }),
    ]);

    const second = make();
    try {
      expect(await second.resumePersisted()).toBe(1);
      const resumed = second.describeExecution(started.executionArn);
      expect(resumed).toMatchObject({
        status: 'RUNNING',
        input: started.input,
        startDate: started.startDate,
      });
      const done = await second.waitForExecution(started.executionArn);
      expect(done.status).toBe('SUCCEEDED');
      // The confirmation went out before the restart and is not sent again; the rest follows the wait.
      expect(calls.map((call) => call.payload.step)).toEqual([
        'send-confirmation',
        'remind',
        'branch',
        'expire',
      ]);
      expect(JSON.parse(readFileSync(persistFile, 'utf8'))).toEqual([]);
    } finally {
      await second.stop();
    }
  });
});
