/**
 * The monthly AWS bill of one network, from the bench's own counts per operation (scenarios.ts) times how
 * often each happens, at list prices. Prices are eu-north-1 (Stockholm) list prices as known when this was
 * written; check them (and the date in the README's "What it costs") before quoting.
 */
import type { CfnTemplate } from '../../infra/local/template.ts';
import type { BundleReport } from './bundles.ts';
import type { MeasuredStep } from './scenarios.ts';

/** USD, eu-north-1, on-demand list prices. */
export const PRICES = {
  lambdaRequestPerMillion: 0.2,
  lambdaArmGbSecond: 0.0000133334,
  httpApiPerMillion: 1.11,
  dynamoWruPerMillion: 0.6975,
  dynamoRruPerMillion: 0.1395,
  dynamoStorageGbMonth: 0.2555,
  dynamoPitrGbMonth: 0.2044,
  stepFunctionsPerThousandTransitions: 0.025,
  sesPerThousandEmails: 0.1,
  logsIngestPerGb: 0.5,
  logsStorageGbMonth: 0.0285,
  alarmPerMonth: 0.1,
  dashboardPerMonth: 3,
  xrayPerMillionTraces: 5,
} as const;

/** What a month of one network holds: 500 members, 10 groups of about 8 meeting every six weeks. */
export const VOLUMES = {
  members: 500,
  /** Registrations arrive over the year. */
  registrationsPerMonth: 500 / 12,
  groups: 10,
  membersPerGroup: 8,
  /** Every member of a group joins once a year. */
  joinsPerMonth: (10 * 8) / 12,
  meetingsPerMonth: (10 * 30.44) / 42,
  digestsPerMonth: 52 / 12,
  /** Visits of the public group list (an assumption: it depends on the organisation's website). */
  groupListViewsPerMonth: 1000,
} as const;

/** Bytes per log line the platform adds, per Lambda invocation (START, END, REPORT). */
const LAMBDA_PLATFORM_LOG_BYTES = 350;
/** A Step Functions log event with execution data (LogLevel ALL): about this much per state, entered and exited. */
const SFN_LOG_BYTES_PER_TRANSITION = 1500;
/** One API Gateway access-log line. */
const ACCESS_LOG_BYTES = 400;
const MEMORY_GB = 0.5;

export interface OperationTotals {
  readonly wru: number;
  readonly rru: number;
  readonly emails: number;
  readonly executions: number;
  readonly transitions: number;
  readonly invocations: number;
  /** Lambda milliseconds, handler time only (measured locally). */
  readonly lambdaMs: number;
  readonly lambdaFns: readonly string[];
  readonly apiRequests: number;
  readonly logBytes: number;
  readonly maxItemBytes: number;
}

export function totals(steps: readonly MeasuredStep[]): OperationTotals {
  const sum = (f: (s: MeasuredStep) => number) => steps.reduce((acc, s) => acc + f(s), 0);
  return {
    wru: sum((s) => s.usage.dynamo.reduce((a, op) => a + op.wru, 0)),
    rru: sum((s) => s.usage.dynamo.reduce((a, op) => a + op.rru, 0)),
    emails: sum((s) => s.usage.emails),
    executions: sum((s) => s.usage.executions),
    transitions: sum((s) => s.transitions),
    invocations: sum((s) => s.usage.lambdas.length),
    lambdaMs: sum((s) => s.usage.lambdas.reduce((a, l) => a + l.ms, 0)),
    lambdaFns: steps.flatMap((s) => s.usage.lambdas.map((l) => l.fn)),
    apiRequests: sum((s) => s.usage.apiRequests),
    logBytes: sum((s) => s.usage.logBytes),
    maxItemBytes: Math.max(0, ...steps.flatMap((s) => s.usage.dynamo.map((op) => op.maxItemBytes))),
  };
}

export interface CostLine {
  readonly item: string;
  /** The arithmetic: operations per month × the measured count per operation, added up. */
  readonly how?: string;
  readonly quantity: string;
  readonly price: string;
  readonly usd: number;
}

