import type { JoinRequest } from '../domain/group.ts';
import {
  defaultIntroducerDays,
  defaultReminderDays,
  type Meeting,
  reminderAfter,
  reminderKind,
  reminderPlan,
  reminderTimes,
} from '../domain/meeting.ts';
import type { Network } from '../domain/network.ts';
import { evaluationTimes } from './evaluation-times.ts';
import { closeAndSummarise, remindEvaluations, requestEvaluations } from './evaluations.ts';
import type { MeetingContext } from './meeting-context.ts';
import { sendMeetingMail } from './meetings.ts';

/*
 * The meeting workflow's plan and what each of its steps sends: the reminders before the meeting, then
 * the evaluation after it. The one place that needs both the meeting's mails and the evaluation's, so
 * that a function sending only meeting mail (a late joiner's invitations) does not carry the evaluation.
 */

export type Step =
  | { kind: 'reminder'; daysBefore: number; at: string }
  | { kind: 'introducer'; at: string }
  | { kind: 'evaluation-request'; at: string }
  | { kind: 'evaluation-reminder'; at: string }
  | { kind: 'evaluation-close'; at: string };

function reminderOptions(network: Network) {
  return {
    reminderDays: network.meetingReminders?.days ?? defaultReminderDays,
    introducerDays: network.meetingReminders?.introducerDays ?? defaultIntroducerDays,
  };
}

/**
 * The workflow's plan: the reminders still ahead, then the evaluation (request, reminder, close), the next
 * one after a given step. Steps due at the same instant each run, one after the other. The evaluation
 * steps are due even when their time has passed: a meeting is evaluated however late its workflow gets
 * there.
 */
export function nextStep(network: Network, meeting: Meeting, now: Date, after?: Step): Step | undefined {
  const plan = evaluationTimes({ network, meeting });
  const evaluation: Step[] = [
    { kind: 'evaluation-request', at: plan.requestAt },
    { kind: 'evaluation-reminder', at: plan.reminderAt },
    { kind: 'evaluation-close', at: plan.closeAt },
  ];
  if (!after) return reminderTimes(meeting.startsAt, reminderOptions(network), now)[0] ?? evaluation[0];
  if (after.kind === 'reminder' || after.kind === 'introducer') {
    return reminderAfter(meeting.startsAt, reminderOptions(network), after, now) ?? evaluation[0];
  }
  const index = evaluation.findIndex((step) => step.kind === after.kind);
  return evaluation[index + 1];
}

/**
 * An evaluation step whose time a coordinator has moved later (a longer delay or more days) since its wait
 * was planned: the same step at its new time, to wait for again instead of acting early. A time moved
 * earlier is not waited less for: the step is already late by then, and the close never comes before the
 * one announced.
 */
export function postponed(network: Network, meeting: Meeting, step: Step): Step | undefined {
  if (step.kind === 'reminder' || step.kind === 'introducer') return undefined;
  const plan = evaluationTimes({ network, meeting });
  const at =
    step.kind === 'evaluation-request'
      ? plan.requestAt
      : step.kind === 'evaluation-reminder'
        ? plan.reminderAt
        : plan.closeAt;
  return Date.parse(at) > Date.parse(step.at) ? { kind: step.kind, at } : undefined;
}

/** Reminders skip those who said they can't come (an opt-out from reminders is sendOnce's to apply). */
function reminderRecipients(ctx: MeetingContext): JoinRequest[] {
  const away = new Set(ctx.participation.filter((p) => p.rsvp === 'no').map((p) => p.memberId));
  return ctx.members.filter((m) => !away.has(m.id));
}

export async function sendStep(ctx: MeetingContext, step: Step, now: Date): Promise<void> {
  if (step.kind === 'evaluation-request') return requestEvaluations(ctx, now);
  if (step.kind === 'evaluation-reminder') return remindEvaluations(ctx, now);
  if (step.kind === 'evaluation-close') return closeAndSummarise(ctx, now);
  if (step.kind === 'introducer') {
    const introducer = reminderRecipients(ctx).find((m) => m.id === ctx.meeting.introducerId);
    if (introducer) await sendMeetingMail(ctx, introducer, 'introducer');
    return;
  }
  // An introducer picked after their own reminder's time (the one before said they can't come) is told
  // with the next reminder; the one told before is not told twice (one introducer mail per member).
  const introducerAt = reminderPlan(ctx.meeting.startsAt, reminderOptions(ctx.network)).find(
    (reminder) => reminder.kind === 'introducer',
  )?.at;
  const introducer = reminderRecipients(ctx).find((m) => m.id === ctx.meeting.introducerId);
  if (introducer && introducerAt && introducerAt < step.at)
    await sendMeetingMail(ctx, introducer, 'introducer');
  for (const member of reminderRecipients(ctx))
    await sendMeetingMail(ctx, member, reminderKind(step.daysBefore), { daysBefore: step.daysBefore });
}
