/**
 * Once per `vitest run`: one DynamoDB Local (in memory) and one SES inbox for every test file, and the
 * template synthesized once (synth takes seconds). Test files reach them through `useLocalStack()`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { freePort } from '../../infra/local/ports.ts';
import { startSes } from '../../infra/local/ses.ts';
import { cachedTemplate } from '../../infra/local/template-cache.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    samlaLocal: {
      readonly dynamoEndpoint: string;
      readonly sesUrl: string;
      /** JSON file with the synthesized template (bundling skipped, cdk-nag off). */
      readonly templatePath: string;
      /** Where each worker writes the contract verdicts of the API answers it saw (test/support/contract.ts). */
      readonly contractDir: string;
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // See infra/local/runtime.ts: set before the first SDK client of this process (vitest.config.ts's env
  // reaches the test files only).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Java starts in its own process while synth keeps this one busy.
  const dynamoReady = startDynamoDbLocal({ port: await freePort() });
  const sesReady = startSes({ port: await freePort() });
  // Awaited below; until then a failure must not count as an unhandled rejection.
  dynamoReady.catch(() => undefined);
  sesReady.catch(() => undefined);
  const folder = mkdtempSync(join(tmpdir(), 'samla-test-'));
  const templatePath = join(folder, 'template.json');
  const contractDir = join(folder, 'contract');
  mkdirSync(contractDir);
  try {
    const { template } = await cachedTemplate(async () =>
      (await import('../../infra/synth.ts')).synthTemplate(),
    );
    writeFileSync(templatePath, JSON.stringify(template));
  } catch (error) {
    await Promise.allSettled([dynamoReady.then((d) => d.stop()), sesReady.then((s) => s.stop())]);
    throw error;
  }
  const [dynamo, ses] = await Promise.all([dynamoReady, sesReady]);
  project.provide('samlaLocal', {
    dynamoEndpoint: dynamo.endpoint,
    sesUrl: ses.url,
    templatePath,
    contractDir,
  });
  if (process.env.SAMLA_TEST_VERBOSE) console.log(`local services ready in ${Date.now() - started} ms`);

  return async () => {
    const stopping = Date.now();
    await Promise.allSettled([ses.stop(), dynamo.stop()]);
    if (process.env.SAMLA_TEST_VERBOSE) console.log(`local services stopped in ${Date.now() - stopping} ms`);
    reportContract(contractDir);
    rmSync(folder, { recursive: true, force: true });
  };
}

/**
 * One line for the whole run, when something failed or SAMLA_TEST_VERBOSE asks: each test file already
 * failed on its own contract failures, and a passing run ends with vitest's own summary.
 */
function reportContract(contractDir: string): void {
  const verdicts = readdirSync(contractDir).flatMap((file) =>
    readFileSync(join(contractDir, file), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { verdict: string; operation?: string; reason?: string }),
  );
  if (verdicts.length === 0) return;
  const failures = verdicts.filter((v) => v.verdict === 'failure');
  const outside = verdicts.filter((v) => v.verdict === 'outside').length;
  const operations = new Set(verdicts.map((v) => v.operation).filter((o) => o !== undefined)).size;
  if (failures.length === 0 && !process.env.SAMLA_TEST_VERBOSE) return;
  console.log(
    `contract: ${verdicts.length - outside} API answers checked against /v1/openapi.json (${operations} operations), ${failures.length} failures; ${outside} outside the document (no route)`,
  );
  for (const failure of failures.slice(0, 50)) console.log(`  ${failure.operation}: ${failure.reason}`);
}
