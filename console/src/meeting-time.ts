/**
 * Wall-clock time in a meeting's time zone, with Intl only (no DOM, no JSX: unit-tested under Node).
 *
 * A coordinator types a date and a time as a clock in the meeting's zone shows them ("17:00 in
 * Europe/Stockholm"), whatever zone their own computer is in. The API takes that wall-clock text
 * (`YYYY-MM-DDTHH:mm`) with the zone; this file turns it into the instant it stands for (to show a
 * series before it is scheduled, each meeting on its weekday) and an instant back into the date and time
 * fields (to move a meeting). It reads a time the way the API does (RFC 5545 3.3.5, Temporal's
 * 'compatible'): a time that occurs twice (autumn) is its first occurrence; a time in the spring gap is
 * read with the offset before the gap, so 02:30 becomes 03:30.
 */

export interface WallTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `HH:mm` */
  readonly time: string;
}

const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // A RangeError for a zone Intl does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock's fields at an instant, read back as if they were UTC (ms). */
function wallMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms)))
    parts[part.type] = Number(part.value);
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The zone's offset from UTC at an instant, in ms (Stockholm in summer: 7_200_000). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallMs(whole, timeZone) - whole;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `YYYY-MM-DDTHH:mm` as ms "in UTC", or undefined unless it is a date and time the calendar has. */
function parseLocal(local: string): number | undefined {
  const match = localPattern.exec(local);
  if (match === null) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return ms;
}

/** The API's wall-clock text of a date field and a time field: `2026-03-10T17:00`. */
export function localText(wall: WallTime): string {
  return `${wall.date}T${wall.time}`;
}

/** Whether the text is a wall-clock date and time the calendar has (`2026-02-30T17:00` is not). */
export function isLocal(local: string): boolean {
  return parseLocal(local) !== undefined;
}

/**
 * The instant (UTC ISO, `…Z`) that a wall-clock time in a zone stands for, or undefined for a malformed or
 * impossible date or an unknown zone.
 */
export function zonedToInstant(local: string, timeZone: string): string | undefined {
  const asUtc = parseLocal(local);
  if (asUtc === undefined) return undefined;
  try {
    // The offsets a day either side cover any change near this time (a zone changes at most once a day).
    const before = offsetAt(asUtc - dayMs, timeZone);
    const after = offsetAt(asUtc + dayMs, timeZone);
    const matching = [before, after]
      .map((offset) => asUtc - offset)
      .filter((ms) => offsetAt(ms, timeZone) === asUtc - ms)
      .sort((a, b) => a - b);
    return new Date(matching[0] ?? asUtc - before).toISOString();
  } catch {
    return undefined;
  }
}

/** The date and time a clock in the zone shows at an instant (to fill a form's fields). */
export function instantToZoned(instant: string, timeZone: string): WallTime {
  const iso = new Date(wallMs(Date.parse(instant), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * A series' wall-clock times: the first, then every `intervalWeeks` weeks on the same weekday at the same
 * time of day (what the API schedules), so 17:00 stays 17:00 across a change to or from summer time.
 */
export function seriesLocal(first: string, count: number, intervalWeeks: number): string[] {
  const start = parseLocal(first);
  if (start === undefined) return [];
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * intervalWeeks * 7 * dayMs).toISOString().slice(0, 16),
  );
}

/** Whether Intl knows the zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
