import type { Language } from '../i18n.ts';
import { type MailContent, type RenderedMail, renderContent } from './layout.ts';

/** How one kind of mail is written: its facts and the reader's language in, its content out. */
export type Composer<F> = (fields: F, language: Language) => MailContent;

/**
 * A mail to send: its facts bound to the composer of its kind. Senders name the composer rather than a
 * kind looked up in a table of them all (test/support/mail-templates.ts, for tests), so a function's
 * bundle holds only the kinds it can send, and their copy.
 */
export interface Mail {
  compose(language: Language): MailContent;
}

/** The facts are checked against the composer's fields, not the other way round (NoInfer). */
export function mail<F>(compose: Composer<F>, fields: NoInfer<F>): Mail {
  return { compose: (language) => compose(fields, language) };
}

/** The subject, plain text and HTML of a mail in the reader's language. Pure: no I/O. */
export function renderComposed(
  mail: Mail,
  language: Language,
  options: { unsubscribeUrl?: string } = {},
): RenderedMail {
  const content = mail.compose(language);
  return renderContent(
    options.unsubscribeUrl ? { ...content, unsubscribeUrl: options.unsubscribeUrl } : content,
  );
}
