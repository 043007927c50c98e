import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { loadConfig, loadStage } from './config.ts';
import { ENTRY_METADATA_KEY, projectRoot } from './constructs/function.ts';
import { WORKFLOW_METADATA_KEY } from './constructs/workflows.ts';
import { SamlaStack } from './stack.ts';

/** A JSON value, as found in a synthesized CloudFormation template. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface CfnResource {
  Type: string;
  Properties?: Record<string, Json>;
  Metadata?: Record<string, Json>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: 'Delete' | 'Retain' | 'RetainExceptOnCreate' | 'Snapshot';
  UpdateReplacePolicy?: 'Delete' | 'Retain' | 'Snapshot';
}

export interface CfnOutputDef {
  Value: Json;
  Description?: string;
  Export?: { Name: Json };
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutputDef>;
  Parameters?: Record<string, Record<string, Json>>;
  Conditions?: Record<string, Json>;
  Rules?: Record<string, Json>;
  Mappings?: Record<string, Json>;
}

export interface BuildAppOptions extends Pick<AppProps, 'outdir'> {
  /**
   * Context for an in-process build; it replaces the CLI's, so pass cdk.json's context too
   * (synthTemplate does). Omit it when the CLI runs the app: the App then reads the CLI's context.
   */
  readonly context?: Record<string, unknown>;
  /** Run cdk-nag's AWS Solutions checks; findings without an acknowledgement fail synth. @default true */
  readonly nag?: boolean;
}

/** The app, as `cdk synth` builds it (infra/app.ts) and as the local runtime and tests build it. */
export function buildApp(options: BuildAppOptions = {}): { app: App; stack: SamlaStack } {
  const app = new App({
    ...(options.context === undefined ? {} : { context: options.context }),
    ...(options.outdir === undefined ? {} : { outdir: options.outdir }),
  });
  const stage = loadStage(app);
  const stack = new SamlaStack(app, `samla-${stage}`, {
    config: loadConfig(app),
    description: `samla (${stage}): interest registrations for professional learning networks`,
    // Environment-agnostic unless the CLI knows an account: synth needs no credentials.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    tags: { app: 'samla', stage },
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

/** The `context` object of the repository's cdk.json, which the CLI would pass. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8'));
  if (typeof cdkJson !== 'object' || cdkJson === null || !('context' in cdkJson)) return {};
  const { context } = cdkJson;
  return typeof context === 'object' && context !== null ? { ...context } : {};
}

export interface SynthOptions {
  /** @default false: the local runtime should start even while a finding waits for its acknowledgement. */
  readonly nag?: boolean;
}

/**
 * Synthesizes the stack in-process and returns its template: no AWS credentials, no network, no
 * bundling (the local runtime runs the handler modules themselves). `context` entries replace
 * cdk.json's top-level keys (so `{ samla: {...} }` replaces the whole configuration).
 */
export function synthTemplate(
  context: Record<string, unknown> = {},
  options: SynthOptions = {},
): CfnTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'samla-synth-'));
  try {
    const { app, stack } = buildApp({
      context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] },
      outdir,
      nag: options.nag ?? false,
    });
    const assembly = app.synth();
    return assembly.getStackArtifact(stack.artifactId).template as CfnTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Logical id → `functions/<fn>/handler.ts`, from the `samla:entry` metadata of each Lambda. */
export function functionEntries(template: CfnTemplate): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
    if (resource.Type === 'AWS::Lambda::Function' && typeof entry === 'string') entries[logicalId] = entry;
  }
  return entries;
}

/** How to turn a `Ref` or `Fn::GetAtt` into a string while resolving a definition. */
export interface IntrinsicResolver {
  ref?(logicalId: string): string;
  getAtt?(logicalId: string, attribute: string): string;
}

/** Placeholder values, so a definition resolves without a deployment. */
export const localResolver: Required<IntrinsicResolver> = {
  ref: (name) =>
    ({
      'AWS::Partition': 'aws',
      'AWS::Region': 'us-east-1',
      'AWS::AccountId': '000000000000',
      'AWS::URLSuffix': 'amazonaws.com',
    })[name] ?? name,
  getAtt: (logicalId, attribute) =>
    attribute === 'Arn'
      ? `arn:aws:lambda:us-east-1:000000000000:function:${logicalId}`
      : `${logicalId}.${attribute}`,
};

/** Resolves the string intrinsics CDK uses in definitions (Fn::Join, Ref, Fn::GetAtt) to a string. */
export function resolveString(value: Json, resolver: IntrinsicResolver = localResolver): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const join = value['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      const separator = join[0];
      return join[1].map((part) => resolveString(part, resolver)).join(separator);
    }
    const ref = value.Ref;
    if (typeof ref === 'string') return (resolver.ref ?? localResolver.ref)(ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string' && typeof getAtt[1] === 'string') {
      return (resolver.getAtt ?? localResolver.getAtt)(getAtt[0], getAtt[1]);
    }
  }
  throw new Error(`Cannot resolve ${JSON.stringify(value)} to a string`);
}

export interface StateMachineDefinition {
  logicalId: string;
  /** The `samla:workflow` metadata, e.g. "registration". */
  workflow: string | undefined;
  /** The parsed Amazon States Language document. */
  definition: { StartAt: string; States: Record<string, Record<string, Json>> } & Record<string, Json>;
}

/** Every state machine of the template, its DefinitionString resolved and parsed. */
export function stateMachineDefinitions(
  template: CfnTemplate,
  resolver: IntrinsicResolver = localResolver,
): StateMachineDefinition[] {
  return Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, resource]) => {
      const raw = resource.Properties?.DefinitionString;
      if (raw === undefined) throw new Error(`State machine ${logicalId} has no DefinitionString`);
      const workflow = resource.Metadata?.[WORKFLOW_METADATA_KEY];
      return {
        logicalId,
        workflow: typeof workflow === 'string' ? workflow : undefined,
        definition: JSON.parse(resolveString(raw, resolver)),
      };
    });
}
