import { describe, expect, it } from 'vitest';
import {
  decideOnRepeat,
  isLapsed,
  isReminderDue,
  type OptInRecord,
  optInTimes,
  remindAtOf,
  resendInterval,
} from '../../shared/domain/opt-in.ts';

const timing = { reminderAfterSeconds: 48 * 3600, expireAfterSeconds: 7 * 24 * 3600 };
const now = new Date('2026-11-23T10:00:00Z');

function record(overrides: Partial<OptInRecord> = {}): OptInRecord {
  return {
    id: 'r1',
    networkId: 'demo',
    email: 'kari@skolen.no',
    language: 'nb',
    status: 'pending_confirmation',
    createdAt: now.toISOString(),
    confirmationRequestedAt: now.toISOString(),
    confirmationCount: 1,
    ...optInTimes(timing, now),
    ...overrides,
  };
}

describe('the times of a double opt-in', () => {
  it('reminds and lapses as configured, counted from when the record was made', () => {
    expect(optInTimes(timing, now)).toEqual({
      remindAt: '2026-11-25T10:00:00.000Z',
      expireAt: '2026-11-30T10:00:00.000Z',
    });
    expect(remindAtOf(record(), { ...timing, reminderAfterSeconds: 60 })).toBe('2026-11-25T10:00:00.000Z');
  });

  it('gives a record from before reminders one at the configured time, never at or after its expiry', () => {
    const older = record({ remindAt: undefined, expireAt: '2026-11-30T10:00:00.000Z' });
    expect(remindAtOf(older, timing)).toBe('2026-11-25T10:00:00.000Z');
    const late = { ...timing, reminderAfterSeconds: 30 * 24 * 3600 };
    expect(remindAtOf(older, late)).toBe('2026-11-30T09:59:59.000Z');
  });

  it('is due for its reminder only while pending and before its expiry', () => {
    const r = record();
    expect(isReminderDue(r, new Date('2026-11-25T10:00:00Z'))).toBe(true);
    expect(isReminderDue(r, new Date('2026-11-30T10:00:00Z'))).toBe(false);
    expect(isReminderDue({ ...r, status: 'confirmed' }, now)).toBe(false);
    expect(isReminderDue({ ...r, status: 'proposed' }, now)).toBe(false);
  });

  it('lapses when pending past its expiry or marked expired, and only then', () => {
    const r = record();
    expect(isLapsed(r, now)).toBe(false);
    expect(isLapsed(r, new Date(r.expireAt))).toBe(true);
    expect(isLapsed({ ...r, status: 'expired' }, now)).toBe(true);
    expect(isLapsed({ ...r, status: 'approved' }, new Date(r.expireAt))).toBe(false);
  });
});

describe('a second post for a live record', () => {
  it('retries the last mail within ten minutes, sends a new one after, and nothing once confirmed', () => {
    expect(decideOnRepeat(record(), new Date(now.getTime() + resendInterval - 1))).toBe('retry-last');
    expect(decideOnRepeat(record(), new Date(now.getTime() + resendInterval))).toBe('resend-confirmation');
    expect(decideOnRepeat(record({ status: 'waitlisted' }), now)).toBe('nothing');
  });
});
