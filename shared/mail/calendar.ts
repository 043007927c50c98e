import ical, {
  foldLines,
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

/**
 * The calendar file (RFC 5545, with the iTIP methods of RFC 5546) sent with a meeting invitation, an update
 * and a cancellation. ical-generator writes it (no dependencies, about 38 kB minified with this module;
 * pinned to 10.x, the last line that supports Node 20): CRLF line ends, lines folded at 75 octets without
 * splitting a UTF-8 character, TEXT values with `\`, `;`, `,` and line breaks escaped, DTSTART, DTEND and
 * DTSTAMP as UTC date-times ending in Z. Two things it gets wrong are put right below: the last line's
 * CRLF, and the URL, which it escapes like TEXT.
 *
 * A calendar program keeps one event per UID and replaces it with any later message that has a higher
 * SEQUENCE. Every change of a meeting raises its version and `sequence` is `version - 1`: an update is a
 * REQUEST with the same UID and a higher SEQUENCE; a cancellation (itself a change, so a new version) is a
 * CANCEL with STATUS:CANCELLED, the same UID and a SEQUENCE higher than any REQUEST before it. A
 * cancellation asks for no answer (RSVP=FALSE) and has no alarm.
 */
export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface MeetingCalendarInput {
  method: CalendarMethod;
  /** Stable for the meeting across updates: meetingUid(meeting.id). */
  uid: string;
  /** meeting.version - 1: 0 for the first invitation, higher for every change. */
  sequence: number;
  /** The start instant (UTC ISO or a Date). */
  start: string | Date;
  durationMinutes: number;
  summary: string;
  description: string;
  /** The address, or the online meeting's link. */
  location: string;
  url?: string;
  /** The network's sender. */
  organizer: CalendarPerson;
  /** The member the file is sent to. */
  attendee: CalendarPerson;
  /** Minutes before the start that calendars show a reminder (REQUEST only); 60 unless given. */
  alarmMinutesBefore?: number;
  /** CONFIRMED for a REQUEST, CANCELLED for a CANCEL: the method's own unless given, and must match it. */
  status?: 'CONFIRMED' | 'CANCELLED';
  /** DTSTAMP, when this message was made: now unless given. */
  stamp?: string | Date;
}

export const defaultAlarmMinutesBefore = 60;

/** The UID of a meeting's event: the same for the invitation, every update and the cancellation. */
export function meetingUid(meetingId: string): string {
  return `${meetingId}@samla`;
}

/** SEQUENCE of a meeting version (versions start at 1, sequences at 0). */
export function calendarSequence(version: number): number {
  return version - 1;
}

/** Content-Type of the attachment (and of a text/calendar MIME part) carrying the file. */
export function calendarContentType(method: CalendarMethod): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

// Line breaks and other controls would make new content lines where no escaping applies (URIs, addresses).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const control = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

function plainToken(what: string, value: string): string {
  if (value.trim() === '' || control.test(value) || /\s/.test(value)) {
    throw new RangeError(`The calendar ${what} must be non-empty, with no spaces or line breaks`);
  }
  return value;
}

/** A CN parameter is quoted and may hold no DQUOTE or control character (RFC 5545 3.1, QSAFE-CHAR). */
function displayName(name: string): string {
  return (
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point.
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ')
      .replace(/"/g, "'")
      .trim()
  );
}

function person(what: string, who: CalendarPerson): CalendarPerson {
  const email = plainToken(`${what} address`, who.email);
  if (!email.includes('@')) throw new RangeError(`The calendar ${what} address is not an email address`);
  return { name: displayName(who.name) || email, email };
}

function instant(what: string, value: string | Date): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`The calendar ${what} is not an instant`);
  return date;
}

const urlPlaceholder = 'urn:x-samla:url';
const urlLine = (value: string): string => `URL;VALUE=URI:${value}`;

/** The calendar file for one member and one version of a meeting. */
export function meetingCalendar(input: MeetingCalendarInput): string {
  const { method } = input;
  const status = input.status ?? (method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED');
  if ((method === 'CANCEL') !== (status === 'CANCELLED')) {
    throw new RangeError(`A ${method} carries STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`);
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError(`SEQUENCE is a whole number from 0, not ${input.sequence}`);
  }
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes <= 0) {
    throw new RangeError(`A meeting lasts a positive whole number of minutes, not ${input.durationMinutes}`);
  }
  const alarmMinutes = input.alarmMinutesBefore ?? defaultAlarmMinutesBefore;
  if (!Number.isInteger(alarmMinutes) || alarmMinutes < 0) {
    throw new RangeError(`The alarm is a whole number of minutes from 0, not ${alarmMinutes}`);
  }
  const start = instant('start', input.start);
  const end = new Date(start.getTime() + input.durationMinutes * 60_000);
  const organizer = person('organizer', input.organizer);
  const url = input.url === undefined ? undefined : plainToken('URL', input.url);
  const attendee = person('attendee', input.attendee);

  const calendar = ical({
    prodId: { company: 'samla', product: 'meetings', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const event = calendar.createEvent({
    id: plainToken('UID', input.uid),
    sequence: input.sequence,
    stamp: instant('stamp', input.stamp ?? new Date()),
    start,
    end,
    summary: input.summary,
    description: input.description,
    location: input.location,
    ...(url === undefined ? {} : { url: urlPlaceholder }),
    status: status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
  });
  event.createAttendee({
    name: attendee.name,
    email: attendee.email,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    // An invitation asks for an answer; a cancellation does not.
    rsvp: method === 'REQUEST',
  });
  if (method === 'REQUEST') {
    event.createAlarm({
      type: ICalAlarmType.display,
      triggerBefore: alarmMinutes * 60,
      description: input.summary,
    });
  }
  // Every content line ends in CRLF (RFC 5545 3.1), the last one too; ical-generator leaves that one off.
  let text = calendar.toString();
  if (!text.endsWith('\r\n')) text += '\r\n';
  if (url !== undefined) {
    // ical-generator escapes a URI like TEXT (`,` → `\,`, `;` → `\;`), which changes the link; a URI
    // value is written as it is (RFC 5545 3.3.13), folded like any line.
    const placeholder = `\r\n${urlLine(urlPlaceholder)}\r\n`;
    if (!text.includes(placeholder)) throw new Error('ical-generator no longer writes URL as expected');
    text = text.replace(placeholder, () => `\r\n${foldLines(urlLine(url))}\r\n`);
  }
  return text;
}