export interface CostModel {
  readonly operations: { name: string; perMonth: number; per: OperationTotals; estimated?: string }[];
  readonly lines: CostLine[];
  readonly totalUsd: number;
  readonly notes: string[];
}

const ofType = (template: CfnTemplate, type: string) =>
  Object.values(template.Resources ?? {}).filter((r) => (r as { Type?: string }).Type === type);

export interface MonitoringCounts {
  readonly alarms: number;
  /** What CloudWatch bills: one per alarm on a single metric, one per metric read by a metric-math alarm. */
  readonly alarmMetrics: number;
  readonly dashboards: number;
}

/** The alarms and dashboards of a synthesized template: the fixed part of the bill, traffic or not. */
export function monitoringCounts(template: CfnTemplate): MonitoringCounts {
  const alarms = ofType(template, 'AWS::CloudWatch::Alarm');
  const metricsRead = (alarm: unknown): number => {
    const metrics = (alarm as { Properties?: { Metrics?: unknown } }).Properties?.Metrics;
    if (!Array.isArray(metrics)) return 1;
    return metrics.filter((m) => typeof m === 'object' && m !== null && 'MetricStat' in m).length;
  };
  return {
    alarms: alarms.length,
    alarmMetrics: alarms.reduce((sum: number, alarm) => sum + metricsRead(alarm), 0),
    dashboards: ofType(template, 'AWS::CloudWatch::Dashboard').length,
  };
}

/** USD a month for the template's alarms and dashboards at list prices, before free tiers. */
export function monitoringUsd(counts: MonitoringCounts): number {
  // In cents, so ten alarm metrics come to exactly $1.00 rather than 0.1 added up ten times.
  const cents =
    counts.alarmMetrics * PRICES.alarmPerMonth * 100 + counts.dashboards * PRICES.dashboardPerMonth * 100;
  return Math.round(cents) / 100;
}

const none: OperationTotals = {
  wru: 0,
  rru: 0,
  emails: 0,
  executions: 0,
  transitions: 0,
  invocations: 0,
  lambdaMs: 0,
  lambdaFns: [],
  apiRequests: 0,
  logBytes: 0,
  maxItemBytes: 0,
};

