/**
 * Bundle size and module initialisation of every function, each against its SDK floor (floor.ts), with
 * the stack's own esbuild options. Initialisation is the time for a fresh `node` to import the bundle,
 * less its time to import an empty handler module: the local stand-in for a cold start, over what any
 * handler costs. All bundles are timed in turns, one run of each per round, so a burst of load elsewhere
 * on the machine touches them alike instead of skewing one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { bundleOptions } from '../../infra/bundle-options.ts';
import { repoRoot } from '../../infra/local/lambda.ts';
import { floorKey, floorLabel, floorSource, type SdkUse, sdkUse } from './floor.ts';
import { median, progress } from './stats.ts';

export interface BundleResult {
  readonly fn: string;
  readonly bytes: number;
  /** The three packages (or source folders) with the most bytes in the bundle. */
  readonly largest: [string, number][];
  /** Medians over the rounds, of the import less an empty module's: node's start-up and loader are out. */
  readonly init: Init;
  /** Median over the rounds of init ÷ the floor's init imported right beside it (wall clock and CPU). */
  readonly ratio: Init;
  readonly sdk: SdkUse;
  /** `init` is the median of the floor's imports taken beside this function's. */
  readonly floor: { readonly label: string; readonly bytes: number; readonly init: Init };
  /**
   * An HTTP function's route table bundled alone: its request and response schemas (zod, which it
   * validates requests with and conforms answers to) and nothing else, timed in the same rounds. What
   * the stack's validation costs this function's cold start, whatever the rest of it does.
   */
  readonly routeTable?: { readonly bytes: number; readonly init: Init };
}

/**
 * Median milliseconds a fresh node spent importing a bundle, over bare node (a fresh node importing an
 * empty handler module, taken beside it): wall clock and CPU.
 */
export interface Init {
  readonly ms: number;
  readonly cpuMs: number;
}

export interface BundleReport {
  /** Rounds: in each, every bundle is imported once by a fresh node, right beside its floor. */
  readonly runs: number;
  /** Median time of a fresh node's first import, of an empty module: in every import, and taken out. */
  readonly bare: Init;
  readonly functions: BundleResult[];
}

/** The stack's esbuild options (infra/bundle-options.ts), with the metafile the SDK floor is read from. */
const common: BuildOptions = {
  bundle: true,
  format: bundleOptions.format,
  target: bundleOptions.target,
  platform: bundleOptions.platform,
  mainFields: [...bundleOptions.mainFields],
  minify: bundleOptions.minify,
  banner: { js: bundleOptions.banner },
  alias: { ...bundleOptions.alias },
  metafile: true,
  logLevel: 'error',
};

/**
 * A function bundled as the stack bundles it (to `outfile`, unless `write` is false): its size, what went
 * into it (metafile inputs: path → bytes) and the AWS SDK clients and commands it can reach.
 */
export async function bundleFunction(fn: string, outfile: string, write = true) {
  const result = await build({
    ...common,
    entryPoints: [join(repoRoot, `functions/${fn}/handler.ts`)],
    outfile,
    write,
  });
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  const inputs = output?.inputs ?? {};
  return { bytes: output?.bytes ?? 0, inputs, sdk: sdkUse(inputs) };
}

function packageOf(input: string): string {
  return input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
}

/** What a fresh node spent importing a bundle: wall and CPU milliseconds, both over bare node. */
interface InitSample {
  readonly ms: number;
  readonly cpuMs: number;
}

/**
 * A fresh node imports `file` once and times its own import, so node's start-up is not in the figure.
 * Its first import also starts node's ES module loader (~10 ms here), which any handler costs: the
 * caller takes out an empty module's import, so what is left is the time over bare node.
 */
