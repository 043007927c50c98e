import { createHash } from 'node:crypto';
import { type EvaluationPlan, evaluationPlan, latestEvaluationClose } from '../domain/evaluation.ts';
import type { MeetingContext } from './meeting-context.ts';

/*
 * What the evaluation form (functions/feedback) shares with the workflow's evaluation steps, kept apart
 * from evaluations.ts: the form sends no mail, so it must not import the mail those steps send.
 */

/**
 * The key of a member's answer: one per member and meeting, whichever of their links (request or
 * reminder) they use, so they can change it. It is a hash with the meeting's evaluation salt, which the
 * close removes: from then on nobody reading the table can tie an anonymous answer to a person.
 */
export function answerKey(salt: string, meetingId: string, memberId: string): string {
  return createHash('sha256')
    .update(`answer\0${salt}\0${meetingId}\0${memberId}`)
    .digest('base64url')
    .slice(0, 32);
}

const meetingEnd = (meeting: MeetingContext['meeting']) =>
  new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000).toISOString();

/**
 * The meeting's evaluation on the network's settings as they are now (a coordinator may change them),
 * except that it closes no earlier than the close its mails announced: a longer time applies at once, a
 * shorter one only to evaluations whose request has not gone yet.
 */
export function evaluationTimes(ctx: Pick<MeetingContext, 'network' | 'meeting'>): EvaluationPlan {
  return evaluationPlan({
    meetingEnd: meetingEnd(ctx.meeting),
    ...(ctx.network.evaluation ?? {}),
    announcedCloseAt: ctx.meeting.evaluationCloseAt,
  });
}

/** Until when a member's evaluation link works: the latest close any setting can give (the form says closed sooner). */
export function evaluationLinkValidUntil(meeting: MeetingContext['meeting']): string {
  return latestEvaluationClose(meetingEnd(meeting));
}
