import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { PrivacyConfirmCopy, PrivacyExportCopy, StayQuestionCopy } from './copy/types.ts';
import { formatDateTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/** The link that carries out a privacy request: it went to the address, so only its owner can use it. */
export interface PrivacyConfirmFields {
  request: 'export' | 'erase';
  /** As the person gave it; empty when no record has a name. */
  recipientName: string;
  /** Who sends it: the organisation's networks the person is known in, or the sender's name. */
  senderName: string;
  confirmUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** The copy of a person's data; the JSON file is attached by the sender. */
export interface PrivacyExportFields {
  recipientName: string;
  senderName: string;
  /** One readable line per record held, in the reader's language (built by the export). */
  summary: readonly { heading: string; lines: readonly string[] }[];
  fileName: string;
}

/** The retention sweep's question to someone inactive for long. */
export interface StayQuestionFields {
  recipientName: string;
  senderName: string;
  networkNames: readonly string[];
  stayUrl: string;
  answerBy: Date;
  timeZone: string;
}

// One table per kind, so a function that sends one of these mails bundles that one's words only.
const privacyConfirmCopy: Record<Language, PrivacyConfirmCopy> = {
  sv: sv.privacyConfirm,
  nb: nb.privacyConfirm,
  en: en.privacyConfirm,
};

const privacyExportCopy: Record<Language, PrivacyExportCopy> = {
  sv: sv.privacyExport,
  nb: nb.privacyExport,
  en: en.privacyExport,
};

const stayQuestionCopy: Record<Language, StayQuestionCopy> = {
  sv: sv.stayQuestion,
  nb: nb.stayQuestion,
  en: en.stayQuestion,
};

/** A greeting when the name is known; none rather than "Hej !". */
function greetingFor(language: Language, name: string): Block[] {
  return name.trim() === '' ? [] : [greeting(language, name)];
}

/** "A, B och C" in the reader's language. */
export function listPhrase(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    type: 'conjunction',
  }).format(items);
}

export function composePrivacyConfirm(m: PrivacyConfirmFields, language: Language): MailContent {
  const c = privacyConfirmCopy[language];
  const t = c[m.request];
  return {
    language,
    subject: t.subject(m.senderName),
    preheader: t.preheader,
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: t.intro },
      action(language, t.button, m.confirmUrl),
      { type: 'note', text: c.expiry(formatDateTime(m.expiresAt, language, m.timeZone)) },
      { type: 'paragraph', text: t.notYou },
      signature(language, m.senderName),
    ],
    footer: c.footer,
    networkName: m.senderName,
  };
}

export function composePrivacyExport(m: PrivacyExportFields, language: Language): MailContent {
  const c = privacyExportCopy[language];
  const sections: Block[] = m.summary.flatMap((section): Block[] => [
    { type: 'heading', text: section.heading },
    { type: 'list', items: section.lines },
  ]);
  return {
    language,
    subject: c.subject(m.senderName),
    preheader: c.preheader,
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.intro(m.fileName) },
      ...sections,
      signature(language, m.senderName),
    ],
    footer: c.footer,
    networkName: m.senderName,
  };
}

export function composeStayQuestion(m: StayQuestionFields, language: Language): MailContent {
  const c = stayQuestionCopy[language];
  const networks = listPhrase(m.networkNames, language);
  const answerBy = formatDateTime(m.answerBy, language, m.timeZone);
  return {
    language,
    subject: c.subject(networks),
    preheader: c.preheader(answerBy),
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.intro(networks) },
      action(language, c.button, m.stayUrl),
      { type: 'paragraph', text: c.otherwise(answerBy) },
      signature(language, m.senderName),
    ],
    footer: c.footer,
    networkName: m.senderName,
  };
}
