import { describe, expect, it } from 'vitest';
import {
  answerCounts,
  answerLinkReopened,
  asSeenNow,
  introducerMarkLapses,
  introducerStays,
  introducerUpdate,
  introductionCounts,
  localToUtc,
  type Meeting,
  meetingDedupeKey,
  meetingEnd,
  parseLocal,
  pickIntroducer,
  type RotationMember,
  type RotationSlot,
  reminderAfter,
  reminderKind,
  reminderPlan,
  reminderTimes,
  rotateSeries,
  rsvpLinkRefusal,
  seriesDates,
  toLocal,
} from '../../shared/domain/meeting.ts';

const weekday = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(new Date(iso));

const wallClock = (iso: string, timeZone: string): string => {
  const l = toLocal(iso, timeZone);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
};

describe('series dates', () => {
  it('keep 17:00 in Stockholm across the spring change (16:00Z in winter, 15:00Z in summer)', () => {
    const dates = seriesDates({ firstLocal: '2026-03-10T17:00', timeZone: 'Europe/Stockholm', count: 3 });
    expect(dates).toEqual([
      '2026-03-10T16:00:00.000Z',
      '2026-04-21T15:00:00.000Z',
      '2026-06-02T15:00:00.000Z',
    ]);
  });

  it('default to Stockholm and six weeks', () => {
    expect(seriesDates({ firstLocal: '2026-03-10T17:00', count: 2 })).toEqual([
      '2026-03-10T16:00:00.000Z',
      '2026-04-21T15:00:00.000Z',
    ]);
  });

  it('keep the wall-clock time in Stockholm across the autumn change', () => {
    const dates = seriesDates({ firstLocal: '2026-09-15T08:30', count: 4 });
    expect(dates).toEqual([
      '2026-09-15T06:30:00.000Z',
      '2026-10-27T07:30:00.000Z',
      '2026-12-08T07:30:00.000Z',
      '2027-01-19T07:30:00.000Z',
    ]);
    for (const date of dates) {
      expect(wallClock(date, 'Europe/Stockholm').slice(11)).toBe('08:30');
      expect(weekday(date, 'Europe/Stockholm')).toBe('Tue');
    }
  });

  it('keep the wall-clock time in Oslo across the spring change', () => {
    const dates = seriesDates({ firstLocal: '2027-02-16T09:00', timeZone: 'Europe/Oslo', count: 3 });
    // Summer time 2027 starts on Sunday 28 March.
    expect(dates).toEqual([
      '2027-02-16T08:00:00.000Z',
      '2027-03-30T07:00:00.000Z',
      '2027-05-11T07:00:00.000Z',
    ]);
    expect(dates.map((d) => wallClock(d, 'Europe/Oslo'))).toEqual([
      '2027-02-16T09:00',
      '2027-03-30T09:00',
      '2027-05-11T09:00',
    ]);
  });

  it('keep the wall-clock time in Oslo across the autumn change, whatever the interval', () => {
    // Summer time 2026 ends on Sunday 25 October.
    const dates = seriesDates({
      firstLocal: '2026-10-20T13:30',
      timeZone: 'Europe/Oslo',
      count: 3,
      intervalWeeks: 1,
    });
    expect(dates).toEqual([
      '2026-10-20T11:30:00.000Z',
      '2026-10-27T12:30:00.000Z',
      '2026-11-03T12:30:00.000Z',
    ]);
  });

  it('run a full series of six over a year end and both changes', () => {
    const dates = seriesDates({ firstLocal: '2026-08-25T15:00', count: 6, intervalWeeks: 8 });
    expect(dates).toHaveLength(6);
    expect(dates.map((d) => wallClock(d, 'Europe/Stockholm'))).toEqual([
      '2026-08-25T15:00',
      '2026-10-20T15:00',
      '2026-12-15T15:00',
      '2027-02-09T15:00',
      '2027-04-06T15:00',
      '2027-06-01T15:00',
    ]);
    expect(dates[2]).toBe('2026-12-15T14:00:00.000Z');
    expect(dates[4]).toBe('2027-04-06T13:00:00.000Z');
  });

  it('move a time in the spring-forward gap forward by the gap, for that meeting only (RFC 5545 3.3.5)', () => {
    // 02:30 does not exist in Stockholm on 29 March 2026: it is read with the offset before the gap (+01:00),
    // which makes it 03:30 summer time.
    const dates = seriesDates({ firstLocal: '2026-03-29T02:30', count: 2, intervalWeeks: 1 });
    expect(dates).toEqual(['2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
    expect(wallClock(dates[0] ?? '', 'Europe/Stockholm')).toBe('2026-03-29T03:30');
    expect(wallClock(dates[1] ?? '', 'Europe/Stockholm')).toBe('2026-04-05T02:30');
  });

  it('take the first of a time that occurs twice (autumn), as RFC 5545 does', () => {
    expect(seriesDates({ firstLocal: '2026-10-25T02:30', timeZone: 'Europe/Oslo', count: 1 })).toEqual([
      '2026-10-25T00:30:00.000Z',
    ]);
    // RFC 5545's own examples: 01:30 on 4 November 2007 is 1:30 EDT; 02:30 on 11 March 2007 is 3:30 EDT.
    expect(localToUtc(parseLocal('2007-11-04T01:30'), 'America/New_York').toISOString()).toBe(
      '2007-11-04T05:30:00.000Z',
    );
    expect(localToUtc(parseLocal('2007-03-11T02:30'), 'America/New_York').toISOString()).toBe(
      '2007-03-11T07:30:00.000Z',
    );
  });

  it('turn every wall-clock hour of a year into the instant that shows it, the gap hour aside', () => {
    for (const timeZone of ['Europe/Stockholm', 'Europe/Oslo']) {
      let gaps = 0;
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3600 * 1000) {
        const d = new Date(ms);
        const local = {
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          day: d.getUTCDate(),
          hour: d.getUTCHours(),
          minute: 15,
        };
        const back = toLocal(localToUtc(local, timeZone), timeZone);
        if (back.hour === local.hour) expect(back).toEqual(local);
        else {
          // 02:15 on 29 March 2026 does not exist: one hour later.
          expect({ ...local, hour: local.hour + 1 }).toEqual(back);
          gaps++;
        }
      }
      expect(gaps).toBe(1);
    }
  });

  it('refuse a count outside 1–6 and a bad interval', () => {
    for (const count of [0, 7, 2.5, Number.NaN, -1]) {
      expect(() => seriesDates({ firstLocal: '2026-03-10T17:00', count })).toThrow(RangeError);
    }
    for (const intervalWeeks of [0, -6, 1.5, 53, Number.NaN]) {
      expect(() => seriesDates({ firstLocal: '2026-03-10T17:00', count: 2, intervalWeeks })).toThrow(
        RangeError,
      );
    }
    expect(seriesDates({ firstLocal: '2026-03-10T17:00', count: 1 })).toHaveLength(1);
    expect(seriesDates({ firstLocal: '2026-03-10T17:00', count: 6 })).toHaveLength(6);
  });

  it('refuse a malformed or impossible local time and an unknown zone', () => {
    for (const firstLocal of [
      '2026-02-30T10:00',
      '2026-13-01T10:00',
      '2026-03-10T24:00',
      '2026-03-10T17:60',
      '2026-03-10 17:00',
      '2026-03-10T17:00Z',
      '2026-03-10T17:00:00',
      '',
    ]) {
      expect(() => seriesDates({ firstLocal, count: 1 }), firstLocal).toThrow(RangeError);
    }
    expect(() =>
      seriesDates({ firstLocal: '2026-03-10T17:00', timeZone: 'Europe/Atlantis', count: 1 }),
    ).toThrow(RangeError);
    expect(seriesDates({ firstLocal: '2028-02-29T10:00', count: 1 })).toEqual(['2028-02-29T09:00:00.000Z']);
  });
});

const member = (id: string, day: number): RotationMember => ({
  id,
  approvedAt: `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
});
const [anna, bo, cecilia, david, eva] = [
  member('anna', 1),
  member('bo', 2),
  member('cecilia', 3),
  member('david', 10),
  member('eva', 20),
] as [RotationMember, RotationMember, RotationMember, RotationMember, RotationMember];

describe('picking the introducer', () => {
  it('takes whoever introduced least, ties going to the first to join (not the order of the list)', () => {
    expect(pickIntroducer({ members: [cecilia, bo, anna], introductions: {} })).toBe('anna');
    expect(pickIntroducer({ members: [cecilia, bo, anna], introductions: { anna: 1 } })).toBe('bo');
    expect(pickIntroducer({ members: [cecilia, bo, anna], introductions: { anna: 1, bo: 1 } })).toBe(
      'cecilia',
    );
    expect(
      pickIntroducer({ members: [cecilia, bo, anna], introductions: { anna: 2, bo: 1, cecilia: 1 } }),
    ).toBe('bo');
  });

  it('passes over those who cannot come', () => {
    expect(
      pickIntroducer({
        members: [anna, bo, cecilia],
        introductions: {},
        cannotCome: new Set(['anna', 'bo']),
      }),
    ).toBe('cecilia');
    expect(
      pickIntroducer({ members: [anna, bo], introductions: {}, cannotCome: new Set(['anna', 'bo']) }),
    ).toBeUndefined();
    expect(pickIntroducer({ members: [], introductions: {} })).toBeUndefined();
  });

  it('lets a coordinator’s override win when it names a member, even one who cannot come', () => {
    expect(pickIntroducer({ members: [anna, bo, cecilia], introductions: {}, override: 'cecilia' })).toBe(
      'cecilia',
    );
    expect(
      pickIntroducer({
        members: [anna, bo, cecilia],
        introductions: { cecilia: 3 },
        cannotCome: new Set(['cecilia']),
        override: 'cecilia',
      }),
    ).toBe('cecilia');
    // Someone who is not (or no longer) a member: the rotation decides.
    expect(pickIntroducer({ members: [anna, bo], introductions: {}, override: 'eva' })).toBe('anna');
  });

  it('ignores counts of people who are no longer members', () => {
    expect(pickIntroducer({ members: [bo, cecilia], introductions: { anna: 0, bo: 1 } })).toBe('cecilia');
  });
});

/**
 * The promise of the rotation: at every meeting not decided by an override, the one picked has introduced
 * no more often than anyone else who is there and can come, so nobody introduces a second time while
 * someone available has not introduced at all.
 */
function expectFair(slots: readonly RotationSlot[], picks: readonly (string | undefined)[]): void {
  const counts = new Map<string, number>();
  slots.forEach((slot, i) => {
    const picked = picks[i];
    const available = slot.members.filter((m) => !slot.cannotCome?.has(m.id));
    const isOverride = slot.override !== undefined && slot.members.some((m) => m.id === slot.override);
    if (picked === undefined) {
      expect(available).toEqual([]);
    } else if (!isOverride) {
      expect(available.map((m) => m.id)).toContain(picked);
      const mine = counts.get(picked) ?? 0;
      for (const other of available) expect(mine).toBeLessThanOrEqual(counts.get(other.id) ?? 0);
    }
    if (picked !== undefined) counts.set(picked, (counts.get(picked) ?? 0) + 1);
  });
}

describe('rotating over a series', () => {
  it('gives everyone a turn before anyone a second one', () => {
    const slots = Array.from({ length: 6 }, () => ({ members: [david, bo, anna, cecilia] }));
    const picks = rotateSeries({ meetings: slots });
    expect(picks).toEqual(['anna', 'bo', 'cecilia', 'david', 'anna', 'bo']);
    expectFair(slots, picks);
  });

  it('follows people joining and leaving, those who cannot come and overrides', () => {
    const slots: RotationSlot[] = [
      // 1: Anna cannot come.
      { members: [anna, bo, cecilia], cannotCome: new Set(['anna']) },
      // 2: David has joined.
      { members: [anna, bo, cecilia, david] },
      // 3: the coordinator asks David, who joined last.
      { members: [anna, bo, cecilia, david], override: 'david' },
      // 4: Cecilia, the only one yet to introduce, cannot come: a second turn for the first to join.
      { members: [anna, bo, cecilia, david], cannotCome: new Set(['cecilia']) },
      // 5: Eva has joined; Cecilia joined before her.
      { members: [anna, bo, cecilia, david, eva] },
      // 6: Bo has left; Eva's turn.
      { members: [anna, cecilia, david, eva] },
    ];
    const picks = rotateSeries({ meetings: slots });
    expect(picks).toEqual(['bo', 'anna', 'david', 'anna', 'cecilia', 'eva']);
    expectFair(slots, picks);
    // Everyone who was ever a member introduced.
    expect(new Set(picks)).toEqual(new Set(['anna', 'bo', 'cecilia', 'david', 'eva']));
  });

  it('counts an override, so the overridden member is not picked again straight away', () => {
    const picks = rotateSeries({
      meetings: [
        { members: [anna, bo, cecilia], override: 'cecilia' },
        { members: [anna, bo, cecilia] },
        {
          members: [anna, bo, cecilia],
        },
        { members: [anna, bo, cecilia] },
      ],
    });
    expect(picks).toEqual(['cecilia', 'anna', 'bo', 'anna']);
  });

  it('goes on from the introductions already held', () => {
    const held = introductionCounts([
      { status: 'scheduled', introducerId: 'anna', startsAt: '2026-01-13T16:00:00.000Z' },
      { status: 'cancelled', introducerId: 'bo', startsAt: '2026-02-24T16:00:00.000Z' },
      { status: 'scheduled', introducerId: 'cecilia', startsAt: '2026-04-07T15:00:00.000Z' },
      { status: 'scheduled', startsAt: '2026-05-19T15:00:00.000Z' },
    ]);
    expect(held).toEqual({ anna: 1, cecilia: 1 });
    const slots = Array.from({ length: 3 }, () => ({ members: [anna, bo, cecilia] }));
    expect(rotateSeries({ meetings: slots, introductions: held })).toEqual(['bo', 'anna', 'bo']);
  });

  it('leaves a meeting nobody can take without an introducer, and it counts for nobody', () => {
    const picks = rotateSeries({
      meetings: [
        { members: [anna, bo], cannotCome: new Set(['anna', 'bo']) },
        { members: [anna, bo] },
        { members: [] },
        { members: [anna, bo] },
      ],
    });
    expect(picks).toEqual([undefined, 'anna', undefined, 'bo']);
  });

  it('stays fair over many made-up series', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20260310;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const people = Array.from({ length: 9 }, (_, i) => member(`m${i}`, i + 1));
    for (let run = 0; run < 300; run++) {
      let present = people.filter(() => random() < 0.5);
      const slots: RotationSlot[] = [];
      for (let m = 0; m < 6; m++) {
        // Someone joins, someone leaves.
        present = people.filter((p) => (present.includes(p) ? random() < 0.9 : random() < 0.2));
        const cannotCome = new Set(present.filter(() => random() < 0.25).map((p) => p.id));
        const override = random() < 0.1 ? people[Math.floor(random() * people.length)]?.id : undefined;
        slots.push({ members: present, cannotCome, ...(override === undefined ? {} : { override }) });
      }
      expectFair(slots, rotateSeries({ meetings: slots }));
    }
  });
});

describe('introduction counts', () => {
  it('count only meetings held before a moment when one is given', () => {
    const meetings: Pick<Meeting, 'status' | 'introducerId' | 'startsAt'>[] = [
      { status: 'scheduled', introducerId: 'anna', startsAt: '2026-01-13T16:00:00.000Z' },
      { status: 'scheduled', introducerId: 'anna', startsAt: '2026-02-24T16:00:00.000Z' },
      { status: 'scheduled', introducerId: 'bo', startsAt: '2026-04-07T15:00:00.000Z' },
    ];
    expect(introductionCounts(meetings)).toEqual({ anna: 2, bo: 1 });
    expect(introductionCounts(meetings, new Date('2026-03-01T00:00:00Z'))).toEqual({ anna: 2 });
    expect(introductionCounts(meetings, '2026-02-24T16:00:00.000Z')).toEqual({ anna: 1 });
  });
});

describe('reminder times', () => {
  const startsAt = '2026-03-10T16:00:00.000Z';
  const daysBefore = (days: number): Date => new Date(Date.parse(startsAt) - days * 24 * 3600 * 1000);

  it('are all still to come a month ahead: introducer 14 days, reminders 7 and 1 day before', () => {
    expect(reminderTimes(startsAt, {}, daysBefore(30))).toEqual([
      { kind: 'introducer', at: '2026-02-24T16:00:00.000Z' },
      { kind: 'reminder', daysBefore: 7, at: '2026-03-03T16:00:00.000Z' },
      { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' },
    ]);
  });

  it('leave out those already past: a meeting 3 days ahead gets only the one-day reminder', () => {
    expect(reminderTimes(startsAt, {}, daysBefore(3))).toEqual([
      { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' },
    ]);
    expect(reminderTimes(startsAt, {}, daysBefore(10)).map((r) => r.kind)).toEqual(['reminder', 'reminder']);
    // A time exactly now is not in the future.
    expect(reminderTimes(startsAt, {}, daysBefore(7))).toEqual([
      { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' },
    ]);
    expect(reminderTimes(startsAt, {}, daysBefore(0.5))).toEqual([]);
    expect(reminderTimes(startsAt, {}, new Date('2026-03-11T00:00:00Z'))).toEqual([]);
  });

  it('follow the network’s own days, sorted, each day once', () => {
    expect(
      reminderTimes(startsAt, { reminderDays: [1, 3, 3, 0, -2], introducerDays: 21 }, daysBefore(60)),
    ).toEqual([
      { kind: 'introducer', at: '2026-02-17T16:00:00.000Z' },
      { kind: 'reminder', daysBefore: 3, at: '2026-03-07T16:00:00.000Z' },
      { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' },
    ]);
    expect(reminderTimes(startsAt, { reminderDays: [] }, daysBefore(60))).toEqual([
      { kind: 'introducer', at: '2026-02-24T16:00:00.000Z' },
    ]);
  });

  it('refuse a start that is not an instant', () => {
    expect(() => reminderTimes('next tuesday', {}, new Date())).toThrow(RangeError);
  });

  it('due at the same instant all go, the introducer’s first (issue 20.2)', () => {
    const options = { reminderDays: [1], introducerDays: 1 };
    const introducer = { kind: 'introducer', at: '2026-03-09T16:00:00.000Z' } as const;
    const members = { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' } as const;
    expect(reminderPlan(startsAt, options)).toEqual([introducer, members]);
    expect(reminderTimes(startsAt, options, daysBefore(3))).toEqual([introducer, members]);
    // The introducer's mail went out a little after its time: the members' is next all the same.
    const justAfter = new Date(Date.parse(introducer.at) + 1500);
    expect(reminderAfter(startsAt, options, introducer, justAfter)).toEqual(members);
    expect(reminderAfter(startsAt, options, members, justAfter)).toBeUndefined();
  });

  it('after one, the next in the plan; one whose time passed while the workflow was late is skipped', () => {
    const seven = { kind: 'reminder', daysBefore: 7, at: '2026-03-03T16:00:00.000Z' } as const;
    const one = { kind: 'reminder', daysBefore: 1, at: '2026-03-09T16:00:00.000Z' } as const;
    const introducer = { kind: 'introducer', at: '2026-02-24T16:00:00.000Z' } as const;
    expect(reminderAfter(startsAt, {}, introducer, daysBefore(14))).toEqual(seven);
    expect(reminderAfter(startsAt, {}, seven, daysBefore(7))).toEqual(one);
    expect(reminderAfter(startsAt, {}, introducer, daysBefore(3))).toEqual(one);
    expect(reminderAfter(startsAt, {}, one, daysBefore(1))).toBeUndefined();
  });
});

describe('meeting emails', () => {
  const key = { meetingId: 'mt1', memberId: 'jr1', kind: 'invitation' as const, version: 1 };

  it('have one dedupe key per member, meeting, kind and version, with no address in it', () => {
    const k = meetingDedupeKey(key);
    expect(k).not.toContain('@');
    expect(meetingDedupeKey(key)).toBe(k);
    expect(meetingDedupeKey({ ...key, memberId: 'jr2' })).not.toBe(k);
    expect(meetingDedupeKey({ ...key, meetingId: 'mt2' })).not.toBe(k);
    expect(meetingDedupeKey({ ...key, kind: 'update' })).not.toBe(k);
    expect(meetingDedupeKey({ ...key, version: 2 })).not.toBe(k);
    expect(meetingDedupeKey({ ...key, kind: reminderKind(7) })).not.toBe(
      meetingDedupeKey({ ...key, kind: reminderKind(1) }),
    );
    expect(reminderKind(7)).toBe('reminder-7');
  });

  it('refuse an email address or a version below 1', () => {
    expect(() => meetingDedupeKey({ ...key, memberId: 'anna@ekskolan.se' })).toThrow(RangeError);
    expect(() => meetingDedupeKey({ ...key, version: 0 })).toThrow(RangeError);
  });

  it('know when a meeting ends', () => {
    expect(meetingEnd({ startsAt: '2026-03-10T16:00:00.000Z', durationMinutes: 90 })).toBe(
      '2026-03-10T17:30:00.000Z',
    );
  });
});

describe('a yes or no link used before', () => {
  const link = { answer: 'yes' as const, usedAt: '2026-03-01T10:00:00.000Z' };

  it('answers again once the other answer has replaced its own', () => {
    expect(answerLinkReopened(link, { rsvp: 'no', rsvpAt: '2026-03-01T11:00:00.000Z' })).toBe(true);
  });

  it('is spent while its own answer stands, or when nothing later was answered', () => {
    expect(answerLinkReopened(link, { rsvp: 'yes', rsvpAt: '2026-03-02T09:00:00.000Z' })).toBe(false);
    expect(answerLinkReopened(link, { rsvp: 'no', rsvpAt: '2026-03-01T10:00:00.000Z' })).toBe(false);
    expect(answerLinkReopened(link, {})).toBe(false);
    expect(answerLinkReopened(link, undefined)).toBe(false);
  });
});

describe('whether the introducer stays', () => {
  const members = new Set(['anna', 'bo']);
  it('stays until they say they cannot come, then the rotation picks again', () => {
    expect(introducerStays({ introducerId: 'anna' }, members, new Set())).toBe(true);
    expect(introducerStays({ introducerId: 'anna' }, members, new Set(['anna']))).toBe(false);
  });
  it('a coordinator’s choice stays even so; nobody stays who has left or was never picked', () => {
    expect(
      introducerStays({ introducerId: 'anna', introducerOverride: true }, members, new Set(['anna'])),
    ).toBe(true);
    expect(introducerStays({ introducerId: 'cecilia', introducerOverride: true }, members, new Set())).toBe(
      false,
    );
    expect(introducerStays({}, members, new Set())).toBe(false);
  });
  it('a coordinator’s mark lapses when the one it names says afterwards they cannot come', () => {
    const marked = { introducerId: 'anna', introducerOverride: true };
    expect(introducerMarkLapses(marked, 'anna', 'no')).toBe(true);
    expect(introducerMarkLapses(marked, 'anna', 'yes')).toBe(false);
    expect(introducerMarkLapses(marked, 'bo', 'no')).toBe(false);
    // The rotation's pick has no mark: introducerStays already lets the rotation pick again.
    expect(introducerMarkLapses({ introducerId: 'anna' }, 'anna', 'no')).toBe(false);
  });
});

describe('what is stored once the introducer does not stay', () => {
  it('the new pick; nobody when everyone left cannot come, rather than the one who said so', () => {
    expect(introducerUpdate({ introducerId: 'anna' }, 'bo')).toEqual({ introducerId: 'bo' });
    expect(introducerUpdate({ introducerId: 'anna' }, undefined)).toEqual({ introducerId: null });
    expect(introducerUpdate({}, 'bo')).toEqual({ introducerId: 'bo' });
  });
  it('nothing when nothing changes', () => {
    expect(introducerUpdate({}, undefined)).toBeUndefined();
  });
  it('a coordinator’s mark goes with the member it named (who left): the pick gives way like any other', () => {
    expect(introducerUpdate({ introducerId: 'cecilia', introducerOverride: true }, 'bo')).toEqual({
      introducerId: 'bo',
      introducerOverride: null,
    });
    expect(introducerUpdate({ introducerId: 'cecilia', introducerOverride: true }, undefined)).toEqual({
      introducerId: null,
      introducerOverride: null,
    });
  });
});

describe('the answers counted for a meeting', () => {
  it('are those of the members seated now', () => {
    const answers = [
      { memberId: 'anna', rsvp: 'yes' as const },
      { memberId: 'bo', rsvp: 'no' as const },
      { memberId: 'cecilia', rsvp: 'yes' as const },
      { memberId: 'david' },
    ];
    expect(answerCounts(answers, new Set(['anna', 'bo', 'david']))).toEqual({ yes: 1, no: 1 });
    expect(answerCounts(answers, new Set())).toEqual({ yes: 0, no: 0 });
  });
});

describe('a meeting as a coordinator reads it', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const answers = [{ memberId: 'anna', rsvp: 'yes' as const }];
  it('names no introducer who has left before a meeting still ahead; one already held keeps its name', () => {
    const ahead = { introducerId: 'anna', startsAt: '2026-03-10T16:00:00Z' };
    const held = { introducerId: 'anna', startsAt: '2026-02-10T16:00:00Z' };
    expect(asSeenNow(ahead, answers, new Set(['anna']), now)).toEqual({ ...ahead, rsvp: { yes: 1, no: 0 } });
    expect(asSeenNow(ahead, answers, new Set(['bo']), now)).toEqual({
      startsAt: ahead.startsAt,
      rsvp: { yes: 0, no: 0 },
    });
    expect(asSeenNow(held, answers, new Set(['bo']), now).introducerId).toBe('anna');
  });
});

describe('when an RSVP link no longer speaks for its member', () => {
  const answer = { series: false, used: false };
  const series = { series: true, used: false };
  it('a yes or no, used or not: not for a cancelled meeting, nor from someone without a seat', () => {
    for (const used of [false, true]) {
      expect(rsvpLinkRefusal({ ...answer, used }, 'approved', 'scheduled')).toBeUndefined();
      expect(rsvpLinkRefusal({ ...answer, used }, 'approved', 'cancelled')).toBe('cancelled');
      expect(rsvpLinkRefusal({ ...answer, used }, 'left', 'scheduled')).toBe('not-theirs');
    }
  });
  it('"the rest of the series": unused needs a seat to give up; used, it holds while they have left', () => {
    expect(rsvpLinkRefusal(series, 'approved', 'scheduled')).toBeUndefined();
    expect(rsvpLinkRefusal(series, 'approved', 'cancelled')).toBe('cancelled');
    expect(rsvpLinkRefusal({ ...series, used: true }, 'left', 'cancelled')).toBeUndefined();
    expect(rsvpLinkRefusal({ ...series, used: true }, 'approved', 'scheduled')).toBe('not-theirs');
    expect(rsvpLinkRefusal({ ...series, used: true }, 'waitlisted', 'scheduled')).toBe('not-theirs');
  });
});
