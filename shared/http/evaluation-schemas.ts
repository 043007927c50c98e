import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

const int = () => z.number().check(z.int());

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

const announcedClose =
  'The close its request or reminder announced to the members: it closes no earlier, whatever the settings say since; absent before the request';

export const MeetingFeedback = meta(
  z.object({
    meeting: z.object({
      id: z.string(),
      seq: int(),
      startsAt: z.string(),
      evaluationClosedAt: z.optional(z.string()),
      evaluationCloseAt: meta(z.optional(z.string()), { description: announcedClose }),
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
    evaluationCloseAt: meta(z.optional(z.string()), { description: announcedClose }),
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
