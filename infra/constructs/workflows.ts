import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  Choice,
  Condition,
  DefinitionBody,
  type IChainable,
  JsonPath,
  LogLevel,
  Pass,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import type { SamlaFunction } from './function.ts';

export interface WorkflowsProps {
  /** The opt-in-steps function: every task of the opt-in workflow calls it. */
  readonly optInSteps: SamlaFunction;
  /** The offer-steps function: ends an offered seat that was not taken in time. */
  readonly offerSteps: SamlaFunction;
  /** The meeting-steps function: invitations, updates, cancellations and reminders of one meeting. */
  readonly meetingSteps: SamlaFunction;
}

/** The Step Functions workflows. Each gets its own scope, because state names become construct ids. */
export class Workflows extends Construct {
  readonly optIn: StateMachine;
  readonly offer: StateMachine;
  readonly meeting: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    // Its id from when it served registrations only: a new one would replace the state machine, and
    // executions waiting for a reminder or an expiry would end with it.
    this.optIn = new OptInWorkflow(this, 'Registration', props).stateMachine;
    this.offer = new OfferWorkflow(this, 'Offer', props).stateMachine;
    this.meeting = new MeetingWorkflow(this, 'Meeting', props).stateMachine;
  }
}

/** The error name shared/notify.ts throws for an email claimed by another invocation (OutboxClaimHeldError). */
export const OUTBOX_CLAIM_HELD = 'OutboxClaimHeld';

/** Every task retries any error: each step is idempotent (emails carry a dedupe key). */
function stepTask(
  scope: Construct,
  name: string,
  fn: SamlaFunction,
  payload: Record<string, unknown>,
  resultPath?: string,
) {
  const invoke = new LambdaInvoke(scope, name, {
    lambdaFunction: fn.function,
    payload: TaskInput.fromObject(payload),
    // The result is the handler's own return value, and the ASL Resource is the plain function ARN.
    payloadResponseOnly: true,
    // One retry policy for all errors (below) instead of CDK's extra one for Lambda service errors.
    retryOnServiceExceptions: false,
    resultPath,
  });
  // An email another invocation claimed less than the outbox lease (60 s, shared/store/outbox.ts) ago:
  // it is sent by now, or its sender died and the claim can be taken over. Retries after 15, 45, 105
  // and 225 s: the first finds the usual case done, the third is past the lease whenever it began.
  // Listed first: Step Functions takes the first retrier whose ErrorEquals matches.
  invoke.addRetry({
    errors: [OUTBOX_CLAIM_HELD],
    interval: Duration.seconds(15),
    backoffRate: 2,
    maxAttempts: 4,
  });
  invoke.addRetry({ interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 4 });
  return invoke;
}

/** A standard state machine with full logging and tracing, marked for the local runtime. */
function workflowStateMachine(
  scope: Construct,
  props: { workflow: string; comment: string; start: IChainable; steps: SamlaFunction },
): StateMachine {
  const logGroup = new LogGroup(scope, 'Logs', {
    retention: RetentionDays.ONE_MONTH,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const stateMachine = new StateMachine(scope, 'StateMachine', {
    stateMachineType: StateMachineType.STANDARD,
    definitionBody: DefinitionBody.fromChainable(props.start),
    comment: props.comment,
    // Execution data holds only ids, statuses and times, never addresses, so logging it in full is safe.
    logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    tracingEnabled: true,
  });
  (stateMachine.node.defaultChild as CfnStateMachine).addMetadata(WORKFLOW_METADATA_KEY, props.workflow);

  const stepsLogicalId = Stack.of(scope).resolve(
    (props.steps.function.node.defaultChild as CfnElement).logicalId,
  );
  Validations.of(stateMachine.role).acknowledge(
    {
      id: `AwsSolutions-IAM5[Resource::<${stepsLogicalId}.Arn>:*]`,
      reason: `CDK grants lambda:InvokeFunction on the ${props.workflow} steps function and its qualified ARNs (versions, aliases) only; the wildcard is the qualifier, not other functions.`,
    },
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (xray:PutTraceSegments etc.) and CloudWatch Logs delivery for Step Functions (logs:CreateLogDelivery etc.) do not support resource-level permissions; AWS documents "*" as the only resource.',
    },
  );
  return stateMachine;
}

/**
 * Input `{ groupId, requestId, offerExpiresAt }`: one offered seat. Waits for the offer's end; if it was
 * not taken, the step passes the seat to the next in line and returns that offer, and the machine waits
 * for it in turn. State names are a contract with the local runtime and the tests.
 */
class OfferWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const wait = new Wait(this, 'WaitForOfferEnd', { time: WaitTime.timestampPath('$.offerExpiresAt') });
    const endOffer = stepTask(
      this,
      'EndOffer',
      props.offerSteps,
      {
        groupId: JsonPath.stringAt('$.groupId'),
        requestId: JsonPath.stringAt('$.requestId'),
        offerExpiresAt: JsonPath.stringAt('$.offerExpiresAt'),
      },
      '$.result',
    );
    const nextOffer = new Pass(this, 'NextOffer', {
      parameters: {
        groupId: JsonPath.stringAt('$.groupId'),
        requestId: JsonPath.stringAt('$.result.next.requestId'),
        offerExpiresAt: JsonPath.stringAt('$.result.next.offerExpiresAt'),
      },
    });
    const passedOn = new Choice(this, 'PassedOn?')
      .when(Condition.isPresent('$.result.next.requestId'), nextOffer.next(wait))
      .otherwise(new Succeed(this, 'Done'));
    this.stateMachine = workflowStateMachine(this, {
      workflow: 'offer',
      comment:
        'samla waitlist offer: when an offered seat is not taken in time, it passes to the next in line',
      start: wait.next(endOffer).next(passedOn),
      steps: props.offerSteps,
    });
  }
}

