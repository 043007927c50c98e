/**
 * `npm run bench`: what samla costs, measured in one run on this machine, in one table (and its raw
 * figures in docs/bench.json, committed from a quiet run):
 *
 * 1. bundle size of every function, with its three largest inputs, against its SDK floor: a bare handler
 *    using the same AWS SDK clients and commands (floor.ts), bundled with the same options;
 * 2. module initialisation against the floor's: a fresh `node` times its own import of the bundle, less
 *    a fresh node's import of an empty handler taken beside it, so the figure is time over bare node; the
 *    ratio is the median of 21 rounds of init ÷ the floor imported right beside it, with CPU time beside it,
 *    and an HTTP function's route table (its zod schemas) imported alone in the same rounds;
 * 3. DynamoDB request units per operation by AWS's billing rules (billing.ts, counted by a middleware on
 *    the real client, meter.ts), with emails, executions, state transitions and invocations (scenarios.ts);
 * 4. warm latency of the registration, join and join-confirm handlers against a bare replay of the SDK
 *    calls each request made (samla's own overhead), and those calls per request, each with the reason it
 *    is there (latency.ts, recorder.ts);
 * 5. requests/s and p99 through the local HTTP API under a bounded loopback load (load.ts);
 * and from 3, the monthly AWS bill of a network (cost.ts; the README's "What it costs" shows the arithmetic).
 *
 * Everything listens on 127.0.0.1; DynamoDB Local and the inbox run in a child process that stops with
 * the bench, however it ends. Numbers are noisy on a shared machine: compare ratios, not milliseconds.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/local/lambda.ts';
import { functionNames as registered } from '../../shared/functions.ts';
import { type BundleReport, type BundleResult, measureBundles } from './bundles.ts';
import { CONSOLE_INITIAL_JS_GZIP_BUDGET, type ConsoleBundle, measureConsole } from './console-bundle.ts';
import { costMarkdown, costModel } from './cost.ts';
import type { BenchEnvironment } from './environment.ts';
import type { LatencyResult } from './latency.ts';
import type { LoadOutcome } from './load.ts';
import { kb, ms, type Row, renderTable, units } from './report.ts';
import type { MeasuredStep } from './scenarios.ts';
import { progress } from './stats.ts';

/** SAMLA_BENCH_QUICK=1: a smoke run of the bench itself, with too few samples to mean anything. */
const quick = process.env.SAMLA_BENCH_QUICK === '1';
const INIT_RUNS = quick ? 2 : 21;
const LATENCY_CALLS = quick ? 50 : 1000;
const LATENCY_WARMUP = quick ? 10 : 100;
const LOAD_SECONDS = quick ? 2 : 10;
const LOAD_CONNECTIONS = 10;

/** The raw figures of the last run, committed from a quiet one so a reader can compare without running it. */
const RESULTS = 'docs/bench.json';

const TARGET = { bundleRatio: 1.15, initRatio: 1.1, overheadRatio: 1.15, registrationWru: 2 } as const;

