import { describe, expect, it } from 'vitest';
import {
  coordinatorLanguage,
  type Digest,
  digestSlot,
  digestSpanEnd,
  hasNews,
  inDigestSpan,
  isDigestDue,
  isEmpty,
  sharedTopics,
} from '../../shared/domain/digest.ts';
import type { DigestSchedule } from '../../shared/domain/network.ts';
import { tallyTopics } from '../../shared/domain/topics.ts';
import { sampleDigest } from '../mail/privacy-samples.ts';

const stockholm = 'Europe/Stockholm';
const oslo = 'Europe/Oslo';
const hourMs = 3600_000;
const dayMs = 24 * hourMs;

const weeklyMonday7: DigestSchedule = { frequency: 'weekly', weekday: 1, hour: 7 };
const daily = (hour: number): DigestSchedule => ({ frequency: 'daily', hour });

/** The ticks EventBridge would run: every whole hour from `from` (inclusive) to `to` (exclusive). */
function* hourlyTicks(from: string, to: string): Generator<Date> {
  for (let t = Date.parse(from); t < Date.parse(to); t += hourMs) yield new Date(t);
}

/** The ticks at which `schedule` is due, as ISO strings. */
function dueTicks(schedule: DigestSchedule, timeZone: string, from: string, to: string): string[] {
  return [...hourlyTicks(from, to)]
    .filter((t) => isDigestDue(schedule, timeZone, t))
    .map((t) => t.toISOString());
}

// One formatter for the whole year: the count per local date must not lean on the code under test.
const localDate = new Map<string, Intl.DateTimeFormat>();
function localDateOf(timeZone: string, at: Date): string {
  const format =
    localDate.get(timeZone) ??
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  localDate.set(timeZone, format);
  return format.format(at);
}

/** Local date → how many ticks were due on it, over every tick of local 2026 in `timeZone`. */
function duesPerLocalDay(schedule: DigestSchedule, timeZone: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Local 2026 in Stockholm and Oslo: 2026-01-01 00:00 CET is 2025-12-31 23:00Z; the year ends likewise.
  for (const tick of hourlyTicks('2025-12-31T23:00:00Z', '2026-12-31T23:00:00Z')) {
    const date = localDateOf(timeZone, tick);
    counts.set(date, (counts.get(date) ?? 0) + (isDigestDue(schedule, timeZone, tick) ? 1 : 0));
  }
  return counts;
}

