import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { PrivacyCopy } from './copy/types.ts';
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

const copy: Record<Language, PrivacyCopy> = { sv: sv.privacy, nb: nb.privacy, en: en.privacy };

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

export function composePrivacyConfirm(
  m: PrivacyConfirmFields & { kind: 'privacy-confirm' },
  language: Language,
): MailContent {
  const c = copy[language];
  const t = c.confirm[m.request];
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
    footer: c.confirmFooter,
    networkName: m.senderName,
  };
}

export function composePrivacyExport(
  m: PrivacyExportFields & { kind: 'privacy-export' },
  language: Language,
): MailContent {
  const c = copy[language];
  const sections: Block[] = m.summary.flatMap((section): Block[] => [
    { type: 'heading', text: section.heading },
    { type: 'list', items: section.lines },
  ]);
  return {
    language,
    subject: c.exportSubject(m.senderName),
    preheader: c.exportPreheader,
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.exportIntro(m.fileName) },
      ...sections,
      signature(language, m.senderName),
    ],
    footer: c.exportFooter,
    networkName: m.senderName,
  };
}

export function composeStayQuestion(
  m: StayQuestionFields & { kind: 'stay-question' },
  language: Language,
): MailContent {
  const c = copy[language];
  const networks = listPhrase(m.networkNames, language);
  const answerBy = formatDateTime(m.answerBy, language, m.timeZone);
  return {
    language,
    subject: c.staySubject(networks),
    preheader: c.stayPreheader(answerBy),
    blocks: [
      ...greetingFor(language, m.recipientName),
      { type: 'paragraph', text: c.stayIntro(networks) },
      action(language, c.stayButton, m.stayUrl),
      { type: 'paragraph', text: c.stayElse(answerBy) },
      signature(language, m.senderName),
    ],
    footer: c.stayFooter,
    networkName: m.senderName,
  };
}
