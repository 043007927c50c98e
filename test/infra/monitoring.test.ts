import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../infra/config.ts';
import {
  SES_BOUNCE_RATE_THRESHOLD,
  SES_COMPLAINT_RATE_THRESHOLD,
} from '../../infra/constructs/monitoring.ts';
import {
  type CfnResource,
  type CfnTemplate,
  cdkJsonContext,
  type Json,
  synthTemplate,
} from '../../infra/synth.ts';
import { functionNames } from '../../shared/functions.ts';
import { monitoringCounts, monitoringUsd, PRICES } from '../bench/cost.ts';
import { configProblems } from '../support/infra.ts';

// Two synths: cdk.json as it is, and one with an alarm address and the dashboard on (the slow part).
let cfn: CfnTemplate;
let configured: CfnTemplate;
beforeAll(() => {
  cfn = synthTemplate();
  configured = synthTemplate({
    samla: {
      senderAddress: 'noreply@skolor.example.se',
      allowedOrigins: [],
      networks: [{ id: 'rektorer', name: 'Rektorsnätverket', coordinators: ['anna@example.se'] }],
      alarmEmail: 'it@example.se',
      monitoring: { dashboard: true },
    },
  });
}, 120_000);

type Props = Record<string, Json>;

const ofType = (template: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const alarms = (template: CfnTemplate = cfn): [string, Props][] =>
  ofType(template, 'AWS::CloudWatch::Alarm').map(([id, r]) => [id, r.Properties ?? {}]);

const alarmsOn = (namespace: string, metricName: string) =>
  alarms().filter(([, p]) => p.Namespace === namespace && p.MetricName === metricName);

function onlyResource(type: string, template: CfnTemplate = cfn): string {
  const found = ofType(template, type);
  expect(found, type).toHaveLength(1);
  return (found[0] as [string, CfnResource])[0];
}

/** `{ Ref: X }` or `{ Fn::GetAtt: [X, …] }` → X. */
function referenced(value: Json | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  return Array.isArray(getAtt) && typeof getAtt[0] === 'string' ? getAtt[0] : undefined;
}

const dimension = (props: Props, name: string): Json | undefined => {
  const dimensions = Array.isArray(props.Dimensions) ? props.Dimensions : [];
  for (const d of dimensions)
    if (typeof d === 'object' && d !== null && !Array.isArray(d) && d.Name === name) return d.Value;
  return undefined;
};

/** The metrics a metric-math alarm reads, as `Namespace/MetricName` with the resource its dimension names. */
function metricsRead(props: Props): { name: string; table: string | undefined; stat: Json | undefined }[] {
  const metrics = Array.isArray(props.Metrics) ? (props.Metrics as Props[]) : [];
  return metrics
    .filter((m) => m.MetricStat !== undefined)
    .map((m) => {
      const stat = m.MetricStat as Props;
      const metric = stat.Metric as Props;
      return {
        name: `${metric.Namespace}/${metric.MetricName}`,
        table: referenced(dimension(metric, 'TableName')),
        stat: stat.Stat,
      };
    });
}

const threshold = { ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' };

describe('alarms', () => {
  it('watch every function’s errors and throttles through Lambda’s account-wide metrics, from the first one', () => {
    for (const metricName of ['Errors', 'Throttles']) {
      const found = alarmsOn('AWS/Lambda', metricName);
      expect(found, metricName).toHaveLength(1);
      const [, props] = found[0] as [string, Props];
      // No dimensions: the sum over every function in the account and region, a new one included.
      expect(props.Dimensions, metricName).toBeUndefined();
      expect(props).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ...threshold });
    }
    // One alarm per function was $0.10 each: none is left.
    for (const [id, p] of alarms()) expect(dimension(p, 'FunctionName'), id).toBeUndefined();
  });

  it('cover every failure class: each function, each workflow, the API, the table and SES', () => {
    const all = alarms();
    const accountedFor = new Set<string>();
    const covering = (namespace: string, metricName: string, dimensionName: string, resourceId: string) =>
      all.filter(([id, p]) => {
        if (p.Namespace !== namespace || p.MetricName !== metricName) return false;
        const watched = p.Dimensions === undefined ? 'all' : referenced(dimension(p, dimensionName));
        if (watched !== 'all' && watched !== resourceId) return false;
        accountedFor.add(id);
        return true;
      });

    const lambdas = ofType(cfn, 'AWS::Lambda::Function');
    expect(lambdas.length).toBeGreaterThanOrEqual(functionNames.length);
    for (const [id] of lambdas) {
      expect(covering('AWS/Lambda', 'Errors', 'FunctionName', id), `${id} errors`).not.toHaveLength(0);
      expect(covering('AWS/Lambda', 'Throttles', 'FunctionName', id), `${id} throttles`).not.toHaveLength(0);
    }

    const machines = ofType(cfn, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(3);
    for (const [id] of machines) {
      const failed = covering('AWS/States', 'ExecutionsFailed', 'StateMachineArn', id);
      expect(failed, id).toHaveLength(1);
      // Per machine, not account-wide: AWS/States has no execution metrics without a state machine.
      expect(referenced(dimension((failed[0] as [string, Props])[1], 'StateMachineArn'))).toBe(id);
    }

    const apiId = onlyResource('AWS::ApiGatewayV2::Api');
    expect(covering('AWS/ApiGateway', '5xx', 'ApiId', apiId)).toHaveLength(1);

    const tableId = onlyResource('AWS::DynamoDB::GlobalTable');
    const tableAlarms = all.filter(([, p]) =>
      metricsRead(p).some((m) => m.table === tableId && m.name.endsWith('ThrottleEvents')),
    );
    expect(tableAlarms).toHaveLength(1);
    for (const [id] of tableAlarms) accountedFor.add(id);

    for (const metricName of ['Reputation.BounceRate', 'Reputation.ComplaintRate'])
      expect(covering('AWS/SES', metricName, '', ''), metricName).toHaveLength(1);

    // Nothing else: an alarm added later must say here what it covers (and it is $0.10 a month).
    expect(
      all.map(([id]) => id).filter((id) => !accountedFor.has(id)),
      'alarms in no failure class',
    ).toEqual([]);
  });

  it('tell about a failed workflow at the first failure and about 5xx from the fifth in five minutes', () => {
    for (const [id, p] of alarmsOn('AWS/States', 'ExecutionsFailed'))
      expect(p, id).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ...threshold });
    const [api] = alarmsOn('AWS/ApiGateway', '5xx');
    expect(api?.[1]).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 5, ...threshold });
  });

  it('alarm on throttled reads and writes of the table, in one alarm', () => {
    const tableId = onlyResource('AWS::DynamoDB::GlobalTable');
    const math = alarms().filter(([, p]) => Array.isArray(p.Metrics));
    expect(math).toHaveLength(1);
    const [, props] = math[0] as [string, Props];
    expect(props).toMatchObject({ Threshold: 1, ...threshold });
    const metrics = props.Metrics as Props[];
    const expression = metrics.find((m) => typeof m.Expression === 'string');
    expect(expression).toMatchObject({ Expression: 'reads + writes', ReturnData: true });
    expect(metrics.filter((m) => m.MetricStat !== undefined).map((m) => [m.Id, m.ReturnData])).toEqual(
      expect.arrayContaining([
        ['reads', false],
        ['writes', false],
      ]),
    );
    expect(metricsRead(props)).toEqual(
      expect.arrayContaining([
        { name: 'AWS/DynamoDB/ReadThrottleEvents', table: tableId, stat: 'Sum' },
        { name: 'AWS/DynamoDB/WriteThrottleEvents', table: tableId, stat: 'Sum' },
      ]),
    );
  });

  it('alarm on the account’s SES bounce rate at 5 % and complaint rate at 0.1 %', () => {
    expect([SES_BOUNCE_RATE_THRESHOLD, SES_COMPLAINT_RATE_THRESHOLD]).toEqual([0.05, 0.001]);
    const [bounce] = alarmsOn('AWS/SES', 'Reputation.BounceRate');
    const [complaint] = alarmsOn('AWS/SES', 'Reputation.ComplaintRate');
    for (const [alarm, value] of [
      [bounce, 0.05],
      [complaint, 0.001],
    ] as const) {
      expect(alarm).toBeDefined();
      const [, props] = alarm as [string, Props];
      expect(props).toMatchObject({ Threshold: value, Statistic: 'Maximum', ...threshold });
      // Reputation metrics exist only for the whole account.
      expect(props.Dimensions).toBeUndefined();
    }
  });

  it('have nobody to tell without alarmEmail, and tell alarmEmail’s topic about every alarm when set', () => {
    // The SES bounce and complaint topic is another construct's concern (test/infra/email.test.ts).
    const alarmTopics = (template: CfnTemplate) =>
      ofType(template, 'AWS::SNS::Topic').filter(([, r]) => r.Properties?.DisplayName === 'samla alarms');
    expect(alarmTopics(cfn)).toHaveLength(0);
    for (const [, p] of alarms()) expect(p.AlarmActions).toBeUndefined();

    const topics = alarmTopics(configured);
    expect(topics).toHaveLength(1);
    const [topicId] = topics[0] as [string, CfnResource];
    const withTopic = alarms(configured);
    expect(withTopic.map(([id]) => id).sort()).toEqual(
      alarms()
        .map(([id]) => id)
        .sort(),
    );
    for (const [id, p] of withTopic) {
      expect(Array.isArray(p.AlarmActions) ? p.AlarmActions.map(referenced) : [], id).toEqual([topicId]);
    }
  });
});

