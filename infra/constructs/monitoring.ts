import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { SamlaFunction } from './function.ts';

export interface MonitoringProps {
  readonly functions: Iterable<SamlaFunction>;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly httpApi: HttpApi;
  /** Who hears about the alarms. Without it the alarms still show in the console. */
  readonly alarmEmail?: string;
}

/** Alarms for what members would notice: failing functions, failed workflows, server errors. */
export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic | undefined;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    if (props.alarmEmail !== undefined) {
      this.topic = new Topic(this, 'Alarms', { displayName: 'samla alarms', enforceSSL: true });
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
      Validations.of(this.topic).acknowledge({
        id: 'AwsSolutions-SNS2',
        reason:
          'CloudWatch alarms cannot publish to a topic encrypted with the AWS managed SNS key, and the messages carry only alarm names and states, nothing a customer managed key would need to protect.',
      });
    }

    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      if (this.topic) created.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(created);
    };

    const period = Duration.minutes(5);
    for (const fn of props.functions) {
      alarm(
        `${fn.node.id}Errors`,
        fn.function.metricErrors({ period }),
        1,
        `functions/${fn.fn} failed; see its log group ${fn.logGroup.node.path}`,
      );
    }
    for (const [name, stateMachine] of Object.entries(props.stateMachines)) {
      alarm(
        `${name}WorkflowFailed`,
        stateMachine.metricFailed({ period }),
        1,
        `A ${name} workflow execution failed after its retries: a member may not have been emailed`,
      );
    }
    alarm(
      'ApiServerErrors',
      props.httpApi.metricServerError({ period }),
      5,
      'The HTTP API answered 5xx repeatedly: forms may be failing for members',
    );
  }
}