export function costModel(
  steps: readonly MeasuredStep[],
  bundles: BundleReport,
  template: CfnTemplate,
  digestUnavailable: string | undefined,
): CostModel {
  const of = (...scenarios: string[]) => totals(steps.filter((s) => scenarios.includes(s.scenario)));
  const registration = of('registration', 'confirm');
  const operations: CostModel['operations'] = [
    {
      name: 'registration + confirmation (whole workflow)',
      perMonth: VOLUMES.registrationsPerMonth,
      per: registration,
    },
    { name: 'join a group (request + confirm)', perMonth: VOLUMES.joinsPerMonth, per: of('join') },
    {
      name: `meeting of ${VOLUMES.membersPerGroup} (schedule + invitation, reminders, evaluation)`,
      perMonth: VOLUMES.meetingsPerMonth,
      per: of('meeting'),
    },
    { name: 'public group list view', perMonth: VOLUMES.groupListViewsPerMonth, per: of('list-groups') },
    {
      // The digest function runs every hour; in all but the digest's hour it only reads the network index.
      name: 'hourly digest tick, nothing due',
      perMonth: 24 * 30.44 - VOLUMES.digestsPerMonth,
      per: { ...none, rru: 0.5, invocations: 1, lambdaMs: 50, lambdaFns: ['digest'], logBytes: 200 },
      estimated: 'estimated: one Query of the network index',
    },
  ];
  if (digestUnavailable === undefined) {
    operations.push({
      name: 'weekly digest (500 members)',
      perMonth: VOLUMES.digestsPerMonth,
      per: of('digest'),
    });
  } else {
    // Not measured yet: one invocation that queries the network's registrations (gsi1, eventually
    // consistent, the measured registration item size) and mails each coordinator.
    const itemBytes = registration.maxItemBytes || 1000;
    operations.push({
      name: 'weekly digest (500 members)',
      perMonth: VOLUMES.digestsPerMonth,
      per: {
        wru: 2,
        rru: Math.ceil((VOLUMES.members * itemBytes) / 4096) * 0.5 + 0.5,
        emails: 2,
        executions: 0,
        transitions: 0,
        invocations: 1,
        lambdaMs: 500,
        lambdaFns: ['digest'],
        apiRequests: 0,
        logBytes: 2000,
        maxItemBytes: itemBytes,
      },
      estimated: `estimated, not measured (${digestUnavailable})`,
    });
  }

  // The INIT phase loads the handler through node's module loader, which the init figure leaves out.
  const initMs = new Map(bundles.functions.map((f) => [f.fn, f.init.ms + bundles.bare.ms]));
  const monthly = (f: (t: OperationTotals) => number) =>
    operations.reduce((sum, op) => sum + op.perMonth * f(op.per), 0);
  const how = (f: (t: OperationTotals) => number, digits = 1) =>
    operations
      .filter((op) => f(op.per) > 0)
      .map((op) => `${op.perMonth.toFixed(1)} × ${Number(f(op.per).toFixed(digits))}`)
      .join(' + ');
  const invocations = monthly((t) => t.invocations);
  // Traffic this thin finds no warm container: every invocation is a cold start, and since August 2025
  // Lambda bills the INIT phase too. Local init time stands in for it.
  const gbSeconds = monthly(
    (t) =>
      ((t.lambdaMs + t.lambdaFns.reduce((sum, fn) => sum + (initMs.get(fn) ?? 300), 0)) / 1000) * MEMORY_GB,
  );
  const apiRequests = monthly((t) => t.apiRequests);
  const wru = monthly((t) => t.wru);
  const rru = monthly((t) => t.rru);
  const transitions = monthly((t) => t.transitions);
  const emails = monthly((t) => t.emails);
  const executions = monthly((t) => t.executions);
  const logBytes = monthly(
    (t) =>
      t.logBytes +
      t.invocations * LAMBDA_PLATFORM_LOG_BYTES +
      t.transitions * SFN_LOG_BYTES_PER_TRANSITION +
      t.apiRequests * ACCESS_LOG_BYTES,
  );
  // Items kept: members' registrations and memberships, and about a month of tokens and outbox items.
  const storedBytes =
    (VOLUMES.members + VOLUMES.groups * VOLUMES.membersPerGroup) *
    ((registration.maxItemBytes || 1000) + 100) *
    3;
  const monitoring = monitoringCounts(template);
  const GB = 1024 ** 3;
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

  const lines: CostLine[] = [
    {
      item: 'Lambda requests',
      how: how((t) => t.invocations),
      quantity: fmt(invocations),
      price: `$${PRICES.lambdaRequestPerMillion}/million`,
      usd: (invocations / 1e6) * PRICES.lambdaRequestPerMillion,
    },
    {
      item: 'Lambda compute (arm64, 512 MB, cold every time)',
      quantity: `${fmt(gbSeconds, 1)} GB-s`,
      price: `$${PRICES.lambdaArmGbSecond}/GB-s`,
      usd: gbSeconds * PRICES.lambdaArmGbSecond,
    },
    {
      item: 'API Gateway HTTP API',
      how: how((t) => t.apiRequests),
      quantity: fmt(apiRequests),
      price: `$${PRICES.httpApiPerMillion}/million`,
      usd: (apiRequests / 1e6) * PRICES.httpApiPerMillion,
    },
    {
      item: 'DynamoDB writes (on-demand)',
      how: how((t) => t.wru),
      quantity: `${fmt(wru)} WRU`,
      price: `$${PRICES.dynamoWruPerMillion}/million`,
      usd: (wru / 1e6) * PRICES.dynamoWruPerMillion,
    },
    {
      item: 'DynamoDB reads (on-demand)',
      how: how((t) => t.rru),
      quantity: `${fmt(rru)} RRU`,
      price: `$${PRICES.dynamoRruPerMillion}/million`,
      usd: (rru / 1e6) * PRICES.dynamoRruPerMillion,
    },
    {
      item: 'DynamoDB storage + point-in-time recovery',
      quantity: `${fmt(storedBytes / 1e6, 1)} MB`,
      price: `$${PRICES.dynamoStorageGbMonth} + $${PRICES.dynamoPitrGbMonth}/GB-month`,
      usd: (storedBytes / GB) * (PRICES.dynamoStorageGbMonth + PRICES.dynamoPitrGbMonth),
    },
    {
      item: 'Step Functions (standard)',
      how: how((t) => t.transitions),
      quantity: `${fmt(transitions)} transitions in ${fmt(executions, 1)} executions`,
      price: `$${PRICES.stepFunctionsPerThousandTransitions}/1,000`,
      usd: (transitions / 1000) * PRICES.stepFunctionsPerThousandTransitions,
    },
    {
      item: 'SES',
      how: how((t) => t.emails),
      quantity: `${fmt(emails)} emails`,
      price: `$${PRICES.sesPerThousandEmails}/1,000`,
      usd: (emails / 1000) * PRICES.sesPerThousandEmails,
    },
    {
      item: 'CloudWatch Logs (ingest, kept a month)',
      quantity: `${fmt(logBytes / 1e6, 1)} MB`,
      price: `$${PRICES.logsIngestPerGb}/GB + $${PRICES.logsStorageGbMonth}/GB-month`,
      usd: (logBytes / GB) * (PRICES.logsIngestPerGb + PRICES.logsStorageGbMonth),
    },
    {
      item: 'X-Ray traces (state machines)',
      quantity: `${fmt(executions)} traces`,
      price: `$${PRICES.xrayPerMillionTraces}/million`,
      usd: (executions / 1e6) * PRICES.xrayPerMillionTraces,
    },
    {
      item: 'CloudWatch alarms',
      quantity: `${monitoring.alarms} alarms reading ${monitoring.alarmMetrics} metrics`,
      price: `$${PRICES.alarmPerMonth}/alarm metric-month`,
      usd: monitoringUsd({ ...monitoring, dashboards: 0 }),
    },
    {
      item: 'CloudWatch dashboard (opt-in: monitoring.dashboard)',
      quantity: `${monitoring.dashboards}`,
      price: `$${PRICES.dashboardPerMonth}/month`,
      usd: monitoringUsd({ ...monitoring, alarmMetrics: 0 }),
    },
  ];
  return {
    operations,
    lines,
    totalUsd: lines.reduce((sum, line) => sum + line.usd, 0),
    notes: [
      'Before free tiers. The always-free tiers (Lambda 1M requests and 400,000 GB-s, Step Functions 4,000 transitions, 10 alarm metrics, 3 dashboards of up to 50 metrics, 5 GB of logs, 25 GB of DynamoDB storage, X-Ray 100,000 traces) cover those lines if nothing else in the account uses them, the alarms included; API Gateway, DynamoDB requests and SES have no always-free tier, and the opt-in dashboard graphs more than 50 metrics.',
      'Log bytes: handler lines as measured, plus estimates for Lambda platform lines, Step Functions execution logs (LogLevel ALL) and API access logs.',
    ],
  };
}

export function costMarkdown(model: CostModel): string {
  const money = (usd: number) => `$${usd < 0.01 ? usd.toFixed(4) : usd.toFixed(2)}`;
  const ops = model.operations.map(
    (op) =>
      `| ${op.name}${op.estimated ? ` (${op.estimated})` : ''} | ${op.perMonth.toFixed(1)} | ${op.per.invocations} | ${op.per.apiRequests} | ${op.per.wru} | ${op.per.rru} | ${op.per.transitions} | ${op.per.emails} |`,
  );
  const lines = model.lines.map(
    (line) => `| ${line.item} | ${line.quantity} | ${line.price} | ${money(line.usd)} |`,
  );
  return [
    '| operation | per month | Lambda invocations | API requests | WRU | RRU | state transitions | emails |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...ops,
    '',
    '| item | per month (operations per month × per operation) | list price | USD |',
    '|---|---|---|---:|',
    ...lines,
    `| **total** | | | **${money(model.totalUsd)}** |`,
  ].join('\n');
}
