/**
 * DynamoDB on-demand billing as AWS states it, from item sizes alone, so the bench can count what a
 * request costs without trusting DynamoDB Local (whose ConsumedCapacity halves transactions).
 *
 * - Item size: the UTF-8 length of every attribute name plus its value's size (CapacityUnitCalculations in
 *   the DynamoDB developer guide); a List or Map adds 3 bytes, and 1 byte per element.
 * - A write is 1 write request unit per started KB of the larger of the item before and after; in a
 *   transaction 2 per KB. A read is 1 read request unit per started 4 KB (strongly consistent), half of
 *   that eventually consistent, 2 in a transaction. A Query or Scan adds up the sizes of every item it
 *   reads (before any filter) and rounds the total once.
 * - Every global secondary index that the item is in before or after is written too, with the size of the
 *   index entry (its projection): an entry that appears is a put, one that goes is a delete, a changed
 *   index key is a delete and a put, a changed projected attribute is an update.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** DynamoDB stores a number in about one byte per two significant digits, plus one. */
export function numberSize(text: string): number {
  const mantissa = (text.trim().replace(/^[+-]/, '').split(/e/i)[0] ?? '').replace('.', '');
  const significant = mantissa.replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(significant.length, 1) / 2) + 1;
}

function binarySize(value: Uint8Array | string): number {
  return typeof value === 'string' ? Buffer.from(value, 'base64').length : value.byteLength;
}

export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return binarySize(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + binarySize(b), 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + 1 + valueSize(element), 0);
  if (value.M !== undefined)
    return 3 + Object.entries(value.M).reduce((sum, [name, v]) => sum + 1 + utf8(name) + valueSize(v), 0);
  throw new Error(`Unknown attribute value type: ${Object.keys(value).join(',')}`);
}

export function itemSize(item: Item | undefined): number {
  if (item === undefined) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

const KB = 1024;

/** Write request units of one item write: at least one, even for an item that was not there. */
export function writeUnits(bytes: number, transactional = false): number {
  return Math.max(1, Math.ceil(bytes / KB)) * (transactional ? 2 : 1);
}

export type ReadMode = 'eventual' | 'strong' | 'transactional';

const readFactor: Record<ReadMode, number> = { eventual: 0.5, strong: 1, transactional: 2 };

/** Read request units of reading `bytes` in one go (a GetItem, or a whole Query page). */
export function readUnits(bytes: number, mode: ReadMode): number {
  return Math.max(1, Math.ceil(bytes / (4 * KB))) * readFactor[mode];
}

/** A Query or Scan page: the sizes of the items read are added up first, then rounded once. */
export function queryUnits(itemSizes: readonly number[], mode: Exclude<ReadMode, 'transactional'>): number {
  return readUnits(
    itemSizes.reduce((sum, size) => sum + size, 0),
    mode,
  );
}

export interface IndexDef {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly projection: 'ALL' | 'KEYS_ONLY' | { include: readonly string[] };
}

export interface TableDef {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly IndexDef[];
}

function indexKeys(index: IndexDef): string[] {
  return index.sortKey === undefined ? [index.partitionKey] : [index.partitionKey, index.sortKey];
}

function tableKeys(table: TableDef): string[] {
  return table.sortKey === undefined ? [table.partitionKey] : [table.partitionKey, table.sortKey];
}

/** The index entry of an item, or undefined when the item lacks one of the index's key attributes. */
export function indexEntry(table: TableDef, index: IndexDef, item: Item | undefined): Item | undefined {
  if (item === undefined || indexKeys(index).some((key) => item[key] === undefined)) return undefined;
  if (index.projection === 'ALL') return item;
  const names = new Set([
    ...tableKeys(table),
    ...indexKeys(index),
    ...(index.projection === 'KEYS_ONLY' ? [] : index.projection.include),
  ]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => names.has(name)));
}

const same = (a: AttributeValue | undefined, b: AttributeValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

function sameItem(a: Item, b: Item): boolean {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].every((name) => same(a[name], b[name]));
}

export interface IndexWrite {
  readonly index: string;
  readonly kind: 'put' | 'delete' | 'update';
  readonly bytes: number;
  readonly units: number;
}

/**
 * The index writes one item change causes. AWS bills them as standard writes (1 unit per KB) even when the
 * table write is part of a transaction: the transaction's prepare and commit are on the table.
 */
export function indexWrites(
  table: TableDef,
  before: Item | undefined,
  after: Item | undefined,
): IndexWrite[] {
  const writes: IndexWrite[] = [];
  for (const index of table.indexes) {
    const old = indexEntry(table, index, before);
    const next = indexEntry(table, index, after);
    const write = (kind: IndexWrite['kind'], bytes: number) =>
      writes.push({ index: index.name, kind, bytes, units: writeUnits(bytes) });
    if (old === undefined && next === undefined) continue;
    if (old === undefined && next !== undefined) write('put', itemSize(next));
    else if (old !== undefined && next === undefined) write('delete', itemSize(old));
    else if (old !== undefined && next !== undefined) {
      const keyChanged = indexKeys(index).some((key) => !same(old[key], next[key]));
      if (keyChanged) {
        write('delete', itemSize(old));
        write('put', itemSize(next));
      } else if (!sameItem(old, next)) write('update', Math.max(itemSize(old), itemSize(next)));
    }
  }
  return writes;
}

export interface ItemWrite {
  /** The table write: the larger of the item before and after. */
  readonly bytes: number;
  readonly units: number;
  readonly indexes: IndexWrite[];
  /** Table and index units together. */
  readonly total: number;
}

/**
 * One item written (Put, Update, Delete, or a transaction's part of one), from its image before and after.
 * A ConditionCheck in a transaction is billed like a write of the item it checks: pass the same image twice.
 */
export function itemWrite(
  table: TableDef,
  before: Item | undefined,
  after: Item | undefined,
  transactional = false,
): ItemWrite {
  const bytes = Math.max(itemSize(before), itemSize(after));
  const units = writeUnits(bytes, transactional);
  const indexes = indexWrites(table, before, after);
  return { bytes, units, indexes, total: units + indexes.reduce((sum, w) => sum + w.units, 0) };
}
