import { describe, expect, it } from 'vitest';
import {
  type Attendance,
  attended,
  defaultEvaluationCloseDays,
  defaultEvaluationDelayMinutes,
  type EvaluationAnswer,
  evaluationDedupeKey,
  evaluationLimits,
  evaluationOpen,
  evaluationPlan,
  isRating,
  latestEvaluationClose,
  parkedQuestionLines,
  reflectionFields,
  roundToTenth,
  summarise,
  summaryDedupeKey,
  trend,
  whoIsAsked,
  withoutIdentity,
} from '../../shared/domain/evaluation.ts';
import { meetingDedupeKey, meetingEnd } from '../../shared/domain/meeting.ts';

const members = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({ id }));
const at = '2026-03-10T19:12:34.567Z';

describe('who is asked', () => {
  it('asks everyone who did not say they could not come when no attendance was taken', () => {
    expect(whoIsAsked({ members, attendance: {}, rsvpNo: new Set() })).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
      'm5',
    ]);
    expect(whoIsAsked({ members, attendance: {}, rsvpNo: new Set(['m2', 'm4']) })).toEqual([
      'm1',
      'm3',
      'm5',
    ]);
  });

  it('asks those marked present or present half the time once attendance was taken', () => {
    const attendance = { m1: 'present', m2: 'half', m3: 'absent' } as const;
    // m4 and m5 are unmarked: the list was taken and they are not on it.
    expect(whoIsAsked({ members, attendance, rsvpNo: new Set() })).toEqual(['m1', 'm2']);
  });

  it('lets attendance beat an earlier "cannot come"', () => {
    const asked = whoIsAsked({ members, attendance: { m2: 'present' }, rsvpNo: new Set(['m2', 'm3']) });
    expect(asked).toEqual(['m2']);
  });

  it('never asks an absent member', () => {
    const attendance = { m1: 'absent', m2: 'absent', m3: 'absent', m4: 'absent', m5: 'absent' } as const;
    expect(whoIsAsked({ members, attendance, rsvpNo: new Set() })).toEqual([]);
  });

  it('counts attendance for someone who has since left as attendance taken', () => {
    expect(whoIsAsked({ members, attendance: { gone: 'present' }, rsvpNo: new Set() })).toEqual([]);
  });

  it('leaves out who was seated after the meeting began, unless attendance has them there', () => {
    const startsAt = '2026-03-10T16:00:00.000Z';
    const seated = [
      { id: 'before', joinedAt: '2026-02-01T09:00:00.000Z' },
      { id: 'after', joinedAt: '2026-03-10T17:00:00.000Z' },
    ];
    expect(whoIsAsked({ members: seated, attendance: {}, rsvpNo: new Set(), startsAt })).toEqual(['before']);
    expect(
      whoIsAsked({ members: seated, attendance: { after: 'present' }, rsvpNo: new Set(), startsAt }),
    ).toEqual(['after']);
  });

  it('asks a member once, in member order, and nobody who is not a member', () => {
    const asked = whoIsAsked({
      members: [{ id: 'm3' }, { id: 'm1' }, { id: 'm3' }],
      attendance: { m1: 'half', m3: 'present', outsider: 'present' },
      rsvpNo: new Set(),
    });
    expect(asked).toEqual(['m3', 'm1']);
  });
});

/** Nine asked, seven answered: ratings 8, 9, 7, 7, 6, 8, 7. */
const answers: EvaluationAnswer[] = [
  { rating: 8, anonymous: false, memberId: 'm1', answeredAt: at, nextTimeBetter: 'Mer tid för samtal' },
  {
    rating: 9,
    anonymous: true,
    answeredAt: at,
    nextTimeBetter: '  Skicka underlaget i förväg  ',
    reflections: { programme: ' Bra introduktion ', takeHome: 'Rektors mandat' },
    parkedQuestions: ['Onboarding av nya rektorer?', ' '],
  },
  {
    rating: 7,
    anonymous: false,
    memberId: 'm3',
    answeredAt: at,
    reflections: { programme: 'Alltför löst andra timmen', preparation: '' },
    parkedQuestions: ['Gemensamma system i regionen?'],
  },
  { rating: 7, anonymous: true, answeredAt: at, nextTimeBetter: '   ' },
  { rating: 6, anonymous: false, memberId: 'm5', answeredAt: at, reflections: { execution: 'Bra tider' } },
  { rating: 8, anonymous: false, memberId: 'm6', answeredAt: at },
  {
    rating: 7,
    anonymous: false,
    memberId: 'm7',
    answeredAt: at,
    reflections: { continueAtHome: 'Ledningsgruppen' },
  },
];

