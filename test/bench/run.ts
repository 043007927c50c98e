/**
 * `npm run bench`: what each function costs before it does anything, measured in one run on this
 * machine. Sizes are of the bundles as deployed (the same esbuild options as the CDK stack); module
 * initialisation is the time to import a bundle in a fresh `node` (the median of 10), against a bare
 * `node` in the same run: the local stand-in for a cold start. The warm-latency, capacity, load and
 * SDK-floor figures of issue 9 are still to come. Results go to test/bench/results.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions } from '../../infra/bundle-options.ts';
import { routes, workflowFunctions } from '../../shared/http/routes.ts';

const runs = 10;
const out = mkdtempSync(join(tmpdir(), 'samla-bench-'));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Milliseconds for a fresh node to run `code`, median of `runs`. */
function nodeTime(code: string): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      env: {
        ...process.env,
        AWS_REGION: 'eu-north-1',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

const names = [...new Set([...routes.map((route) => route.fn), ...workflowFunctions])].sort();
const bare = nodeTime('');
const results = [];
try {
  for (const fn of names) {
    const outfile = join(out, `${fn}.mjs`);
    const result = await build({
      entryPoints: [`functions/${fn}/handler.ts`],
      bundle: true,
      outfile,
      format: bundleOptions.format,
      target: bundleOptions.target,
      platform: bundleOptions.platform,
      mainFields: [...bundleOptions.mainFields],
      minify: bundleOptions.minify,
      banner: { js: bundleOptions.banner },
      metafile: true,
      logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const byPackage = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const name =
        input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
    const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const init = nodeTime(`await import(${JSON.stringify(outfile)});`);
    results.push({ fn, bytes: output?.bytes ?? 0, largest, initMs: init, initOverBareMs: init - bare });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(`bare node: ${bare.toFixed(1)} ms (median of ${runs})\n`);
console.log(
  [
    'function'.padEnd(28),
    'bundle'.padStart(8),
    'init'.padStart(9),
    '+bare'.padStart(9),
    '  largest inputs',
  ].join(''),
);
for (const r of results) {
  console.log(
    [
      r.fn.padEnd(28),
      kb(r.bytes).padStart(8),
      `${r.initMs.toFixed(0)} ms`.padStart(9),
      `${r.initOverBareMs.toFixed(0)} ms`.padStart(9),
      `  ${r.largest.map(([name, bytes]) => `${name} ${kb(bytes)}`).join(', ')}`,
    ].join(''),
  );
}
writeFileSync(
  'test/bench/results.json',
  `${JSON.stringify({ measuredAt: new Date().toISOString(), bareNodeMs: bare, functions: results }, null, 2)}\n`,
);
console.log('\nwritten to test/bench/results.json');
