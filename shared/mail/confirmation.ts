import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { formatDateTime } from './format.ts';
import type { MailContent } from './layout.ts';

/**
 * The words of a double opt-in mail (a registration, a join request, a group proposal, or the one reminder
 * of each): `title` is the group's or the proposal's, and a registration's copy does without it.
 */
export interface ConfirmationCopy {
  subject(networkName: string, title: string): string;
  preheader(expires: string): string;
  intro(networkName: string, title: string): string;
  /** What happens once confirmed, after the expiry; a registration's says it elsewhere. */
  next?: string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

export interface ConfirmationFacts {
  recipientName: string;
  networkName: string;
  title: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone: the expiry is shown in it. */
  timeZone: string;
}

/** One button to confirm, until when it works, and what to do if it was not you. */
export function composeConfirmation(
  copy: ConfirmationCopy,
  m: ConfirmationFacts,
  language: Language,
): MailContent {
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.title),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.title) },
      action(language, copy.button, m.confirmUrl),
      { type: 'paragraph', text: copy.next ? `${copy.expiry(expires)} ${copy.next}` : copy.expiry(expires) },
      { type: 'note', text: copy.notYou },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
