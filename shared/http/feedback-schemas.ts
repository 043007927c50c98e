import * as z from 'zod/mini';
import {
  evaluationTextMaxLength,
  parkedQuestionMaxLength,
  parkedQuestionsMax,
} from '../domain/evaluation.ts';
import { meta } from './zod-meta.ts';

/* A member's answer to a meeting's evaluation: the public feedback form builds this schema alone. */

const int = () => z.number().check(z.int());

const answerText = z.optional(z.string().check(z.trim(), z.maxLength(evaluationTextMaxLength)));

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
        z
          .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(parkedQuestionMaxLength)))
          .check(z.maxLength(parkedQuestionsMax)),
      ),
      { description: 'Questions to park and take up at a set time later' },
    ),
    anonymous: meta(z.optional(z.boolean()), { description: 'Store the answer without my identity' }),
  }),
  { id: 'FeedbackBody' },
);
export type FeedbackBody = z.output<typeof FeedbackBody>;

/** What the form answers a program that asks for JSON (a browser gets the same as a page). */
export const FeedbackRecorded = meta(z.object({ status: z.literal('recorded'), anonymous: z.boolean() }), {
  id: 'FeedbackRecorded',
});