describe('summary', () => {
  const summary = summarise(answers, { asked: 9, previousMean: 6.6 });

  it('counts the answers, the rate and each rating', () => {
    expect(summary.responses).toBe(7);
    expect(summary.asked).toBe(9);
    expect(summary.responseRate).toBeCloseTo(7 / 9, 10);
    expect(summary.distribution).toEqual([0, 0, 0, 0, 0, 1, 3, 2, 1, 0]);
    expect(summary.distribution).toHaveLength(10);
  });

  it('gives the mean and the change to one decimal', () => {
    // 52 / 7 = 7.43
    expect(summary.mean).toBe(7.4);
    expect(summary.change).toBe(0.8);
    expect(summarise(answers, { asked: 9, previousMean: 8 }).change).toBe(-0.6);
    expect(summarise(answers, { asked: 9, previousMean: 7.4 }).change).toBe(0);
    expect(Object.is(summarise(answers, { asked: 9, previousMean: 7.4 }).change, -0)).toBe(false);
  });

  it('has no change without a previous mean, and no mean or change without answers', () => {
    expect(summarise(answers, { asked: 9 })).not.toHaveProperty('change');
    const none = summarise([], { asked: 6, previousMean: 7 });
    expect(none).toMatchObject({ responses: 0, asked: 6, responseRate: 0, distribution: Array(10).fill(0) });
    expect(none).not.toHaveProperty('mean');
    expect(none).not.toHaveProperty('change');
    expect(summarise([], { asked: 0 }).responseRate).toBe(0);
  });

  it('collects the texts trimmed, without blanks', () => {
    expect(summary.suggestions).toEqual(['Mer tid för samtal', 'Skicka underlaget i förväg']);
    expect(summary.reflections).toEqual({
      programme: ['Alltför löst andra timmen', 'Bra introduktion'],
      preparation: [],
      execution: ['Bra tider'],
      takeHome: ['Rektors mandat'],
      continueAtHome: ['Ledningsgruppen'],
    });
    expect(Object.keys(summary.reflections)).toEqual([...reflectionFields]);
    expect(summary.parkedQuestions).toEqual(['Gemensamma system i regionen?', 'Onboarding av nya rektorer?']);
  });

  it('tells nobody who answered what: no ids, and the order of the answers does not show', () => {
    const text = JSON.stringify(summary);
    for (const id of ['m1', 'm3', 'm5', 'm6', 'm7', 'memberId', 'anonymous', 'answeredAt']) {
      expect(text).not.toContain(id);
    }
    const reversed = summarise([...answers].reverse(), { asked: 9, previousMean: 6.6 });
    expect(reversed).toEqual(summary);
  });

  it('counts anonymous and named answers alike', () => {
    const named = answers.map(({ rating, answeredAt }, i) => ({
      rating,
      answeredAt,
      anonymous: false,
      memberId: `x${i}`,
    }));
    const anonymous = answers.map(({ rating, answeredAt }) => ({ rating, answeredAt, anonymous: true }));
    const a = summarise(named, { asked: 9 });
    const b = summarise(anonymous, { asked: 9 });
    expect(a).toEqual(b);
  });

  it('never reports fewer asked than answered, and skips an answer without a rating from 1 to 10', () => {
    expect(summarise(answers, { asked: 3 })).toMatchObject({ asked: 7, responseRate: 1 });
    const broken = [
      ...answers,
      { rating: 11, anonymous: true, answeredAt: at } as unknown as EvaluationAnswer,
    ];
    expect(summarise(broken, { asked: 9 }).responses).toBe(7);
  });

  it('rounds halves up to one decimal', () => {
    expect(
      summarise(
        [8, 7].map((rating) => ({ rating, anonymous: true, answeredAt: at }) as EvaluationAnswer),
        {
          asked: 2,
        },
      ).mean,
    ).toBe(7.5);
    expect(roundToTenth(7.25)).toBe(7.3);
    expect(roundToTenth(-0.04)).toBe(0);
    expect(Object.is(roundToTenth(-0.04), -0)).toBe(false);
  });
});

