import { createHash } from 'node:crypto';
import type { Language } from '../i18n.ts';
import type { FollowUpSharing } from './follow-up.ts';
import { isMemberAddress, type Network } from './network.ts';
import { type OptInTiming, optInTimes } from './opt-in.ts';
import { normaliseEmail } from './registration.ts';

/**
 * Groups form around one question, have a facilitator and a number of seats ("i mån av plats": while
 * seats remain). Joining is free; only people whose employer is a member organisation get a seat
 * straight away, others wait for a coordinator's decision.
 */
export type GroupMode = 'online' | 'in_person';
export type GroupStatus = 'open' | 'closed';

export interface Group {
  id: string;
  networkId: string;
  title: string;
  question: string;
  facilitator: { name: string; email?: string };
  capacity: number;
  /** Approved members plus seats held by an open offer: never above capacity. */
  seatsTaken: number;
  mode: GroupMode;
  location?: string;
  status: GroupStatus;
  /** When it was last closed to newcomers: its waitlist is told once per close. */
  closedAt?: string;
  /** Who sees the last evaluation's follow-ups in meeting emails; default: suggestions facilitator only. */
  sharing?: FollowUpSharing;
  createdAt: string;
  updatedAt: string;
}

/** Every state a join request can be in: the admin API lists and filters by these. */
export const joinStatuses = [
  'pending_confirmation',
  'pending_approval',
  'approved',
  'waitlisted',
  'offered',
  'declined',
  'left',
  'offer_expired',
  'expired',
] as const;

export type JoinStatus = (typeof joinStatuses)[number];

export interface JoinRequest {
  id: string;
  groupId: string;
  networkId: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  message?: string;
  language: Language;
  status: JoinStatus;
  consent: { at: string; wording: string };
  createdAt: string;
  confirmationRequestedAt: string;
  confirmationCount: number;
  /** The one reminder of an unconfirmed request (shared/domain/opt-in.ts); missing on older requests. */
  remindAt?: string;
  /** An unconfirmed request lapses then. */
  expireAt: string;
  confirmedAt?: string;
  approvedAt?: string;
  /** Order on the waitlist: taken from the group's counter, so two requests never share a place. */
  waitlistSeq?: number;
  offerExpiresAt?: string;
  /** When the seat was offered (from the waitlist). */
  offeredAt?: string;
  decisionMessage?: string;
}

export const joinConsentWording = 'join-v1';

export function joinRequestId(groupId: string, email: string): string {
  return createHash('sha256')
    .update(`join\0${groupId}\0${normaliseEmail(email)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** A request to join, pending its double opt-in: reminded once, and lapsed if not confirmed in time. */
export function newJoinRequest(
  group: Pick<Group, 'id' | 'networkId'>,
  input: { name: string; email: string; organisation: string; role: string; message?: string | undefined },
  language: Language,
  timing: OptInTiming,
  now: Date,
): JoinRequest {
  const at = now.toISOString();
  const email = normaliseEmail(input.email);
  return {
    id: joinRequestId(group.id, email),
    groupId: group.id,
    networkId: group.networkId,
    name: input.name,
    email,
    organisation: input.organisation,
    role: input.role,
    ...(input.message ? { message: input.message } : {}),
    language,
    status: 'pending_confirmation',
    consent: { at, wording: joinConsentWording },
    createdAt: at,
    confirmationRequestedAt: at,
    confirmationCount: 1,
    ...optInTimes(timing, now),
  };
}

/**
 * A coordinator's changes as stored: closing an open group stamps when (its waitlist is told once per
 * close); a change to a group already closed, or one that reopens it, keeps the stamp it has.
 */
export function withCloseStamp<C extends { status?: GroupStatus }>(
  group: Pick<Group, 'status'>,
  changes: C,
  now: Date,
): C & { closedAt?: string } {
  return changes.status === 'closed' && group.status !== 'closed'
    ? { ...changes, closedAt: now.toISOString() }
    : changes;
}

export function seatsLeft(group: Pick<Group, 'capacity' | 'seatsTaken'>): number {
  return Math.max(0, group.capacity - group.seatsTaken);
}

export type Admission = 'seat' | 'pending_approval';

/**
 * After the person confirmed: members of a member organisation get a seat (or the waitlist when the
 * group is full, which only the seat transaction can tell); anyone else waits for a coordinator.
 */
export function admissionFor(network: Network, email: string): Admission {
  return isMemberAddress(network, email) ? 'seat' : 'pending_approval';
}

/**
 * Position on the waitlist as a person understands it (1 is next in line): one more than the places held
 * ahead of theirs. Places are held from the claim until the person leaves the list, so the count includes
 * those claimed earlier and still on their way to the list.
 */
export function waitlistPosition(seq: number, places: readonly { seq: number }[]): number {
  return places.filter((place) => place.seq < seq).length + 1;
}

export function offerExpiry(now: Date, hours: number): string {
  return new Date(now.getTime() + hours * 3600 * 1000).toISOString();
}

export function groupDedupeKey(
  request: Pick<JoinRequest, 'groupId' | 'id' | 'createdAt'>,
  what: string,
): string {
  return `join:${request.groupId}:${request.id}:${Date.parse(request.createdAt)}:${what}`;
}
