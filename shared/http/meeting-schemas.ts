import * as z from 'zod';

/* Coordinators' requests about meetings; one schema validates, types and documents each. */

const localTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')
  .meta({ description: 'Wall-clock date and time in the meeting’s time zone', example: '2026-03-10T17:00' });

const place = {
  mode: z.enum(['online', 'in_person']),
  onlineUrl: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional()
    .meta({ description: 'The meeting link (online)' }),
  address: z.string().trim().min(1).max(500).optional().meta({ description: 'Where to meet (in person)' }),
};

export const MeetingParams = z.object({ groupId: z.string(), meetingId: z.string() });

export const CreateMeetings = z
  .object({
    firstLocal: localTime,
    timeZone: z.string().max(64).optional().meta({ description: 'IANA zone; default Europe/Stockholm' }),
    count: z.number().int().min(1).max(6).default(1),
    intervalWeeks: z.number().int().min(1).max(52).optional().meta({ description: 'Default 6' }),
    durationMinutes: z.number().int().min(15).max(480).optional().meta({ description: 'Default 90' }),
    ...place,
    overrides: z
      .array(
        z
          .object({
            seq: z.number().int().min(1).max(6),
            mode: place.mode.optional(),
            onlineUrl: place.onlineUrl,
            address: place.address,
          })
          .strict(),
      )
      .max(6)
      .optional()
      .meta({
        description: 'Per meeting of the series (by its number in this request): another mode or place',
      }),
  })
  .strict()
  .meta({ id: 'CreateMeetings' });
export type CreateMeetings = z.output<typeof CreateMeetings>;

export const UpdateMeeting = z
  .object({
    startsLocal: localTime.optional(),
    durationMinutes: z.number().int().min(15).max(480).optional(),
    mode: place.mode.optional(),
    onlineUrl: place.onlineUrl,
    address: place.address,
    introducerId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ description: 'A member’s id: overrides the rotation' }),
    status: z.literal('cancelled').optional(),
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })
  .meta({ id: 'UpdateMeeting' });
export type UpdateMeeting = z.output<typeof UpdateMeeting>;

export const AttendanceBody = z
  .object({
    attendance: z
      .array(
        z.object({ memberId: z.string().min(1), status: z.enum(['present', 'absent', 'half']) }).strict(),
      )
      .min(1)
      .max(500),
  })
  .strict()
  .meta({ id: 'AttendanceBody' });

export const AdminMeeting = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    timeZone: z.string(),
    mode: z.enum(['online', 'in_person']),
    onlineUrl: z.string().optional(),
    address: z.string().optional(),
    status: z.enum(['scheduled', 'cancelled']),
    version: z.number().int(),
    introducerId: z.string().optional(),
    rsvp: z.object({ yes: z.number().int(), no: z.number().int() }).optional(),
  })
  .meta({ id: 'AdminMeeting' });

export const MeetingParticipants = z
  .object({
    meeting: AdminMeeting,
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        organisation: z.string(),
        rsvp: z.enum(['yes', 'no']).nullable().meta({ description: 'null: no answer' }),
        attendance: z
          .enum(['present', 'absent', 'half'])
          .nullable()
          .meta({ description: 'null: not recorded' }),
        introducer: z.boolean().meta({ description: 'Prepares this meeting’s introduction' }),
      }),
    ),
  })
  .meta({ id: 'MeetingParticipants' });

const answerText = z.string().trim().max(4000).optional();

/** The post-meeting evaluation: the GR check-out (1–10, one point better) and the reflections of seed 004. */
export const FeedbackBody = z
  .object({
    rating: z.number().int().min(1).max(10).meta({ description: 'How was the meeting, 1–10' }),
    nextTimeBetter: answerText.meta({ description: 'What would make the next meeting one point better' }),
    reflections: z
      .object({
        programme: answerText,
        preparation: answerText,
        execution: answerText,
        takeHome: answerText,
        continueAtHome: answerText,
      })
      .strict()
      .optional(),
    parkedQuestions: z
      .array(z.string().trim().min(1).max(1000))
      .max(20)
      .optional()
      .meta({ description: 'Questions to park and take up at a set time later' }),
    anonymous: z.boolean().optional().meta({ description: 'Store the answer without my identity' }),
  })
  .strict()
  .meta({ id: 'FeedbackBody' });
export type FeedbackBody = z.output<typeof FeedbackBody>;

/* The coordinators' view of the evaluations: figures, answers and the trend across a series. */

const texts = z.array(z.string());

export const EvaluationSummary = z
  .object({
    responses: z.number().int().meta({ description: 'Answers counted' }),
    asked: z.number().int().meta({ description: 'Members asked to evaluate; never fewer than answered' }),
    responseRate: z.number().min(0).max(1),
    distribution: z
      .array(z.number().int())
      .length(10)
      .meta({ description: 'How many rated 1, 2, … 10 (index 0 is the count of 1s)' }),
    mean: z.number().optional().meta({ description: 'Mean rating to one decimal; absent without answers' }),
    change: z
      .number()
      .optional()
      .meta({ description: 'Against the mean of the latest earlier meeting whose evaluation closed' }),
    suggestions: texts.meta({ description: 'Every "one point better" answer, sorted (no order of arrival)' }),
    reflections: z.object({
      programme: texts,
      preparation: texts,
      execution: texts,
      takeHome: texts,
      continueAtHome: texts,
    }),
    parkedQuestions: texts,
  })
  .meta({ id: 'EvaluationSummary' });

export const FeedbackAnswer = z
  .object({
    rating: z.number().int().min(1).max(10),
    nextTimeBetter: z.string().optional(),
    reflections: z
      .object({
        programme: z.string().optional(),
        preparation: z.string().optional(),
        execution: z.string().optional(),
        takeHome: z.string().optional(),
        continueAtHome: z.string().optional(),
      })
      .optional(),
    parkedQuestions: texts.optional(),
    anonymous: z.boolean(),
    member: z
      .object({ id: z.string(), name: z.string() })
      .optional()
      .meta({ description: 'Who answered: only for an answer given with the name' }),
    answeredAt: z.string().meta({ description: 'UTC instant; for an anonymous answer only the day' }),
  })
  .meta({ id: 'FeedbackAnswer' });

export const MeetingFeedback = z
  .object({
    meeting: z.object({
      id: z.string(),
      seq: z.number().int(),
      startsAt: z.string(),
      evaluationClosedAt: z.string().optional(),
    }),
    summary: EvaluationSummary,
    answers: z.array(FeedbackAnswer),
  })
  .meta({ id: 'MeetingFeedback' });

export const FeedbackTrendPoint = z
  .object({
    meetingId: z.string(),
    seq: z.number().int(),
    startsAt: z.string(),
    evaluationClosedAt: z
      .string()
      .optional()
      .meta({ description: 'When the evaluation closed; absent while it is open or not sent yet' }),
    mean: z.number().optional().meta({ description: 'Absent when nobody answered' }),
    responses: z.number().int(),
    asked: z.number().int(),
    change: z
      .number()
      .optional()
      .meta({ description: 'Against the latest earlier meeting that had answers' }),
  })
  .meta({ id: 'FeedbackTrendPoint' });

export const GroupFeedback = z
  .object({ meetings: z.array(FeedbackTrendPoint) })
  .meta({ id: 'GroupFeedback' });
