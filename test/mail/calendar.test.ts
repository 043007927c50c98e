import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  calendarContentType,
  calendarSequence,
  type MeetingCalendarInput,
  meetingCalendar,
  meetingUid,
} from '../../shared/mail/calendar.ts';

const base: MeetingCalendarInput = {
  method: 'REQUEST',
  uid: meetingUid('mt-7Hq2'),
  sequence: calendarSequence(1),
  start: '2026-03-10T16:00:00.000Z',
  durationMinutes: 90,
  summary: 'Skolans ekonomi – träff 1',
  description: 'Hur räknar vi på inredningen?',
  location: 'https://meet.example.org/skolans-ekonomi',
  url: 'https://meet.example.org/skolans-ekonomi',
  organizer: { name: 'Forum Bygga Skola', email: 'natverk@example.org' },
  attendee: { name: 'Anna Lindqvist', email: 'anna@ekskolan.se' },
  stamp: '2026-02-01T09:00:00.000Z',
};

interface Parsed {
  calendar: ICAL.Component;
  event: ICAL.Component;
}

/** Parsed with ical.js (the parser behind Thunderbird), not with a pattern. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = events[0];
  if (event === undefined) throw new Error('no VEVENT');
  return { calendar, event };
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (typeof value !== 'string') throw new Error(`${name} is not text: ${String(value)}`);
  return value;
}

function instant(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
  expect(value.zone?.tzid).toBe('UTC');
  return value.toJSDate().toISOString();
}

function property(component: ICAL.Component, name: string): ICAL.Property {
  const found = component.getFirstProperty(name);
  if (found === null) throw new Error(`no ${name}`);
  return found;
}

/** The content lines as sent, before unfolding. */
const rawLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);

describe('the calendar file of an invitation', () => {
  const ics = meetingCalendar(base);
  const { calendar, event } = parse(ics);

  it('is a REQUEST with a product id, the meeting’s UID and sequence 0', () => {
    expect(text(calendar, 'version')).toBe('2.0');
    expect(text(calendar, 'prodid')).toBe('-//samla//meetings//EN');
    expect(text(calendar, 'method')).toBe('REQUEST');
    expect(text(event, 'uid')).toBe('mt-7Hq2@samla');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(text(event, 'status')).toBe('CONFIRMED');
  });

  it('has start, end and stamp as UTC instants written with Z', () => {
    expect(instant(event, 'dtstart')).toBe('2026-03-10T16:00:00.000Z');
    expect(instant(event, 'dtend')).toBe('2026-03-10T17:30:00.000Z');
    expect(instant(event, 'dtstamp')).toBe('2026-02-01T09:00:00.000Z');
    expect(rawLines(ics)).toContain('DTSTART:20260310T160000Z');
    expect(rawLines(ics)).toContain('DTEND:20260310T173000Z');
  });

  it('has the summary, description, location and link', () => {
    expect(text(event, 'summary')).toBe('Skolans ekonomi – träff 1');
    expect(text(event, 'description')).toBe('Hur räknar vi på inredningen?');
    expect(text(event, 'location')).toBe('https://meet.example.org/skolans-ekonomi');
    expect(event.getFirstPropertyValue('url')).toBe('https://meet.example.org/skolans-ekonomi');
  });

  it('names the network as organiser and the member as attendee asked to answer', () => {
    const organizer = property(event, 'organizer');
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:natverk@example.org');
    expect(organizer.getParameter('cn')).toBe('Forum Bygga Skola');
    const attendees = event.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    const attendee = attendees[0];
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:anna@ekskolan.se');
    expect(attendee?.getParameter('cn')).toBe('Anna Lindqvist');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    expect(attendee?.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendee?.getParameter('role')).toBe('REQ-PARTICIPANT');
  });

  it('reminds an hour before with a display alarm', () => {
    const alarms = event.getAllSubcomponents('valarm');
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0];
    if (alarm === undefined) throw new Error('no VALARM');
    expect(text(alarm, 'action')).toBe('DISPLAY');
    expect(text(alarm, 'description')).toBe('Skolans ekonomi – träff 1');
    const trigger = alarm.getFirstPropertyValue('trigger');
    expect(trigger).toBeInstanceOf(ICAL.Duration);
    expect((trigger as ICAL.Duration).toSeconds()).toBe(-3600);
  });

  it('reminds when the network says', () => {
    const { event: e } = parse(meetingCalendar({ ...base, alarmMinutesBefore: 15 }));
    const trigger = e.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger') as ICAL.Duration;
    expect(trigger.toSeconds()).toBe(-900);
  });

  it('reads through ical.js’s own event model too', () => {
    const e = new ICAL.Event(event);
    expect(e.uid).toBe('mt-7Hq2@samla');
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(e.duration.toSeconds()).toBe(90 * 60);
  });
});

