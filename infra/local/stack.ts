/**
 * The whole local stack from one synthesized template: DynamoDB Local, the SES inbox, the Step
 * Functions endpoint and the API gateway, with the handlers' environment set as the stack sets it.
 */
import type { Network } from '../../shared/domain/network.ts';
import { routes } from '../../shared/http/routes.ts';
import { consoleOrigin, type LocalConsole, startConsole } from './console.ts';
import { createTableFromTemplate, type DynamoDbLocal, startDynamoDbLocal } from './dynamodb.ts';
import { allowExamplesOrigin, examplesOrigin, startExamples } from './examples.ts';
import { type CorsConfig, corsFromTemplate, type LocalGateway, startGateway } from './gateway.ts';
import {
  createLocalIssuer,
  generateSigningKey,
  type LocalIssuer,
  loadOrCreateSigningKey,
  localIssuerUrl,
  writeIssuerInfo,
} from './issuer.ts';
import { type HandlerLoader, moduleLoader } from './lambda.ts';
import { assertPortFree, freePort } from './ports.ts';
import { applyEnv, deriveRuntime } from './runtime.ts';
import { runTemplateSeeds } from './seeds.ts';
import { type LocalSes, startSes } from './ses.ts';
import { LocalStepFunctions } from './stepfunctions.ts';
import type { CfnTemplate } from './template.ts';
import { resourcesOfType } from './template.ts';

export const DEFAULT_PORTS = { api: 3000, ses: 8005, dynamodb: 8000, sfn: 8083 } as const;

export const DEMO_NETWORK: Network = {
  id: 'demo',
  name: 'Demonätverket',
  languages: ['sv', 'nb', 'en'],
  coordinators: ['coordinator@example.org'],
  timeZone: 'Europe/Stockholm',
  memberDomains: [],
};

export interface LocalStackOptions {
  template: CfnTemplate;
  /** Default `samla-local`: a stable name, so npm start finds its data again after a restart. */
  tableName?: string;
  /** 0 picks a free port. Defaults: the npm start ports. */
  ports?: Partial<Record<keyof typeof DEFAULT_PORTS, number>>;
  /** Use a DynamoDB Local that is already running, or start one (in memory unless dataDir is given). */
  dynamodb?: { endpoint: string } | { dataDir?: string };
  /** Use an SES inbox that is already running instead of starting one. */
  ses?: { url: string };
  /** Environment values that win over the template's (e.g. REGISTRATION_REMINDER_AFTER_SECONDS). */
  env?: Record<string, string>;
  /** Create the demo network unless it exists (before the template's seeds, so its name is kept). */
  seedDemo?: boolean;
  /** Run the template's seeding custom resources (the networks in cdk.json); default true. */
  seedTemplate?: boolean;
  /** CORS as the HTTP API applies it; default: the template's CorsConfiguration. */
  cors?: CorsConfig;
  /**
   * Serve examples/ (the website forms) on this loopback port, 0 for a free one; CORS then also allows
   * that origin (infra/local/examples.ts). Without it, no example server runs.
   */
  examples?: { port: number };
  /**
   * Serve the coordinators' console (built by `buildConsole` into `dir`) on this loopback port, 0 for a
   * free one; CORS and the OpenID provider's redirect URIs then allow that origin (infra/local/console.ts).
   */
  console?: { port: number; dir: string };
  loadHandler?: HandlerLoader;
  /** Shortens Retry intervals of every state machine to this many milliseconds. */
  retryIntervalMs?: number;
  waitTimeOverrides?: Record<string, number>;
  /** File to keep running workflow executions in; those a previous run left are resumed at start. */
  executionsFile?: string;
  /**
   * Folder of the local token issuer's key, made once and reused (npm start: .local/issuer, so
   * `npm run token` can sign for it). Without it the issuer has a fresh key for this run only.
   */
  issuerKeyDir?: string;
  /** More origins of the coordinators' console than `console`'s (e.g. a Vite dev server): redirect URIs. */
  consoleOrigins?: readonly string[];
  log?: (line: string) => void;
}

