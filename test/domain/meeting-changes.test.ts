import { describe, expect, it } from 'vitest';
import {
  calendarChanges,
  changesOf,
  type Meeting,
  newSeries,
  noticeFor,
  upcomingMeetings,
} from '../../shared/domain/meeting.ts';

const group = { id: 'g1', networkId: 'n1' };
const now = new Date('2026-03-01T09:00:00Z');

function ids(): () => string {
  let n = 0;
  return () => `m${++n}`;
}

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'm1',
  groupId: 'g1',
  networkId: 'n1',
  seq: 1,
  startsAt: '2026-03-10T16:00:00.000Z',
  durationMinutes: 90,
  timeZone: 'Europe/Stockholm',
  mode: 'online',
  onlineUrl: 'https://meet.example.org/a',
  status: 'scheduled',
  version: 1,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  ...over,
});

describe('a new series', () => {
  it('numbers its meetings after the group’s last number, at version 1, with the defaults', () => {
    const meetings = newSeries(
      group,
      { firstLocal: '2026-03-10T17:00', count: 2, mode: 'online', onlineUrl: 'https://meet.example.org/a' },
      { lastSeq: 3, now, newId: ids() },
    );
    expect(meetings).toEqual([
      meeting({ id: 'm1', seq: 4 }),
      // Six weeks on, same wall-clock time: summer time, so an hour earlier in UTC.
      meeting({ id: 'm2', seq: 5, startsAt: '2026-04-21T15:00:00.000Z' }),
    ]);
  });

  it('takes another mode or place for the meetings an override names, and the rest from the request', () => {
    const meetings = newSeries(
      group,
      {
        firstLocal: '2026-03-10T17:00',
        timeZone: 'Europe/Oslo',
        count: 3,
        intervalWeeks: 2,
        durationMinutes: 60,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/a',
        overrides: [{ seq: 2, mode: 'in_person', address: 'Skolgatan 1' }],
      },
      { lastSeq: 0, now, newId: ids() },
    );
    expect(
      meetings.map((m) => [m.seq, m.mode, m.address, m.onlineUrl, m.durationMinutes, m.timeZone]),
    ).toEqual([
      [1, 'online', undefined, 'https://meet.example.org/a', 60, 'Europe/Oslo'],
      [2, 'in_person', 'Skolgatan 1', 'https://meet.example.org/a', 60, 'Europe/Oslo'],
      [3, 'online', undefined, 'https://meet.example.org/a', 60, 'Europe/Oslo'],
    ]);
    expect(meetings.map((m) => m.startsAt)).toEqual([
      '2026-03-10T16:00:00.000Z',
      '2026-03-24T16:00:00.000Z',
      '2026-04-07T15:00:00.000Z',
    ]);
  });

  it('refuses a time the calendar cannot have or a zone that does not exist', () => {
    const options = { lastSeq: 0, now, newId: ids() };
    const request = { count: 1, mode: 'online' as const };
    expect(() => newSeries(group, { ...request, firstLocal: '2026-02-30T17:00' }, options)).toThrow(
      RangeError,
    );
    expect(() =>
      newSeries(group, { ...request, firstLocal: '2026-03-10T17:00', timeZone: 'Europe/Nowhere' }, options),
    ).toThrow(RangeError);
  });
});

describe('a change to a meeting', () => {
  it('moves it by wall-clock time in its own zone and keeps the time and place before', () => {
    expect(calendarChanges(meeting(), { startsLocal: '2026-03-12T18:30' })).toEqual({
      startsAt: '2026-03-12T17:30:00.000Z',
      previous: {
        startsAt: '2026-03-10T16:00:00.000Z',
        durationMinutes: 90,
        mode: 'online',
        onlineUrl: 'https://meet.example.org/a',
      },
    });
  });

  it('counts a new mode, place, length or a cancellation as a change of the calendar', () => {
    const edit = {
      mode: 'in_person',
      address: 'Skolgatan 1',
      durationMinutes: 60,
      status: 'cancelled',
    } as const;
    expect(calendarChanges(meeting(), edit)).toMatchObject({ ...edit, previous: { mode: 'online' } });
  });

  it('takes back a link or an address (null removes it), and taking back what is not there changes nothing', () => {
    expect(calendarChanges(meeting(), { onlineUrl: null })).toEqual({
      onlineUrl: null,
      previous: expect.objectContaining({ onlineUrl: 'https://meet.example.org/a' }),
    });
    const inPerson = meeting({ mode: 'in_person', onlineUrl: undefined, address: 'Skolgatan 1' });
    expect(calendarChanges(inPerson, { address: null })).toMatchObject({ address: null });
    expect(calendarChanges(inPerson, { onlineUrl: null })).toBeUndefined();
    expect(calendarChanges(meeting(), { address: null })).toBeUndefined();
    expect(changesOf(meeting({ onlineUrl: undefined, previous: meeting() })).changes).toEqual(['place']);
  });

  it('is no change of the calendar when it names none of it (choosing the introducer alone)', () => {
    expect(calendarChanges(meeting(), {})).toBeUndefined();
  });

  it('refuses a start that is not a wall-clock time', () => {
    expect(() => calendarChanges(meeting(), { startsLocal: '2026-13-01T10:00' })).toThrow(RangeError);
  });
});

describe('what a version of a meeting tells its members', () => {
  it('invites at the first version, updates at a later one, cancels a cancelled one', () => {
    expect(noticeFor({ status: 'scheduled', version: 1 })).toBe('invitation');
    expect(noticeFor({ status: 'scheduled', version: 3 })).toBe('update');
    expect(noticeFor({ status: 'cancelled', version: 2 })).toBe('cancellation');
  });

  it('names what changed since the version before, and the start it moved from', () => {
    const previous = {
      startsAt: '2026-03-10T16:00:00.000Z',
      durationMinutes: 90,
      mode: 'online' as const,
      onlineUrl: 'https://meet.example.org/a',
    };
    expect(changesOf(meeting({ startsAt: '2026-03-12T16:00:00.000Z', previous }))).toEqual({
      changes: ['time'],
      previousStartsAt: '2026-03-10T16:00:00.000Z',
    });
    expect(changesOf(meeting({ durationMinutes: 60, previous }))).toEqual({ changes: ['time'] });
    expect(
      changesOf(meeting({ mode: 'in_person', onlineUrl: undefined, address: 'Skolgatan 1', previous })),
    ).toEqual({ changes: ['place', 'mode'] });
    expect(changesOf(meeting({ onlineUrl: 'https://meet.example.org/b', previous }))).toEqual({
      changes: ['place'],
    });
  });

  it('speaks of the time when there is no record of what it was before', () => {
    expect(changesOf(meeting({ version: 2 }))).toEqual({ changes: ['time'] });
  });
});

describe('the meetings still ahead', () => {
  it('are the scheduled ones that have not started', () => {
    const meetings = [
      meeting({ id: 'past', startsAt: '2026-02-20T16:00:00.000Z' }),
      meeting({ id: 'now', startsAt: now.toISOString() }),
      meeting({ id: 'cancelled', status: 'cancelled' }),
      meeting({ id: 'ahead' }),
    ];
    expect(upcomingMeetings(meetings, now).map((m) => m.id)).toEqual(['ahead']);
  });
});
