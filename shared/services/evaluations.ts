import { randomBytes } from 'node:crypto';
import { evaluationDedupeKey, summarise, summaryDedupeKey, whoIsAsked } from '../domain/evaluation.ts';
import { followUpsFrom } from '../domain/follow-up.ts';
import { coordinatorLanguage } from '../domain/network.ts';
import { recipientTag } from '../domain/registration.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import {
  composeEvaluationReminder,
  composeEvaluationRequest,
  composeEvaluationSummary,
} from '../mail/evaluations.ts';
import { mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import {
  closeEvaluation,
  listAnswers,
  recordEvaluationAsked,
  recordEvaluationAskedCount,
  recordEvaluationCloseAnnounced,
  recordEvaluationMean,
} from '../store/evaluations.ts';
import { addFollowUps } from '../store/follow-ups.ts';
import { listMeetings, markEvaluationAsked } from '../store/meetings.ts';
import { unreachable } from '../store/people.ts';
import { evaluationLinkValidUntil, evaluationTimes } from './evaluation-times.ts';
import { type MeetingContext, meetingFacts } from './meeting-context.ts';

/*
 * After a meeting: the one-tap evaluation request, one reminder to those who have not answered, and the
 * close with a summary to the coordinators and the facilitator. Steps of the same meeting workflow.
 */

/** The members asked: those who attended, or, with no attendance recorded, all who did not decline. */
function asked(ctx: MeetingContext): string[] {
  const attendance = Object.fromEntries(
    ctx.participation
      .filter((p) => p.attendance)
      .map((p) => [p.memberId, p.attendance as 'present' | 'absent' | 'half']),
  );
  const rsvpNo = new Set(ctx.participation.filter((p) => p.rsvp === 'no').map((p) => p.memberId));
  const members = ctx.members.map((m) => ({ id: m.id, joinedAt: m.approvedAt ?? m.createdAt }));
  return whoIsAsked({ members, attendance, rsvpNo, startsAt: ctx.meeting.startsAt });
}

async function sendRequest(
  ctx: MeetingContext,
  memberId: string,
  kind: 'evaluation-request' | 'evaluation-reminder',
) {
  const member = ctx.members.find((m) => m.id === memberId);
  if (!member) return;
  const { closeAt } = evaluationTimes(ctx);
  await sendOnce({
    dedupeKey: evaluationDedupeKey({
      meetingId: ctx.meeting.id,
      memberId,
      kind,
      version: ctx.meeting.version,
    }),
    to: member.email,
    language: member.language,
    // The request is the evaluation itself; only the second ask is a reminder ("stop reminders" stops it).
    member: { networkId: ctx.network.id, category: kind === 'evaluation-reminder' ? 'reminder' : 'news' },
    message: async () => {
      // Not single use: the member may change the answer until the evaluation closes. The link outlives
      // today's close, which a coordinator may still move later; the form says when it is closed.
      const formUrl = await issueLink(
        'feedback',
        {
          networkId: ctx.network.id,
          subjectId: member.id,
          groupId: ctx.group.id,
          meetingId: ctx.meeting.id,
          language: member.language,
          person: member.email,
        },
        evaluationLinkValidUntil(ctx.meeting),
      );
      return mail(kind === 'evaluation-request' ? composeEvaluationRequest : composeEvaluationReminder, {
        recipientName: member.name,
        meeting: meetingFacts(ctx),
        ratingUrls: Array.from({ length: 10 }, (_, i) => `${formUrl}?rating=${i + 1}`),
        formUrl,
        closesAt: new Date(closeAt),
        timeZone: ctx.meeting.timeZone,
      });
    },
  });
}

/**
 * Of those asked, the ones the request can reach: not a member who stopped all mail from the network or
 * whose address is blocked. The summary's "N of M answered" counts only people who were asked.
 */
async function reachable(ctx: MeetingContext, memberIds: readonly string[]): Promise<string[]> {
  const emails = new Map(ctx.members.map((m) => [m.id, m.email]));
  const known = memberIds.filter((id) => emails.has(id));
  const blocked = await unreachable(
    ctx.network.id,
    known.map((id) => emails.get(id) ?? ''),
    'news',
  );
  return known.filter((id) => !blocked.has(emails.get(id) ?? ''));
}

export async function requestEvaluations(ctx: MeetingContext, now: Date): Promise<void> {
  const members = await reachable(ctx, asked(ctx));
  await markEvaluationAsked(ctx.meeting.id, members, now);
  // Recorded before any mail says it, so the close a member reads is one the evaluation keeps.
  await recordEvaluationAsked(
    ctx.group.id,
    ctx.meeting.id,
    members.length,
    randomBytes(32).toString('base64url'),
    evaluationTimes(ctx).closeAt,
  );
  for (const memberId of members) await sendRequest(ctx, memberId, 'evaluation-request');
}

/**
 * Those the request went to with the request step, and those it went to late (at the reminder step).
 * Undefined for an evaluation asked before the marks existed: then who would be asked now stands in.
 */
function wereAsked(ctx: MeetingContext): { onRequest: string[]; late: string[] } | undefined {
  const onRequest = ctx.participation.filter((p) => p.evaluationAskedAt).map((p) => p.memberId);
  const late = ctx.participation.filter((p) => p.evaluationAskedLateAt).map((p) => p.memberId);
  return onRequest.length > 0 || ctx.meeting.evaluationAsked === 0 ? { onRequest, late } : undefined;
}

/**
 * The one reminder, to those asked by the request who have not answered. Someone the rule asks only since
 * the request went (marked present afterwards) gets the request itself now, not "the only reminder" of a
 * mail they never had, and is counted among those asked.
 */
export async function remindEvaluations(ctx: MeetingContext, now: Date): Promise<void> {
  const answered = new Set(ctx.participation.filter((p) => p.answeredAt).map((p) => p.memberId));
  // A close moved later since the request is the one the reminder announces; kept from now on.
  await recordEvaluationCloseAnnounced(ctx.group.id, ctx.meeting.id, evaluationTimes(ctx).closeAt);
  const marked = wereAsked(ctx);
  if (marked !== undefined) {
    const late = await reachable(
      ctx,
      asked(ctx).filter((id) => !marked.onRequest.includes(id) && !answered.has(id)),
    );
    // Sent before they are marked: a retry after a crash sends again, which the dedupe key makes a no-op.
    for (const memberId of late) await sendRequest(ctx, memberId, 'evaluation-request');
    if (late.length > 0) {
      await markEvaluationAsked(ctx.meeting.id, late, now, true);
      const count = new Set([...marked.onRequest, ...marked.late, ...late]).size;
      await recordEvaluationAskedCount(ctx.group.id, ctx.meeting.id, count);
    }
  }
  for (const memberId of (marked?.onRequest ?? asked(ctx)).filter((id) => !answered.has(id)))
    await sendRequest(ctx, memberId, 'evaluation-reminder');
}

/**
 * A coordinator reads the summary in their own language; a facilitator who is not one, in the language
 * they chose as a member of the group, if they are one.
 */
function summaryLanguage(ctx: MeetingContext, to: string) {
  if (ctx.network.coordinators.includes(to)) return coordinatorLanguage(ctx.network, to);
  const member = ctx.members.find((m) => m.email === to);
  return member?.language ?? coordinatorLanguage(ctx.network, to);
}

/** Closes the evaluation and tells the coordinators and the facilitator how it went. */
export async function closeAndSummarise(ctx: MeetingContext, now: Date): Promise<void> {
  // Closed first, read after: an answer is taken only while the evaluation is open (putAnswer checks it
  // in its transaction), so everyone who was told "recorded" is in this summary, and nobody told so
  // after it was read is left out.
  const closedNow = await closeEvaluation(ctx.group.id, ctx.meeting.id, now);
  if (!closedNow) logger.info('evaluation was closed already; the summary goes out once all the same');
  const [answers, meetings] = await Promise.all([listAnswers(ctx.meeting.id), listMeetings(ctx.group.id)]);
  const previous = meetings
    .filter((m) => m.startsAt < ctx.meeting.startsAt && m.evaluationMean !== undefined)
    .at(-1);
  const summary = summarise(answers, {
    asked: ctx.meeting.evaluationAsked ?? answers.length,
    ...(previous?.evaluationMean !== undefined ? { previousMean: previous.evaluationMean } : {}),
  });
  await addFollowUps(followUpsFrom(ctx.group.id, ctx.meeting.id, summary, now));
  if (summary.mean !== undefined) await recordEvaluationMean(ctx.group.id, ctx.meeting.id, summary.mean);
  const recipients = [
    ...new Set([
      ...ctx.network.coordinators,
      ...(ctx.group.facilitator.email ? [ctx.group.facilitator.email] : []),
    ]),
  ];
  for (const to of recipients) {
    await sendOnce({
      dedupeKey: summaryDedupeKey(ctx.meeting.id, recipientTag(to)),
      to,
      language: summaryLanguage(ctx, to),
      message: () =>
        mail(composeEvaluationSummary, {
          networkName: ctx.network.name,
          groupTitle: ctx.group.title,
          meetingStartsAt: new Date(ctx.meeting.startsAt),
          timeZone: ctx.meeting.timeZone,
          seq: ctx.meeting.seq,
          count: Math.max(ctx.count, ctx.meeting.seq),
          summary,
          closedAt: now,
        }),
    });
  }
}
