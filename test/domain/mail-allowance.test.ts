import { describe, expect, it } from 'vitest';
import {
  allowanceHash,
  unsolicitedMailLimit,
  windowEndingAfter,
  windowIsOpen,
} from '../../shared/domain/mail-allowance.ts';
import { personId, suppressionHash } from '../../shared/domain/person.ts';

const now = new Date('2026-11-23T10:00:00Z');
const seconds = now.getTime() / 1000;

describe('the allowance of unsolicited mail per address', () => {
  it('is enough for one sitting (interest, two groups, a proposal, a data request, one re-send) and no more', () => {
    expect(unsolicitedMailLimit).toEqual({ max: 6, windowSeconds: 24 * 3600 });
  });

  it('keys an address however it is typed, by a hash that is neither the address nor its person id', () => {
    const hash = allowanceHash('  Anna.Lindqvist@Ekskolan.SE ');
    expect(hash).toBe(allowanceHash('anna.lindqvist@ekskolan.se'));
    expect(hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hash).not.toBe(personId('anna.lindqvist@ekskolan.se'));
    expect(suppressionHash('anna.lindqvist@ekskolan.se').startsWith(hash)).toBe(false);
    expect(allowanceHash('anna.lindqvist@ekskolan.no')).not.toBe(hash);
  });

  it('opens a window of a day that limits until its last second, and not after', () => {
    const end = windowEndingAfter(now);
    expect(end).toBe(seconds + 24 * 3600);
    expect(windowIsOpen(end, new Date((end - 1) * 1000))).toBe(true);
    expect(windowIsOpen(end, new Date(end * 1000))).toBe(false);
    expect(windowIsOpen(end, new Date((end + 3600) * 1000))).toBe(false);
  });
});
