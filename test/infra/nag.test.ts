import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, cdkJsonContext } from '../../infra/synth.ts';

const outdirs: string[] = [];
function outdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samla-nag-test-'));
  outdirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of outdirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const context = () => ({ ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] });

describe('cdk-nag (AWS Solutions)', () => {
  it('leaves no unacknowledged finding on the stack', () => {
    const dir = outdir();
    const { app } = buildApp({ context: context(), outdir: dir, nag: true });
    // An in-process synth throws with the full report when a finding is not acknowledged.
    expect(() => app.synth()).not.toThrow();
    const report = JSON.parse(readFileSync(join(dir, 'validation-report.json'), 'utf8'));
    const violations = report.pluginReports.flatMap((r: { violations?: unknown[] }) => r.violations ?? []);
    expect(violations).toEqual([]);
  }, 60_000);

  it('is really checking: an unacknowledged managed policy fails synth', () => {
    const { app, stack } = buildApp({ context: context(), outdir: outdir(), nag: true });
    new Role(stack, 'Careless', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
    });
    expect(() => app.synth()).toThrow(/AwsSolutions-IAM4/);
  }, 60_000);
});