export interface LocalStack {
  readonly apiUrl: string;
  readonly sesUrl: string;
  readonly dynamoEndpoint: string;
  readonly dynamoDataDir: string | undefined;
  readonly sfnEndpoint: string;
  readonly tableName: string;
  /** True when this start created the table (false: it was there from an earlier run). */
  readonly tableCreated: boolean;
  readonly sfn: LocalStepFunctions;
  /** Workflow executions picked up from `executionsFile`. */
  readonly resumedExecutions: number;
  /** The environment the handlers run with (already on process.env). */
  readonly env: Readonly<Record<string, string>>;
  /** Signs coordinator tokens that the gateway accepts on coordinator routes. */
  readonly issuer: LocalIssuer;
  /** ARN of each state machine, by logical id. */
  readonly stateMachines: Readonly<Record<string, string>>;
  /** Where examples/ is served (pages under /examples/), when `examples` was given. */
  readonly examplesUrl: string | undefined;
  /** Where the console is served, when `console` was given. */
  readonly consoleUrl: string | undefined;
  stop(): Promise<void>;
}

const portLabels = {
  api: 'API',
  ses: 'SES inbox',
  dynamodb: 'DynamoDB Local',
  sfn: 'Step Functions',
} as const;
const portEnvVars = { api: 'PORT', ses: 'SES_PORT', dynamodb: 'DYNAMODB_PORT', sfn: 'SFN_PORT' } as const;

