import type { Language } from '../i18n.ts';

/**
 * The BCP 47 locale each language is formatted in. British English for `en`: our readers are in
 * Europe and expect day-month order and a 24-hour clock.
 */
export const locales: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/**
 * A date and time as a reader says it, in the network's time zone rather than the server's (Lambda
 * runs in UTC): "söndag 29 november 2026 kl. 14.00", "Sunday, 29 November 2026 at 14:00". The same
 * clock as a meeting's time, so no mail writes the time two ways. An unknown time zone throws a
 * RangeError: it is configuration, validated long before a mail is sent.
 */
export function formatDateTime(date: Date, language: Language, timeZone: string): string {
  return dayAt[language](formatDate(date, language, timeZone), clock(date, language, timeZone));
}

/**
 * The clock as each language writes it: "17.00" in Swedish and Norwegian (as the language councils
 * and meeting minutes write it: "kl. 13.00"), "17:00" in English.
 */
const timeSeparators: Record<Language, string> = { sv: '.', nb: '.', en: ':' };

function clock(date: Date, language: Language, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(locales[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(date);
  const part = (type: 'hour' | 'minute') => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}${timeSeparators[language]}${part('minute')}`;
}

/** The full date: "tisdag 10 mars 2026", "tirsdag 10. mars 2026", "Tuesday, 10 March 2026". */
function formatDate(date: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'full', timeZone }).format(date);
}

/** A day and its time: "tisdag 10 mars 2026 kl. 17.00", "Tuesday, 10 March 2026 at 17:00". */
const dayAt: Record<Language, (day: string, time: string) => string> = {
  sv: (day, time) => `${day} kl. ${time}`,
  nb: (day, time) => `${day} kl. ${time}`,
  en: (day, time) => `${day} at ${time}`,
};

/** A day and a span of time on it: "… kl. 17.00–18.30", "Tuesday, 10 March 2026, 17:00–18:30". */
const dayFromTo: Record<Language, (day: string, start: string, end: string) => string> = {
  sv: (day, start, end) => `${day} kl. ${start}–${end}`,
  nb: (day, start, end) => `${day} kl. ${start}–${end}`,
  en: (day, start, end) => `${day}, ${start}–${end}`,
};

/**
 * When a meeting takes place, as a reader says it, in the network's time zone: "tisdag 10 mars 2026
 * kl. 17.00–18.30", "tirsdag 10. mars 2026 kl. 17.00–18.30", "Tuesday, 10 March 2026, 17:00–18:30".
 * Without a (positive) duration only the start: "tisdag 10 mars 2026 kl. 17.00". A meeting that runs
 * past midnight names both days.
 */
export function formatMeetingTime(
  startsAt: Date,
  language: Language,
  timeZone: string,
  durationMinutes?: number,
): string {
  const day = formatDate(startsAt, language, timeZone);
  const start = clock(startsAt, language, timeZone);
  if (durationMinutes === undefined || !Number.isFinite(durationMinutes) || durationMinutes <= 0) {
    return dayAt[language](day, start);
  }
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const endDay = formatDate(endsAt, language, timeZone);
  const end = clock(endsAt, language, timeZone);
  return endDay === day
    ? dayFromTo[language](day, start, end)
    : `${dayAt[language](day, start)} – ${dayAt[language](endDay, end)}`;
}

/** The day alone, short enough for a subject: "tisdag 10 mars", "tirsdag 10. mars", "Tuesday 10 March". */
export function formatMeetingDay(date: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(date);
}
