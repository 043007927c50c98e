import type * as z from 'zod/mini';
import {
  type EvaluationAnswer,
  reflectionFields,
  summarise,
  trend,
  withoutIdentity,
} from '../domain/evaluation.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { Language } from '../i18n.ts';
import { toCsv } from './csv.ts';
import type { FeedbackAnswer, GroupFeedback, MeetingFeedback } from './evaluation-schemas.ts';

/**
 * How the admin API shows a group's evaluations: one meeting's figures and answers, the trend across the
 * series, and every answer as CSV. An anonymous answer is shown as it is stored — no member, only the day
 * — and is passed through `withoutIdentity` once more on the way out, so nothing a store change might add
 * to it can tie it to a person. Answers keep the store's order, which follows a hash of each member's
 * link, not the time or the person.
 */

export interface MeetingAnswers {
  readonly meeting: Meeting;
  readonly answers: readonly EvaluationAnswer[];
}

/** Member names by join request id: the group's members (`listJoinRequests`). */
export type MemberNames = ReadonlyMap<string, string>;

const held = (meeting: Meeting) => meeting.status !== 'cancelled';

/**
 * The mean a meeting's summary compares with, as the summary email does: that of the latest earlier
 * meeting whose evaluation closed.
 */
export function previousMean(meeting: Meeting, meetings: readonly Meeting[]): number | undefined {
  return meetings
    .filter((m) => held(m) && m.startsAt < meeting.startsAt && m.evaluationMean !== undefined)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .at(-1)?.evaluationMean;
}

function summaryOf(meeting: Meeting, answers: readonly EvaluationAnswer[], previous?: number) {
  return summarise(answers, {
    asked: meeting.evaluationAsked ?? 0,
    ...(previous === undefined ? {} : { previousMean: previous }),
  });
}

function shownAnswer(stored: EvaluationAnswer, names: MemberNames): z.output<typeof FeedbackAnswer> {
  const answer = withoutIdentity(stored);
  const { memberId, ...said } = answer;
  return {
    ...said,
    ...(answer.anonymous || memberId === undefined
      ? {}
      : { member: { id: memberId, name: names.get(memberId) ?? '' } }),
  };
}

export function meetingFeedback(
  meeting: Meeting,
  answers: readonly EvaluationAnswer[],
  names: MemberNames,
  previous: number | undefined,
): z.output<typeof MeetingFeedback> {
  return {
    meeting: {
      id: meeting.id,
      seq: meeting.seq,
      startsAt: meeting.startsAt,
      ...(meeting.evaluationClosedAt === undefined ? {} : { evaluationClosedAt: meeting.evaluationClosedAt }),
      ...(meeting.evaluationCloseAt === undefined ? {} : { evaluationCloseAt: meeting.evaluationCloseAt }),
    },
    summary: summaryOf(meeting, answers, previous),
    answers: answers.map((answer) => shownAnswer(answer, names)),
  };
}

/** Each held meeting's mean, answers and members asked, in order, with the change since the last answered. */
export function groupFeedback(series: readonly MeetingAnswers[]): z.output<typeof GroupFeedback> {
  return {
    meetings: trend(
      series
        .filter(({ meeting }) => held(meeting))
        .map(({ meeting, answers }) => {
          const { mean, responses, asked } = summaryOf(meeting, answers);
          return {
            meetingId: meeting.id,
            seq: meeting.seq,
            startsAt: meeting.startsAt,
            ...(meeting.evaluationClosedAt === undefined
              ? {}
              : { evaluationClosedAt: meeting.evaluationClosedAt }),
            ...(meeting.evaluationCloseAt === undefined
              ? {}
              : { evaluationCloseAt: meeting.evaluationCloseAt }),
            ...(mean === undefined ? {} : { mean }),
            responses,
            asked,
          };
        }),
    ),
  };
}

const headers: Record<Language, readonly string[]> = {
  sv: [
    'Träff',
    'Datum',
    'Betyg',
    'En poäng bättre',
    'Programmet',
    'Förberedelserna',
    'Genomförandet',
    'Tar med hem',
    'Arbeta vidare på hemmaplan',
    'Parkerade frågor',
    'Anonym',
    'Namn',
  ],
  nb: [
    'Møte',
    'Dato',
    'Vurdering',
    'Ett poeng bedre',
    'Programmet',
    'Forberedelsene',
    'Gjennomføringen',
    'Tar med hjem',
    'Arbeide videre på hjemmebane',
    'Parkerte spørsmål',
    'Anonym',
    'Navn',
  ],
  en: [
    'Meeting',
    'Date',
    'Rating',
    'One point better',
    'Programme',
    'Preparations',
    'Execution',
    'Take home',
    'Continue at home',
    'Parked questions',
    'Anonymous',
    'Name',
  ],
};

const yesNo: Record<Language, [string, string]> = { sv: ['Ja', 'Nej'], nb: ['Ja', 'Nei'], en: ['Yes', 'No'] };

/** `2027-01-19`: the meeting's day in its own time zone, which Excel reads as a date. */
export function meetingDay(startsAt: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(startsAt));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Every answer of every meeting, one row each, meetings in order; headings in the coordinator's language. */
export function feedbackCsv(
  series: readonly MeetingAnswers[],
  names: MemberNames,
  language: Language,
): string {
  const [yes, no] = yesNo[language];
  const ordered = [...series].sort(
    (a, b) => a.meeting.startsAt.localeCompare(b.meeting.startsAt) || a.meeting.seq - b.meeting.seq,
  );
  const rows = ordered.flatMap(({ meeting, answers }) =>
    answers.map((stored) => {
      const answer = shownAnswer(stored, names);
      return [
        meeting.seq,
        meetingDay(meeting.startsAt, meeting.timeZone),
        answer.rating,
        answer.nextTimeBetter,
        ...reflectionFields.map((field) => answer.reflections?.[field]),
        (answer.parkedQuestions ?? []).join(' | '),
        answer.anonymous ? yes : no,
        answer.member?.name,
      ];
    }),
  );
  return toCsv(headers[language], rows);
}

/** `feedback-<group>-2027-03-02.csv`; the id is reduced to characters a file name may hold unquoted. */
export function feedbackFileName(groupId: string, now: Date): string {
  return `feedback-${groupId.replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().slice(0, 10)}.csv`;
}
