/**
 * The SDK floor of a function: the smallest handler that uses the same AWS SDK clients and commands, and
 * so what any implementation of it must at least bundle and load. Which ones a function uses is read
 * from its esbuild metafile: the command modules that made it into the bundle (the SDK ships one module
 * per command in dist-es, so tree-shaking leaves exactly those the code can reach).
 */

export interface SdkUse {
  /** Document-client commands (lib-dynamodb), e.g. GetCommand. */
  readonly document: readonly string[];
  /** Commands by client package, e.g. { 'client-ses': ['SendRawEmailCommand'] }. */
  readonly commands: Readonly<Record<string, readonly string[]>>;
  /** Client packages whose client the bundle constructs although no command of theirs is in it. */
  readonly unusedClients: readonly string[];
}

const CLIENT_CLASS: Record<string, string> = {
  'client-dynamodb': 'DynamoDBClient',
  'client-ses': 'SESClient',
  'client-sfn': 'SFNClient',
};

/** What the low-level command a document command wraps is called, so it is not counted twice. */
const DOCUMENT_BASE: Record<string, string> = {
  GetCommand: 'GetItemCommand',
  PutCommand: 'PutItemCommand',
  UpdateCommand: 'UpdateItemCommand',
  DeleteCommand: 'DeleteItemCommand',
  QueryCommand: 'QueryCommand',
  ScanCommand: 'ScanCommand',
  TransactWriteCommand: 'TransactWriteItemsCommand',
  TransactGetCommand: 'TransactGetItemsCommand',
  BatchGetCommand: 'BatchGetItemCommand',
  BatchWriteCommand: 'BatchWriteItemCommand',
  ExecuteStatementCommand: 'ExecuteStatementCommand',
  ExecuteTransactionCommand: 'ExecuteTransactionCommand',
  BatchExecuteStatementCommand: 'BatchExecuteStatementCommand',
};

/** The client's own housekeeping, not a call the function makes. */
const INTERNAL = new Set(['DescribeEndpointsCommand']);

/** `inputs`: the metafile output's inputs (path → bytes in the bundle). */
export function sdkUse(inputs: Readonly<Record<string, { bytesInOutput: number }>>): SdkUse {
  const document = new Set<string>();
  const commands = new Map<string, Set<string>>();
  const clients = new Set<string>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) continue;
    const doc = /node_modules\/@aws-sdk\/lib-dynamodb\/dist-es\/commands\/(\w+Command)\.js$/.exec(path);
    if (doc?.[1]) document.add(doc[1]);
    const command = /node_modules\/@aws-sdk\/(client-[\w-]+)\/dist-es\/commands\/(\w+Command)\.js$/.exec(
      path,
    );
    if (command?.[1] && command[2] && !INTERNAL.has(command[2])) {
      const set = commands.get(command[1]) ?? new Set<string>();
      set.add(command[2]);
      commands.set(command[1], set);
    }
    const client = /node_modules\/@aws-sdk\/(client-[\w-]+)\/dist-es\/\w+Client\.js$/.exec(path);
    if (client?.[1]) clients.add(client[1]);
  }
  const wrapped = new Set([...document].map((name) => DOCUMENT_BASE[name]));
  const dynamo = [...(commands.get('client-dynamodb') ?? [])].filter((name) => !wrapped.has(name));
  if (dynamo.length > 0) commands.set('client-dynamodb', new Set(dynamo));
  else commands.delete('client-dynamodb');
  const used = new Set([...commands.keys(), ...(document.size > 0 ? ['client-dynamodb'] : [])]);
  return {
    document: [...document].sort(),
    commands: Object.fromEntries(
      [...commands.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]),
    ),
    unusedClients: [...clients].filter((client) => !used.has(client)).sort(),
  };
}

/** A short label, e.g. "ddb(Get,Put) sfn(StartExecution)"; "none" for a function without the SDK. */
export function floorLabel(use: SdkUse): string {
  const short = (names: readonly string[]) => names.map((n) => n.replace(/Command$/, '')).join(',');
  const parts: string[] = [];
  if (use.document.length > 0) parts.push(`ddb(${short(use.document)})`);
  for (const [client, names] of Object.entries(use.commands))
    parts.push(`${client.replace('client-', '').replace('dynamodb', 'ddb-low')}(${short(names)})`);
  return parts.length > 0 ? parts.join(' ') : 'none';
}

