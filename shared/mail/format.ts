import type { Language } from '../i18n.ts';

/**
 * The BCP 47 locale each language is formatted in. British English for `en`: our readers are in
 * Europe and expect day-month order and a 24-hour clock.
 */
export const locales: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/**
 * A date and time as a reader says it, in the network's time zone rather than the server's (Lambda
 * runs in UTC): "söndag 29 november 2026 kl. 14:00", "Sunday, 29 November 2026 at 14:00".
 * An unknown time zone throws a RangeError: it is configuration, validated long before a mail is sent.
 */
export function formatDateTime(date: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}
