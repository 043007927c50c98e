import { describe, expect, it } from 'vitest';
import {
  type Item,
  indexWrites,
  itemSize,
  itemWrite,
  numberSize,
  queryUnits,
  readUnits,
  type TableDef,
  valueSize,
  writeUnits,
} from './billing.ts';

const table: TableDef = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
};

/** An item of exactly `bytes` bytes: pk "p" (3 B), sk "s" (3 B) and a string attribute "d" filling the rest. */
function itemOf(bytes: number, extra: Item = {}): Item {
  const base: Item = { pk: { S: 'p' }, sk: { S: 's' }, ...extra };
  const fill = bytes - itemSize(base) - 1;
  if (fill < 0) throw new Error('too small');
  return { ...base, d: { S: 'x'.repeat(fill) } };
}

describe('item size by AWS’s rules', () => {
  it('adds attribute names (UTF-8) to value sizes', () => {
    expect(itemSize({ name: { S: 'Åsa' } })).toBe(4 + 4);
    expect(itemSize({ ok: { BOOL: true }, gone: { NULL: true } })).toBe(2 + 1 + 4 + 1);
    expect(itemSize({ b: { B: new Uint8Array(10) } })).toBe(1 + 10);
  });

  it('sizes numbers by their significant digits', () => {
    expect(numberSize('7')).toBe(2);
    expect(numberSize('1700000000')).toBe(2);
    expect(numberSize('123456')).toBe(4);
    expect(numberSize('-0.00125')).toBe(3);
    expect(numberSize('1.5e10')).toBe(2);
  });

  it('charges lists and maps 3 bytes plus 1 per element; sets are their elements', () => {
    expect(valueSize({ L: [] })).toBe(3);
    expect(valueSize({ L: [{ S: 'ab' }, { S: 'c' }] })).toBe(3 + (1 + 2) + (1 + 1));
    expect(valueSize({ M: { k: { S: 'v' } } })).toBe(3 + 1 + 1 + 1);
    expect(valueSize({ SS: ['ab', 'cde'] })).toBe(5);
  });

  it('builds test items of the size asked for', () => {
    expect(itemSize(itemOf(1025))).toBe(1025);
  });
});

describe('write request units', () => {
  it('bills a 1,024-byte item 1 unit and a 1,025-byte item 2', () => {
    expect(itemWrite(table, undefined, itemOf(1024)).total).toBe(1);
    expect(itemWrite(table, undefined, itemOf(1025)).total).toBe(2);
    expect(writeUnits(0)).toBe(1);
  });

  it('bills the larger of the item before and after', () => {
    expect(itemWrite(table, itemOf(3000), itemOf(100)).units).toBe(3);
    expect(itemWrite(table, itemOf(3000), undefined).units).toBe(3);
  });

  it('bills a transaction double: two 1 KB items are 4 units', () => {
    const parts = [itemOf(1024), itemOf(900)].map((after) => itemWrite(table, undefined, after, true));
    expect(parts.reduce((sum, part) => sum + part.total, 0)).toBe(4);
  });

  it('adds a put to every index the new item is projected into', () => {
    const item = itemOf(500, {
      gsi1pk: { S: 'A' },
      gsi1sk: { S: '1' },
      gsi2pk: { S: 'P' },
      gsi2sk: { S: 'x' },
    });
    const write = itemWrite(table, undefined, item);
    expect(write.indexes.map((w) => [w.index, w.kind])).toEqual([
      ['gsi1', 'put'],
      ['gsi2', 'put'],
    ]);
    // gsi2 keeps keys only: pk, sk, gsi2pk, gsi2sk.
    expect(write.indexes[1]?.bytes).toBe(3 + 3 + 7 + 7);
    expect(write.total).toBe(3);
  });

  it('bills a changed index key as a delete and a put, a removed one as a delete', () => {
    const before = itemOf(300, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' } });
    const moved = { ...before, gsi1sk: { S: '2' } };
    expect(indexWrites(table, before, moved).map((w) => w.kind)).toEqual(['delete', 'put']);
    expect(itemWrite(table, before, moved).total).toBe(3);
    const { gsi1pk: _pk, gsi1sk: _sk, ...removed } = before;
    expect(indexWrites(table, before, removed).map((w) => w.kind)).toEqual(['delete']);
  });

  it('writes an ALL index for any change and a KEYS_ONLY index only when its keys change', () => {
    const before = itemOf(300, {
      gsi1pk: { S: 'A' },
      gsi1sk: { S: '1' },
      gsi2pk: { S: 'P' },
      gsi2sk: { S: 'x' },
    });
    const after = { ...before, status: { S: 'confirmed' } };
    expect(indexWrites(table, before, after)).toEqual([
      { index: 'gsi1', kind: 'update', bytes: itemSize(after), units: 1 },
    ]);
    expect(indexWrites(table, before, before)).toEqual([]);
  });

  it('keeps index writes standard inside a transaction', () => {
    const item = itemOf(1000, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' } });
    const write = itemWrite(table, undefined, item, true);
    expect(write.units).toBe(2);
    expect(write.total).toBe(3);
  });
});

describe('read request units', () => {
  it('bills 4 KB per unit, half for eventually consistent, double in a transaction', () => {
    expect(readUnits(4096, 'strong')).toBe(1);
    expect(readUnits(4097, 'strong')).toBe(2);
    expect(readUnits(4097, 'eventual')).toBe(1);
    expect(readUnits(100, 'eventual')).toBe(0.5);
    expect(readUnits(100, 'transactional')).toBe(2);
    expect(readUnits(0, 'strong')).toBe(1);
  });

  it('rounds a Query once over the total size of the items it read', () => {
    expect(queryUnits(Array(10).fill(400), 'eventual')).toBe(0.5);
    expect(queryUnits(Array(500).fill(700), 'eventual')).toBe(Math.ceil((500 * 700) / 4096) / 2);
    expect(queryUnits([], 'strong')).toBe(1);
  });
});