function functionNames(): string[] {
  const folders = readdirSync(join(repoRoot, 'functions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => readdirSync(join(repoRoot, 'functions', entry.name)).includes('handler.ts'))
    .map((entry) => entry.name);
  return [...new Set([...registered, ...folders])].sort();
}

function bundleRows(report: BundleReport): Row[] {
  const rows: Row[] = [];
  for (const f of report.functions) {
    const ratio = f.bytes / f.floor.bytes;
    rows.push({
      metric: 'bundle',
      subject: f.fn,
      samla: kb(f.bytes),
      reference: `floor ${kb(f.floor.bytes)}`,
      ratio,
      target: `≤ ${TARGET.bundleRatio}× floor`,
      met: ratio <= TARGET.bundleRatio,
      notes: `largest: ${f.largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}; floor: ${f.floor.label}${
        f.sdk.unusedClients.length > 0 ? `; bundles an unused ${f.sdk.unusedClients.join(', ')} client` : ''
      }`,
    });
  }
  for (const f of report.functions) {
    const ratio = f.ratio.ms;
    rows.push({
      metric: 'init',
      subject: f.fn,
      samla: ms(f.init.ms),
      reference: `floor ${ms(f.floor.init.ms)}`,
      ratio,
      target: `≤ ${TARGET.initRatio}× floor`,
      met: ratio <= TARGET.initRatio,
      notes: `over bare node (a fresh node's import of an empty handler, median ${ms(report.bare.ms)}, taken out); ratio: median of ${report.runs} rounds of init ÷ the floor imported right beside it; CPU ${ms(f.init.cpuMs)} vs floor ${ms(f.floor.init.cpuMs)} (${f.ratio.cpuMs.toFixed(2)}×)${routeTableNote(f)}`,
    });
  }
  return rows;
}

/** What the function's route table (its zod schemas) costs alone, against the 1.10× budget. */
function routeTableNote(f: BundleResult): string {
  if (!f.routeTable) return '';
  const budget = f.floor.init.ms * (TARGET.initRatio - 1);
  return `; its route table alone (the zod schemas it validates requests and conforms answers with, ${kb(f.routeTable.bytes)}): ${ms(f.routeTable.init.ms)}, ${((100 * f.routeTable.init.ms) / f.floor.init.ms).toFixed(0)}% of the floor, where ${TARGET.initRatio}× leaves ${ms(budget)} for everything`;
}

function consoleRows(bundle: ConsoleBundle): Row[] {
  return [
    {
      metric: 'console',
      subject: 'initial JavaScript (gzip -9)',
      samla: kb(bundle.initialJs.gzip),
      reference: `raw ${kb(bundle.initialJs.raw)}`,
      target: `≤ ${kb(CONSOLE_INITIAL_JS_GZIP_BUDGET)}`,
      met: bundle.initialJs.gzip <= CONSOLE_INITIAL_JS_GZIP_BUDGET,
      notes: `${bundle.initialJs.files.join(', ')}; later: ${bundle.laterJs.files.length} chunk(s), ${kb(bundle.laterJs.gzip)} gzip (${kb(bundle.laterJs.raw)} raw); CSS ${kb(bundle.css.gzip)} gzip`,
    },
  ];
}

function capacityRows(steps: readonly MeasuredStep[], skipped: readonly string[]): Row[] {
  const rows: Row[] = steps.map((step) => {
    const wru = step.usage.dynamo.reduce((sum, op) => sum + op.wru, 0);
    const rru = step.usage.dynamo.reduce((sum, op) => sum + op.rru, 0);
    const ops = new Map<string, number>();
    for (const op of step.usage.dynamo) {
      const cost =
        op.wru > 0
          ? `${units(op.wru)} WRU${op.indexWrites.length > 0 ? ` (table ${units(op.tableWru)}, ${op.indexWrites.join(', ')})` : ''}`
          : `${units(op.rru)} RRU`;
      const label = `${op.command}${op.failed ? ' (condition failed)' : ''} ${cost}`;
      ops.set(label, (ops.get(label) ?? 0) + 1);
    }
    const lambdas = [...new Set(step.usage.lambdas.map((l) => l.fn))].join(',');
    return {
      metric: 'capacity',
      subject: `${step.scenario}: ${step.step}`,
      samla: `${units(wru)} WRU, ${units(rru)} RRU`,
      reference: 'AWS billing rules',
      ...(step.targetWru === undefined
        ? {}
        : { target: `≤ ${step.targetWru} WRU`, met: wru <= step.targetWru }),
      notes: `${[...ops].map(([label, n]) => (n > 1 ? `${n}× ${label}` : label)).join(', ')}; ${step.usage.emails} email(s), ${step.usage.executions} execution(s), ${step.transitions} transition(s), ${step.usage.lambdas.length} invocation(s)${lambdas ? ` (${lambdas})` : ''}, ${step.usage.apiRequests} API request(s)`,
    };
  });
  for (const reason of skipped)
    rows.push({ metric: 'capacity', subject: reason, samla: 'not measured', reference: '' });
  const plain = steps
    .flatMap((s) => s.usage.dynamo)
    .filter((op) => op.localUnits !== undefined && op.wru > 0 && !op.failed);
  const agree = plain.filter((op) => op.localUnits === op.wru).length;
  rows.push({
    metric: 'capacity',
    subject: 'cross-check: DynamoDB Local on single-item writes',
    samla: `${agree} of ${plain.length} agree`,
    reference: 'ConsumedCapacity',
    notes: plain
      .filter((op) => op.localUnits !== op.wru)
      .map(
        (op) =>
          `${op.command}: ours ${op.wru} (${op.indexWrites.join('+') || 'table only'}), local ${op.localUnits}`,
      )
      .slice(0, 4)
      .join('; '),
  });
  return rows;
}

function latencyRows(results: readonly LatencyResult[]): Row[] {
  return results.flatMap((r) => {
    const trouble = [
      r.failures > 0 ? `${r.failures} FAILED` : '',
      r.diverged > 0 ? `${r.diverged} replays DIVERGED (${r.divergences[0] ?? ''})` : '',
    ].filter(Boolean);
    const count = r.perRequest.reduce((n, c) => n + c.count, 0);
    const timed = (['p50', 'p99'] as const).map((p): Row => {
      const ratio = r.handler[p] / r.replay[p];
      return {
        metric: `latency ${p}`,
        subject: r.subject,
        samla: ms(r.handler[p]),
        reference: `replay ${ms(r.replay[p])}`,
        ratio,
        target: `≤ ${TARGET.overheadRatio}× replay`,
        met: ratio <= TARGET.overheadRatio && trouble.length === 0,
        notes: `${r.calls} warm requests in-process, each followed by a bare replay of its ${count} SDK calls; median time with no call in flight ${ms(r.outsideCalls.handler)} (replay ${ms(r.outsideCalls.replay)})${trouble.length > 0 ? `; ${trouble.join('; ')}` : ''}`,
      };
    });
    const unneeded = r.perRequest.filter((c) => !c.needed);
    return [
      ...timed,
      {
        metric: 'calls per request',
        subject: r.subject,
        samla: `${count} call${count === 1 ? '' : 's'}`,
        reference: 'recorded',
        target: 'each needed',
        met: unneeded.length === 0 && r.otherShapes === 0,
        notes: `${r.order}${unneeded.length > 0 ? `; NOT NEEDED or unexplained: ${unneeded.map((c) => c.call).join(', ')}` : ''}${r.otherShapes > 0 ? `; ${r.otherShapes} request(s) made other calls` : ''}`,
      },
    ];
  });
}

/** Why each call of a request is there: too long for the table's notes, printed under it. */
function callReasons(results: readonly LatencyResult[]): string {
  return results
    .map(
      (r) =>
        `${r.subject}:\n${r.perRequest
          .map(
            (c) =>
              `  ${c.count > 1 ? `${c.count}× ` : ''}${c.call}${c.needed ? '' : ' [NOT NEEDED]'}: ${c.why}`,
          )
          .join('\n')}`,
    )
    .join('\n');
}

function loadRows(outcomes: readonly LoadOutcome[]): Row[] {
  return outcomes.map((o) => ({
    metric: 'load',
    subject: o.name,
    samla: `${o.requestsPerSecond.toFixed(0)} req/s, p99 ${o.p99} ms`,
    reference: '',
    notes: `${LOAD_CONNECTIONS} connections for ${LOAD_SECONDS} s on 127.0.0.1: ${o.total} requests, p50 ${o.p50} ms, ${o.non2xx} non-2xx, ${o.errors} errors, ${o.timeouts} timeouts`,
  }));
}

async function main(): Promise<void> {
  const started = Date.now();
  let env: BenchEnvironment | undefined;
  const interrupted = async (signal: string) => {
    progress(`${signal}: stopping`);
    await env?.stop();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const names = functionNames();
  progress(`bundling ${names.length} functions and their SDK floors`);
  const bundles = await measureBundles(names, INIT_RUNS);
  progress('building the console');
  const consoleBundle = await measureConsole();

  const steps: MeasuredStep[] = [];
  const skipped: string[] = [];
  let latency: LatencyResult[] = [];
  let load: LoadOutcome[] = [];
  let warnings: string[] = [];
  let template: BenchEnvironment['template'] | undefined;
  let digestUnavailable: string | undefined;
  try {
    progress('starting DynamoDB Local, the SES inbox, Step Functions and the API on 127.0.0.1');
    const { startEnvironment } = await import('./environment.ts');
    env = await startEnvironment();
    template = env.template;
    // Imported only now: these modules build SDK clients, which read the local endpoints at creation.
    const { capacityScenarios, ScenarioContext } = await import('./scenarios.ts');
    const ctx = new ScenarioContext(env);
    for (const scenario of capacityScenarios) {
      const reason = scenario.unavailable?.();
      if (reason !== undefined) {
        skipped.push(`${scenario.name}: ${reason}`);
        if (scenario.name === 'digest') digestUnavailable = reason;
        continue;
      }
      progress(`capacity: ${scenario.name}`);
      try {
        steps.push(...(await scenario.run(ctx)));
      } catch (error) {
        // A scenario that failed while it held the workflows back must not leave the next one waiting.
        env.workflows('run');
        const message = error instanceof Error ? error.message : String(error);
        skipped.push(`${scenario.name}: failed (${message.slice(0, 100)})`);
        progress(`capacity: ${scenario.name} failed: ${message}`);
        if (scenario.name === 'digest') digestUnavailable = 'its scenario failed';
      }
    }
    // Timing from here on: the meter's extra reads would distort it.
    env.meter.uninstall();

    const { measureLatency } = await import('./latency.ts');
    latency = await measureLatency(env, ctx, LATENCY_CALLS, LATENCY_WARMUP);

    progress(`load: ${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s per route after a 2 s warm-up`);
    env.workflows('hold');
    const { measureLoad } = await import('./load.ts');
    load = await measureLoad(env.stack.apiUrl, [
      {
        name: 'GET /v1/networks/demo/groups',
        method: 'GET',
        path: '/v1/networks/demo/groups',
        seconds: LOAD_SECONDS,
        connections: LOAD_CONNECTIONS,
      },
      {
        name: 'POST /v1/networks/demo/interest (unique addresses)',
        method: 'POST',
        path: '/v1/networks/demo/interest',
        body: {
          name: 'Anna Lindqvist',
          organisation: 'Ekskolan',
          role: 'Rektor',
          topics: ['Skolans ekonomi'],
          consent: true,
        },
        seconds: LOAD_SECONDS,
        connections: LOAD_CONNECTIONS,
      },
    ]);
    await env.idle();
    warnings = env.warnings;
  } finally {
    await env?.stop();
  }

  const rows = [
    ...bundleRows(bundles),
    ...consoleRows(consoleBundle),
    ...capacityRows(steps, skipped),
    ...latencyRows(latency),
    ...loadRows(load),
  ];
  const cost = template ? costModel(steps, bundles, template, digestUnavailable) : undefined;
  if (cost)
    rows.push({
      metric: 'cost',
      subject: 'a network of 500 members, 10 groups, a month (README: What it costs)',
      samla: `$${cost.totalUsd.toFixed(2)}`,
      reference: 'eu-north-1 list prices',
      notes: cost.lines
        .filter((line) => line.usd >= 0.005)
        .map((line) => `${line.item} $${line.usd.toFixed(2)}`)
        .join('; '),
    });
  console.log(renderTable(rows));
  if (latency.length > 0) console.log(`\ncalls per request, and why each is there:\n${callReasons(latency)}`);
  if (warnings.length > 0) console.log(`\nlocal stack warnings:\n  ${warnings.slice(0, 10).join('\n  ')}`);
  writeFileSync(
    join(repoRoot, RESULTS),
    `${JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        seconds: Math.round((Date.now() - started) / 1000),
        targets: TARGET,
        bundles,
        console: consoleBundle,
        capacity: steps,
        skipped,
        latency,
        load,
        cost: cost ? { ...cost, markdown: costMarkdown(cost) } : undefined,
        rows,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `\n${rows.length} rows in ${Math.round((Date.now() - started) / 1000)} s; written to ${RESULTS}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
