/**
 * Counts what a piece of work costs in AWS: every DynamoDB request the real client sends (billed by
 * billing.ts from the items it touched), emails sent, workflow executions started, Lambda invocations
 * and API requests. The DynamoDB part is a middleware on the shared client, added by the bench only, so
 * the handlers run unchanged.
 *
 * Billing needs the items as they were before and after a write (the larger one is billed, and index
 * entries depend on both), which a request does not carry: the meter reads them with a client of its
 * own, unmetered, around each write. That doubles the requests, so the meter is for capacity runs, never
 * for timing.
 */
import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  type ScanCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../../infra/local/dynamodb.ts';
import {
  type IndexDef,
  type Item,
  type ItemWrite,
  itemSize,
  itemWrite,
  queryUnits,
  type ReadMode,
  readUnits,
  type TableDef,
} from './billing.ts';

export function tableDefFrom(definition: TableDefinition): TableDef {
  const key = (schema: { AttributeName?: string; KeyType?: string }[] | undefined, type: string) =>
    schema?.find((k) => k.KeyType === type)?.AttributeName;
  const partitionKey = key(definition.keySchema, 'HASH') ?? 'pk';
  const sortKey = key(definition.keySchema, 'RANGE');
  return {
    partitionKey,
    ...(sortKey === undefined ? {} : { sortKey }),
    indexes: definition.globalSecondaryIndexes.map((gsi): IndexDef => {
      const indexSort = key(gsi.KeySchema, 'RANGE');
      const type = gsi.Projection?.ProjectionType ?? 'ALL';
      return {
        name: gsi.IndexName ?? '?',
        partitionKey: key(gsi.KeySchema, 'HASH') ?? '?',
        ...(indexSort === undefined ? {} : { sortKey: indexSort }),
        projection:
          type === 'INCLUDE'
            ? { include: gsi.Projection?.NonKeyAttributes ?? [] }
            : (type as 'ALL' | 'KEYS_ONLY'),
      };
    }),
  };
}

export interface DynamoOp {
  readonly command: string;
  /** Write request units by AWS's rules (table and indexes). */
  readonly wru: number;
  /** The table's part of `wru`; the rest is index writes. */
  readonly tableWru: number;
  /** Read request units by AWS's rules. */
  readonly rru: number;
  readonly items: number;
  /** Bytes of the largest item touched. */
  readonly maxItemBytes: number;
  /** Index writes, e.g. "gsi1 put". */
  readonly indexWrites: string[];
  readonly failed: boolean;
  /** DynamoDB Local's own ConsumedCapacity, asked for on single-item requests only, to cross-check. */
  readonly localUnits?: number;
}

export interface Usage {
  dynamo: DynamoOp[];
  emails: number;
  emailBytes: number;
  executions: number;
  /** Invocations by function name, with their milliseconds. */
  lambdas: { fn: string; ms: number }[];
  apiRequests: number;
  logBytes: number;
}

type Args = { input: object };
type Result = { output: object };
type Next = (args: Args) => Promise<Result>;
interface StackLike {
  add(
    middleware: (next: Next, context: { commandName?: string }) => (args: Args) => Promise<Result>,
    options: { step: 'initialize' | 'serialize' | 'build'; name: string; priority: 'high' },
  ): void;
  remove(name: string): boolean;
}

const NAME = 'samlaBenchMeter';

/** Requests whose ConsumedCapacity DynamoDB Local gets right enough to cross-check. */
const SINGLE = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem']);

interface Touched {
  readonly key: Item;
  readonly transactional: boolean;
}

const keyOf = (table: TableDef, item: Item): Item => {
  const key: Item = {};
  for (const name of [table.partitionKey, table.sortKey]) {
    const value = name === undefined ? undefined : item[name];
    if (name !== undefined && value !== undefined) key[name] = value;
  }
  return key;
};

/** The items a write request touches, in request order. */
function writeTargets(table: TableDef, command: string, input: Record<string, unknown>): Touched[] {
  if (command === 'PutItem') return [{ key: keyOf(table, input.Item as Item), transactional: false }];
  if (command === 'UpdateItem' || command === 'DeleteItem')
    return [{ key: input.Key as Item, transactional: false }];
  if (command === 'TransactWriteItems') {
    return (input.TransactItems as Record<string, { Key?: Item; Item?: Item }>[]).map((part) => {
      const action = part.Put ?? part.Update ?? part.Delete ?? part.ConditionCheck;
      return { key: action?.Key ?? keyOf(table, action?.Item ?? {}), transactional: true };
    });
  }
  if (command === 'BatchWriteItem') {
    const requests = Object.values(
      input.RequestItems as Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>,
    ).flat();
    return requests.map((r) => ({
      key: r.DeleteRequest?.Key ?? keyOf(table, r.PutRequest?.Item ?? {}),
      transactional: false,
    }));
  }
  return [];
}

