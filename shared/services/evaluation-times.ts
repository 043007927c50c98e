import { createHash } from 'node:crypto';
import { evaluationPlan } from '../domain/evaluation.ts';
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

export function evaluationTimes(ctx: Pick<MeetingContext, 'network' | 'meeting'>) {
  const { meeting, network } = ctx;
  const end = new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000).toISOString();
  return evaluationPlan({ meetingEnd: end, ...(network.evaluation ?? {}) });
}