describe('isDigestDue', () => {
  // 2026-11-23 is a Monday; Stockholm is on CET (UTC+1), so 07:00 local is 06:00Z.
  it('sends a weekly Monday 07:00 digest at the 06:00Z tick of a winter Monday, and at no other tick', () => {
    expect(isDigestDue(weeklyMonday7, stockholm, new Date('2026-11-23T06:00:00Z'))).toBe(true);
    expect(isDigestDue(weeklyMonday7, stockholm, new Date('2026-11-23T05:00:00Z'))).toBe(false);
    expect(isDigestDue(weeklyMonday7, stockholm, new Date('2026-11-23T07:00:00Z'))).toBe(false);
    expect(isDigestDue(weeklyMonday7, stockholm, new Date('2026-11-24T06:00:00Z'))).toBe(false);
    expect(dueTicks(weeklyMonday7, stockholm, '2026-11-22T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      '2026-11-23T06:00:00.000Z',
    ]);
  });

  it('sends the same Monday digest at 05:00Z in summer, when Stockholm is UTC+2', () => {
    expect(dueTicks(weeklyMonday7, stockholm, '2026-06-14T00:00:00Z', '2026-06-21T00:00:00Z')).toEqual([
      '2026-06-15T05:00:00.000Z',
    ]);
  });

  it('sends a daily digest once every day at its hour', () => {
    expect(dueTicks(daily(16), stockholm, '2026-11-23T00:00:00Z', '2026-11-26T00:00:00Z')).toEqual([
      '2026-11-23T15:00:00.000Z',
      '2026-11-24T15:00:00.000Z',
      '2026-11-25T15:00:00.000Z',
    ]);
  });

  it('sends a daily digest at hour 0 on the tick at local midnight', () => {
    // 23:00Z is 00:00 of the next day in Stockholm in winter.
    expect(dueTicks(daily(0), stockholm, '2026-11-23T00:00:00Z', '2026-11-25T00:00:00Z')).toEqual([
      '2026-11-23T23:00:00.000Z',
      '2026-11-24T23:00:00.000Z',
    ]);
  });

  it("never sends when the digest is 'off'", () => {
    expect(dueTicks({ frequency: 'off' }, stockholm, '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual(
      [],
    );
  });

  it('follows the network’s own time zone: Oslo like Stockholm, UTC at its own hour', () => {
    expect(dueTicks(weeklyMonday7, oslo, '2026-11-22T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      '2026-11-23T06:00:00.000Z',
    ]);
    expect(dueTicks(weeklyMonday7, 'UTC', '2026-11-22T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual([
      '2026-11-23T07:00:00.000Z',
    ]);
  });

  it('decides the weekday in local time: a Monday 00:00 digest goes out on Sunday in UTC', () => {
    const mondayMidnight: DigestSchedule = { frequency: 'weekly', weekday: 1, hour: 0 };
    // Sunday 2026-11-22 23:00Z is Monday 00:00 in Stockholm.
    expect(dueTicks(mondayMidnight, stockholm, '2026-11-21T00:00:00Z', '2026-11-28T00:00:00Z')).toEqual([
      '2026-11-22T23:00:00.000Z',
    ]);
  });

  describe('over daylight saving time in Stockholm', () => {
    // 2026-03-29: at 01:00Z the clocks go from 02:00 CET to 03:00 CEST; 02:00 local never happens.
    it('sends a digest set to the skipped hour at the first tick past it, 03:00 local (01:00Z)', () => {
      expect(dueTicks(daily(2), stockholm, '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toEqual([
        '2026-03-29T01:00:00.000Z',
      ]);
      expect(isDigestDue(daily(2), stockholm, new Date('2026-03-29T00:00:00Z'))).toBe(false);
      expect(isDigestDue(daily(2), stockholm, new Date('2026-03-29T02:00:00Z'))).toBe(false);
    });

    it('sends the hour after the skipped one as usual, and only once', () => {
      expect(dueTicks(daily(3), stockholm, '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toEqual([
        '2026-03-29T01:00:00.000Z',
      ]);
    });

    // 2026-10-25: at 01:00Z the clocks go from 03:00 CEST back to 02:00 CET; 02:00 local happens twice.
    it('sends a digest set to the repeated hour once, at its first occurrence', () => {
      expect(dueTicks(daily(2), stockholm, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toEqual([
        '2026-10-25T00:00:00.000Z',
      ]);
      // The second 02:00 (CET) follows an 02:00 (CEST): not a new arrival at the hour.
      expect(isDigestDue(daily(2), stockholm, new Date('2026-10-25T01:00:00Z'))).toBe(false);
    });

    it('still sends every hour’s digest once when the scheduler skips the repeated hour’s second tick', () => {
      // EventBridge Scheduler, ticking in Europe/Stockholm, runs a repeated local hour once: no 01:00Z tick.
      const ticks = [...hourlyTicks('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z')].filter(
        (t) => t.toISOString() !== '2026-10-25T01:00:00.000Z',
      );
      for (const timeZone of [stockholm, oslo]) {
        for (let hour = 0; hour < 24; hour += 1) {
          const dues = ticks.filter((t) => isDigestDue(daily(hour), timeZone, t));
          expect(
            dues.map((t) => localDateOf(timeZone, t)),
            `${timeZone} ${hour}`,
          ).toEqual(['2026-10-25']);
        }
      }
    });

    it('sends the weekly Sunday digest once on both switch-over Sundays', () => {
      const sunday2: DigestSchedule = { frequency: 'weekly', weekday: 7, hour: 2 };
      expect(dueTicks(sunday2, stockholm, '2026-03-27T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
        '2026-03-29T01:00:00.000Z',
      ]);
      expect(dueTicks(sunday2, stockholm, '2026-10-23T00:00:00Z', '2026-10-28T00:00:00Z')).toEqual([
        '2026-10-25T00:00:00.000Z',
      ]);
    });
  });

  describe('over every hourly tick of 2026', () => {
    // A year of ticks takes a few seconds per schedule: the hours that matter, not all 24.
    for (const [timeZone, hour] of [
      [stockholm, 2],
      [stockholm, 7],
      [oslo, 2],
    ] as const) {
      it(`sends a daily digest at hour ${hour} exactly once on each of the 365 local days in ${timeZone}`, () => {
        const counts = duesPerLocalDay(daily(hour), timeZone);
        expect(counts.size).toBe(365);
        const wrong = [...counts].filter(([, n]) => n !== 1);
        expect(wrong).toEqual([]);
      });
    }

    it('sends a weekly digest on each of the 52 Mondays and the 53 Thursdays, once each', () => {
      const mondays = duesPerLocalDay(weeklyMonday7, stockholm);
      const mondayDates = [...mondays].filter(([, n]) => n > 0);
      expect(mondayDates).toHaveLength(52);
      expect(
        mondayDates.every(([date, n]) => n === 1 && new Date(`${date}T12:00:00Z`).getUTCDay() === 1),
      ).toBe(true);
      // 2026 starts on a Thursday: a year of 365 days has 53 of them.
      const thursdays = duesPerLocalDay({ frequency: 'weekly', weekday: 4, hour: 2 }, stockholm);
      const thursdayDates = [...thursdays].filter(([, n]) => n > 0);
      expect(thursdayDates).toHaveLength(53);
      expect(thursdayDates.every(([, n]) => n === 1)).toBe(true);
    });

    it("sends nothing all year when the digest is 'off'", () => {
      const counts = duesPerLocalDay({ frequency: 'off' }, stockholm);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(0);
    });
  });
});

describe('digestSlot', () => {
  it('is the local date of the tick, not the UTC one', () => {
    expect(digestSlot(stockholm, new Date('2026-11-23T06:00:00Z'))).toBe('2026-11-23');
    // 23:30Z on the 22nd is 00:30 on the 23rd in Stockholm.
    expect(digestSlot(stockholm, new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(digestSlot('UTC', new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-22');
  });

  it('is the same for both ticks of the repeated hour, so a retried tick sends once', () => {
    expect(digestSlot(stockholm, new Date('2026-10-25T00:00:00Z'))).toBe(
      digestSlot(stockholm, new Date('2026-10-25T01:00:00Z')),
    );
  });
});

const since = '2026-11-16T06:00:00Z';
const now = new Date('2026-11-23T06:00:00Z');

/** A digest whose every item was already there at `since`: nothing the last digest did not say. */
function staleDigest(): Digest {
  return {
    networkName: 'Grundskolenätverket',
    timeZone: stockholm,
    since,
    newRegistrations: [],
    // Topics say where things stand, not what changed: the same as in the sample.
    sharedTopics: sampleDigest.sharedTopics.slice(0, 1),
    proposals: [
      {
        proposalId: 'p-elevhalsa',
        title: 'Elevhälsa i praktiken',
        proposerName: 'Maria Lind',
        createdAt: '2026-11-10T10:00:00Z',
      },
    ],
    pendingJoinRequests: [
      {
        groupId: 'g-mandat',
        requestId: 'j-kim',
        name: 'Kim Nyberg',
        organisation: 'Friskolan Ugglan',
        groupTitle: 'Rektors mandat',
        createdAt: '2026-11-12T08:00:00Z',
        approveUrl: 'https://api.samla.example/v1/decisions/a',
        declineUrl: 'https://api.samla.example/v1/decisions/d',
      },
    ],
    queues: [
      {
        groupId: 'g-mandat',
        groupTitle: 'Rektors mandat',
        seatsTaken: 12,
        capacity: 12,
        waitlisted: 3,
        // Offered before the last digest and still open: already reported.
        offers: [
          {
            requestId: 'j-sara',
            name: 'Sara Ek',
            offeredAt: '2026-11-15T07:00:00Z',
            until: '2026-11-24T07:00:00Z',
          },
        ],
      },
    ],
    upcomingMeetings: [
      {
        groupId: 'g-mandat',
        meetingId: 'm-mandat-2',
        groupTitle: 'Rektors mandat',
        // Scheduled before the last digest, and 13 days after `since`: inside the window then already.
        createdAt: '2026-11-01T10:00:00Z',
        startsAt: '2026-11-29T13:00:00Z',
        durationMinutes: 90,
        timeZone: stockholm,
        mode: 'online',
        seq: 2,
        rsvp: { yes: 7, no: 1, unanswered: 4 },
      },
    ],
    closedEvaluations: [],
  };
}

describe('the span a digest covers', () => {
  it('ends two minutes before the digest is made, and the next one starts there: nothing falls between', () => {
    const made = new Date('2026-11-23T06:00:00.000Z');
    const until = digestSpanEnd(made).toISOString();
    expect(until).toBe('2026-11-23T05:58:00.000Z');
    const since = '2026-11-16T05:58:00.000Z';
    // Confirmed while this digest was read (stamped before it was made, visible only after): the next one's.
    const late = '2026-11-23T05:59:30.000Z';
    expect(inDigestSpan(late, since, until)).toBe(false);
    expect(inDigestSpan(late, until, digestSpanEnd(new Date('2026-11-30T06:00:00.000Z')).toISOString())).toBe(
      true,
    );
    expect(inDigestSpan(until, since, until)).toBe(true);
    expect(inDigestSpan(since, since, until)).toBe(false);
    expect(inDigestSpan('2026-01-01T00:00:00Z', undefined, until)).toBe(true);
  });

  it('leaves a proposal or a request made after its end to the next digest', () => {
    const until = '2026-11-23T05:58:00.000Z';
    const proposal = {
      proposalId: 'p-ny',
      title: 'Ny grupp',
      proposerName: 'Olle',
      createdAt: '2026-11-23T05:59:00.000Z',
    };
    expect(hasNews({ ...staleDigest(), until, proposals: [proposal] }, now)).toBe(false);
    expect(hasNews({ ...staleDigest(), since: until, proposals: [proposal] }, now)).toBe(true);
  });
});

describe('hasNews', () => {
  it('is false when everything in the digest was there at the last one', () => {
    const digest = staleDigest();
    expect(isEmpty(digest)).toBe(false);
    expect(hasNews(digest, now)).toBe(false);
  });

  it('is true for a new registration', () => {
    const digest: Digest = {
      ...staleDigest(),
      newRegistrations: [
        {
          registrationId: 'r-olle',
          name: 'Olle Ström',
          organisation: 'Kungsbacka kommun',
          confirmedAt: '2026-11-20T09:00:00Z',
        },
      ],
    };
    expect(hasNews(digest, now)).toBe(true);
  });

  it('is true for a join request that arrived since, false for one that waited already', () => {
    const stale = staleDigest();
    const [request] = stale.pendingJoinRequests;
    if (!request) throw new Error('fixture has a request');
    expect(
      hasNews({ ...stale, pendingJoinRequests: [{ ...request, createdAt: '2026-11-16T06:00:01Z' }] }, now),
    ).toBe(true);
    // Exactly at `since`: the last digest already listed it.
    expect(hasNews({ ...stale, pendingJoinRequests: [{ ...request, createdAt: since }] }, now)).toBe(false);
  });

  it('is true for a group proposal that arrived since', () => {
    const stale = staleDigest();
    const proposals = [
      ...stale.proposals,
      {
        proposalId: 'p-ekonomi',
        title: 'Skolans ekonomi',
        proposerName: 'Dennis Berg',
        createdAt: '2026-11-20T10:00:00Z',
      },
    ];
    expect(hasNews({ ...stale, proposals }, now)).toBe(true);
  });

  it('is true for a meeting that entered the two-week window since, false for one already in it', () => {
    const stale = staleDigest();
    const [meeting] = stale.upcomingMeetings;
    if (!meeting) throw new Error('fixture has a meeting');
    // 15 days after `since`: outside the window at the last digest, inside it now.
    const entering = { ...meeting, startsAt: new Date(Date.parse(since) + 15 * dayMs).toISOString() };
    expect(hasNews({ ...stale, upcomingMeetings: [entering] }, now)).toBe(true);
    // Exactly 14 days after `since`: on the window's edge at the last digest, so it was listed then.
    const onEdge = { ...meeting, startsAt: new Date(Date.parse(since) + 14 * dayMs).toISOString() };
    expect(hasNews({ ...stale, upcomingMeetings: [onEdge] }, now)).toBe(false);
  });

  it('is true for an evaluation that closed', () => {
    const digest: Digest = {
      ...staleDigest(),
      closedEvaluations: [
        {
          groupId: 'g-mandat',
          meetingId: 'm-mandat-1',
          groupTitle: 'Rektors mandat',
          seq: 1,
          startsAt: '2026-11-10T13:00:00Z',
          timeZone: stockholm,
          closedAt: '2026-11-18T08:00:00Z',
          answered: 7,
          asked: 9,
          mean: 7.4,
        },
      ],
    };
    expect(hasNews(digest, now)).toBe(true);
  });

  it('is true for a seat offered since that is still open, false for one that has run out', () => {
    const stale = staleDigest();
    const [queue] = stale.queues;
    if (!queue) throw new Error('fixture has a queue');
    const offer = {
      requestId: 'j-lars',
      name: 'Lars Holm',
      offeredAt: '2026-11-22T07:00:00Z',
      until: '2026-11-24T07:00:00Z',
    };
    expect(hasNews({ ...stale, queues: [{ ...queue, offers: [...queue.offers, offer] }] }, now)).toBe(true);
    const lapsed = { ...offer, until: '2026-11-23T05:00:00Z' };
    expect(hasNews({ ...stale, queues: [{ ...queue, offers: [...queue.offers, lapsed] }] }, now)).toBe(false);
  });

  it('treats everything as new in a network’s first digest', () => {
    const { since: _since, ...first } = staleDigest();
    expect(hasNews(first, now)).toBe(true);
  });
});

describe('isEmpty', () => {
  const empty: Digest = {
    networkName: 'Grundskolenätverket',
    timeZone: stockholm,
    newRegistrations: [],
    sharedTopics: [],
    proposals: [],
    pendingJoinRequests: [],
    queues: [],
    upcomingMeetings: [],
    closedEvaluations: [],
  };

  it('is true for a network with nothing to show, even with full groups that have no queue', () => {
    expect(isEmpty(empty)).toBe(true);
    expect(
      isEmpty({
        ...empty,
        queues: [
          {
            groupId: 'g-mandat',
            groupTitle: 'Rektors mandat',
            seatsTaken: 12,
            capacity: 12,
            waitlisted: 0,
            offers: [],
          },
        ],
      }),
    ).toBe(true);
  });

  it('is false as soon as any section has something', () => {
    const stale = staleDigest();
    const filled: Partial<Digest>[] = [
      {
        newRegistrations: [
          { registrationId: 'r-asa', name: 'Åsa Ericson', organisation: 'Ekskolan', confirmedAt: since },
        ],
      },
      { sharedTopics: stale.sharedTopics },
      { proposals: stale.proposals },
      { pendingJoinRequests: stale.pendingJoinRequests },
      {
        queues: [
          {
            groupId: 'g-mandat',
            groupTitle: 'Rektors mandat',
            seatsTaken: 12,
            capacity: 12,
            waitlisted: 1,
            offers: [],
          },
        ],
      },
      { upcomingMeetings: stale.upcomingMeetings },
      {
        closedEvaluations: [
          {
            groupId: 'g-mandat',
            meetingId: 'm-mandat-1',
            groupTitle: 'Rektors mandat',
            seq: 1,
            startsAt: since,
            timeZone: stockholm,
            closedAt: since,
            answered: 0,
            asked: 9,
          },
        ],
      },
    ];
    for (const part of filled) expect(isEmpty({ ...empty, ...part }), Object.keys(part)[0]).toBe(false);
  });
});

describe('sharedTopics', () => {
  const people = new Map([
    ['a', { name: 'Åsa Ericson', organisation: 'Ekskolan' }],
    ['b', { name: 'Dennis Berg', organisation: 'Ale kommun' }],
    ['c', { name: 'Maria Lind', organisation: 'Björkskolan' }],
    ['d', { name: 'Lars Holm', organisation: 'Ale kommun' }],
  ]);
  const tally = tallyTopics(
    [
      { personId: 'a', topics: ['Skolans ekonomi', 'Rektors mandat'], language: 'sv' },
      { personId: 'b', topics: ['skolans  ekonomi!', 'Rektors mandat'], language: 'sv' },
      { personId: 'c', topics: ['Skolans ekonomi', 'Lokaler'], language: 'sv' },
      { personId: 'd', topics: ['Rektors mandat'], language: 'sv' },
    ],
    [{ text: 'Rektors mandat och ansvar', language: 'sv', groupId: 'g-mandat' }],
  );
  const titles = new Map([['g-mandat', 'Rektors mandat']]);

  it('keeps the topics at least three people share, with their names, and whether a group covers them', () => {
    const topics = sharedTopics(tally, people, undefined, titles);
    expect(topics.map((t) => [t.label, t.covered, t.people.map((p) => p.name).sort()])).toEqual([
      ['Rektors mandat', true, ['Dennis Berg', 'Lars Holm', 'Åsa Ericson']],
      ['Skolans ekonomi', false, ['Dennis Berg', 'Maria Lind', 'Åsa Ericson']],
    ]);
    expect(topics[1]?.people).toContainEqual({
      registrationId: 'c',
      name: 'Maria Lind',
      organisation: 'Björkskolan',
    });
  });

  it('names the groups that cover a topic by id and title, for the console to link to', () => {
    const topics = sharedTopics(tally, people, undefined, titles);
    expect(topics.map((t) => [t.label, t.coveredBy])).toEqual([
      ['Rektors mandat', [{ groupId: 'g-mandat', groupTitle: 'Rektors mandat' }]],
      ['Skolans ekonomi', []],
    ]);
    // A group whose title it was not given is left out of coveredBy; the topic is still covered.
    expect(sharedTopics(tally, people)[0]).toMatchObject({ covered: true, coveredBy: [] });
  });

  it('takes a different threshold, and leaves out people it has no name for', () => {
    expect(sharedTopics(tally, people, 4)).toEqual([]);
    expect(sharedTopics(tally, people, 1).map((t) => t.label)).toContain('Lokaler');
    const withoutLars = new Map([...people].filter(([id]) => id !== 'd'));
    const mandate = sharedTopics(tally, withoutLars).find((t) => t.label === 'Rektors mandat');
    expect(mandate?.people.map((p) => p.name).sort()).toEqual(['Dennis Berg', 'Åsa Ericson']);
  });
});

describe('coordinatorLanguage', () => {
  it('is the coordinator’s own choice, else the network’s first language', () => {
    const network = {
      languages: ['nb', 'sv'] as const,
      coordinatorLanguages: { 'anna@ale.se': 'en' as const },
    };
    expect(coordinatorLanguage(network, 'anna@ale.se')).toBe('en');
    expect(coordinatorLanguage(network, 'lars@ale.se')).toBe('nb');
    expect(coordinatorLanguage({ languages: ['sv', 'nb'] }, 'anna@ale.se')).toBe('sv');
  });
});
