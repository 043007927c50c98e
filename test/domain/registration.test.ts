import { describe, expect, it } from 'vitest';
import { decideOnRepeat, isLapsed, resendInterval } from '../../shared/domain/opt-in.ts';
import {
  confirmationDedupeKey,
  decideOnConfirm,
  dedupeTopics,
  newRegistration,
  normaliseEmail,
  type Registration,
  registrationId,
  reminderDedupeKey,
} from '../../shared/domain/registration.ts';

const now = new Date('2026-11-23T10:00:00Z');
const timing = { reminderAfterSeconds: 48 * 3600, expireAfterSeconds: 7 * 24 * 3600 };
const input = {
  name: 'Anna Lindqvist',
  email: '  Anna.Lindqvist@Ekskolan.SE ',
  organisation: 'Ekskolan',
  role: 'Rektor',
  topics: ['Skolans ekonomi', ' skolans  ekonomi ', '', 'Rekrytering'],
};

function registration(overrides: Partial<Registration> = {}): Registration {
  return { ...newRegistration('demo', input, 'sv', timing, now), ...overrides };
}

describe('registration identity', () => {
  it('normalises addresses so case and spaces do not make a second member', () => {
    expect(normaliseEmail(' A@B.Se ')).toBe('a@b.se');
    expect(registrationId('demo', 'Anna@x.se')).toBe(registrationId('demo', ' anna@X.SE'));
  });

  it('gives different networks and addresses different ids', () => {
    const ids = new Set([
      registrationId('demo', 'a@x.se'),
      registrationId('other', 'a@x.se'),
      registrationId('demo', 'b@x.se'),
    ]);
    expect(ids.size).toBe(3);
  });
});

describe('newRegistration', () => {
  it('starts pending, with the reminder and expiry measured from now', () => {
    const r = registration();
    expect(r.status).toBe('pending_confirmation');
    expect(r.email).toBe('anna.lindqvist@ekskolan.se');
    expect(r.remindAt).toBe('2026-11-25T10:00:00.000Z');
    expect(r.expireAt).toBe('2026-11-30T10:00:00.000Z');
    expect(r.confirmationCount).toBe(1);
    expect(r.consent.wording).toMatch(/^interest-v\d+$/);
  });

  it('keeps each topic once, as first written', () => {
    expect(registration().topics).toEqual(['Skolans ekonomi', 'Rekrytering']);
    expect(dedupeTopics(['Å', 'å', 'Ø'])).toEqual(['Å', 'Ø']);
  });
});

describe('decideOnRepeat', () => {
  it('re-sends to a pending registration only after the interval, and retries the last one before it', () => {
    const r = registration();
    expect(decideOnRepeat(r, new Date(now.getTime() + resendInterval - 1))).toBe('retry-last');
    expect(decideOnRepeat(r, new Date(now.getTime() + resendInterval))).toBe('resend-confirmation');
  });

  it('sends nothing to a confirmed member', () => {
    expect(decideOnRepeat(registration({ status: 'confirmed' }), new Date(now.getTime() + 3600_000))).toBe(
      'nothing',
    );
  });
});

describe('decideOnConfirm and isLapsed', () => {
  it('confirms a pending registration before expiry', () => {
    expect(decideOnConfirm(registration(), now)).toBe('confirm');
  });

  it('treats a pending registration past expiry as lapsed even before the workflow expired it', () => {
    const later = new Date(Date.parse(registration().expireAt));
    expect(isLapsed(registration(), later)).toBe(true);
    expect(decideOnConfirm(registration(), later)).toBe('expired');
  });

  it('reports an already confirmed registration as such, at any time', () => {
    const r = registration({ status: 'confirmed' });
    expect(decideOnConfirm(r, new Date('2030-01-01T00:00:00Z'))).toBe('already-confirmed');
    expect(isLapsed(r, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('dedupe keys', () => {
  it('differ per confirmation attempt and per kind', () => {
    const r = registration();
    const keys = [confirmationDedupeKey(r, 1), confirmationDedupeKey(r, 2), reminderDedupeKey(r)];
    expect(new Set(keys).size).toBe(3);
    expect(keys.join(' ')).not.toContain('@');
  });

  it('differ between two rounds of the same registration (made again after it lapsed)', () => {
    const first = registration();
    const again = { ...first, createdAt: '2026-12-24T10:00:00.000Z' };
    expect(confirmationDedupeKey(again, 1)).not.toBe(confirmationDedupeKey(first, 1));
    expect(reminderDedupeKey(again)).not.toBe(reminderDedupeKey(first));
  });
});
