import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/local/lambda.ts';

/*
 * A newcomer whose port 8000 is taken, or who wants a second copy, learns the variable from the README:
 * every one `npm start` reads must be named there. Read from the source, so a new knob without a line in
 * the README fails here.
 */

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

function knobsOfNpmStart(): string[] {
  const start = read('infra/local/start.ts');
  const ports = [...start.matchAll(/portFromEnv\('([A-Z_]+)'/g)].map((m) => m[1] ?? '');
  // Read, not set: `??=` marks a variable start.ts sets for the SDK, no knob.
  const reads = [...start.matchAll(/process\.env\.([A-Z_]+)\s*(?!\?\?=)(?=\|\||\?\?|\)|;)/g)].map(
    (m) => m[1] ?? '',
  );
  const passed = start.match(/const PASSED_THROUGH = \[([\s\S]*?)\] as const/)?.[1] ?? '';
  const passedThrough = [...passed.matchAll(/^\s*'([A-Z_]+)',/gm)].map((m) => m[1] ?? '');
  const cache = [...read('infra/local/template-cache.ts').matchAll(/process\.env\.(SAMLA_[A-Z_]+)/g)].map(
    (m) => m[1] ?? '',
  );
  return [...new Set([...ports, ...reads, ...passedThrough, ...cache])].sort();
}

describe('the README names what npm start reads from the environment', () => {
  it('finds the knobs in the source (the check itself reads what it should)', () => {
    expect(knobsOfNpmStart()).toEqual(
      expect.arrayContaining([
        'PORT',
        'SES_PORT',
        'DYNAMODB_PORT',
        'SFN_PORT',
        'EXAMPLES_PORT',
        'SAMLA_LOCAL_DIR',
        'SES_URL',
        'OFFER_HOURS',
        'SAMLA_NO_TEMPLATE_CACHE',
      ]),
    );
    expect(knobsOfNpmStart()).not.toContain('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED');
  });

  it('names each of them, in code quotes', () => {
    const readme = read('README.md');
    const missing = knobsOfNpmStart().filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
