import { env } from './config.ts';
import { type MailCategory, personId } from './domain/person.ts';
import type { Language } from './i18n.ts';
import { issueLink } from './links.ts';
import { logger } from './logger.ts';
import { buildRawEmail, type RawEmailInput } from './mail/mime.ts';
import { sendRawEmail } from './mail/send.ts';
import { type MailMessage, renderMail } from './mail/templates.ts';
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
   * Built only when this call won the claim, so a duplicate does no work (and issues no link token). It
   * gets the member's unsubscribe link, for templates that offer it in the body too.
   */
  message: (links: { unsubscribeUrl?: string }) => Promise<MailMessage> | MailMessage;
  /** Extras built with the message: a calendar file, an attachment. */
  extras?: () => Promise<Pick<RawEmailInput, 'headers' | 'attachments'>>;
}

export type SendOutcome = 'sent' | 'duplicate' | 'suppressed' | 'opted-out';

/** RFC 8058 one-click unsubscribe: mail clients show their own "unsubscribe" for these. */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/**
 * Sends an email at most once per dedupe key, and never to a suppressed address (erased, bounced,
 * complained) or a member who opted out of this kind of mail. If sending fails the claim is given back
 * and the error rethrown, so the step's retry sends it; a claim that succeeded is never sent again.
 */
export async function sendOnce(notification: Notification, now = new Date()): Promise<SendOutcome> {
  const permission = await mailPermission(notification.to, notification.member);
  if (permission !== 'send') {
    logger.info('email not sent', { dedupeKey: notification.dedupeKey, reason: permission });
    return permission;
  }
  if (!(await claimOutbox(notification.dedupeKey, now))) {
    logger.info('email already sent', { dedupeKey: notification.dedupeKey });
    return 'duplicate';
  }
  try {
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
    const rendered = renderMail(await notification.message(links), notification.language, links);
    const extras = notification.extras ? await notification.extras() : {};
    const raw = await buildRawEmail({
      from: env.senderAddress(),
      to: notification.to,
      ...rendered,
      ...extras,
      headers: { ...extras.headers, ...(unsubscribeUrl ? unsubscribeHeaders(unsubscribeUrl) : {}) },
    });
    const { messageId } = await sendRawEmail(raw, [notification.to]);
    await markOutboxSent(notification.dedupeKey, messageId);
    logger.info('email sent', { dedupeKey: notification.dedupeKey });
    return 'sent';
  } catch (error) {
    await releaseOutbox(notification.dedupeKey);
    throw error;
  }
}
