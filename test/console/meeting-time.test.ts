import { describe, expect, it } from 'vitest';
import {
  instantToZoned,
  isLocal,
  isTimeZone,
  localText,
  seriesLocal,
  zonedToInstant,
} from '../../console/src/meeting-time.ts';
import { localToUtc, parseLocal, seriesDates } from '../../shared/domain/meeting.ts';

/*
 * The console's wall-clock helper: a date and a time typed "in Europe/Stockholm" (or Oslo, or any zone)
 * become the instant they stand for, whatever zone the coordinator's computer is in. In 2026 summer time
 * in the EU runs from 29 March 01:00Z to 25 October 01:00Z.
 */
describe('zonedToInstant', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2 in Stockholm and Oslo', () => {
    expect(zonedToInstant('2026-03-10T17:00', 'Europe/Stockholm')).toBe('2026-03-10T16:00:00.000Z');
    expect(zonedToInstant('2026-06-10T17:00', 'Europe/Stockholm')).toBe('2026-06-10T15:00:00.000Z');
    expect(zonedToInstant('2026-06-10T17:00', 'Europe/Oslo')).toBe('2026-06-10T15:00:00.000Z');
  });

  it('is back to UTC+1 for a date after the autumn change', () => {
    expect(zonedToInstant('2026-10-24T17:00', 'Europe/Stockholm')).toBe('2026-10-24T15:00:00.000Z');
    expect(zonedToInstant('2026-10-27T17:00', 'Europe/Stockholm')).toBe('2026-10-27T16:00:00.000Z');
    expect(zonedToInstant('2026-11-03T09:30', 'Europe/Oslo')).toBe('2026-11-03T08:30:00.000Z');
  });

  it('takes the first of a time that occurs twice (autumn) and moves a time in the spring gap forward', () => {
    // 02:30 on 25 October happens at 00:30Z (summer time) and again at 01:30Z.
    expect(zonedToInstant('2026-10-25T02:30', 'Europe/Stockholm')).toBe('2026-10-25T00:30:00.000Z');
    // 02:30 on 29 March does not happen: read as 03:30 summer time, 01:30Z (as the API reads it).
    expect(zonedToInstant('2026-03-29T02:30', 'Europe/Stockholm')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToInstant('2026-03-29T03:00', 'Europe/Stockholm')).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToInstant('2026-03-29T01:59', 'Europe/Stockholm')).toBe('2026-03-29T00:59:00.000Z');
  });

  it('works in zones with other rules and offsets', () => {
    // New York changes on other days (1 November 2026) than Europe (25 October).
    expect(zonedToInstant('2026-10-27T17:00', 'America/New_York')).toBe('2026-10-27T21:00:00.000Z');
    expect(zonedToInstant('2026-11-03T17:00', 'America/New_York')).toBe('2026-11-03T22:00:00.000Z');
    expect(zonedToInstant('2026-10-27T17:00', 'Asia/Kolkata')).toBe('2026-10-27T11:30:00.000Z');
    expect(zonedToInstant('2026-10-27T17:00', 'UTC')).toBe('2026-10-27T17:00:00.000Z');
    // Across a year's end.
    expect(zonedToInstant('2027-01-01T00:30', 'Europe/Stockholm')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('answers undefined for a malformed or impossible date, or an unknown zone', () => {
    expect(zonedToInstant('2026-02-30T17:00', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedToInstant('2026-03-10T24:00', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedToInstant('2026-03-10T', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedToInstant('T17:00', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedToInstant('2026-03-10T17:00', 'Europe/Atlantis')).toBeUndefined();
    expect(isLocal('2028-02-29T17:00')).toBe(true);
    expect(isLocal('2027-02-29T17:00')).toBe(false);
    expect(isTimeZone('Europe/Oslo')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
  });
});

describe('instantToZoned', () => {
  it('shows the date and time a clock in the zone shows, on either side of the changes', () => {
    expect(instantToZoned('2026-03-10T16:00:00.000Z', 'Europe/Stockholm')).toEqual({
      date: '2026-03-10',
      time: '17:00',
    });
    expect(instantToZoned('2026-06-10T15:00:00.000Z', 'Europe/Oslo')).toEqual({
      date: '2026-06-10',
      time: '17:00',
    });
    expect(instantToZoned('2026-10-27T16:00:00.000Z', 'Europe/Stockholm')).toEqual({
      date: '2026-10-27',
      time: '17:00',
    });
    expect(instantToZoned('2026-12-31T23:30:00.000Z', 'Europe/Stockholm')).toEqual({
      date: '2027-01-01',
      time: '00:30',
    });
  });

  it('gives back the fields that zonedToInstant read, all year round', () => {
    for (let day = 0; day < 366; day += 3) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      for (const zone of ['Europe/Stockholm', 'Europe/Oslo', 'America/New_York']) {
        const wall = { date, time: '17:45' };
        const instant = zonedToInstant(localText(wall), zone);
        expect(instant).toBeDefined();
        expect(instantToZoned(instant as string, zone)).toEqual(wall);
      }
    }
  });
});

describe('seriesLocal', () => {
  it('keeps the wall-clock time every six weeks across the autumn change', () => {
    const series = seriesLocal('2026-09-15T17:00', 4, 6);
    expect(series).toEqual(['2026-09-15T17:00', '2026-10-27T17:00', '2026-12-08T17:00', '2027-01-19T17:00']);
    expect(series.map((local) => zonedToInstant(local, 'Europe/Stockholm'))).toEqual([
      '2026-09-15T15:00:00.000Z',
      '2026-10-27T16:00:00.000Z',
      '2026-12-08T16:00:00.000Z',
      '2027-01-19T16:00:00.000Z',
    ]);
  });

  it('is empty for a date the calendar lacks', () => {
    expect(seriesLocal('2026-13-01T17:00', 3, 6)).toEqual([]);
  });
});

describe('the console and the API read a wall-clock time alike', () => {
  it('gives the instant the API stores, for every half hour around both 2026 changes in three zones', () => {
    const days = [
      '2026-03-08',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-10-24',
      '2026-10-25',
      '2026-10-26',
      '2026-11-01',
    ];
    for (const zone of ['Europe/Stockholm', 'Europe/Oslo', 'America/New_York'])
      for (const date of days)
        for (let half = 0; half < 48; half++) {
          const local = `${date}T${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
          expect(zonedToInstant(local, zone), `${local} ${zone}`).toBe(
            localToUtc(parseLocal(local), zone).toISOString(),
          );
        }
  });

  it('previews the series the API schedules', () => {
    const first = '2026-08-25T16:30';
    expect(seriesLocal(first, 6, 6).map((local) => zonedToInstant(local, 'Europe/Oslo'))).toEqual(
      seriesDates({ firstLocal: first, timeZone: 'Europe/Oslo', count: 6, intervalWeeks: 6 }),
    );
  });
});
