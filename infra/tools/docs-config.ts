/**
 * `npm run docs:config` writes docs/configuration.md from the schema in infra/config.ts;
 * `npm run docs:config -- --check` (CI) only compares, and fails when the file is out of date.
 * `--file <path>` works on another file (the tests use a temporary one).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_REFERENCE_PATH, renderConfigReference } from './config-reference.ts';

function main(): number {
  const { values } = parseArgs({
    options: { check: { type: 'boolean' }, file: { type: 'string' } },
    strict: true,
  });
  const path = values.file === undefined ? CONFIG_REFERENCE_PATH : resolve(values.file);
  const shown = relative(process.cwd(), path) || path;
  const expected = renderConfigReference();
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (values.check) {
    if (current === expected) return 0;
    console.error(
      current === undefined
        ? `${shown} is missing: run \`npm run docs:config\` and commit the result.`
        : `${shown} is out of date with the schema in infra/config.ts: run \`npm run docs:config\` and commit the result.`,
    );
    return 1;
  }
  if (current !== expected) writeFileSync(path, expected);
  console.log(current === expected ? `${shown} is up to date.` : `wrote ${shown}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`docs:config: ${(error as Error).message}`);
  process.exitCode = 1;
}
