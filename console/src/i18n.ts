import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

// The plural helper (Intl.PluralRules) the mails use too: shared/i18n.ts needs nothing from Node.
export { plural } from '../../shared/i18n.ts';

/**
 * The console speaks the coordinator's language: Swedish, Norwegian (bokmål) or English, chosen from the
 * browser at first, switchable, and remembered in localStorage. Each screen keeps its own messages (one
 * `Bundle` per file, English first: the other languages must have the same keys, which TypeScript checks).
 */
export const languages = ['sv', 'nb', 'en'] as const;
export type Language = (typeof languages)[number];

export const languageNames: Record<Language, string> = { sv: 'Svenska', nb: 'Norsk bokmål', en: 'English' };

const STORAGE_KEY = 'samla.console.language';

/** sv, nb (no and nn too: a Norwegian reader is better served by bokmål than English) or en. */
export function fromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (base === 'sv') return 'sv';
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return 'en';
}

export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored !== null && (languages as readonly string[]).includes(stored)) return stored as Language;
  return fromBrowser(window.navigator.languages ?? [window.navigator.language]);
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export type Messages = Record<string, string>;
export type Bundle<M extends Messages> = {
  en: M;
  sv: { [K in keyof M]: string };
  nb: { [K in keyof M]: string };
};

/** A bundle, typed by its English messages. */
export function bundle<M extends Messages>(messages: Bundle<M>): Bundle<M> {
  return messages;
}

export interface LanguageContext {
  readonly language: Language;
  setLanguage(language: Language): void;
}

export const LanguageState = createContext<LanguageContext>({ language: 'en', setLanguage: () => {} });

export const useLanguage = () => useContext(LanguageState);

/** `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** The messages of `b` in the current language, as `t('key', { name })`. */
export function useMessages<M extends Messages>(b: Bundle<M>) {
  const { language } = useLanguage();
  const messages = b[language] as Record<keyof M, string>;
  return (key: keyof M, values?: Readonly<Record<string, string | number>>) => fill(messages[key], values);
}

/** Dates and times as people in the language expect them, in the given time zone. */
export function formatDateTime(language: Language, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

export function formatDate(language: Language, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

export function formatNumber(language: Language, value: number, digits = 1): string {
  return new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}
