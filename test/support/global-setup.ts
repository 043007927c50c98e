/**
 * Once per `vitest run`: one DynamoDB Local (in memory) and one SES inbox for every test file, and the
 * template synthesized once (synth takes seconds). Test files reach them through `useLocalStack()`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
    };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  // Java starts in its own process while synth keeps this one busy.
  const dynamoReady = startDynamoDbLocal({ port: await freePort() });
  const sesReady = startSes({ port: await freePort() });
  // Awaited below; until then a failure must not count as an unhandled rejection.
  dynamoReady.catch(() => undefined);
  sesReady.catch(() => undefined);
  const folder = mkdtempSync(join(tmpdir(), 'samla-test-'));
  const templatePath = join(folder, 'template.json');
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
  project.provide('samlaLocal', { dynamoEndpoint: dynamo.endpoint, sesUrl: ses.url, templatePath });
  if (process.env.SAMLA_TEST_VERBOSE) console.log(`local services ready in ${Date.now() - started} ms`);

  return async () => {
    const stopping = Date.now();
    await Promise.allSettled([ses.stop(), dynamo.stop()]);
    if (process.env.SAMLA_TEST_VERBOSE) console.log(`local services stopped in ${Date.now() - stopping} ms`);
    rmSync(folder, { recursive: true, force: true });
  };
}
