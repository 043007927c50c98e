/**
 * `npm start`: the stack from `cdk synth`, running on this machine. Data stays in .local/dynamodb
 * between runs; Ctrl-C stops everything, DynamoDB Local's Java process included.
 */
import { join, resolve } from 'node:path';
import { buildConsole, DEFAULT_CONSOLE_PORT } from './console.ts';
import { DEFAULT_EXAMPLES_PORT } from './examples.ts';
import { registerCoordinator } from './issuer.ts';
import { moduleLoader, repoRoot } from './lambda.ts';
import { LocalSetupError } from './ports.ts';
import { startLocalSchedules } from './schedules.ts';
import { DEFAULT_PORTS, DEMO_NETWORK, type LocalStack, startLocalStack } from './stack.ts';
import { cachedTemplate } from './template-cache.ts';

/** Variables a developer may set for `npm start`, e.g. to see the reminder after a minute. */
const PASSED_THROUGH = [
  'REGISTRATION_REMINDER_AFTER_SECONDS',
  'REGISTRATION_EXPIRE_AFTER_SECONDS',
  'OFFER_HOURS',
  'SENDER_ADDRESS',
  'POWERTOOLS_LOG_LEVEL',
  // Seconds before a half-sent email's claim may be taken over (shared/store/outbox.ts; default 60).
  'OUTBOX_LEASE_SECONDS',
] as const;

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new LocalSetupError(`${name} must be a port number, got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const started = performance.now();
  // See runtime.ts: set before the first SDK client of this process exists.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // SAMLA_LOCAL_DIR: another home for the data, the executions file and the issuer's key (the restart
  // test runs npm start on a temporary one). SES_URL: an inbox that is already running, which then
  // outlives this process and keeps what it received across a restart.
  const localDir = resolve(process.env.SAMLA_LOCAL_DIR || join(repoRoot, '.local'));
  const sesUrl = process.env.SES_URL || undefined;
  const dataDir = join(localDir, 'dynamodb');
  const ports = {
    api: portFromEnv('PORT', DEFAULT_PORTS.api),
    ses: portFromEnv('SES_PORT', DEFAULT_PORTS.ses),
    dynamodb: portFromEnv('DYNAMODB_PORT', DEFAULT_PORTS.dynamodb),
    sfn: portFromEnv('SFN_PORT', DEFAULT_PORTS.sfn),
  };
  const overrides: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined && value !== '') overrides[name] = value;
  }

  const { template, fromCache } = await cachedTemplate(async () =>
    (await import('../synth.ts')).synthTemplate(),
  );
  const synthMs = performance.now() - started;

  let stack: LocalStack | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: stop waiting. The exit handler still kills DynamoDB Local.
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const executionsFile = join(localDir, 'stepfunctions', 'executions.json');
  // The console is built on every start (about a second), so it is never older than its source.
  const consoleDir = join(localDir, 'console');
  await buildConsole(consoleDir);
  stack = await startLocalStack({
    template,
    ports,
    dynamodb: { dataDir },
    ...(sesUrl === undefined ? {} : { ses: { url: sesUrl.replace(/\/+$/, '') } }),
    seedDemo: true,
    env: overrides,
    executionsFile,
    issuerKeyDir: join(localDir, 'issuer'),
    // The website forms of examples/, on their own origin, which CORS allows locally.
    examples: { port: portFromEnv('EXAMPLES_PORT', DEFAULT_EXAMPLES_PORT) },
    console: { port: portFromEnv('CONSOLE_PORT', DEFAULT_CONSOLE_PORT), dir: consoleDir },
  });
  if (stopping) return;
  // The template's EventBridge schedules (the hourly digest tick, the nightly retention sweep).
  startLocalSchedules(template, moduleLoader());
  // The demo network's coordinator, as `npm run coordinator -- add` would register them.
  for (const email of DEMO_NETWORK.coordinators)
    registerCoordinator(join(localDir, 'issuer'), {
      email,
      networks: [DEMO_NETWORK.id],
      admin: false,
    });

  const readyMs = performance.now() - started;
  const machines = Object.entries(stack.stateMachines);
  const curl = [
    `curl -i -X POST ${stack.apiUrl}/v1/networks/${DEMO_NETWORK.id}/interest`,
    `  -H 'content-type: application/json'`,
    `  -d '{"name":"Anna Lindqvist","email":"anna@skola.se","organisation":"Ekskolan","role":"Rektor","topics":["Skolans ekonomi"],"consent":true}'`,
  ].join(' \\\n');
  const lines = [
    '',
    `samla is running locally (ready in ${(readyMs / 1000).toFixed(1)} s; template ${fromCache ? 'from cache' : `synthesized in ${(synthMs / 1000).toFixed(1)} s`})`,
    '',
    `  Console          ${stack.consoleUrl}   sign in as ${DEMO_NETWORK.coordinators[0]} (more: npm run coordinator -- add --local --email … --network …)`,
    `  API              ${stack.apiUrl}   (routes: shared/http/routes.ts; ${stack.apiUrl}/v1/openapi.json)`,
    `  Inbox            ${stack.sesUrl}/   (JSON: ${stack.sesUrl}/store)`,
    `  DynamoDB Local   ${stack.dynamoEndpoint}   table ${stack.tableName}, data in ${stack.dynamoDataDir}`,
    `  Step Functions   ${stack.sfnEndpoint}   ${machines.length === 0 ? 'no state machines' : machines.map(([id]) => id).join(', ')}`,
    `  Demo network     ${DEMO_NETWORK.id}`,
    `  Website forms    ${stack.examplesUrl}/examples/   (examples/README.md; EXAMPLES_PORT overrides)`,
    `  Admin API token  TOKEN=$(npm run -s token -- --email ${DEMO_NETWORK.coordinators[0]} --network ${DEMO_NETWORK.id})   then -H "authorization: Bearer $TOKEN" (--admin to create networks)`,
    '',
    'Try it:',
    curl,
    '',
    `Then open ${stack.sesUrl}/ and follow the confirmation link. Ctrl-C stops everything.`,
    '',
    'The coordinators’ digest runs on its schedule (hourly tick; each network’s own day and hour). Send one now:',
    `  curl -X POST ${stack.apiUrl}/v1/admin/networks/${DEMO_NETWORK.id}/digest -H "authorization: Bearer $TOKEN"`,
  ];
  if (stack.resumedExecutions > 0) {
    lines.push(
      `Resumed ${stack.resumedExecutions} workflow execution(s) from the previous run, each in the state it was in (${executionsFile}).`,
    );
  }
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof LocalSetupError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
