import { BatchWriteCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';

/**
 * What a stored item says about its record: the item without its keys, index keys, type and TTL, so
 * table internals never reach the domain (or an API answer).
 */
export function recordOf(item: Record<string, unknown>): Record<string, unknown> {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g2,
    gsi2pk: _p1,
    gsi2sk: _p2,
    type: _t,
    expiresAt: _e,
    ...record
  } = item;
  return record;
}

/**
 * A stored record as its type, once it has the fields every record of that type has: an item that is
 * not one (a wrong key, an item edited by hand) fails here, by name, instead of as an undefined field
 * further on. Not a full validation: only these modules write the table, from the same types.
 */
export function readRecord<T extends object>(
  record: Record<string, unknown>,
  what: string,
  required: readonly (keyof T & string)[],
): T {
  if (hasFields<T>(record, required)) return record;
  const missing = required.filter((field) => record[field] === undefined);
  throw new Error(`a stored ${what} without ${missing.join(', ')}`);
}

function hasFields<T extends object>(
  record: Record<string, unknown>,
  required: readonly (keyof T & string)[],
): record is Record<string, unknown> & T {
  return required.every((field) => record[field] !== undefined);
}

/** Every page of a Query (an access pattern on keys: never a Scan). */
export async function queryAll(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The items split into runs of at most `size` (a batch request's limit). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The wait before sending again what DynamoDB left unprocessed: exponential, as its documentation asks. */
export const batchBackoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 50 * 2 ** Math.min(attempt, 6)));

export type WriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/**
 * Puts and deletes in BatchWriteItems of 25, sending again whatever DynamoDB leaves unprocessed
 * (throttling) after a backoff; after ten tries it throws, so nothing is left undone without an error.
 * No conditions: a batch takes none.
 */
export async function writeInBatches(requests: readonly WriteRequest[], what: string): Promise<void> {
  for (const chunk of chunks(requests, 25)) {
    let pending: readonly WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 9) throw new Error(`DynamoDB kept ${what} unprocessed`);
      if (attempt > 0) await batchBackoff(attempt);
      const { UnprocessedItems } = await dynamo.send(
        new BatchWriteCommand({ RequestItems: { [env.tableName()]: [...pending] } }),
      );
      pending = (UnprocessedItems?.[env.tableName()] ?? []) as WriteRequest[];
    }
  }
}