/** A plausible input for each command: its shape does not change size or load time, only its class does. */
function inputFor(command: string): string {
  const key = '{ pk: "x", sk: "x" }';
  const table = 'process.env.TABLE_NAME';
  const inputs: Record<string, string> = {
    GetCommand: `{ TableName: ${table}, Key: ${key} }`,
    PutCommand: `{ TableName: ${table}, Item: { ...${key}, at: Date.now() } }`,
    UpdateCommand: `{ TableName: ${table}, Key: ${key}, UpdateExpression: "SET a = :a", ExpressionAttributeValues: { ":a": 1 } }`,
    DeleteCommand: `{ TableName: ${table}, Key: ${key} }`,
    QueryCommand: `{ TableName: ${table}, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": "x" } }`,
    ScanCommand: `{ TableName: ${table}, Limit: 1 }`,
    TransactWriteCommand: `{ TransactItems: [{ Put: { TableName: ${table}, Item: ${key} } }] }`,
    TransactGetCommand: `{ TransactItems: [{ Get: { TableName: ${table}, Key: ${key} } }] }`,
    BatchGetCommand: `{ RequestItems: { [${table}]: { Keys: [${key}] } } }`,
    BatchWriteCommand: `{ RequestItems: { [${table}]: [{ PutRequest: { Item: ${key} } }] } }`,
    SendRawEmailCommand:
      '{ RawMessage: { Data: new TextEncoder().encode("x") }, Destinations: ["x@example.org"] }',
    SendEmailCommand:
      '{ Source: "x@example.org", Destination: { ToAddresses: ["x@example.org"] }, Message: { Subject: { Data: "x" }, Body: { Text: { Data: "x" } } } }',
    StartExecutionCommand: '{ stateMachineArn: process.env.STATE_MACHINE_ARN, input: "{}" }',
  };
  return inputs[command] ?? '{}';
}

/**
 * The floor handler's source: the clients constructed once at module scope, as samla's shared/clients do,
 * and each command constructed and sent in the handler. With no SDK use, an empty handler.
 */
export function floorSource(use: SdkUse): string {
  const lines: string[] = [];
  const calls: string[] = [];
  const lowDynamo = use.commands['client-dynamodb'] ?? [];
  if (use.document.length > 0 || lowDynamo.length > 0) {
    lines.push(
      `import { DynamoDBClient${lowDynamo.map((c) => `, ${c}`).join('')} } from '@aws-sdk/client-dynamodb';`,
    );
    lines.push('const dynamoDb = new DynamoDBClient({});');
    for (const command of lowDynamo) calls.push(`await dynamoDb.send(new ${command}(${inputFor(command)}));`);
  }
  if (use.document.length > 0) {
    lines.push(`import { DynamoDBDocumentClient, ${use.document.join(', ')} } from '@aws-sdk/lib-dynamodb';`);
    lines.push(
      'const dynamo = DynamoDBDocumentClient.from(dynamoDb, { marshallOptions: { removeUndefinedValues: true } });',
    );
    for (const command of use.document)
      calls.push(`await dynamo.send(new ${command}(${inputFor(command)}));`);
  }
  for (const [client, names] of Object.entries(use.commands)) {
    if (client === 'client-dynamodb') continue;
    const className = CLIENT_CLASS[client] ?? `${client.replace('client-', '').toUpperCase()}Client`;
    const variable = client.replace('client-', '').replace(/\W/g, '_');
    lines.push(`import { ${className}, ${names.join(', ')} } from '@aws-sdk/${client}';`);
    lines.push(`const ${variable} = new ${className}({});`);
    for (const command of names) calls.push(`await ${variable}.send(new ${command}(${inputFor(command)}));`);
  }
  lines.push('export const handler = async () => {');
  for (const call of calls) lines.push(`  ${call}`);
  lines.push('  return { statusCode: 200, body: "" };', '};');
  return `${lines.join('\n')}\n`;
}

/** Floors are shared by functions with the same SDK use; this is their identity. */
export const floorKey = (use: SdkUse) => JSON.stringify({ d: use.document, c: use.commands });