describe('an update and a cancellation', () => {
  const first = parse(meetingCalendar(base)).event;
  const moved = parse(
    meetingCalendar({
      ...base,
      sequence: calendarSequence(3),
      start: '2026-04-21T15:00:00.000Z',
      location: 'Ekskolan, Storgatan 1, Ale',
    }),
  ).event;
  const cancelled = parse(meetingCalendar({ ...base, method: 'CANCEL', sequence: calendarSequence(4) }));

  it('an update keeps the UID, raises SEQUENCE and carries the new time and place', () => {
    expect(text(moved, 'uid')).toBe(text(first, 'uid'));
    expect(moved.getFirstPropertyValue('sequence')).toBe(2);
    expect(instant(moved, 'dtstart')).toBe('2026-04-21T15:00:00.000Z');
    expect(instant(moved, 'dtend')).toBe('2026-04-21T16:30:00.000Z');
    expect(text(moved, 'location')).toBe('Ekskolan, Storgatan 1, Ale');
  });

  it('a cancellation is a CANCEL with STATUS:CANCELLED, the same UID, a higher SEQUENCE and no alarm', () => {
    expect(text(cancelled.calendar, 'method')).toBe('CANCEL');
    expect(text(cancelled.event, 'status')).toBe('CANCELLED');
    expect(text(cancelled.event, 'uid')).toBe(text(first, 'uid'));
    expect(cancelled.event.getFirstPropertyValue('sequence')).toBe(3);
    expect(Number(cancelled.event.getFirstPropertyValue('sequence'))).toBeGreaterThan(
      Number(moved.getFirstPropertyValue('sequence')),
    );
    expect(cancelled.event.getAllSubcomponents('valarm')).toHaveLength(0);
    const attendee = property(cancelled.event, 'attendee');
    expect(String(attendee.getFirstValue()).toLowerCase()).toBe('mailto:anna@ekskolan.se');
    expect(attendee.getParameter('rsvp')).not.toBe('TRUE');
    expect(String(property(cancelled.event, 'organizer').getFirstValue()).toLowerCase()).toBe(
      'mailto:natverk@example.org',
    );
  });

  it('the method and status cannot disagree', () => {
    expect(() => meetingCalendar({ ...base, method: 'CANCEL', status: 'CONFIRMED' })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, status: 'CANCELLED' })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, method: 'CANCEL', status: 'CANCELLED' })).not.toThrow();
  });
});

describe('the format', () => {
  const awkward = {
    ...base,
    summary: 'Rekrytering, ledarskap; och budget \\ prioriteringar',
    description:
      'Välkommen!\nVi börjar med en introduktion, som Anna förbereder; sedan samtal.\r\nTa med: era siffror, frågor.\n\nVel møtt – ærlig talt, høstens første møte i nettverket for skoleledere i Agder og Telemark.',
    location: 'Forum, Sal 3; ingång B',
    attendee: {
      name: 'Ærlige Øystein Åsheim-Lindqvist, rektor med langt navn "Østre"',
      email: 'oystein@skola.no',
    },
  };
  const ics = meetingCalendar(awkward);
  const { event } = parse(ics);

  it('escapes commas, semicolons, backslashes and line breaks, so they come back as written', () => {
    expect(text(event, 'summary')).toBe(awkward.summary);
    expect(text(event, 'description')).toBe(awkward.description.replace(/\r\n/g, '\n'));
    expect(text(event, 'location')).toBe(awkward.location);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Rekrytering\\, ledarskap\\; och budget \\\\ prioriteringar\r\n');
    expect(unfolded).toContain('DESCRIPTION:Välkommen!\\nVi börjar');
  });

  it('ends every line with CRLF and keeps every line within 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = rawLines(ics);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      // Each line is a property (NAME: or NAME;) or the continuation of the one before.
      expect(line).toMatch(/^([A-Z-]+[:;]| )/);
    }
  });

  it('keeps a line break in a text from starting a property of its own', () => {
    const { event: e } = parse(
      meetingCalendar({ ...base, summary: 'Träff\r\nATTENDEE:mailto:intruder@example.com\nX' }),
    );
    expect(e.getAllProperties('attendee')).toHaveLength(1);
    expect(text(e, 'summary')).toBe('Träff\nATTENDEE:mailto:intruder@example.com\nX');
  });

  it('keeps quotes and line breaks out of names and refuses them in addresses, links and the UID', () => {
    const { event: e } = parse(ics);
    expect(property(e, 'attendee').getParameter('cn')).toBe(
      "Ærlige Øystein Åsheim-Lindqvist, rektor med langt navn 'Østre'",
    );
    const bad = 'a@b.se\r\nATTENDEE:mailto:x@y.se';
    expect(() => meetingCalendar({ ...base, attendee: { name: 'A', email: bad } })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, organizer: { name: 'A', email: 'not-an-address' } })).toThrow(
      RangeError,
    );
    expect(() => meetingCalendar({ ...base, url: 'https://x.se/\nX:1' })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, uid: 'a b@samla' })).toThrow(RangeError);
  });

  it('writes a link as it is, commas and semicolons included, folded when long', () => {
    const link =
      'https://meet.example.org/j/8812345678?pwd=Ab12,Cd34;x=1&context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab%22%7d';
    const withLink = meetingCalendar({ ...base, url: link, location: link });
    const { event: e } = parse(withLink);
    expect(e.getFirstPropertyValue('url')).toBe(link);
    expect(text(e, 'location')).toBe(link);
    expect(withLink).not.toContain('urn:x-samla');
    for (const line of rawLines(withLink)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(withLink.replace(/\r\n /g, '')).toContain(`\r\nURL;VALUE=URI:${link}\r\n`);
    expect(parse(meetingCalendar({ ...base, url: undefined })).event.getFirstProperty('url')).toBeNull();
  });

  it('refuses a negative sequence, a bad start, duration or alarm', () => {
    expect(() => meetingCalendar({ ...base, sequence: -1 })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, start: 'soon' })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, durationMinutes: 0 })).toThrow(RangeError);
    expect(() => meetingCalendar({ ...base, alarmMinutesBefore: -5 })).toThrow(RangeError);
  });

  it('stamps with the current time unless told', () => {
    const before = Date.now();
    const { stamp: _stamp, ...unstamped } = base;
    const stamped = Date.parse(instant(parse(meetingCalendar(unstamped)).event, 'dtstamp'));
    expect(stamped).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('goes out as text/calendar with its method', () => {
    expect(calendarContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(calendarContentType('CANCEL')).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });
});
