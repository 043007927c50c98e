import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  type CfnStateMachine,
  Choice,
  Condition,
  DefinitionBody,
  JsonPath,
  LogLevel,
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
  /** The registration-steps function: every task of the registration workflow calls it. */
  readonly registrationSteps: SamlaFunction;
}

/** The Step Functions workflows. Each gets its own scope, because state names become construct ids. */
export class Workflows extends Construct {
  readonly registration: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    this.registration = new RegistrationWorkflow(this, 'Registration', props).stateMachine;
  }
}

/** Metadata key naming a state machine's workflow, so the local runtime can find it in the template. */
export const WORKFLOW_METADATA_KEY = 'samla:workflow';

export type RegistrationStep = 'send-confirmation' | 'remind' | 'expire';

/**
 * Input `{ networkId, registrationId, kind: "new" | "resend", remindAt, expireAt }`. Confirmation
 * is not signalled to the execution: the reminder step reads the registration and reports its
 * status, so a confirmed member gets no reminder and the execution ends. State names are a contract
 * with the local runtime and the handlers: change them together.
 */
class RegistrationWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const steps = props.registrationSteps.function;

    const task = (name: string, step: RegistrationStep, resultPath?: string) => {
      const invoke = new LambdaInvoke(this, name, {
        lambdaFunction: steps,
        payload: TaskInput.fromObject({
          step,
          networkId: JsonPath.stringAt('$.networkId'),
          registrationId: JsonPath.stringAt('$.registrationId'),
        }),
        // The result is the handler's own `{ status }`, and the ASL Resource is the plain function ARN.
        payloadResponseOnly: true,
        // One retry policy for all errors (below) instead of CDK's extra one for Lambda service errors.
        retryOnServiceExceptions: false,
        resultPath,
      });
      // Every step is idempotent (emails carry a dedupe key), so retrying any error is safe.
      invoke.addRetry({ interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 4 });
      return invoke;
    };

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

    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(start),
      comment: 'samla registration: confirmation link, one reminder, expiry of unconfirmed registrations',
      // Execution data holds only ids and statuses, never addresses, so logging it in full is safe.
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
      tracingEnabled: true,
    });

    (this.stateMachine.node.defaultChild as CfnStateMachine).addMetadata(
      WORKFLOW_METADATA_KEY,
      'registration',
    );

    const stepsLogicalId = Stack.of(this).resolve((steps.node.defaultChild as CfnElement).logicalId);
    Validations.of(this.stateMachine.role).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${stepsLogicalId}.Arn>:*]`,
        reason:
          'CDK grants lambda:InvokeFunction on the registration-steps function and its qualified ARNs (versions, aliases) only; the wildcard is the qualifier, not other functions.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing (xray:PutTraceSegments etc.) and CloudWatch Logs delivery for Step Functions (logs:CreateLogDelivery etc.) do not support resource-level permissions; AWS documents "*" as the only resource.',
      },
    );
  }
}
