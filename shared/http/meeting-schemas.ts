import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* Coordinators' requests about meetings; one schema validates, types and documents each. */

const int = () => z.number().check(z.int());

const localTime = meta(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')), {
  description: 'Wall-clock date and time in the meeting’s time zone',
  example: '2026-03-10T17:00',
});

const place = {
  mode: z.enum(['online', 'in_person']),
  onlineUrl: meta(z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(2000))), {
    description: 'The meeting link (online)',
  }),
  address: meta(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))), {
    description: 'Where to meet (in person)',
  }),
};

export const MeetingParams = z.object({ groupId: z.string(), meetingId: z.string() });

export const CreateMeetings = meta(
  z.strictObject({
    firstLocal: localTime,
    timeZone: meta(z.optional(z.string().check(z.maxLength(64))), {
      description: 'IANA zone; default Europe/Stockholm',
    }),
    count: z._default(int().check(z.gte(1), z.lte(6)), 1),
    intervalWeeks: meta(z.optional(int().check(z.gte(1), z.lte(52))), { description: 'Default 6' }),
    durationMinutes: meta(z.optional(int().check(z.gte(15), z.lte(480))), { description: 'Default 90' }),
    ...place,
    overrides: meta(
      z.optional(
        z
          .array(
            z.strictObject({
              seq: int().check(z.gte(1), z.lte(6)),
              mode: z.optional(place.mode),
              onlineUrl: place.onlineUrl,
              address: place.address,
            }),
          )
          .check(z.maxLength(6)),
      ),
      { description: 'Per meeting of the series (by its number in this request): another mode or place' },
    ),
  }),
  { id: 'CreateMeetings' },
);
export type CreateMeetings = z.output<typeof CreateMeetings>;

export const UpdateMeeting = meta(
  z
    .strictObject({
      startsLocal: z.optional(localTime),
      durationMinutes: z.optional(int().check(z.gte(15), z.lte(480))),
      mode: z.optional(place.mode),
      onlineUrl: place.onlineUrl,
      address: place.address,
      introducerId: meta(z.optional(z.string().check(z.minLength(1), z.maxLength(64))), {
        description: 'A member’s id: overrides the rotation',
      }),
      status: z.optional(z.literal('cancelled')),
    })
    .check(z.refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })),
  { id: 'UpdateMeeting' },
);
export type UpdateMeeting = z.output<typeof UpdateMeeting>;

export const AttendanceBody = meta(
  z.strictObject({
    attendance: z
      .array(
        z.strictObject({
          memberId: z.string().check(z.minLength(1)),
          status: z.enum(['present', 'absent', 'half']),
        }),
      )
      .check(z.minLength(1), z.maxLength(500)),
  }),
  { id: 'AttendanceBody' },
);

export const AdminMeeting = meta(
  z.object({
    id: z.string(),
    seq: int(),
    startsAt: z.string(),
    durationMinutes: int(),
    timeZone: z.string(),
    mode: z.enum(['online', 'in_person']),
    onlineUrl: z.optional(z.string()),
    address: z.optional(z.string()),
    status: z.enum(['scheduled', 'cancelled']),
    version: int(),
    introducerId: z.optional(z.string()),
    rsvp: z.optional(z.object({ yes: int(), no: int() })),
  }),
  { id: 'AdminMeeting' },
);

export const MeetingParticipants = meta(
  z.object({
    meeting: AdminMeeting,
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        organisation: z.string(),
        rsvp: meta(z.nullable(z.enum(['yes', 'no'])), { description: 'null: no answer' }),
        attendance: meta(z.nullable(z.enum(['present', 'absent', 'half'])), {
          description: 'null: not recorded',
        }),
        introducer: meta(z.boolean(), { description: 'Prepares this meeting’s introduction' }),
      }),
    ),
  }),
  { id: 'MeetingParticipants' },
);

const answerText = z.optional(z.string().check(z.trim(), z.maxLength(4000)));

