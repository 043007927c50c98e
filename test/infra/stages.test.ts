/**
 * Two stages in one account (`-c stage=test`, `-c stage=prod`) must deploy side by side, and the same
 * commit must always synthesize to the same thing, bundles included: a deploy from CI and one from a
 * laptop then differ only where the code does.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samlaConfigSchema } from '../../infra/config.ts';
import { projectRoot } from '../../infra/constructs/function.ts';
import { buildApp, type CfnTemplate, cdkJsonContext, functionEntries, type Json } from '../../infra/synth.ts';
import { fileHashes } from '../support/infra.ts';

const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

interface Synthesized {
  readonly stackName: string;
  readonly template: CfnTemplate;
  readonly outdir: string;
  /** The stack's asset manifest (`<stack>.assets.json`): every asset's hash, source and destination. */
  readonly assetManifest: string;
}

function synth(context: Record<string, unknown>, options: { bundle: boolean }): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'samla-stage-'));
  outdirs.push(outdir);
  const { app, stack } = buildApp({
    context: {
      ...cdkJsonContext(),
      ...context,
      // What synthTemplate does for speed; the determinism test needs the real bundles.
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
    outdir,
    nag: false,
  });
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  return {
    stackName: artifact.stackName,
    template: artifact.template as CfnTemplate,
    outdir,
    assetManifest: readFileSync(join(outdir, `${stack.artifactId}.assets.json`), 'utf8'),
  };
}

/** Stands in for CloudFormation's pseudo parameters, as they would be for two stacks in one account. */
function pseudo(stackName: string): Record<string, string> {
  return {
    'AWS::StackName': stackName,
    'AWS::StackId': `arn:aws:cloudformation:eu-north-1:111111111111:stack/${stackName}/id`,
    'AWS::Region': 'eu-north-1',
    'AWS::AccountId': '111111111111',
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
}

/**
 * A name as CloudFormation would create it, or undefined when it refers to another resource (then it
 * is that resource's generated, unique id, not a name of its own).
 */
function resolveName(value: Json | undefined, params: Record<string, string>): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const ref = value.Ref;
  if (typeof ref === 'string') return params[ref];
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map((part) => resolveName(part, params));
    return parts.every((part) => part !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') {
    let unresolved = false;
    const out = sub.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
      const found = params[name];
      if (found === undefined) unresolved = true;
      return found ?? '';
    });
    return unresolved ? undefined : out;
  }
  return undefined;
}

/**
 * Names scoped to their parent resource (a pool's groups, an API's stages, a role's inline policies),
 * or properties that point at another resource: two stages cannot collide on them.
 */
const notAccountWide: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::Policy': ['PolicyName'],
  'AWS::Cognito::UserPoolGroup': ['GroupName'],
  'AWS::Cognito::UserPoolClient': ['ClientName'],
  'AWS::ApiGatewayV2::Stage': ['StageName'],
  'AWS::ApiGatewayV2::Authorizer': ['Name'],
  'AWS::CloudWatch::Alarm': ['MetricName'],
  'AWS::Lambda::Permission': ['FunctionName'],
  // What an email subscriber sees as the sender, not a name SNS keeps unique.
  'AWS::SNS::Topic': ['DisplayName'],
};

/** Properties that name a resource, beyond the `…Name` ones (an SES identity is named by its domain). */
const alsoNames = new Set(['EmailIdentity', 'ExportName']);

interface PhysicalName {
  readonly where: string;
  readonly name: string;
}

/** Every explicit physical name in a template (top-level resource properties, and output exports). */
function physicalNames(template: CfnTemplate, stackName: string): PhysicalName[] {
  const params = pseudo(stackName);
  const names: PhysicalName[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const scoped = notAccountWide[resource.Type] ?? [];
    for (const [property, value] of Object.entries(resource.Properties ?? {})) {
      if (!(property.endsWith('Name') || alsoNames.has(property)) || scoped.includes(property)) continue;
      const name = resolveName(value, params);
      if (name !== undefined) names.push({ where: `${logicalId} (${resource.Type}).${property}`, name });
    }
  }
  for (const [outputId, output] of Object.entries(template.Outputs ?? {})) {
    const name = output.Export ? resolveName(output.Export.Name, params) : undefined;
    if (name !== undefined) names.push({ where: `output ${outputId} export`, name });
  }
  return names;
}

function collisions(a: Synthesized, b: Synthesized): string[] {
  const taken = new Map(physicalNames(a.template, a.stackName).map((n) => [n.name, n.where]));
  return physicalNames(b.template, b.stackName)
    .filter((n) => taken.has(n.name))
    .map((n) => `${n.where} is "${n.name}" in both ${a.stackName} and ${b.stackName} (${taken.get(n.name)})`);
}