function nodeRun(file: string): InitSample {
  const code = `const c0 = process.cpuUsage(); const t0 = performance.now(); await import(${JSON.stringify(file)}); const c = process.cpuUsage(c0); process.stdout.write(JSON.stringify({ ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: tmpdir(),
    env: {
      ...process.env,
      AWS_REGION: 'eu-north-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      TABLE_NAME: 'bench',
    },
  });
  return JSON.parse(String(out)) as InitSample;
}

export async function measureBundles(names: readonly string[], runs: number): Promise<BundleReport> {
  const out = mkdtempSync(join(tmpdir(), 'samla-bench-'));
  try {
    const built: {
      fn: string;
      file: string;
      bytes: number;
      largest: [string, number][];
      sdk: SdkUse;
      routeTable?: { file: string; bytes: number };
    }[] = [];
    const floors = new Map<string, { file: string; bytes: number; label: string }>();
    for (const fn of names) {
      const file = join(out, `${fn}.mjs`);
      const { bytes, inputs, sdk } = await bundleFunction(fn, file);
      const byPackage = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(inputs))
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      const largest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
      const key = floorKey(sdk);
      if (!floors.has(key)) {
        const floorFile = join(out, `floor-${floors.size}.mjs`);
        const floorBuild = await build({
          ...common,
          stdin: { contents: floorSource(sdk), resolveDir: repoRoot, sourcefile: 'floor.mjs', loader: 'js' },
          outfile: floorFile,
        });
        const floorOutput = Object.values(floorBuild.metafile?.outputs ?? {})[0];
        floors.set(key, { file: floorFile, bytes: floorOutput?.bytes ?? 0, label: floorLabel(sdk) });
      }
      const routes = join(repoRoot, `shared/http/routes/${fn}.ts`);
      let routeTable: { file: string; bytes: number } | undefined;
      if (existsSync(routes)) {
        const routesFile = join(out, `${fn}.routes.mjs`);
        const routesBuild = await build({
          ...common,
          stdin: {
            contents: `import { routes } from ${JSON.stringify(routes)};\nexport const handler = async () => routes.length;\n`,
            resolveDir: repoRoot,
            sourcefile: 'routes.mjs',
            loader: 'js',
          },
          outfile: routesFile,
        });
        routeTable = {
          file: routesFile,
          bytes: Object.values(routesBuild.metafile?.outputs ?? {})[0]?.bytes ?? 0,
        };
      }
      built.push({ fn, file, bytes, largest, sdk, ...(routeTable ? { routeTable } : {}) });
    }
    progress(
      `bundled ${built.length} functions and ${floors.size} SDK floors; timing module init (${runs} rounds)`,
    );

    // What every import costs whatever it loads: the handler that does nothing.
    const empty = join(out, 'empty.mjs');
    writeFileSync(empty, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
    const targets = [
      empty,
      ...[...floors.values()].map((f) => f.file),
      ...built.flatMap((b) => [b.file, ...(b.routeTable ? [b.routeTable.file] : [])]),
    ];
    // Per function, its own imports and those of its floor taken right beside them, the empty module's
    // between them: the table's init, floor and ratio all come from these same triples. An HTTP
    // function's route table follows its triple, less the same empty import.
    const pairs = new Map(
      built.map((b) => [
        b.fn,
        {
          fn: [] as InitSample[],
          floor: [] as InitSample[],
          bare: [] as InitSample[],
          routeTable: [] as InitSample[],
        },
      ]),
    );
    // A first import of each warms the OS file cache, which a deployed Lambda also has from its image.
    for (const target of targets) nodeRun(target);
    for (let round = 0; round < runs; round += 1) {
      progress(`init round ${round + 1} of ${runs}`);
      // Each function right beside its own floor, in turns first and second, so the ratio compares
      // imports a fraction of a second apart: the machine's drift over a round cancels out.
      for (const b of built) {
        const floorFile = floors.get(floorKey(b.sdk))?.file;
        const taken = pairs.get(b.fn);
        if (floorFile === undefined || taken === undefined) continue;
        const floorFirst = round % 2 === 0;
        const one = nodeRun(floorFirst ? floorFile : b.file);
        const bare = nodeRun(empty);
        const two = nodeRun(floorFirst ? b.file : floorFile);
        const over = (sample: InitSample): InitSample => ({
          ms: sample.ms - bare.ms,
          cpuMs: sample.cpuMs - bare.cpuMs,
        });
        taken.bare.push(bare);
        taken.floor.push(over(floorFirst ? one : two));
        taken.fn.push(over(floorFirst ? two : one));
        if (b.routeTable) taken.routeTable.push(over(nodeRun(b.routeTable.file)));
      }
    }
    const medianOf = (samples: readonly InitSample[]): Init => ({
      ms: median(samples.map((s) => s.ms)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
    });
    return {
      runs,
      bare: medianOf([...pairs.values()].flatMap((taken) => taken.bare)),
      functions: built.map((b) => {
        const floor = floors.get(floorKey(b.sdk));
        const taken = pairs.get(b.fn) ?? { fn: [], floor: [], bare: [], routeTable: [] };
        const ratios = taken.fn.map((fn, i) => {
          const beside = taken.floor[i] ?? fn;
          return { ms: fn.ms / beside.ms, cpuMs: fn.cpuMs / beside.cpuMs };
        });
        return {
          fn: b.fn,
          bytes: b.bytes,
          largest: b.largest,
          init: medianOf(taken.fn),
          ratio: { ms: median(ratios.map((r) => r.ms)), cpuMs: median(ratios.map((r) => r.cpuMs)) },
          sdk: b.sdk,
          floor: { label: floor?.label ?? 'none', bytes: floor?.bytes ?? 0, init: medianOf(taken.floor) },
          ...(b.routeTable
            ? { routeTable: { bytes: b.routeTable.bytes, init: medianOf(taken.routeTable) } }
            : {}),
        };
      }),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
