/**
 * What the local services need from the template: the functions' environment, the table and the state
 * machines, all with local names, so the handlers run with what the stack would give them in AWS.
 */
import { type LocalStateMachine, resolveStateMachines } from './asl.ts';
import { localCredentials, type TableDefinition, tableDefinition } from './dynamodb.ts';
import {
  type CfnTemplate,
  isRecord,
  LOCAL_REGION,
  type LocalNames,
  resolveValue,
  resourcesOfType,
} from './template.ts';

export interface RuntimeOptions {
  tableName: string;
  /** Base URL of the local API: PUBLIC_BASE_URL points there whatever the template says. */
  apiUrl: string;
  dynamoEndpoint: string;
  sesUrl: string;
  sfnEndpoint: string;
  /** Win over everything derived (e.g. REGISTRATION_REMINDER_AFTER_SECONDS: '2'). */
  overrides?: Readonly<Record<string, string>>;
}

export interface LocalRuntime {
  readonly env: Record<string, string>;
  readonly table: TableDefinition;
  readonly stateMachines: LocalStateMachine[];
}

export function localNames(tableName: string): LocalNames {
  return { tableName };
}

/**
 * The union of every function's Environment.Variables, resolved with local names. Functions share one
 * process locally, so two functions giving one variable different values is reported, not hidden.
 */
export function functionEnvironment(template: CfnTemplate, names: LocalNames): Record<string, string> {
  const env: Record<string, string> = {};
  const origin: Record<string, string> = {};
  for (const [logicalId, resource] of resourcesOfType(template, 'AWS::Lambda::Function')) {
    const environment = resource.Properties?.Environment;
    const variables = isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
    for (const [name, raw] of Object.entries(variables)) {
      const value = resolveValue(template, names, raw);
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (name in env && env[name] !== text) {
        throw new Error(
          `${name} differs between ${origin[name]} ("${env[name]}") and ${logicalId} ("${text}"): locally all functions share one environment`,
        );
      }
      env[name] = text;
      origin[name] = logicalId;
    }
  }
  return env;
}

export function deriveRuntime(template: CfnTemplate, options: RuntimeOptions): LocalRuntime {
  const names = localNames(options.tableName);
  const derived = functionEnvironment(template, names);
  const env: Record<string, string> = {
    POWERTOOLS_LOG_LEVEL: 'INFO',
    ...derived,
    TABLE_NAME: options.tableName,
    PUBLIC_BASE_URL: options.apiUrl.replace(/\/+$/, ''),
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    AWS_ENDPOINT_URL_SES: options.sesUrl,
    AWS_ENDPOINT_URL_SESV2: options.sesUrl,
    AWS_ENDPOINT_URL_SFN: options.sfnEndpoint,
    // Locally Node 20 runs the code that Lambda runs on Node 22; the SDK versions are pinned in the lock
    // file, so its notice that future releases need Node 22 says nothing new on every start.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.overrides,
  };
  return { env, table: tableDefinition(template), stateMachines: resolveStateMachines(template, names) };
}

/**
 * Puts the environment on process.env before any handler module is imported. Returns a function that
 * restores what was there (tests run several stacks in one worker, one after another).
 */
export function applyEnv(env: Readonly<Record<string, string>>): () => void {
  const previous = new Map<string, string | undefined>();
  // A session token or profile from the developer's shell would be sent along with the dummy keys.
  for (const name of ['AWS_SESSION_TOKEN', 'AWS_PROFILE']) {
    previous.set(name, process.env[name]);
    delete process.env[name];
  }
  for (const [name, value] of Object.entries(env)) {
    if (!previous.has(name)) previous.set(name, process.env[name]);
    process.env[name] = value;
  }
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
