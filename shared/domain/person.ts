import { createHash } from 'node:crypto';
import { normaliseEmail } from './registration.ts';

/**
 * A person, across networks and groups, is their normalised address. Items that hold someone's data carry
 * their person id in the person index (gsi2), so an export or an erasure finds all of it by key.
 */
export function personId(email: string): string {
  return createHash('sha256')
    .update(`person\0${normaliseEmail(email)}`)
    .digest('base64url')
    .slice(0, 22);
}

/**
 * What stays of an erased, bounced or complaining address: a hash with its own prefix, so it is not the
 * person id (which the erasure removes everywhere) and the table keeps no way back to the address.
 */
export function suppressionHash(email: string): string {
  return createHash('sha256')
    .update(`suppressed\0${normaliseEmail(email)}`)
    .digest('base64url');
}

export type SuppressionReason = 'erased' | 'bounce' | 'complaint';

/** What a member can say no to, per network. Mails they asked for (confirmations, exports) still go. */
export type OptOutScope = 'reminders' | 'all';

/**
 * What a mail is, for the opt-out rules: `transactional` answers something the person did; `reminder` is
 * a second word about something already said: the reminders before a meeting and the evaluation's
 * reminder; `news` is the rest of a network's mail to members, among them the evaluation request and the
 * introducer's "your turn" (which "stop reminders" does not stop: the pages and mails say so).
 */
export type MailCategory = 'transactional' | 'reminder' | 'news';

export function optOutCovers(scope: OptOutScope | undefined, category: MailCategory): boolean {
  if (scope === undefined || category === 'transactional') return false;
  return scope === 'all' || category === 'reminder';
}

/** One entry of the consent log: what was agreed to (or withdrawn), when, and in which wording. */
export interface ConsentEntry {
  at: string;
  action: 'agreed' | 'withdrew';
  /** interest, join, group-proposal, stay; or the opt-out scope when withdrawing. */
  subject: string;
  networkId: string;
  /** The wording version shown (e.g. interest-v1), so what was agreed to can be shown later. */
  wording: string;
}
