import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { SamlaFunction } from './function.ts';

export interface MonitoringProps {
  /** Graphed one by one on the dashboard; the alarms watch every function through the account's metrics. */
  readonly functions: Iterable<SamlaFunction>;
  readonly stateMachines: Readonly<Record<string, IStateMachine>>;
  readonly httpApi: HttpApi;
  /** The one table: throttled reads and writes reach members as 503s. */
  readonly table: ITableV2;
  /** Who hears about the alarms. Without it the alarms still show in the console. */
  readonly alarmEmail?: string;
  /** A dashboard costs $3.00 a month, three times all the alarms: only when cdk.json asks for it. */
  readonly dashboard?: boolean;
}

/*
 * SES reviews an account whose bounce rate reaches 5 % or complaint rate 0.1 %, and pauses sending at
 * twice that: the alarms fire at the review level, while there is still time to look at the lists.
 */
export const SES_BOUNCE_RATE_THRESHOLD = 0.05;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.001;

/** Account-level SES metrics (no dimensions): samla sends through the account's SES. */
const sesMetric = (metricName: string, statistic: string, period: Duration) =>
  new Metric({ namespace: 'AWS/SES', metricName, statistic, period });

/**
 * Lambda also publishes each metric without dimensions, summed over every function in the account and
 * region: one alarm covers all of samla's functions (and a function added later) for $0.10 a month,
 * where one per function cost $0.10 each. The price is that it also counts functions that are not
 * samla's, and the alarm does not say which function failed: the per-function metrics do.
 */
const lambdaAccountMetric = (metricName: string, period: Duration) =>
  new Metric({ namespace: 'AWS/Lambda', metricName, statistic: Stats.SUM, period });

/**
 * Alarms for what an operator acts on — failing or throttled functions, failed workflows, server errors,
 * a throttled table, a sender reputation at risk — each aggregated as far as its metrics allow, so the
 * whole set stays within CloudWatch's ten free alarm metrics ($1.00 a month at list price without
 * them). A dashboard to look at when one fires, if asked for.
 */
export class Monitoring extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic | undefined;
  readonly dashboard: Dashboard | undefined;

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
      return created;
    };

    const period = Duration.minutes(5);
    alarm(
      'LambdaErrors',
      lambdaAccountMetric('Errors', period),
      1,
      'A Lambda function in this account and region failed (the metric covers every function, samla’s and any other). Which one: CloudWatch → Metrics → Lambda → By Function Name → Errors; then its log group.',
    );
    alarm(
      'LambdaThrottles',
      lambdaAccountMetric('Throttles', period),
      1,
      'A Lambda function in this account and region was throttled (account concurrency used up?): requests got 5xx or workflow steps were retried. Which one: CloudWatch → Metrics → Lambda → By Function Name → Throttles.',
    );
    /*
     * Failed only, not TimedOut or Aborted: no state machine sets a timeout (only Step Functions' one-year
     * limit applies) and nothing in samla stops an execution, so those two need an operator's own hand.
     * Folding them in with metric math would bill three alarm metrics per machine instead of one.
     */
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

    const tableThrottles = new MathExpression({
      expression: 'reads + writes',
      usingMetrics: {
        reads: props.table.metric('ReadThrottleEvents', { period, statistic: Stats.SUM }),
        writes: props.table.metric('WriteThrottleEvents', { period, statistic: Stats.SUM }),
      },
      label: 'Throttled reads and writes',
      period,
    });
    alarm(
      'TableThrottles',
      tableThrottles,
      1,
      'DynamoDB throttled the table: members got 503 (Retry-After) and workflow steps were retried',
    );

    const reputationPeriod = Duration.hours(1);
    const bounceRate = sesMetric('Reputation.BounceRate', Stats.MAXIMUM, reputationPeriod);
    const complaintRate = sesMetric('Reputation.ComplaintRate', Stats.MAXIMUM, reputationPeriod);
    alarm(
      'SesBounceRate',
      bounceRate,
      SES_BOUNCE_RATE_THRESHOLD,
      'SES bounce rate at 5 %: SES reviews the account here and pauses sending at 10 %. Check for mistyped or stale addresses.',
    );
    alarm(
      'SesComplaintRate',
      complaintRate,
      SES_COMPLAINT_RATE_THRESHOLD,
      'SES complaint rate at 0.1 %: SES reviews the account here and pauses sending at 0.5 %. Someone marks samla’s mail as spam.',
    );

    if (!props.dashboard) return;
    const wide = 12;
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: wide, height: 6 });
    const functions = [...props.functions];
    const workflows = Object.entries(props.stateMachines);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 })],
        [
          graph(
            'API requests and errors',
            [
              props.httpApi.metricCount({ period, label: 'Requests' }),
              props.httpApi.metricClientError({ period, label: '4xx' }),
            ],
            [props.httpApi.metricServerError({ period, label: '5xx' })],
          ),
          graph('API latency', [
            props.httpApi.metricLatency({ period, statistic: Stats.percentile(50), label: 'p50' }),
            props.httpApi.metricLatency({ period, statistic: Stats.percentile(99), label: 'p99' }),
          ]),
        ],
        [
          graph(
            'Lambda errors and throttles',
            functions.map((fn) => fn.function.metricErrors({ period, label: fn.fn })),
            functions.map((fn) => fn.function.metricThrottles({ period, label: `${fn.fn} throttles` })),
          ),
          graph(
            'Lambda duration (p99)',
            functions.map((fn) =>
              fn.function.metricDuration({ period, statistic: Stats.percentile(99), label: fn.fn }),
            ),
          ),
        ],
        [
          graph(
            'Workflow executions',
            workflows.map(([name, machine]) => machine.metricStarted({ period, label: `${name} started` })),
            workflows.map(([name, machine]) => machine.metricFailed({ period, label: `${name} failed` })),
          ),
          graph(
            'DynamoDB capacity and throttles',
            [
              props.table.metricConsumedReadCapacityUnits({ period, label: 'Consumed reads' }),
              props.table.metricConsumedWriteCapacityUnits({ period, label: 'Consumed writes' }),
            ],
            [tableThrottles],
          ),
        ],
        [
          graph('SES sending', [
            sesMetric('Send', Stats.SUM, period),
            sesMetric('Delivery', Stats.SUM, period),
            sesMetric('Bounce', Stats.SUM, period),
            sesMetric('Complaint', Stats.SUM, period),
          ]),
          graph('SES reputation', [bounceRate, complaintRate]),
        ],
      ],
    });
  }
}