describe('the dashboard', () => {
  it('is off unless cdk.json asks for it (monitoring.dashboard)', () => {
    expect(ofType(cfn, 'AWS::CloudWatch::Dashboard')).toEqual([]);
    const samla = cdkJsonContext().samla as Record<string, unknown>;
    expect(parseConfig(samla).monitoring).toEqual({ dashboard: false });
    const { monitoring: _, ...withoutKey } = samla;
    expect(parseConfig(withoutKey).monitoring).toEqual({ dashboard: false });
    expect(configProblems({ ...samla, monitoring: { dashboard: 'yes' } })).toEqual([
      'samla.monitoring.dashboard: must be a boolean, got string',
    ]);
    expect(configProblems({ ...samla, monitoring: { dashbord: true } })).toEqual([
      'samla.monitoring.dashbord: is not a known key',
    ]);
  });

  /** The dashboard body with references rendered as `{ref:Id}`, for looking up metrics in it. */
  function dashboardBody(template: CfnTemplate): string {
    const id = onlyResource('AWS::CloudWatch::Dashboard', template);
    const body = template.Resources[id]?.Properties?.DashboardBody;
    const render = (value: Json): string => {
      if (typeof value === 'string') return value;
      const target = referenced(value);
      if (target !== undefined) return `{ref:${target}}`;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const join = value['Fn::Join'];
        if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(render).join(String(join[0]));
      }
      return JSON.stringify(value);
    };
    return render(body ?? '');
  }

  it('with monitoring.dashboard on, shows the alarms, the API, functions, workflows, table and SES', () => {
    const body = dashboardBody(configured);
    const widgets = (
      JSON.parse(body) as { widgets: { properties: { title?: string; alarms?: unknown[] } }[] }
    ).widgets;
    expect(widgets.map((w) => w.properties.title)).toEqual([
      'Alarms',
      'API requests and errors',
      'API latency',
      'Lambda errors and throttles',
      'Lambda duration (p99)',
      'Workflow executions',
      'DynamoDB capacity and throttles',
      'SES sending',
      'SES reputation',
    ]);
    expect(widgets[0]?.properties.alarms).toHaveLength(alarms(configured).length);
    const tableId = onlyResource('AWS::DynamoDB::GlobalTable', configured);
    for (const metric of [
      '"AWS/ApiGateway","Count"',
      '"AWS/ApiGateway","5xx"',
      '"AWS/ApiGateway","Latency"',
      '"AWS/Lambda","Errors"',
      '"AWS/Lambda","Duration"',
      '"AWS/Lambda","Throttles"',
      '"AWS/States","ExecutionsStarted"',
      '"AWS/States","ExecutionsFailed"',
      `"AWS/DynamoDB","ConsumedReadCapacityUnits","TableName","{ref:${tableId}}"`,
      `"AWS/DynamoDB","ConsumedWriteCapacityUnits","TableName","{ref:${tableId}}"`,
      `"AWS/DynamoDB","ReadThrottleEvents","TableName","{ref:${tableId}}"`,
      '"AWS/SES","Send"',
      '"AWS/SES","Bounce"',
      '"AWS/SES","Complaint"',
      '"AWS/SES","Reputation.BounceRate"',
      '"AWS/SES","Reputation.ComplaintRate"',
    ])
      expect(body, metric).toContain(metric);
    // Every function appears one by one: the dashboard is where to find which one the alarm meant.
    expect(body.match(/"AWS\/Lambda","Duration"/g)).toHaveLength(functionNames.length);
    expect(body.match(/"AWS\/Lambda","Errors"/g)).toHaveLength(functionNames.length);
    expect(body.match(/"AWS\/States","ExecutionsStarted"/g)).toHaveLength(3);
  });
});