describe('ratings and parked questions', () => {
  it('knows a rating', () => {
    expect([1, 5, 10].every(isRating)).toBe(true);
    for (const value of [0, 11, 7.5, '7', Number.NaN, undefined]) expect(isRating(value)).toBe(false);
  });

  it('reads one question per line', () => {
    expect(parkedQuestionLines('  Första frågan?\r\n\n Andra frågan? \r  \nTredje')).toEqual([
      'Första frågan?',
      'Andra frågan?',
      'Tredje',
    ]);
    expect(parkedQuestionLines('  \n ')).toEqual([]);
  });
});

describe('trend', () => {
  const meetings = [
    { meetingId: 'c', seq: 3, startsAt: '2026-04-21T15:00:00Z', mean: 7.4, responses: 7 },
    { meetingId: 'a', seq: 1, startsAt: '2026-01-27T16:00:00Z', mean: 6.2, responses: 5 },
    { meetingId: 'b', seq: 2, startsAt: '2026-03-10T16:00:00Z', responses: 0 },
    { meetingId: 'd', seq: 4, startsAt: '2026-06-02T15:00:00Z', mean: 7.1, responses: 6 },
  ];

  it('puts the meetings in order with the change against the latest one that had answers', () => {
    expect(trend(meetings)).toEqual([
      { meetingId: 'a', seq: 1, startsAt: '2026-01-27T16:00:00Z', mean: 6.2, responses: 5 },
      { meetingId: 'b', seq: 2, startsAt: '2026-03-10T16:00:00Z', responses: 0 },
      { meetingId: 'c', seq: 3, startsAt: '2026-04-21T15:00:00Z', mean: 7.4, responses: 7, change: 1.2 },
      { meetingId: 'd', seq: 4, startsAt: '2026-06-02T15:00:00Z', mean: 7.1, responses: 6, change: -0.3 },
    ]);
  });

  it('gives the first meeting with answers no change, and leaves the input alone', () => {
    const copy = structuredClone(meetings);
    const points = trend(meetings);
    expect(points[0]).not.toHaveProperty('change');
    expect(meetings).toEqual(copy);
    expect(trend([])).toEqual([]);
  });

  it('skips a meeting whose mean came without answers', () => {
    const points = trend([
      { meetingId: 'a', seq: 1, startsAt: '2026-01-27T16:00:00Z', mean: 5, responses: 2 },
      { meetingId: 'b', seq: 2, startsAt: '2026-03-10T16:00:00Z', mean: 9, responses: 0 },
      { meetingId: 'c', seq: 3, startsAt: '2026-04-21T15:00:00Z', mean: 6, responses: 3 },
    ]);
    expect(points.map((p) => p.change)).toEqual([undefined, undefined, 1]);
  });

  it('keeps what else the caller put on a meeting', () => {
    const [point] = trend([
      { meetingId: 'a', seq: 1, startsAt: '2026-01-27T16:00:00Z', responses: 0, title: 'x' },
    ]);
    expect(point?.title).toBe('x');
  });
});

