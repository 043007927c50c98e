import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CfnTemplate,
  functionEntries,
  type Json,
  resolveString,
  type StateMachineDefinition,
  stateMachineDefinitions,
  synthTemplate,
} from '../../infra/synth.ts';
import { OUTBOX_LEASE_SECONDS } from '../../shared/store/outbox.ts';

let cfn: CfnTemplate;
let registration: StateMachineDefinition;
let stepsId: string;
beforeAll(() => {
  cfn = synthTemplate();
  // Resolve Lambda ARNs to a marker naming the logical id, to see which function each task calls.
  const machines = stateMachineDefinitions(cfn, { getAtt: (id, attribute) => `${attribute}-of-${id}` });
  const found = machines.find((m) => m.workflow === 'opt-in');
  if (!found) throw new Error('no state machine with samla:workflow = opt-in');
  registration = found;
  const ids = Object.entries(functionEntries(cfn)).filter(
    ([, e]) => e === 'functions/opt-in-steps/handler.ts',
  );
  stepsId = ids[0]?.[0] ?? 'missing';
}, 60_000);

const payload = (step: string) => ({ step, 'subject.$': '$.subject' });

/** The contract in the brief, state by state. */
function contractStates(resource: string) {
  const retry = [
    { ErrorEquals: ['OutboxClaimHeld'], IntervalSeconds: 15, BackoffRate: 2, MaxAttempts: 4 },
    { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 4 },
  ];
  return {
    'Resend?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.kind', StringEquals: 'resend', Next: 'SendConfirmationAgain' }],
      Default: 'SendConfirmation',
    },
    SendConfirmationAgain: {
      Type: 'Task',
      Resource: resource,
      Parameters: payload('send-confirmation'),
      Retry: retry,
      End: true,
    },
    SendConfirmation: {
      Type: 'Task',
      Resource: resource,
      Parameters: payload('send-confirmation'),
      ResultPath: null,
      Retry: retry,
      Next: 'WaitForConfirmation',
    },
    WaitForConfirmation: { Type: 'Wait', TimestampPath: '$.remindAt', Next: 'SendReminder' },
    SendReminder: {
      Type: 'Task',
      Resource: resource,
      Parameters: payload('remind'),
      ResultPath: '$.reminder',
      Retry: retry,
      Next: 'StillPending?',
    },
    'StillPending?': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.reminder.status', StringEquals: 'pending_confirmation', Next: 'WaitForExpiry' },
      ],
      Default: 'Done',
    },
    WaitForExpiry: { Type: 'Wait', TimestampPath: '$.expireAt', Next: 'Expire' },
    Expire: {
      Type: 'Task',
      Resource: resource,
      Parameters: payload('expire'),
      ResultPath: null,
      Retry: retry,
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  };
}

describe('the opt-in workflow', () => {
  it('starts at Resend? and has exactly the states of the contract', () => {
    expect(registration.definition.StartAt).toBe('Resend?');
    expect(registration.definition.States).toEqual(contractStates(`Arn-of-${stepsId}`));
  });

  it('calls opt-in-steps directly (payloadResponseOnly), so a task result is the handler return value', () => {
    const resources = Object.values(registration.definition.States)
      .filter((state) => state.Type === 'Task')
      .map((state) => state.Resource);
    expect(resources).toHaveLength(4);
    expect(new Set(resources)).toEqual(new Set([`Arn-of-${stepsId}`]));
    expect(stepsId).not.toBe('missing');
  });

  it('keeps the ids it had as the registration workflow, so a deploy does not replace it or its steps function', () => {
    // The logical ids of the last release with registration-steps: executions waiting for a reminder or an
    // expiry keep calling them.
    expect(registration.logicalId).toBe('WorkflowsRegistrationStateMachine48E148A0');
    expect(stepsId).toBe('FunctionsRegistrationStepsFunction4B8A5B71');
  });

  it('logs ALL to a log group and is traced', () => {
    const template = Template.fromJSON(cfn);
    template.hasResource('AWS::StepFunctions::StateMachine', {
      Metadata: { 'samla:workflow': 'opt-in' },
      Properties: Match.objectLike({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: {
          Level: 'ALL',
          IncludeExecutionData: true,
          Destinations: [
            { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
          ],
        },
      }),
    });
  });

  it('may invoke only opt-in-steps, and nothing else of the stack', () => {
    const template = Template.fromJSON(cfn);
    const roleArn = cfn.Resources[registration.logicalId]?.Properties?.RoleArn;
    const roleId = JSON.stringify(roleArn).match(/"Fn::GetAtt":\["([^"]+)"/)?.[1];
    const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
    const statements: { Action: string | string[]; Resource: Json | Json[] }[] = Object.values(
      policies,
    ).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const invoked = statements
      .filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((s) => [s.Resource].flat());
    expect(invoked.length).toBeGreaterThan(0);
    for (const arn of invoked) {
      expect(resolveString(arn, { getAtt: (id) => id })).toMatch(new RegExp(`^${stepsId}(:\\*)?$`));
    }
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a) => /^(dynamodb|ses|states):/.test(a))).toEqual([]);
  });
});

describe('every workflow task', () => {
  it('retries an email claimed by another invocation until past the outbox lease', () => {
    const tasks = stateMachineDefinitions(cfn).flatMap((machine) =>
      Object.entries(machine.definition.States).filter(([, state]) => state.Type === 'Task'),
    );
    expect(tasks.length).toBeGreaterThanOrEqual(7);
    for (const [name, state] of tasks) {
      const retriers = (state.Retry ?? []) as {
        ErrorEquals: string[];
        IntervalSeconds: number;
        BackoffRate: number;
        MaxAttempts: number;
      }[];
      // First: a States.ALL retrier before it would catch the error with its own 2-second schedule.
      const held = retriers[0];
      expect(held?.ErrorEquals, name).toEqual(['OutboxClaimHeld']);
      if (held === undefined) continue;
      let waited = 0;
      for (let attempt = 0; attempt < held.MaxAttempts; attempt++)
        waited += held.IntervalSeconds * held.BackoffRate ** attempt;
      // The claim may have been taken just before the first failure: the retries must end after it lapses.
      expect(waited, name).toBeGreaterThan(OUTBOX_LEASE_SECONDS * 2);
    }
  });
});
