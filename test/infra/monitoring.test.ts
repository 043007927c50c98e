import { beforeAll, describe, expect, it } from 'vitest';
import {
  SES_BOUNCE_RATE_THRESHOLD,
  SES_COMPLAINT_RATE_THRESHOLD,
} from '../../infra/constructs/monitoring.ts';
import { type CfnResource, type CfnTemplate, type Json, synthTemplate } from '../../infra/synth.ts';
import { functionNames } from '../../shared/functions.ts';

// Two synths (with and without an alarm address): the slow part of this file.
let cfn: CfnTemplate;
let withEmail: CfnTemplate;
beforeAll(() => {
  cfn = synthTemplate();
  withEmail = synthTemplate({
    samla: {
      senderAddress: 'noreply@skolor.example.se',
      allowedOrigins: [],
      networks: [{ id: 'rektorer', name: 'Rektorsnätverket', coordinators: ['anna@example.se'] }],
      alarmEmail: 'it@example.se',
    },
  });
}, 120_000);

const allFns = functionNames;

type Props = Record<string, Json>;

const ofType = (template: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

const alarms = (template: CfnTemplate = cfn): [string, Props][] =>
  ofType(template, 'AWS::CloudWatch::Alarm').map(([id, r]) => [id, r.Properties ?? {}]);

const alarmsOn = (namespace: string, metricName: string) =>
  alarms().filter(([, p]) => p.Namespace === namespace && p.MetricName === metricName);

function onlyResource(type: string): string {
  const found = ofType(cfn, type);
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

describe('alarms', () => {
  it('alarm on throttles of every function, each on its own function, at the first throttle', () => {
    const throttles = alarmsOn('AWS/Lambda', 'Throttles');
    expect(throttles).toHaveLength(allFns.length);
    const functionIds = new Set(ofType(cfn, 'AWS::Lambda::Function').map(([id]) => id));
    const watched = throttles.map(([, p]) => referenced(dimension(p, 'FunctionName')));
    expect(new Set(watched).size).toBe(allFns.length);
    for (const id of watched) expect(functionIds.has(id ?? '')).toBe(true);
    for (const [, p] of throttles) {
      expect(p).toMatchObject({
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('keep the error, workflow and API alarms', () => {
    expect(alarmsOn('AWS/Lambda', 'Errors')).toHaveLength(allFns.length);
    expect(alarmsOn('AWS/States', 'ExecutionsFailed')).toHaveLength(3);
    expect(alarmsOn('AWS/ApiGateway', '5xx')).toHaveLength(1);
  });

  it('alarm on throttled reads and writes of the table', () => {
    const tableId = onlyResource('AWS::DynamoDB::GlobalTable');
    const math = alarms().filter(([, p]) => Array.isArray(p.Metrics));
    expect(math).toHaveLength(1);
    const [, props] = math[0] as [string, Props];
    expect(props).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const metrics = props.Metrics as Props[];
    const expression = metrics.find((m) => typeof m.Expression === 'string');
    expect(expression).toMatchObject({ Expression: 'reads + writes', ReturnData: true });
    const stats = metrics
      .filter((m) => m.MetricStat !== undefined)
      .map((m) => {
        const stat = m.MetricStat as Props;
        const metric = stat.Metric as Props;
        return {
          id: m.Id,
          name: `${metric.Namespace}/${metric.MetricName}`,
          table: referenced(dimension(metric, 'TableName')),
          stat: stat.Stat,
          returned: m.ReturnData,
        };
      });
    expect(stats).toEqual(
      expect.arrayContaining([
        {
          id: 'reads',
          name: 'AWS/DynamoDB/ReadThrottleEvents',
          table: tableId,
          stat: 'Sum',
          returned: false,
        },
        {
          id: 'writes',
          name: 'AWS/DynamoDB/WriteThrottleEvents',
          table: tableId,
          stat: 'Sum',
          returned: false,
        },
      ]),
    );
  });

  it('alarm on the account’s SES bounce rate at 5 % and complaint rate at 0.1 %', () => {
    expect([SES_BOUNCE_RATE_THRESHOLD, SES_COMPLAINT_RATE_THRESHOLD]).toEqual([0.05, 0.001]);
    const [bounce] = alarmsOn('AWS/SES', 'Reputation.BounceRate');
    const [complaint] = alarmsOn('AWS/SES', 'Reputation.ComplaintRate');
    for (const [alarm, threshold] of [
      [bounce, 0.05],
      [complaint, 0.001],
    ] as const) {
      expect(alarm).toBeDefined();
      const [, props] = alarm as [string, Props];
      expect(props).toMatchObject({
        Threshold: threshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Statistic: 'Maximum',
        TreatMissingData: 'notBreaching',
      });
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

    const topics = alarmTopics(withEmail);
    expect(topics).toHaveLength(1);
    const [topicId] = topics[0] as [string, CfnResource];
    const configured = alarms(withEmail);
    expect(configured.length).toBe(alarms().length);
    for (const [id, p] of configured) {
      expect(Array.isArray(p.AlarmActions) ? p.AlarmActions.map(referenced) : [], id).toEqual([topicId]);
    }
  });
});

describe('the dashboard', () => {
  /** The dashboard body with references rendered as `{ref:Id}`, for looking up metrics in it. */
  function dashboardBody(): string {
    const id = onlyResource('AWS::CloudWatch::Dashboard');
    const body = cfn.Resources[id]?.Properties?.DashboardBody;
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

  it('exists and shows the API, functions, workflows, table and SES', () => {
    const body = dashboardBody();
    const widgets = (JSON.parse(body) as { widgets: { properties: { title?: string } }[] }).widgets;
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
    const tableId = onlyResource('AWS::DynamoDB::GlobalTable');
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
    // Every function appears in the error and duration graphs.
    expect(body.match(/"AWS\/Lambda","Duration"/g)).toHaveLength(allFns.length);
    expect(body.match(/"AWS\/States","ExecutionsStarted"/g)).toHaveLength(3);
  });
});