describe('plan', () => {
  // A meeting 17.00–18.30 in Stockholm (CET) ends at 17:30Z.
  const end = meetingEnd({ startsAt: '2026-03-10T16:00:00.000Z', durationMinutes: 90 });

  it('asks an hour after the end, reminds three days later and closes a week after the request', () => {
    expect(evaluationPlan({ meetingEnd: end })).toEqual({
      requestAt: '2026-03-10T18:30:00.000Z',
      reminderAt: '2026-03-13T18:30:00.000Z',
      closeAt: '2026-03-17T18:30:00.000Z',
    });
  });

  it('follows the network’s own times, measured from the request', () => {
    expect(
      evaluationPlan({
        meetingEnd: new Date(end),
        delayMinutes: 0,
        reminderAfterDays: 2,
        closeAfterDays: 5,
      }),
    ).toEqual({
      requestAt: '2026-03-10T17:30:00.000Z',
      reminderAt: '2026-03-12T17:30:00.000Z',
      closeAt: '2026-03-15T17:30:00.000Z',
    });
  });

  it('counts whole 24-hour days across a change of clocks', () => {
    // Summer time begins on Sunday 29 March 2026.
    const plan = evaluationPlan({ meetingEnd: '2026-03-26T17:30:00.000Z' });
    expect(plan.closeAt).toBe('2026-04-02T18:30:00.000Z');
  });

  it('refuses an unreadable end, a negative delay and a reminder not before the close', () => {
    expect(() => evaluationPlan({ meetingEnd: 'yesterday' })).toThrow(RangeError);
    expect(() => evaluationPlan({ meetingEnd: end, delayMinutes: -5 })).toThrow(RangeError);
    expect(() => evaluationPlan({ meetingEnd: end, reminderAfterDays: 7 })).toThrow(RangeError);
    expect(() => evaluationPlan({ meetingEnd: end, reminderAfterDays: 0 })).toThrow(RangeError);
    expect(() => evaluationPlan({ meetingEnd: end, closeAfterDays: Number.NaN })).toThrow(RangeError);
  });

  it('closes no earlier than the close announced, and later when the settings say so', () => {
    const told = evaluationPlan({ meetingEnd: end }).closeAt;
    const shorter = { meetingEnd: end, reminderAfterDays: 1, closeAfterDays: 2 };
    expect(evaluationPlan({ ...shorter, announcedCloseAt: told }).closeAt).toBe(told);
    expect(evaluationPlan(shorter).closeAt).not.toBe(told);
    expect(evaluationPlan({ meetingEnd: end, closeAfterDays: 14, announcedCloseAt: told }).closeAt).toBe(
      evaluationPlan({ meetingEnd: end, closeAfterDays: 14 }).closeAt,
    );
  });

  it('takes answers until the close, and not after it was closed', () => {
    const { closeAt } = evaluationPlan({ meetingEnd: end });
    expect(evaluationOpen({ closeAt }, new Date('2026-03-17T18:29:59Z'))).toBe(true);
    expect(evaluationOpen({ closeAt }, new Date('2026-03-17T18:30:00Z'))).toBe(false);
    expect(
      evaluationOpen({ closeAt, closedAt: '2026-03-12T10:00:00Z' }, new Date('2026-03-11T00:00:00Z')),
    ).toBe(false);
  });

  it('gives a link that lasts to the latest close any allowed setting can give', () => {
    const latest = Date.parse(latestEvaluationClose(end));
    // 24 hours' delay and 60 days: the most the admin API takes.
    expect(latest).toBe(Date.parse(end) + 24 * 3600_000 + 60 * 24 * 3600_000);
    const { delayMinutes, reminderAfterDays, closeAfterDays } = evaluationLimits;
    for (const delay of [delayMinutes.min, defaultEvaluationDelayMinutes, delayMinutes.max])
      for (const days of [closeAfterDays.min, defaultEvaluationCloseDays, closeAfterDays.max]) {
        const { closeAt } = evaluationPlan({
          meetingEnd: end,
          delayMinutes: delay,
          reminderAfterDays: reminderAfterDays.min,
          closeAfterDays: days,
        });
        expect(Date.parse(closeAt)).toBeLessThanOrEqual(latest);
      }
  });
});

