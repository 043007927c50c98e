import { AsyncLocalStorage } from 'node:async_hooks';
import { env } from './config.ts';
import { type MailCategory, personId } from './domain/person.ts';
import type { Language } from './i18n.ts';
import { holdingLinks, issueLink } from './links.ts';
import { logger } from './logger.ts';
import { buildRawEmail, type RawEmailInput } from './mail/mime.ts';
import { type Mail, renderComposed } from './mail/render.ts';
import { sendRawEmail } from './mail/send.ts';
import { claimOutbox, markOutboxSent, releaseOutbox } from './store/outbox.ts';
import { mailPermission } from './store/people.ts';

/** A personal unsubscribe link keeps working for a year: old mails are still in people's inboxes. */
const unsubscribeValidity = 365 * 24 * 3600 * 1000;

export interface Notification {
  /** Same key, same email: whoever claims it first sends it; everyone after is a no-op. */
  dedupeKey: string;
  to: string;
  language: Language;
  /**
   * Set for every mail to a member of a network: it carries a personal unsubscribe link (in the footer and
   * as RFC 8058 one-click headers), and it is not sent when the member opted out of its category.
   * Coordinators' mail (digests, decisions to take) has none.
   */
  member?: { networkId: string; category: MailCategory };
  /**
   * Built while the outbox claim is in flight; the links it issues work only once this call has won the
   * claim, so a duplicate stores no link token. It gets the member's unsubscribe link, for templates
   * that offer it in the body too. Made with mail/render.ts's `mail` and the composer of its kind, so
   * only the kinds a function sends are bundled.
   */
  message: (links: { unsubscribeUrl?: string }) => Promise<Mail> | Mail;
  /** Extras built with the message: a calendar file, an attachment. */
  extras?: () => Promise<Pick<RawEmailInput, 'headers' | 'attachments'>>;
}

export type SendOutcome = 'sent' | 'duplicate' | 'suppressed' | 'opted-out';

/**
 * Thrown in a workflow step that finds its email claimed by someone else less than a lease ago. That
 * claim may belong to a process that died mid-send (a local kill -9, a Lambda timeout), so the step must
 * not count the mail as sent: it fails with this name, and the task's Retry (infra/constructs/
 * workflows.ts) tries again after the lease, when the mail is either marked sent or free to take over.
 */
export class OutboxClaimHeldError extends Error {
  override readonly name = 'OutboxClaimHeld';
  constructor(readonly dedupeKey: string) {
    super(`email ${dedupeKey} is being sent by another invocation; retry after the outbox lease`);
  }
}

/**
 * Whether the current invocation is a workflow step. Locally every function shares one process, so
 * this is per async context, not per module: an HTTP request handled alongside a step stays an HTTP
 * request.
 */
const workflowStep = new AsyncLocalStorage<true>();

/**
 * Wraps a Step Functions task handler: within it, a fresh claim held by someone else is an
 * OutboxClaimHeldError (retried by the state's Retry) instead of a duplicate. HTTP handlers stay
 * outside: a link pressed eight times at once must answer eight times, not fail seven.
 */
export function asWorkflowStep<Args extends unknown[], Result>(
  handler: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return (...args) => workflowStep.run(true, () => handler(...args));
}

/** RFC 8058 one-click unsubscribe: mail clients show their own "unsubscribe" for these. */
export function oneClickHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/**
 * Sends an email once per dedupe key, and never to a suppressed address (erased, bounced, complained)
 * or a member who opted out of this kind of mail. If sending fails the claim is given back and the error
 * rethrown, so the step's retry sends it; a mail marked sent is never sent again.
 *
 * A claim whose holder died between claiming and marking sent is taken over once it is older than the
 * lease (shared/store/outbox.ts). That is exactly once in every case but one: a holder that died after
 * SES accepted the mail and before markOutboxSent. Nothing records that SES took it, so the taker-over
 * sends it again: at least once, never lost, for a window of milliseconds per mail.
 */
export async function sendOnce(notification: Notification, now = new Date()): Promise<SendOutcome> {
  const permission = await mailPermission(notification.to, notification.member);
  if (permission !== 'send') {
    logger.info('email not sent', { dedupeKey: notification.dedupeKey, reason: permission });
    return permission;
  }
  // The mail is built while the claim is on its way (CPU beside a round trip), but none of its links is
  // stored unless the claim is won: a duplicate leaves no working link behind.
  const [claimed, built] = await Promise.allSettled([
    claimOutbox(notification.dedupeKey, now),
    holdingLinks(() => composeMail(notification, now)),
  ]);
  if (claimed.status === 'rejected') throw claimed.reason;
  const claim = claimed.value;
  if (claim.outcome !== 'claimed') {
    if (claim.outcome === 'held' && workflowStep.getStore() === true) {
      logger.info('email claimed by another invocation: retrying later', {
        dedupeKey: notification.dedupeKey,
        claimedAt: claim.claimedAt,
      });
      throw new OutboxClaimHeldError(notification.dedupeKey);
    }
    logger.info(claim.outcome === 'sent' ? 'email already sent' : 'email being sent by another request', {
      dedupeKey: notification.dedupeKey,
    });
    return 'duplicate';
  }
  try {
    if (built.status === 'rejected') throw built.reason;
    const { unsubscribeUrl, rendered, extras } = built.value.value;
    // The MIME encoding beside the write of the mail's link tokens (one write for all): both finish
    // before the mail goes, and a retry after a failure issues new links for the mail it sends.
    const [raw] = await Promise.all([
      buildRawEmail({
        from: env.senderAddress(),
        to: notification.to,
        ...rendered,
        ...extras,
        headers: { ...extras.headers, ...(unsubscribeUrl ? oneClickHeaders(unsubscribeUrl) : {}) },
      }),
      built.value.store(),
    ]);
    const { messageId } = await sendRawEmail(raw, [notification.to]);
    await markOutboxSent(notification.dedupeKey, messageId);
    logger.info('email sent', { dedupeKey: notification.dedupeKey });
    return 'sent';
  } catch (error) {
    await releaseOutbox(notification.dedupeKey, claim.claimId);
    throw error;
  }
}

/** The mail's parts: its personal unsubscribe link (a member's mail), message and extras. */
async function composeMail(notification: Notification, now: Date) {
  const { member } = notification;
  const unsubscribeUrl = member
    ? await issueLink(
        member.category === 'reminder' ? 'unsubscribe-reminders' : 'unsubscribe-all',
        {
          networkId: member.networkId,
          subjectId: personId(notification.to),
          language: notification.language,
          person: notification.to,
        },
        new Date(now.getTime() + unsubscribeValidity).toISOString(),
      )
    : undefined;
  const links = unsubscribeUrl ? { unsubscribeUrl } : {};
  return {
    unsubscribeUrl,
    rendered: renderComposed(await notification.message(links), notification.language, links),
    extras: notification.extras ? await notification.extras() : {},
  };
}