describe('the monthly price of monitoring, with no traffic', () => {
  /** Alarm metrics as CloudWatch bills them: a metric-math alarm is one per metric it reads. */
  const alarmMetrics = (template: CfnTemplate) =>
    alarms(template).reduce(
      (sum, [, p]) =>
        sum + (Array.isArray(p.Metrics) ? (p.Metrics as Props[]).filter((m) => m.MetricStat).length : 1),
      0,
    );
  const cents = (template: CfnTemplate) =>
    Math.round(
      alarmMetrics(template) * PRICES.alarmPerMonth * 100 +
        ofType(template, 'AWS::CloudWatch::Dashboard').length * PRICES.dashboardPerMonth * 100,
    );

  it('is at most $1.00 at list prices with cdk.json’s configuration, within the ten free alarm metrics', () => {
    expect([PRICES.alarmPerMonth, PRICES.dashboardPerMonth]).toEqual([0.1, 3]);
    expect(cents(cfn)).toBeLessThanOrEqual(100);
    expect(alarmMetrics(cfn)).toBeLessThanOrEqual(10);
    // The bench's cost table (test/bench/cost.ts) counts the same.
    expect(monitoringCounts(cfn)).toEqual({
      alarms: alarms().length,
      alarmMetrics: alarmMetrics(cfn),
      dashboards: 0,
    });
    expect(monitoringUsd(monitoringCounts(cfn))).toBe(cents(cfn) / 100);
  });

  it('is $3.00 more with the dashboard on', () => {
    expect(monitoringCounts(configured).dashboards).toBe(1);
    expect(cents(configured) - cents(cfn)).toBe(300);
  });
});