describe('anonymity', () => {
  const named: EvaluationAnswer = {
    rating: 9,
    nextTimeBetter: ' Skicka underlaget i förväg ',
    reflections: { programme: 'Bra introduktion', preparation: '  ' },
    parkedQuestions: ['Onboarding?', ''],
    anonymous: false,
    memberId: 'jr_01HZX3',
    answeredAt: at,
  };

  it('keeps nothing that could tell who answered', () => {
    // A caller may have put more on the answer than its type says: a name, an email address.
    const given = {
      ...named,
      anonymous: true,
      name: 'Åsa Ericson',
      email: 'asa@ale.example',
      subjectId: 'jr_01HZX3',
    } as EvaluationAnswer;
    const stored = withoutIdentity(given);
    expect(stored).toEqual({
      rating: 9,
      nextTimeBetter: 'Skicka underlaget i förväg',
      reflections: { programme: 'Bra introduktion' },
      parkedQuestions: ['Onboarding?'],
      anonymous: true,
      // The day only: the exact time could be matched with the note that the member answered.
      answeredAt: '2026-03-10T00:00:00.000Z',
    });
    const text = JSON.stringify(stored);
    for (const identifying of ['jr_01HZX3', 'Åsa', 'Ericson', 'asa@', 'memberId', 'name', 'email', '19:12']) {
      expect(text).not.toContain(identifying);
    }
  });

  it('keeps a named answer’s member and time', () => {
    expect(withoutIdentity(named)).toEqual({
      rating: 9,
      nextTimeBetter: 'Skicka underlaget i förväg',
      reflections: { programme: 'Bra introduktion' },
      parkedQuestions: ['Onboarding?'],
      anonymous: false,
      memberId: 'jr_01HZX3',
      answeredAt: at,
    });
  });

  it('makes two anonymous answers of the same day alike but for what they say', () => {
    const a = withoutIdentity({
      rating: 7,
      anonymous: true,
      memberId: 'm1',
      answeredAt: '2026-03-10T18:31:00Z',
    });
    const b = withoutIdentity({
      rating: 7,
      anonymous: true,
      memberId: 'm2',
      answeredAt: '2026-03-10T23:59:00Z',
    });
    expect(a).toEqual(b);
  });
});

describe('dedupe keys', () => {
  it('are built from ids, one per member, kind and version', () => {
    const key = evaluationDedupeKey({
      meetingId: 'mt1',
      memberId: 'jr1',
      kind: 'evaluation-request',
      version: 2,
    });
    expect(key).toBe('meeting:mt1:jr1:evaluation-request:v2');
    expect(
      evaluationDedupeKey({ meetingId: 'mt1', memberId: 'jr1', kind: 'evaluation-reminder', version: 2 }),
    ).not.toBe(key);
    // Never the key of another meeting mail.
    expect(key).not.toBe(
      meetingDedupeKey({ meetingId: 'mt1', memberId: 'jr1', kind: 'evaluation', version: 2 }),
    );
    expect(summaryDedupeKey('mt1', 'coordinators')).toBe('meeting:mt1:coordinators:evaluation-summary');
    expect(summaryDedupeKey('mt1', 'coordinators')).not.toBe(summaryDedupeKey('mt1', 'facilitator'));
  });

  it('refuse an email address, a missing id and a bad version', () => {
    expect(() =>
      evaluationDedupeKey({ meetingId: 'mt1', memberId: 'a@b.se', kind: 'evaluation-request', version: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      evaluationDedupeKey({ meetingId: 'mt1', memberId: 'jr1', kind: 'evaluation-request', version: 0 }),
    ).toThrow(RangeError);
    expect(() => summaryDedupeKey('mt1', 'asa@ale.example')).toThrow(RangeError);
    expect(() => summaryDedupeKey('', 'coordinators')).toThrow(RangeError);
  });
});

describe('attended', () => {
  it('is present or half the time; absent or unmarked is not', () => {
    const marks: (Attendance | undefined)[] = ['present', 'half', 'absent', undefined];
    expect(marks.map(attended)).toEqual([true, true, false, false]);
  });
});
