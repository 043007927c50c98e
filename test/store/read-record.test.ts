/** The store's typed reader: a stored record comes back as its type only with the fields it must have. */
import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../shared/domain/follow-up.ts';
import { readRecord } from '../../shared/store/common.ts';

describe('readRecord', () => {
  const stored = { id: 'f1', groupId: 'g1', status: 'open', text: 'Läxor' };

  it('gives the record back as it was stored', () => {
    expect(readRecord<FollowUp>(stored, 'follow-up', ['id', 'groupId', 'status'])).toBe(stored);
  });

  it('refuses an item without a required field, naming what it lacks', () => {
    const { groupId: _g, status: _s, ...partial } = stored;
    expect(() => readRecord<FollowUp>(partial, 'follow-up', ['id', 'groupId', 'status'])).toThrow(
      'a stored follow-up without groupId, status',
    );
  });
});