/** Only the names and values a key condition uses: DynamoDB refuses unused ones. */
function keyConditionOnly(input: QueryCommandInput | ScanCommandInput): QueryCommandInput | ScanCommandInput {
  const condition = 'KeyConditionExpression' in input ? (input.KeyConditionExpression ?? '') : '';
  const used = (prefix: string, map: Record<string, unknown> | undefined) => {
    const names = new Set(condition.match(new RegExp(`${prefix}[A-Za-z0-9_]+`, 'g')) ?? []);
    const kept = Object.entries(map ?? {}).filter(([name]) => names.has(name));
    return kept.length > 0 ? Object.fromEntries(kept) : undefined;
  };
  return {
    TableName: input.TableName,
    IndexName: input.IndexName,
    ...(condition === '' ? {} : { KeyConditionExpression: condition }),
    ExpressionAttributeNames: used('#', input.ExpressionAttributeNames) as Record<string, string> | undefined,
    ExpressionAttributeValues: used(':', input.ExpressionAttributeValues) as
      | Record<string, AttributeValue>
      | undefined,
    ExclusiveStartKey: input.ExclusiveStartKey,
    Limit: input.Limit,
    ConsistentRead: input.ConsistentRead,
    ...('ScanIndexForward' in input ? { ScanIndexForward: input.ScanIndexForward } : {}),
  };
}

export class Meter {
  private window: Usage | undefined;
  private readonly installed: StackLike[] = [];

  constructor(
    private readonly table: TableDef,
    private readonly raw: DynamoDBClient,
  ) {}

