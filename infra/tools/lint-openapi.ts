/**
 * `npm run lint:openapi`: the OpenAPI document as GET /v1/openapi.json serves it, linted by Redocly CLI with
 * its recommended rules. Errors fail (CI); warnings are shown.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../../shared/http/openapi.ts';

const folder = mkdtempSync(join(tmpdir(), 'samla-openapi-'));
try {
  const file = join(folder, 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', file, '--extends', 'recommended'], {
    stdio: 'inherit',
    // No usage reports to Redocly from a lint: CI and developers' machines may have no network at all.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
