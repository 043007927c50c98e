import type { Language } from '../../i18n.ts';
import { formatMeetingTime } from '../../mail/format.ts';

/**
 * The kinds of error page; a status maps onto one in errorKind (pages.ts), and a few codes have a
 * page of their own because the status alone would say the wrong thing ("register again" for an
 * offer that ran out).
 */
export type ErrorKind =
  | 'invalid'
  | 'notFound'
  | 'expired'
  | 'tooLarge'
  | 'unsupportedType'
  | 'tooManyRequests'
  | 'unavailable'
  | 'forbidden'
  | 'groupNotFound'
  | 'groupClosed'
  | 'offerExpired'
  | 'generic';

/**
 * What a link from a group or meeting mail asks for on GET; the button on the page makes the POST
 * that does it. `rsvp-*` answer a meeting invitation: coming, not this time, not for the rest of the
 * series (which frees the seat).
 */
export const actionPageKinds = [
  'confirm-join-request',
  'approve-join-request',
  'decline-join-request',
  'leave-group',
  'leave-waitlist',
  'accept-offer',
  'decline-offer',
  'confirm-group-proposal',
  'rsvp-yes',
  'rsvp-no',
  'rsvp-no-series',
] as const;
export type ActionPageKind = (typeof actionPageKinds)[number];

/** What the page after that POST says happened; `join-request-*` are the coordinator's view. */
export const resultPageKinds = [
  'join-approved',
  'join-waitlisted',
  'join-pending-approval',
  'join-request-approved',
  'join-request-waitlisted',
  'join-request-declined',
  'already-decided',
  'left-group',
  'left-waitlist',
  'offer-accepted',
  'offer-declined',
  'already-done',
  'proposal-received',
  'rsvp-recorded-yes',
  'rsvp-recorded-no',
  'rsvp-recorded-no-series',
  'feedback-thanks',
  'feedback-closed',
] as const;
export type ResultPageKind = (typeof resultPageKinds)[number];

/** What a group page knows; a link may not carry every fact, so each sentence reads well without it. */
export interface GroupPageFacts {
  networkName: string;
  groupTitle?: string | undefined;
  requesterName?: string | undefined;
  /** On the waitlist: 1 is next in line. */
  position?: number | undefined;
  /** The meeting an answer is about; named only together with `timeZone`, the network's. */
  meetingStartsAt?: Date | undefined;
  timeZone?: string | undefined;
  /** An evaluation answer sent without the member's name. */
  anonymous?: boolean | undefined;
  /** A new member who stopped all mail from the network: no invitation will reach them. */
  mailOff?: boolean | undefined;
}

/** The meeting's start as the mails write it ("tisdag 10 mars 2026 kl. 17.00"), or nothing when unknown. */
export function meetingTime(f: GroupPageFacts, language: Language): string | undefined {
  return f.meetingStartsAt && f.timeZone
    ? formatMeetingTime(f.meetingStartsAt, language, f.timeZone)
    : undefined;
}

export interface ActionCopy {
  title: string;
  lead(facts: GroupPageFacts): string;
  button: string;
  note: string;
}

export interface ResultCopy {
  title(facts: GroupPageFacts): string;
  lead(facts: GroupPageFacts): string;
}

/** Form fields of the public routes, named as the reader knows them rather than by their JSON key. */
export type FieldName =
  | 'name'
  | 'email'
  | 'organisation'
  | 'role'
  | 'topics'
  | 'message'
  | 'language'
  | 'consent'
  | 'title'
  | 'question'
  | 'response'
  | 'rating'
  | 'nextTimeBetter'
  | 'parkedQuestions'
  | 'reflections'
  | 'anonymous'
  | 'kind';

export interface PageCopy {
  confirm: { title: string; lead(networkName: string): string; button: string; note: string };
  confirmed: { title: string; lead(networkName: string): string };
  alreadyConfirmed: { title: string; lead(networkName: string): string };
  receipt: { title: string; lead(networkName: string): string; note: string };
  /** The receipt after a plain HTML form asked to join a group: what confirming leads to. */
  joinReceipt: { title: string; lead(networkName: string): string; note: string };
  /** The receipt after a plain HTML form proposed a group. */
  proposalReceipt: { title: string; lead(networkName: string): string; note: string };
  actions: Record<ActionPageKind, ActionCopy>;
  /** The optional message a coordinator writes when declining; it goes into the decline email. */
  declineMessage: { label(requesterName?: string): string; hint(maxLength: number): string };
  results: Record<ResultPageKind, ResultCopy>;
  errors: Record<ErrorKind, { title: string; lead: string }>;
  fieldsIntro: string;
  errorCode: string;
  fields: Record<FieldName, string>;
}
