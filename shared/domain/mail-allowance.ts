import { createHash } from 'node:crypto';
import { normaliseEmail } from './registration.ts';

/**
 * How many unsolicited mails one address may get from samla's public forms: the mails a stranger can
 * cause by typing the address in (confirmation links for interest, join requests and group proposals,
 * privacy links). Each form has its own repeat rules (a re-send at most every ten minutes per record, a
 * privacy link at most once an hour per kind), but an attacker can vary the network, the group, the
 * proposal's title or the form; this allowance is per address across all of them.
 *
 * Six in 24 hours: a real person in one sitting registers interest (1), asks to join two groups (2),
 * proposes a group (1), asks for their data (1), and may ask for one confirmation again when a mail is
 * slow or went to spam (1). Six a day is not a flood, and mailbox providers do not mark a sender as a
 * spammer for it. The cost of a low number is that the owner of an address an attacker has used up gets
 * no link until the window ends: a day, well within what any of these requests may take (GDPR allows a
 * month for an export or erasure).
 *
 * The window starts with the first mail it counts and lasts 24 hours; the next mail after it starts a
 * new one. So any 24 hours hold at most two windows' worth (12), and a steady attack gets 6 a day.
 */
export const unsolicitedMailLimit = { max: 6, windowSeconds: 24 * 3600 } as const;

/**
 * What keys an address's allowance: a hash with its own prefix, so the counter holds no address and is not
 * the person id (which an erasure removes everywhere; the counter simply expires with its window).
 */
export function allowanceHash(email: string): string {
  return createHash('sha256')
    .update(`mail-allowance\0${normaliseEmail(email)}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The public forms that can mail an address someone typed, for the log when the allowance is used up. */
export type PublicForm = 'interest' | 'join-request' | 'group-proposal' | 'privacy';

/** A window that starts now: when it ends, in epoch seconds (also the counter's TTL). */
export function windowEndingAfter(now: Date): number {
  return Math.floor(now.getTime() / 1000) + unsolicitedMailLimit.windowSeconds;
}

/** Whether a counter's window is still running at `now`, so its count still limits. */
export function windowIsOpen(windowEndsAt: number, now: Date): boolean {
  return windowEndsAt > Math.floor(now.getTime() / 1000);
}