describe('stages: two stacks in one account', () => {
  let test: Synthesized;
  let prod: Synthesized;
  beforeAll(() => {
    // With an alarm address, so the optional alarm topic is checked too.
    const samla = { ...(cdkJsonContext().samla as Record<string, unknown>), alarmEmail: 'ops@example.org' };
    prod = synth({ stage: 'prod', samla }, { bundle: false });
    // An SES identity is one per domain and account: the second stage sends through the first one's.
    const sharesIdentity = 'email' in samlaConfigSchema.shape ? { email: { createIdentity: false } } : {};
    test = synth({ stage: 'test', samla: { ...samla, ...sharesIdentity } }, { bundle: false });
  }, 120_000);

  it('are named after their stage', () => {
    expect(test.stackName).toBe('samla-test');
    expect(prod.stackName).toBe('samla-prod');
  });

  it('give no resource a physical name that the other stage would also claim', () => {
    // Same configuration, same account: only the stage differs, so any literal name would collide.
    expect(
      collisions(test, prod),
      'hard-coded names: let CloudFormation generate them, or build them from the stack name',
    ).toEqual([]);
    // The check sees the names the stack does set: those built from the stack name carry the stage.
    const names = (s: Synthesized) => physicalNames(s.template, s.stackName).map((n) => n.name);
    expect(names(prod)).toContain('samla-prod-coordinators');
    expect(names(test)).toContain('samla-test-coordinators');
  });

  it('the check itself finds a literal name, and accepts one built from the stack name', () => {
    const withNames = (tableName: Json): CfnTemplate => ({
      Resources: {
        Table: { Type: 'AWS::DynamoDB::Table', Properties: { TableName: tableName } },
        Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'same-in-every-stack' } },
      },
    });
    const stage = (stackName: string, template: CfnTemplate): Synthesized => ({
      stackName,
      template,
      outdir: '',
      assetManifest: '',
    });
    expect(
      collisions(stage('samla-test', withNames('members')), stage('samla-prod', withNames('members'))),
    ).toEqual([
      'Table (AWS::DynamoDB::Table).TableName is "members" in both samla-test and samla-prod (Table (AWS::DynamoDB::Table).TableName)',
    ]);
    const fromStack: Json = { 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'members']] };
    expect(
      collisions(stage('samla-test', withNames(fromStack)), stage('samla-prod', withNames(fromStack))),
    ).toEqual([]);
  });
});

function assetDirs(outdir: string): string[] {
  return readdirSync(outdir)
    .filter((name) => name.startsWith('asset.'))
    .sort();
}

/**
 * `cdk synth` as the CLI runs it (infra/app.ts, cdk-nag included), bundling every function, in a
 * process of its own so nothing is shared between two runs.
 */
function synthApp(context: Record<string, unknown>): Promise<Synthesized> {
  const outdir = mkdtempSync(join(tmpdir(), 'samla-bundled-'));
  outdirs.push(outdir);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'infra/app.ts'], {
      cwd: projectRoot,
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) {
        reject(new Error(`synth exited with ${status}:\n${stderr.slice(-4000)}`));
        return;
      }
      const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
        artifacts: Record<
          string,
          { type: string; properties?: { templateFile?: string; stackName?: string } }
        >;
      };
      const [artifactId, stack] =
        Object.entries(manifest.artifacts).find(([, a]) => a.type === 'aws:cloudformation:stack') ?? [];
      if (!artifactId || !stack?.properties?.templateFile) {
        reject(new Error(`no stack in ${outdir}/manifest.json`));
        return;
      }
      resolve({
        stackName: stack.properties.stackName ?? artifactId,
        template: JSON.parse(
          readFileSync(join(outdir, stack.properties.templateFile), 'utf8'),
        ) as CfnTemplate,
        outdir,
        assetManifest: readFileSync(join(outdir, `${artifactId}.assets.json`), 'utf8'),
      });
    });
  });
}

describe('determinism', () => {
  it('two synths of this commit, with real bundling, give the same template, assets and hashes', async () => {
    const context = { ...cdkJsonContext(), stage: 'prod' };
    // Side by side: two cores, two processes, each bundling every function with esbuild.
    const [first, second] = await Promise.all([synthApp(context), synthApp(context)]);
    expect(first.stackName).toBe('samla-prod');

    // Real bundles: every samla function's code asset is a directory with its minified ESM handler.
    const entries = Object.keys(functionEntries(first.template));
    expect(entries.length).toBeGreaterThan(10);
    for (const logicalId of entries) {
      const code = first.template.Resources[logicalId]?.Properties?.Code;
      const key = typeof code === 'object' && code !== null && !Array.isArray(code) ? code.S3Key : undefined;
      expect(key, `${logicalId} S3Key`).toMatch(/^[0-9a-f]{64}\.zip$/);
      const bundle = join(first.outdir, `asset.${String(key).replace('.zip', '')}`, 'index.mjs');
      expect(statSync(bundle).size, bundle).toBeGreaterThan(10_000);
      // bundle-options.ts's aliases reach CDK's esbuild too: the shim, not Node's Web Streams, is bundled.
      expect(readFileSync(bundle, 'utf8'), bundle).not.toMatch(/from\s*["']node:stream\/web["']/);
    }

    expect(
      JSON.stringify(second.template) === JSON.stringify(first.template),
      'the two templates differ: something in the app depends on time, randomness or the machine',
    ).toBe(true);
    expect(second.assetManifest, 'the asset manifests (hashes of every bundle) differ').toBe(
      first.assetManifest,
    );
    expect(assetDirs(second.outdir)).toEqual(assetDirs(first.outdir));
    for (const dir of assetDirs(first.outdir)) {
      expect(fileHashes(join(second.outdir, dir)), `${dir}: same hash, different bytes`).toEqual(
        fileHashes(join(first.outdir, dir)),
      );
    }
  }, 600_000); // About 100 s on an idle two-core machine; the margin is for a busy one.
});