async function pickPort(options: LocalStackOptions, name: keyof typeof DEFAULT_PORTS): Promise<number> {
  const port = options.ports?.[name] ?? DEFAULT_PORTS[name];
  return port === 0 ? freePort() : port;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const tableName = options.tableName ?? 'samla-local';
  const loadHandler = options.loadHandler ?? moduleLoader();
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    // Every port first, so a taken one is reported before Java spends seconds starting.
    const wanted: [keyof typeof DEFAULT_PORTS, boolean][] = [
      ['dynamodb', options.dynamodb === undefined || !('endpoint' in options.dynamodb)],
      ['ses', options.ses === undefined],
      ['sfn', true],
      ['api', true],
    ];
    for (const [name, used] of wanted) {
      const port = options.ports?.[name] ?? DEFAULT_PORTS[name];
      if (used && port !== 0) await assertPortFree(port, portLabels[name], portEnvVars[name]);
    }
    if (options.examples !== undefined && options.examples.port !== 0)
      await assertPortFree(options.examples.port, 'Example forms', 'EXAMPLES_PORT');
    if (options.console !== undefined && options.console.port !== 0)
      await assertPortFree(options.console.port, 'Console', 'CONSOLE_PORT');

    let dynamoEndpoint: string;
    let dynamoDataDir: string | undefined;
    if (options.dynamodb !== undefined && 'endpoint' in options.dynamodb) {
      dynamoEndpoint = options.dynamodb.endpoint;
    } else {
      const dataDir = options.dynamodb?.dataDir;
      const dynamo: DynamoDbLocal = await startDynamoDbLocal({
        port: await pickPort(options, 'dynamodb'),
        portEnvVar: portEnvVars.dynamodb,
        ...(dataDir === undefined ? {} : { dataDir }),
      });
      cleanups.push(() => dynamo.stop());
      dynamoEndpoint = dynamo.endpoint;
      dynamoDataDir = dynamo.dataDir;
    }

    let sesUrl: string;
    if (options.ses !== undefined) sesUrl = options.ses.url;
    else {
      const ses: LocalSes = await startSes({
        port: await pickPort(options, 'ses'),
        portEnvVar: portEnvVars.ses,
      });
      cleanups.push(() => ses.stop());
      sesUrl = ses.url;
    }

    const sfnPort = await pickPort(options, 'sfn');
    const apiPort = await pickPort(options, 'api');
    const runtime = deriveRuntime(options.template, {
      tableName,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      dynamoEndpoint,
      sesUrl,
      sfnEndpoint: `http://127.0.0.1:${sfnPort}`,
      ...(options.env === undefined ? {} : { overrides: options.env }),
    });
    // Before any handler module is imported: module-level SDK clients read their endpoints from here.
    const restoreEnv = applyEnv(runtime.env);
    cleanups.push(restoreEnv);

    const tableCreated = await createTableFromTemplate(options.template, tableName, dynamoEndpoint);

    const sfn = new LocalStepFunctions({
      template: options.template,
      stateMachines: runtime.stateMachines,
      loadHandler,
      log,
      ...(options.retryIntervalMs === undefined ? {} : { retryIntervalMs: options.retryIntervalMs }),
      ...(options.waitTimeOverrides === undefined ? {} : { waitTimeOverrides: options.waitTimeOverrides }),
      ...(options.executionsFile === undefined ? {} : { persistFile: options.executionsFile }),
    });
    for (const warning of sfn.warnings) log(`warning: ${warning}`);
    const sfnEndpoint = await sfn.listen(sfnPort, portEnvVars.sfn);
    cleanups.push(() => sfn.stop());

    const [api] = resourcesOfType(options.template, 'AWS::ApiGatewayV2::Api');
    const templateCors = options.cors ?? corsFromTemplate(api?.[1].Properties);
    // The example forms' origin is known before the gateway starts, so CORS can allow it from the start.
    const examplesPort =
      options.examples === undefined ? undefined : options.examples.port || (await freePort());
    const consolePort =
      options.console === undefined ? undefined : options.console.port || (await freePort());
    const consoleOrigins = consolePort === undefined ? [] : [consoleOrigin(consolePort)];
    let cors =
      examplesPort === undefined
        ? templateCors
        : allowExamplesOrigin(templateCors, examplesOrigin(examplesPort));
    for (const origin of consoleOrigins) cors = allowExamplesOrigin(cors, origin);
    const issuer = await createLocalIssuer({
      issuer: localIssuerUrl(`http://127.0.0.1:${apiPort}`),
      key:
        options.issuerKeyDir === undefined
          ? await generateSigningKey()
          : await loadOrCreateSigningKey(options.issuerKeyDir),
      consoleOrigins: [...consoleOrigins, ...(options.consoleOrigins ?? [])],
      ...(options.issuerKeyDir === undefined ? {} : { coordinatorsDir: options.issuerKeyDir }),
    });
    if (options.issuerKeyDir !== undefined) writeIssuerInfo(options.issuerKeyDir, issuer);
    const gateway: LocalGateway = await startGateway({
      routes,
      loadHandler,
      port: apiPort,
      portEnvVar: portEnvVars.api,
      log,
      authorizeCoordinator: issuer.authorize,
      mounts: [{ path: issuer.path, handle: issuer.handle, label: issuer.label }],
      ...(cors === undefined ? {} : { cors }),
    });
    cleanups.push(() => gateway.stop());

    let examplesUrl: string | undefined;
    if (examplesPort !== undefined) {
      const examples = await startExamples({
        port: examplesPort,
        apiUrl: gateway.url,
        networkId: DEMO_NETWORK.id,
      });
      cleanups.push(() => examples.stop());
      examplesUrl = examples.url;
    }

    let consoleUrl: string | undefined;
    if (options.console !== undefined && consolePort !== undefined) {
      const served: LocalConsole = await startConsole({
        port: consolePort,
        dir: options.console.dir,
        settings: { apiUrl: gateway.url, authority: issuer.issuer, clientId: issuer.audience },
      });
      cleanups.push(() => served.stop());
      consoleUrl = served.url;
    }

    if (options.seedDemo) {
      const { createNetworkIfMissing } = await import('../../shared/store/networks.ts');
      await createNetworkIfMissing(DEMO_NETWORK);
    }
    if (options.seedTemplate ?? true) {
      const seeds = await runTemplateSeeds(options.template, { tableName }, dynamoEndpoint);
      for (const warning of seeds.warnings) log(`warning: ${warning}`);
    }
    // Last: a resumed task may run at once, and it needs the table, the inbox and the API's URL.
    const resumedExecutions = await sfn.resumePersisted();

    return {
      apiUrl: gateway.url,
      sesUrl,
      dynamoEndpoint,
      dynamoDataDir,
      sfnEndpoint,
      tableName,
      tableCreated,
      sfn,
      resumedExecutions,
      env: runtime.env,
      issuer,
      stateMachines: Object.fromEntries(runtime.stateMachines.map((m) => [m.logicalId, m.arn])),
      examplesUrl,
      consoleUrl,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