  private async image(tableName: string, key: Item): Promise<Item | undefined> {
    const { Item } = await this.raw.send(
      new GetItemCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  /** Adds the counting middleware to the shared SDK clients (only while a window is open does it count). */
  install(clients: { dynamo: unknown; ses: unknown; sfn: unknown }): void {
    const stack = (client: unknown) => (client as { middlewareStack: StackLike }).middlewareStack;
    const dynamo = stack(clients.dynamo);
    // Asked for before the document client marshals and serializes the request; read after.
    dynamo.add(
      (next, context) => (args) =>
        next(
          this.window && SINGLE.has((context.commandName ?? '').replace(/Command$/, ''))
            ? { ...args, input: { ...args.input, ReturnConsumedCapacity: 'TOTAL' } }
            : args,
        ),
      { step: 'initialize', name: `${NAME}Capacity`, priority: 'high' },
    );
    // The build step sees the input as DynamoDB receives it (attribute values), the document client's
    // marshalling done: the serialize step comes too early for that.
    dynamo.add((next, context) => (args) => this.dynamoCall(next, context.commandName ?? '', args), {
      step: 'build',
      name: NAME,
      priority: 'high',
    });
    const ses = stack(clients.ses);
    ses.add(
      (next) => async (args) => {
        const window = this.window;
        const data = (args.input as { RawMessage?: { Data?: Uint8Array } }).RawMessage?.Data;
        const result = await next(args);
        if (window) {
          window.emails += 1;
          window.emailBytes += data?.byteLength ?? 0;
        }
        return result;
      },
      { step: 'serialize', name: NAME, priority: 'high' },
    );
    const sfn = stack(clients.sfn);
    sfn.add(
      (next, context) => async (args) => {
        const window = this.window;
        const result = await next(args);
        if (window && context.commandName === 'StartExecutionCommand') window.executions += 1;
        return result;
      },
      { step: 'serialize', name: NAME, priority: 'high' },
    );
    this.installed.push(dynamo, ses, sfn);
  }

  uninstall(): void {
    for (const stack of this.installed.splice(0)) {
      stack.remove(NAME);
      stack.remove(`${NAME}Capacity`);
    }
  }

  begin(): void {
    this.window = {
      dynamo: [],
      emails: 0,
      emailBytes: 0,
      executions: 0,
      lambdas: [],
      apiRequests: 0,
      logBytes: 0,
    };
  }

  end(): Usage {
    const usage = this.window;
    this.window = undefined;
    if (usage === undefined) throw new Error('meter: end() without begin()');
    return usage;
  }

  get active(): boolean {
    return this.window !== undefined;
  }

  lambda(fn: string, ms: number): void {
    this.window?.lambdas.push({ fn, ms });
  }

  apiRequest(): void {
    if (this.window) this.window.apiRequests += 1;
  }

  log(bytes: number): void {
    if (this.window) this.window.logBytes += bytes;
  }

  private async dynamoCall(next: Next, commandName: string, args: Args): Promise<Result> {
    const window = this.window;
    if (!window) return next(args);
    const record = (op: DynamoOp) => window.dynamo.push(op);
    const command = commandName.replace(/Command$/, '');
    const input = args.input as Record<string, unknown>;
    const tableName = String(input.TableName ?? '');
    const targets = writeTargets(this.table, command, input);
    const tableOf = (i: number): string => {
      if (command === 'TransactWriteItems') {
        const part = (input.TransactItems as Record<string, { TableName?: string }>[])[i] ?? {};
        return (part.Put ?? part.Update ?? part.Delete ?? part.ConditionCheck)?.TableName ?? '';
      }
      if (command === 'BatchWriteItem') return Object.keys(input.RequestItems as object)[0] ?? '';
      return tableName;
    };
    const before = await Promise.all(targets.map((t, i) => this.image(tableOf(i), t.key)));

    let result: Result | undefined;
    let failure: unknown;
    try {
      result = await next(args);
    } catch (error) {
      failure = error;
    }
    const output = (result?.output ?? {}) as Record<string, unknown>;
    const localUnits = (output.ConsumedCapacity as { CapacityUnits?: number } | undefined)?.CapacityUnits;
    const failed = failure !== undefined;

    if (targets.length > 0) {
      const after = await Promise.all(targets.map((t, i) => this.image(tableOf(i), t.key)));
      const writes: ItemWrite[] = targets.map((t, i) =>
        // A write whose condition failed (or a cancelled transaction) is still billed, for the item as it is.
        failed
          ? itemWrite(this.table, before[i], before[i], t.transactional)
          : itemWrite(this.table, before[i], after[i], t.transactional),
      );
      record({
        command,
        wru: writes.reduce((sum, w) => sum + w.total, 0),
        tableWru: writes.reduce((sum, w) => sum + w.units, 0),
        rru: 0,
        items: writes.length,
        maxItemBytes: Math.max(0, ...writes.map((w) => w.bytes)),
        indexWrites: writes.flatMap((w) => w.indexes.map((x) => `${x.index} ${x.kind} ${x.units}`)),
        failed,
        ...(localUnits === undefined ? {} : { localUnits }),
      });
    } else {
      const read = await this.readOp(command, input, failed, localUnits);
      if (read) record(read);
    }
    if (failed) throw failure;
    return result as Result;
  }

  private async readOp(
    command: string,
    input: Record<string, unknown>,
    failed: boolean,
    localUnits: number | undefined,
  ): Promise<DynamoOp | undefined> {
    const tableName = String(input.TableName ?? '');
    const mode: ReadMode = input.ConsistentRead === true ? 'strong' : 'eventual';
    let sizes: number[] = [];
    let rru = 0;
    if (command === 'GetItem') {
      // Billed by the whole item, whatever a projection returns.
      const full = await this.image(tableName, input.Key as Item);
      sizes = [itemSize(full)];
      rru = readUnits(sizes[0] ?? 0, mode);
    } else if (command === 'BatchGetItem' || command === 'TransactGetItems') {
      const gets =
        command === 'BatchGetItem'
          ? Object.entries(
              input.RequestItems as Record<string, { Keys: Item[]; ConsistentRead?: boolean }>,
            ).flatMap(([table, request]) =>
              request.Keys.map((key) => ({ table, key, strong: request.ConsistentRead })),
            )
          : (input.TransactItems as { Get: { TableName: string; Key: Item } }[]).map((t) => ({
              table: t.Get.TableName,
              key: t.Get.Key,
              strong: true,
            }));
      for (const get of gets) {
        const size = itemSize(await this.image(get.table, get.key));
        sizes.push(size);
        rru += readUnits(
          size,
          command === 'TransactGetItems' ? 'transactional' : get.strong ? 'strong' : 'eventual',
        );
      }
    } else if (command === 'Query' || command === 'Scan') {
      // Billed by every item read before a filter or projection: read the same page again without them.
      const again = keyConditionOnly(input as unknown as QueryCommandInput);
      const page =
        command === 'Query'
          ? await this.raw.send(new QueryCommand(again as QueryCommandInput))
          : await this.raw.send(new ScanCommand(again as ScanCommandInput));
      sizes = (page.Items ?? []).map((item) => itemSize(item));
      rru = queryUnits(sizes, mode === 'strong' ? 'strong' : 'eventual');
    } else return undefined;
    return {
      command,
      wru: 0,
      tableWru: 0,
      rru,
      items: sizes.filter((size) => size > 0).length,
      maxItemBytes: Math.max(0, ...sizes),
      indexWrites: [],
      failed,
      ...(localUnits === undefined ? {} : { localUnits }),
    };
  }
}

export function total(usage: Usage): { wru: number; rru: number } {
  return {
    wru: usage.dynamo.reduce((sum, op) => sum + op.wru, 0),
    rru: usage.dynamo.reduce((sum, op) => sum + op.rru, 0),
  };
}
