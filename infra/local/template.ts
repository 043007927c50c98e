/**
 * Reading the synthesized CloudFormation template: the local runtime takes everything it needs (table,
 * functions, state machines, their environment) from the same template `cdk deploy` uses, so the local
 * services cannot drift from the stack.
 */

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Parameters?: Record<string, { readonly Default?: unknown }>;
  readonly Outputs?: Record<string, unknown>;
}

export const LOCAL_REGION = 'eu-north-1';
export const LOCAL_ACCOUNT = '000000000000';

/** Metadata key the CDK app puts on every CfnFunction so the runtime can find its module. */
export const ENTRY_METADATA_KEY = 'samla:entry';

export const localLambdaArn = (logicalId: string) =>
  `arn:aws:lambda:local:${LOCAL_ACCOUNT}:function:${logicalId}`;
export const localStateMachineArn = (logicalId: string) =>
  `arn:aws:states:local:${LOCAL_ACCOUNT}:stateMachine:${logicalId}`;
export const localTableArn = (tableName: string) =>
  `arn:aws:dynamodb:local:${LOCAL_ACCOUNT}:table/${tableName}`;

const TABLE_TYPES = new Set(['AWS::DynamoDB::GlobalTable', 'AWS::DynamoDB::Table']);
export const isTableType = (type: string) => TABLE_TYPES.has(type);

export function resourcesOfType(template: CfnTemplate, type: string | ((type: string) => boolean)) {
  const matches = typeof type === 'string' ? (t: string) => t === type : type;
  return Object.entries(template.Resources).filter(([, resource]) => matches(resource.Type));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every Lambda function of the template that names its module, by logical id. */
export function lambdaEntries(template: CfnTemplate): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [logicalId, resource] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const entry = resource.Metadata?.[ENTRY_METADATA_KEY];
    if (typeof entry === 'string') entries.set(logicalId, entry);
  }
  return entries;
}

/** What a Ref or Fn::GetAtt of a resource means locally; the local runtime decides per resource type. */
export interface LocalNames {
  /** Physical name of the table(s): the one local table, whatever the template calls it. */
  readonly tableName?: string;
  /** Values that win over anything derived, keyed by logical id (for Ref) or `logicalId.Attr`. */
  readonly overrides?: Readonly<Record<string, string>>;
}

export class UnresolvableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnresolvableError';
  }
}

const PSEUDO_PARAMETERS: Record<string, string> = {
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': 'samla-local',
  'AWS::StackId': `arn:aws:cloudformation:local:${LOCAL_ACCOUNT}:stack/samla-local/local`,
  'AWS::NoValue': '',
};

function refValue(template: CfnTemplate, names: LocalNames, logicalId: string): string {
  const override = names.overrides?.[logicalId];
  if (override !== undefined) return override;
  const pseudo = PSEUDO_PARAMETERS[logicalId];
  if (pseudo !== undefined) return pseudo;
  const parameter = template.Parameters?.[logicalId];
  if (parameter !== undefined) {
    if (parameter.Default === undefined) throw new UnresolvableError(`Parameter ${logicalId} has no default`);
    return String(parameter.Default);
  }
  const resource = template.Resources[logicalId];
  if (resource === undefined) throw new UnresolvableError(`Ref to unknown resource ${logicalId}`);
  if (isTableType(resource.Type)) return tableNameOf(names, logicalId);
  if (resource.Type === 'AWS::StepFunctions::StateMachine') return localStateMachineArn(logicalId);
  // CloudFormation's Ref is the physical id for most other types; the logical id is a stable stand-in.
  return logicalId;
}

function getAttValue(template: CfnTemplate, names: LocalNames, logicalId: string, attribute: string): string {
  const override = names.overrides?.[`${logicalId}.${attribute}`];
  if (override !== undefined) return override;
  const resource = template.Resources[logicalId];
  if (resource === undefined) throw new UnresolvableError(`Fn::GetAtt of unknown resource ${logicalId}`);
  if (isTableType(resource.Type)) {
    if (attribute === 'Arn') return localTableArn(tableNameOf(names, logicalId));
    if (attribute === 'StreamArn') return `${localTableArn(tableNameOf(names, logicalId))}/stream/local`;
  }
  if (resource.Type === 'AWS::Lambda::Function' && attribute === 'Arn') return localLambdaArn(logicalId);
  if (resource.Type === 'AWS::StepFunctions::StateMachine') {
    if (attribute === 'Arn') return localStateMachineArn(logicalId);
    if (attribute === 'Name') return logicalId;
  }
  if (attribute === 'Arn') return `arn:aws:local:local:${LOCAL_ACCOUNT}:${logicalId}`;
  return `${logicalId}.${attribute}`;
}

function tableNameOf(names: LocalNames, logicalId: string): string {
  if (names.tableName === undefined) throw new UnresolvableError(`No local table name for ${logicalId}`);
  return names.tableName;
}

/**
 * Resolves the intrinsic functions CDK writes into property values (Ref, Fn::GetAtt, Fn::Join, Fn::Sub,
 * Fn::Select, Fn::Split) to plain JSON with local names. Anything else throws UnresolvableError naming it.
 */
export function resolveValue(template: CfnTemplate, names: LocalNames, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValue(template, names, item));
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [fn] = keys as [string];
    const arg = value[fn];
    switch (fn) {
      case 'Ref':
        return refValue(template, names, String(arg));
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = Array.isArray(arg) ? arg : String(arg).split('.');
        return getAttValue(template, names, String(logicalId), String(attribute));
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return parts.map((part) => asString(resolveValue(template, names, part), fn)).join(separator);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        const items = resolveValue(template, names, list);
        if (!Array.isArray(items)) throw new UnresolvableError('Fn::Select of something that is not a list');
        return items[Number(resolveValue(template, names, index))];
      }
      case 'Fn::Split': {
        const [separator, source] = arg as [string, unknown];
        return asString(resolveValue(template, names, source), fn).split(separator);
      }
      case 'Fn::Sub':
        return resolveSub(template, names, arg);
      default:
        if (fn.startsWith('Fn::') || fn === 'Condition')
          throw new UnresolvableError(`${fn} is not supported locally`);
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(template, names, v)]));
}

function resolveSub(template: CfnTemplate, names: LocalNames, arg: unknown): string {
  const [text, variables] = Array.isArray(arg)
    ? (arg as [string, Record<string, unknown>])
    : [String(arg), {}];
  return text.replace(/\$\{(!?)([^}]+)\}/g, (_, literal: string, name: string) => {
    if (literal === '!') return `\${${name}}`;
    if (name in variables) return asString(resolveValue(template, names, variables[name]), 'Fn::Sub');
    const [logicalId, attribute] = name.split('.') as [string, string | undefined];
    return attribute === undefined
      ? refValue(template, names, logicalId)
      : getAttValue(template, names, logicalId, attribute);
  });
}

function asString(value: unknown, context: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new UnresolvableError(`${context} of a value that is not a string: ${JSON.stringify(value)}`);
}
