import { describe, expect, it } from 'vitest';
import {
  admissionFor,
  groupDedupeKey,
  joinRequestId,
  newJoinRequest,
  offerExpiry,
  seatsLeft,
  waitlistPosition,
  withCloseStamp,
} from '../../shared/domain/group.ts';
import type { Network } from '../../shared/domain/network.ts';

const network: Network = {
  id: 'demo',
  name: 'Demo',
  languages: ['sv'],
  coordinators: [],
  memberDomains: ['ale.se', 'skola.no'],
  timeZone: 'Europe/Stockholm',
};

describe('seats', () => {
  it('counts what is left, never below zero', () => {
    expect(seatsLeft({ capacity: 30, seatsTaken: 29 })).toBe(1);
    expect(seatsLeft({ capacity: 30, seatsTaken: 30 })).toBe(0);
    expect(seatsLeft({ capacity: 10, seatsTaken: 12 })).toBe(0);
  });

  it('numbers the waitlist from 1: one more than the places held ahead', () => {
    expect(waitlistPosition(1, [])).toBe(1);
    expect(waitlistPosition(1, [{ seq: 1 }, { seq: 2 }])).toBe(1);
    // Places 2 and 4 were given up (a seat, leaving): 1, 3 and 5 are ahead of 6; 7 is behind.
    expect(waitlistPosition(6, [{ seq: 1 }, { seq: 3 }, { seq: 5 }, { seq: 6 }, { seq: 7 }])).toBe(4);
  });
});

describe('closing a group', () => {
  const now = new Date('2026-12-08T10:00:00Z');
  it('stamps the close only when an open group closes', () => {
    expect(withCloseStamp({ status: 'open' }, { status: 'closed' }, now)).toEqual({
      status: 'closed',
      closedAt: now.toISOString(),
    });
    expect(withCloseStamp({ status: 'closed' }, { status: 'closed' }, now)).toEqual({ status: 'closed' });
    const renamed: { title: string; status?: 'open' | 'closed' } = { title: 'Ny' };
    expect(withCloseStamp({ status: 'closed' }, renamed, now)).toEqual({ title: 'Ny' });
    expect(withCloseStamp({ status: 'closed' }, { status: 'open' }, now)).toEqual({ status: 'open' });
  });
});

describe('admission', () => {
  it('gives members of member organisations a seat, subdomains included, and asks coordinators for others', () => {
    expect(admissionFor(network, 'rektor@ale.se')).toBe('seat');
    expect(admissionFor(network, 'Rektor@Skolan.Ale.SE')).toBe('seat');
    expect(admissionFor(network, 'someone@gmail.com')).toBe('pending_approval');
    expect(admissionFor(network, 'x@notale.se')).toBe('pending_approval');
    expect(admissionFor({ ...network, memberDomains: [] }, 'rektor@ale.se')).toBe('pending_approval');
  });
});

describe('join requests', () => {
  it('are one per person and group', () => {
    expect(joinRequestId('g1', 'A@b.se')).toBe(joinRequestId('g1', ' a@b.se'));
    expect(joinRequestId('g1', 'a@b.se')).not.toBe(joinRequestId('g2', 'a@b.se'));
  });

  it('hold an offered seat for the configured hours', () => {
    expect(offerExpiry(new Date('2026-11-23T10:00:00Z'), 48)).toBe('2026-11-25T10:00:00.000Z');
  });

  it('give each email of a request round its own dedupe key, with no address in it', () => {
    const request = { groupId: 'g', id: 'r', createdAt: '2026-11-23T10:00:00Z' };
    expect(groupDedupeKey(request, 'approved')).not.toBe(groupDedupeKey(request, 'waitlisted'));
    expect(groupDedupeKey(request, 'approved')).not.toBe(
      groupDedupeKey({ ...request, createdAt: '2026-12-01T10:00:00Z' }, 'approved'),
    );
  });
});

describe('newJoinRequest', () => {
  it('starts pending with a normalised address, the consent wording, a reminder and the time to confirm', () => {
    const request = newJoinRequest(
      { id: 'g1', networkId: 'demo' },
      { name: 'Ola', email: ' Ola@Skole.NO ', organisation: 'Skolen', role: 'Rektor' },
      'nb',
      { reminderAfterSeconds: 24 * 3600, expireAfterSeconds: 7 * 24 * 3600 },
      new Date('2026-11-23T10:00:00Z'),
    );
    expect(request).toMatchObject({
      id: joinRequestId('g1', 'ola@skole.no'),
      email: 'ola@skole.no',
      status: 'pending_confirmation',
      language: 'nb',
      confirmationCount: 1,
      remindAt: '2026-11-24T10:00:00.000Z',
      expireAt: '2026-11-30T10:00:00.000Z',
    });
    expect(request.consent.wording).toMatch(/^join-v\d+$/);
    expect(request).not.toHaveProperty('message');
  });
});