/** The post-meeting evaluation: the GR check-out (1–10, one point better) and the reflections of seed 004. */
export const FeedbackBody = meta(
  z.strictObject({
    rating: meta(int().check(z.gte(1), z.lte(10)), { description: 'How was the meeting, 1–10' }),
    nextTimeBetter: meta(answerText, { description: 'What would make the next meeting one point better' }),
    reflections: z.optional(
      z.strictObject({
        programme: answerText,
        preparation: answerText,
        execution: answerText,
        takeHome: answerText,
        continueAtHome: answerText,
      }),
    ),
    parkedQuestions: meta(
      z.optional(
        z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))).check(z.maxLength(20)),
      ),
      { description: 'Questions to park and take up at a set time later' },
    ),
    anonymous: meta(z.optional(z.boolean()), { description: 'Store the answer without my identity' }),
  }),
  { id: 'FeedbackBody' },
);
export type FeedbackBody = z.output<typeof FeedbackBody>;

/* The coordinators' view of the evaluations: figures, answers and the trend across a series. */

const texts = z.array(z.string());

export const EvaluationSummary = meta(
  z.object({
    responses: meta(int(), { description: 'Answers counted' }),
    asked: meta(int(), { description: 'Members asked to evaluate; never fewer than answered' }),
    responseRate: z.number().check(z.gte(0), z.lte(1)),
    distribution: meta(z.array(int()).check(z.length(10)), {
      description: 'How many rated 1, 2, … 10 (index 0 is the count of 1s)',
    }),
    mean: meta(z.optional(z.number()), {
      description: 'Mean rating to one decimal; absent without answers',
    }),
    change: meta(z.optional(z.number()), {
      description: 'Against the mean of the latest earlier meeting whose evaluation closed',
    }),
    suggestions: meta(texts, {
      description: 'Every "one point better" answer, sorted (no order of arrival)',
    }),
    reflections: z.object({
      programme: texts,
      preparation: texts,
      execution: texts,
      takeHome: texts,
      continueAtHome: texts,
    }),
    parkedQuestions: texts,
  }),
  { id: 'EvaluationSummary' },
);

export const FeedbackAnswer = meta(
  z.object({
    rating: int().check(z.gte(1), z.lte(10)),
    nextTimeBetter: z.optional(z.string()),
    reflections: z.optional(
      z.object({
        programme: z.optional(z.string()),
        preparation: z.optional(z.string()),
        execution: z.optional(z.string()),
        takeHome: z.optional(z.string()),
        continueAtHome: z.optional(z.string()),
      }),
    ),
    parkedQuestions: z.optional(texts),
    anonymous: z.boolean(),
    member: meta(z.optional(z.object({ id: z.string(), name: z.string() })), {
      description: 'Who answered: only for an answer given with the name',
    }),
    answeredAt: meta(z.string(), { description: 'UTC instant; for an anonymous answer only the day' }),
  }),
  { id: 'FeedbackAnswer' },
);

export const MeetingFeedback = meta(
  z.object({
    meeting: z.object({
      id: z.string(),
      seq: int(),
      startsAt: z.string(),
      evaluationClosedAt: z.optional(z.string()),
    }),
    summary: EvaluationSummary,
    answers: z.array(FeedbackAnswer),
  }),
  { id: 'MeetingFeedback' },
);

export const FeedbackTrendPoint = meta(
  z.object({
    meetingId: z.string(),
    seq: int(),
    startsAt: z.string(),
    evaluationClosedAt: meta(z.optional(z.string()), {
      description: 'When the evaluation closed; absent while it is open or not sent yet',
    }),
    mean: meta(z.optional(z.number()), { description: 'Absent when nobody answered' }),
    responses: int(),
    asked: int(),
    change: meta(z.optional(z.number()), {
      description: 'Against the latest earlier meeting that had answers',
    }),
  }),
  { id: 'FeedbackTrendPoint' },
);

export const GroupFeedback = meta(z.object({ meetings: z.array(FeedbackTrendPoint) }), {
  id: 'GroupFeedback',
});
