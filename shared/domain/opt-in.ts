import type { Language } from '../i18n.ts';

/**
 * Double opt-in, the same for the three public forms (an interest registration, a request to join a group,
 * a group proposal): the record is pending until the person follows the emailed link; one reminder goes
 * out while the link still holds; past its expiry the record lapses and the form may be sent again. A
 * second post for a live record never makes a second one: it sends the confirmation again, at most every
 * ten minutes.
 */

/** What the three forms make; the workflow and the store tell them apart by it. */
export type OptInSubject = 'registration' | 'join-request' | 'group-proposal';

/** The fields every double opt-in record has. */
export interface OptInRecord {
  id: string;
  networkId: string;
  email: string;
  /** The mails go out in it. */
  language: Language;
  status: string;
  createdAt: string;
  /** Last time a confirmation email was asked for: the resend rate limit counts from here. */
  confirmationRequestedAt: string;
  /** How many confirmation emails were asked for; each has its own dedupe key. */
  confirmationCount: number;
  /** When the one reminder goes out. Join requests and proposals made before they had reminders lack it. */
  remindAt?: string;
  /** An unconfirmed record lapses then, and its link stops working. */
  expireAt: string;
}

/** The deployment's settings (`registration` in cdk.json): the same for all three forms. */
export interface OptInTiming {
  reminderAfterSeconds: number;
  expireAfterSeconds: number;
}

/** A second post for the same record re-sends the confirmation at most this often. */
export const resendInterval = 10 * 60 * 1000;

/** When a record made now is reminded and lapses. */
export function optInTimes(timing: OptInTiming, now: Date): { remindAt: string; expireAt: string } {
  return {
    remindAt: new Date(now.getTime() + timing.reminderAfterSeconds * 1000).toISOString(),
    expireAt: new Date(now.getTime() + timing.expireAfterSeconds * 1000).toISOString(),
  };
}

/**
 * When the reminder is due. A record from before reminders (no `remindAt`) is reminded the configured
 * time after it was made, but never at or after its expiry: a reminder must carry a link that still works.
 */
export function remindAtOf(record: OptInRecord, timing: OptInTiming): string {
  if (record.remindAt) return record.remindAt;
  const due = Date.parse(record.createdAt) + timing.reminderAfterSeconds * 1000;
  return new Date(Math.min(due, Date.parse(record.expireAt) - 1000)).toISOString();
}

export function isPending(record: Pick<OptInRecord, 'status'>): boolean {
  return record.status === 'pending_confirmation';
}

/** Never confirmed in time: it may be made again. */
export function isLapsed(record: Pick<OptInRecord, 'status' | 'expireAt'>, now: Date): boolean {
  return (
    record.status === 'expired' ||
    (record.status === 'pending_confirmation' && Date.parse(record.expireAt) <= now.getTime())
  );
}

/** The reminder goes out only while the record waits and its link still holds. */
export function isReminderDue(record: Pick<OptInRecord, 'status' | 'expireAt'>, now: Date): boolean {
  return isPending(record) && !isLapsed(record, now);
}

/**
 * `resend-confirmation`: a new confirmation email (counted, rate limited). `retry-last`: the last one
 * again under its own dedupe key, which sends nothing if it went out, and sends it if an earlier attempt
 * failed half-way (a throttled write, SES down) after the record was stored.
 */
export type RepeatDecision = 'resend-confirmation' | 'retry-last' | 'nothing';

/**
 * What a second post for a live record does (a lapsed one is simply replaced). It never creates a second
 * record; a pending one gets its confirmation again, but not more often than every ten minutes, so the
 * form cannot be used to flood someone's inbox.
 */
export function decideOnRepeat(
  existing: Pick<OptInRecord, 'status' | 'confirmationRequestedAt'>,
  now: Date,
): RepeatDecision {
  if (!isPending(existing)) return 'nothing';
  const since = now.getTime() - Date.parse(existing.confirmationRequestedAt);
  return since >= resendInterval ? 'resend-confirmation' : 'retry-last';
}
