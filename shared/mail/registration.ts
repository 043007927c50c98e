import type { Language } from '../i18n.ts';
import { greeting, signature } from './common.ts';
import { composeConfirmation } from './confirmation.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { ConfirmRegistrationCopy, RegistrationReceiptCopy } from './copy/types.ts';
import type { MailContent } from './layout.ts';

/** The confirmation link (double opt-in) and its single reminder carry the same facts. */
export interface ConfirmRegistrationFields {
  recipientName: string;
  networkName: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone, e.g. Europe/Stockholm: the expiry is shown in it. */
  timeZone: string;
}

export interface RegistrationReceiptFields {
  recipientName: string;
  networkName: string;
  /** The topics the member named in the form, echoed back as written. */
  topics: readonly string[];
  timeZone: string;
}

export const confirmRegistrationCopy: Record<Language, ConfirmRegistrationCopy> = {
  sv: sv.confirmRegistration,
  nb: nb.confirmRegistration,
  en: en.confirmRegistration,
};

export const confirmRegistrationReminderCopy: Record<Language, ConfirmRegistrationCopy> = {
  sv: sv.confirmRegistrationReminder,
  nb: nb.confirmRegistrationReminder,
  en: en.confirmRegistrationReminder,
};

export const registrationReceiptCopy: Record<Language, RegistrationReceiptCopy> = {
  sv: sv.registrationReceipt,
  nb: nb.registrationReceipt,
  en: en.registrationReceipt,
};

export function composeConfirmRegistration(m: ConfirmRegistrationFields, language: Language): MailContent {
  return composeConfirmation(confirmRegistrationCopy[language], { ...m, title: '' }, language);
}

export function composeConfirmRegistrationReminder(
  m: ConfirmRegistrationFields,
  language: Language,
): MailContent {
  return composeConfirmation(confirmRegistrationReminderCopy[language], { ...m, title: '' }, language);
}

export function composeRegistrationReceipt(m: RegistrationReceiptFields, language: Language): MailContent {
  const copy = registrationReceiptCopy[language];
  const topics = m.topics.map((topic) => topic.trim()).filter((topic) => topic !== '');
  return {
    language,
    subject: copy.subject(m.networkName),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName) },
      ...(topics.length > 0
        ? [{ type: 'paragraph', text: copy.topicsIntro } as const, { type: 'list', items: topics } as const]
        : []),
      { type: 'heading', text: copy.nextHeading },
      { type: 'paragraph', text: `${copy.coordinators} ${copy.groups(topics.length > 0)}` },
      { type: 'paragraph', text: copy.engagement },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
