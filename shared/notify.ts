import { env } from './config.ts';
import type { Language } from './i18n.ts';
import { logger } from './logger.ts';
import { buildRawEmail, type RawEmailInput } from './mail/mime.ts';
import { sendRawEmail } from './mail/send.ts';
import { type MailMessage, renderMail } from './mail/templates.ts';
import { claimOutbox, markOutboxSent, releaseOutbox } from './store/outbox.ts';

export interface Notification {
  /** Same key, same email: whoever claims it first sends it; everyone after is a no-op. */
  dedupeKey: string;
  to: string;
  language: Language;
  /** Built only when this call won the claim, so a duplicate does no work (and issues no link token). */
  message: () => Promise<MailMessage> | MailMessage;
  /** Extras built with the message: a calendar file, List-Unsubscribe headers. */
  extras?: () => Promise<Pick<RawEmailInput, 'headers' | 'attachments'>>;
}

/**
 * Sends an email at most once per dedupe key. If sending fails the claim is given back and the error
 * rethrown, so the step's retry sends it; a claim that succeeded is never sent again.
 */
export async function sendOnce(notification: Notification, now = new Date()): Promise<'sent' | 'duplicate'> {
  if (!(await claimOutbox(notification.dedupeKey, now))) {
    logger.info('email already sent', { dedupeKey: notification.dedupeKey });
    return 'duplicate';
  }
  try {
    const rendered = renderMail(await notification.message(), notification.language);
    const extras = notification.extras ? await notification.extras() : {};
    const raw = await buildRawEmail({
      from: env.senderAddress(),
      to: notification.to,
      ...rendered,
      ...extras,
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
