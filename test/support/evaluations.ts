import { expect } from 'vitest';
import type { Reflections } from '../../shared/domain/evaluation.ts';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';
import { createMeetings, getMeeting } from '../../shared/store/meetings.ts';
import { getToken } from '../../shared/store/tokens.ts';
import { hashToken } from '../../shared/tokens.ts';
import { startMeetingWorkflow } from '../../shared/workflows/meetings.ts';
import type { TestStack } from './local-stack.ts';
import { meetingOf } from './meetings.ts';
import { allItems } from './table.ts';

/**
 * Meetings that took place `hoursAgo` hours ago, one per entry (in that order: the first is meeting 1),
 * written as the admin API writes a series and each with its workflow started as the API starts it. The
 * API takes no meeting in the past; a meeting's workflow for one goes straight to its evaluation (no
 * reminder is ahead), which the stack's shortened waits then run through. Keep them within the last
 * week: the evaluation closes a week after its request on the default settings.
 */
export async function seedPastMeetings(group: Group, hoursAgo: readonly number[]): Promise<Meeting[]> {
  const meetings = hoursAgo.map(
    (hours, index): Meeting =>
      meetingOf(group, {
        seq: index + 1,
        startsAt: new Date(Date.now() - hours * 3600_000).toISOString(),
        onlineUrl: 'https://meet.example.org/x',
      }),
  );
  await createMeetings(meetings);
  for (const meeting of meetings) await startMeetingWorkflow(meeting);
  return meetings;
}

/** What a member sends with the evaluation form. */
export interface EvaluationAnswerInput {
  readonly rating: number;
  readonly anonymous?: boolean;
  readonly nextTimeBetter?: string;
  readonly reflections?: Reflections;
  readonly parkedQuestions?: readonly string[];
}

const feedbackTokens = (text: string | undefined) =>
  [...(text ?? '').matchAll(/\/v1\/feedback\/([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? '');

/** The member's evaluation link of this meeting, once its request (or reminder) is in the inbox. */
export async function feedbackTokenOf(
  stack: TestStack,
  member: JoinRequest,
  meetingId: string,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const mail of await stack.emailsTo(member.email))
      for (const token of new Set(feedbackTokens(mail.body.text)))
        if ((await getToken(hashToken(token)))?.meetingId === meetingId) return token;
    if (Date.now() >= deadline)
      throw new Error(`No evaluation request for meeting ${meetingId} reached ${member.email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The member answers the meeting's evaluation through the emailed link, as the website's form posts it. */
export async function answerEvaluation(
  stack: TestStack,
  member: JoinRequest,
  meetingId: string,
  answer: EvaluationAnswerInput,
): Promise<void> {
  const token = await feedbackTokenOf(stack, member, meetingId);
  const response = await stack.api(`/v1/feedback/${token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(answer),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Once the meeting workflow has closed the evaluation (see holdEvaluationClose for holding it). */
export async function waitForEvaluationClosed(meeting: Meeting, timeoutMs = 30_000): Promise<Meeting> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await getMeeting(meeting.groupId, meeting.id);
    if (stored?.evaluationClosedAt !== undefined) return stored;
    if (Date.now() >= deadline) throw new Error(`The evaluation of meeting ${meeting.id} did not close`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The answers stored for the meeting, checked to be `count`, by their rating (the tests give each member
 * a rating of their own).
 */
export async function storedAnswersByRating(
  stack: TestStack,
  meetingId: string,
  count: number,
): Promise<Map<unknown, Record<string, unknown>>> {
  const stored = (await allItems(stack.tableName)).filter(
    (item) => item.type === 'evaluation-answer' && item.meetingId === meetingId,
  );
  expect(stored).toHaveLength(count);
  return new Map(stored.map((item) => [item.rating, item]));
}
