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

  it('leaves none either when the stack knows its account and region (cdk takes them from the profile)', () => {
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
    process.env.CDK_DEFAULT_REGION = 'eu-north-1';
    try {
      const { app, stack } = buildApp({ context: context(), outdir: outdir(), nag: true });
      expect(stack.region).toBe('eu-north-1');
      expect(() => app.synth()).not.toThrow();
    } finally {
      for (const [key, value] of [
        ['CDK_DEFAULT_ACCOUNT', saved.account],
        ['CDK_DEFAULT_REGION', saved.region],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
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