/** Metadata key naming a state machine's workflow, so the local runtime can find it in the template. */
export const WORKFLOW_METADATA_KEY = 'samla:workflow';

export type OptInStep = 'send-confirmation' | 'remind' | 'expire';

/**
 * Input `{ subject: { type, networkId, id, groupId? }, kind: "new" | "resend", remindAt, expireAt }`: the
 * double opt-in of a registration, a join request or a group proposal (shared/services/opt-in.ts).
 * Confirmation is not signalled to the execution: the reminder step reads the record and reports its
 * status, so a confirmed person gets no reminder and the execution ends. State names are a contract with
 * the local runtime and the handlers: change them together.
 */
class OptInWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const task = (name: string, step: OptInStep, resultPath?: string) =>
      stepTask(this, name, props.optInSteps, { step, subject: JsonPath.objectAt('$.subject') }, resultPath);

    const done = new Succeed(this, 'Done');
    const sendAgain = task('SendConfirmationAgain', 'send-confirmation');
    const expire = task('Expire', 'expire', JsonPath.DISCARD).next(done);
    const stillPending = new Choice(this, 'StillPending?')
      .when(
        Condition.stringEquals('$.reminder.status', 'pending_confirmation'),
        new Wait(this, 'WaitForExpiry', { time: WaitTime.timestampPath('$.expireAt') }).next(expire),
      )
      .otherwise(done);
    const firstSend = task('SendConfirmation', 'send-confirmation', JsonPath.DISCARD)
      .next(new Wait(this, 'WaitForConfirmation', { time: WaitTime.timestampPath('$.remindAt') }))
      .next(task('SendReminder', 'remind', '$.reminder'))
      .next(stillPending);
    const start = new Choice(this, 'Resend?')
      .when(Condition.stringEquals('$.kind', 'resend'), sendAgain)
      .otherwise(firstSend);

    this.stateMachine = workflowStateMachine(this, {
      workflow: 'opt-in',
      comment:
        'samla double opt-in (registration, join request, group proposal): confirmation link, one reminder, expiry',
      start,
      steps: props.optInSteps,
    });
  }
}

/**
 * Input `{ groupId, meetingId, version }`: one version of one meeting. Invites (or sends the update or the
 * cancellation), then waits for each reminder in turn. Every task re-reads the meeting and returns no next
 * step once its version is not the meeting's any more, so a moved or cancelled meeting never gets a stale
 * reminder from an old execution. Input `{ groupId, requestId }` instead: a member placed after meetings
 * were scheduled, invited to those still ahead (so the request that placed them does not send them). State
 * names are a contract with the local runtime and the tests.
 */
class MeetingWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const ids = {
      groupId: JsonPath.stringAt('$.groupId'),
      meetingId: JsonPath.stringAt('$.meetingId'),
      version: JsonPath.numberAt('$.version'),
    };
    const invite = stepTask(this, 'Invite', props.meetingSteps, { step: 'invite', ...ids }, '$.plan');
    const remind = stepTask(
      this,
      'Remind',
      props.meetingSteps,
      { step: 'remind', ...ids, reminder: JsonPath.objectAt('$.plan.next') },
      '$.plan',
    );
    const wait = new Wait(this, 'WaitForNext', { time: WaitTime.timestampPath('$.plan.next.at') });
    const done = new Succeed(this, 'Done');
    const more = new Choice(this, 'More?')
      .when(Condition.isPresent('$.plan.next.at'), wait.next(remind))
      .otherwise(done);
    remind.next(more);
    const inviteMember = stepTask(
      this,
      'InviteMember',
      props.meetingSteps,
      {
        step: 'invite-member',
        groupId: JsonPath.stringAt('$.groupId'),
        requestId: JsonPath.stringAt('$.requestId'),
      },
      JsonPath.DISCARD,
    );
    const start = new Choice(this, 'ForMember?')
      .when(Condition.isPresent('$.requestId'), inviteMember.next(done))
      .otherwise(invite.next(more));
    this.stateMachine = workflowStateMachine(this, {
      workflow: 'meeting',
      comment:
        'samla meeting: invitation (or update or cancellation) with a calendar file, then the reminders; or a member placed later, invited to the meetings still ahead',
      start,
      steps: props.meetingSteps,
    });
  }
}
