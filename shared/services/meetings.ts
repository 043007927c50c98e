import { env } from '../config.ts';
import { sharedWithGroup } from '../domain/follow-up.ts';
import type { Group, JoinRequest } from '../domain/group.ts';
import {
  defaultIntroducerDays,
  defaultReminderDays,
  introductionCounts,
  type Meeting,
  type MeetingMailKind,
  meetingDedupeKey,
  pickIntroducer,
  reminderAfter,
  reminderKind,
  reminderTimes,
} from '../domain/meeting.ts';
import type { Network } from '../domain/network.ts';
import { issueLink } from '../links.ts';
import { calendarContentType, calendarSequence, meetingCalendar, meetingUid } from '../mail/calendar.ts';
import type { MeetingFacts } from '../mail/meetings.ts';
import type { MailMessage } from '../mail/templates.ts';
import { sendOnce } from '../notify.ts';
import { listFollowUps } from '../store/follow-ups.ts';
import { listJoinRequests } from '../store/join-requests.ts';
import { listMeetings, listParticipation, type Participation, updateMeeting } from '../store/meetings.ts';
import { closeAndSummarise, evaluationTimes, remindEvaluations, requestEvaluations } from './evaluations.ts';

/*
 * The emails of a meeting: the invitation (or, for a changed meeting, the update, or the cancellation),
 * then the reminders. Every email is one member × one meeting × one kind × one version, with its own
 * dedupe key: a retried step sends nothing twice, and a changed meeting (a new version) starts afresh.
 */

export type Step =
  | { kind: 'reminder'; daysBefore: number; at: string }
  | { kind: 'introducer'; at: string }
  | { kind: 'evaluation-request'; at: string }
  | { kind: 'evaluation-reminder'; at: string }
  | { kind: 'evaluation-close'; at: string };

export interface MeetingContext {
  /** Open follow-ups from earlier evaluations that the group shares with every member. */
  carriedOver?: { parkedQuestions: string[]; suggestions: string[] };
  network: Network;
  group: Group;
  meeting: Meeting;
  /** Approved members now, in join order. */
  members: JoinRequest[];
  participation: Participation[];
  /** How many meetings the group has in all, for "meeting 2 of 4". */
  count: number;
}

export function reminderOptions(network: Network) {
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

export async function loadMeetingContext(
  network: Network,
  group: Group,
  meeting: Meeting,
): Promise<MeetingContext> {
  const [requests, participation, meetings, followUps] = await Promise.all([
    listJoinRequests(group.id),
    listParticipation(meeting.id),
    listMeetings(group.id),
    listFollowUps(group.id),
  ]);
  const members = requests
    .filter((r) => r.status === 'approved')
    .sort((a, b) => (a.approvedAt ?? a.createdAt).localeCompare(b.approvedAt ?? b.createdAt));
  return {
    network,
    group,
    meeting,
    members,
    participation,
    count: meetings.filter((m) => m.status === 'scheduled').length,
    // Only what earlier meetings left: a meeting's own evaluation is for the meetings after it.
    carriedOver: sharedWithGroup(
      followUps.filter((f) => f.meetingId !== meeting.id),
      group.sharing,
    ),
  };
}

/**
 * The introducer of a meeting: kept if a coordinator chose one or it was picked before; otherwise the
 * member who has introduced least, by join order, skipping anyone who said they can't come. Stored on the
 * meeting without a new version: choosing who introduces changes nothing in anyone's calendar.
 */
export async function ensureIntroducer(ctx: MeetingContext, now: Date): Promise<Meeting> {
  const { meeting } = ctx;
  if (meeting.introducerId && ctx.members.some((m) => m.id === meeting.introducerId)) return meeting;
  const earlier = (await listMeetings(ctx.group.id)).filter(
    (m) => m.id !== meeting.id && m.status === 'scheduled',
  );
  const cannotCome = new Set(ctx.participation.filter((p) => p.rsvp === 'no').map((p) => p.memberId));
  const introducerId = pickIntroducer({
    members: ctx.members.map((m) => ({ id: m.id, approvedAt: m.approvedAt ?? m.createdAt })),
    introductions: introductionCounts(earlier),
    cannotCome,
  });
  if (!introducerId) return meeting;
  const updated = await updateMeeting(meeting, { introducerId }, now, { bumpVersion: false });
  return updated === 'changed-meanwhile' ? meeting : updated;
}

export function meetingFacts(ctx: MeetingContext): MeetingFacts {
  const { meeting, group, network } = ctx;
  const introducer = ctx.members.find((m) => m.id === meeting.introducerId);
  return {
    networkName: network.name,
    groupTitle: group.title,
    question: group.question,
    startsAt: new Date(meeting.startsAt),
    durationMinutes: meeting.durationMinutes,
    timeZone: meeting.timeZone,
    mode: meeting.mode,
    ...(meeting.onlineUrl ? { onlineUrl: meeting.onlineUrl } : {}),
    ...(meeting.address ? { address: meeting.address } : {}),
    seq: meeting.seq,
    count: Math.max(ctx.count, meeting.seq),
    ...(introducer ? { introducerName: introducer.name } : {}),
    ...(ctx.carriedOver?.parkedQuestions.length ? { parkedQuestions: ctx.carriedOver.parkedQuestions } : {}),
    ...(ctx.carriedOver?.suggestions.length ? { suggestions: ctx.carriedOver.suggestions } : {}),
  };
}

async function memberLinks(ctx: MeetingContext, member: JoinRequest) {
  const { meeting } = ctx;
  const subject = {
    networkId: ctx.network.id,
    subjectId: member.id,
    groupId: ctx.group.id,
    meetingId: meeting.id,
    language: member.language,
    person: member.email,
  };
  const untilStart = meeting.startsAt;
  const [yesUrl, noUrl, noSeriesUrl] = await Promise.all([
    issueLink('rsvp-yes', subject, untilStart),
    issueLink('rsvp-no', subject, untilStart),
    issueLink('rsvp-no-series', subject, untilStart),
  ]);
  return { yesUrl, noUrl, noSeriesUrl };
}

function calendarFor(ctx: MeetingContext, member: JoinRequest, method: 'REQUEST' | 'CANCEL') {
  const { meeting, group, network } = ctx;
  const content = meetingCalendar({
    method,
    uid: meetingUid(meeting.id),
    sequence: calendarSequence(meeting.version),
    start: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    summary: `${group.title} (${network.name})`,
    description: group.question,
    location: meeting.mode === 'online' ? (meeting.onlineUrl ?? '') : (meeting.address ?? ''),
    ...(meeting.mode === 'online' && meeting.onlineUrl ? { url: meeting.onlineUrl } : {}),
    organizer: { name: network.name, email: env.senderAddress() },
    attendee: { name: member.name, email: member.email },
  });
  return { filename: 'invite.ics', content, contentType: calendarContentType(method) };
}

/** One email about the meeting to one member; `previous` is the meeting before a change. */
export async function sendMeetingMail(
  ctx: MeetingContext,
  member: JoinRequest,
  kind: MeetingMailKind,
  extra: { daysBefore?: number } = {},
): Promise<void> {
  const { meeting } = ctx;
  // Only the nudges before a meeting are reminders (what "stop reminders" stops); the introducer's mail
  // asks them to prepare and goes unless they stopped all mail from the network.
  const reminder = kind.startsWith('reminder-');
  await sendOnce({
    dedupeKey: meetingDedupeKey({
      meetingId: meeting.id,
      memberId: member.id,
      kind,
      version: meeting.version,
    }),
    to: member.email,
    language: member.language,
    member: { networkId: ctx.network.id, category: reminder ? 'reminder' : 'news' },
    message: async ({ unsubscribeUrl = '' }): Promise<MailMessage> => {
      const links = { ...(await memberLinks(ctx, member)), unsubscribeUrl };
      const base = { recipientName: member.name, meeting: meetingFacts(ctx) };
      if (kind === 'cancellation') return { kind: 'meeting-cancelled', ...base };
      if (kind === 'introducer')
        return {
          kind: 'introducer-reminder',
          ...base,
          yesUrl: links.yesUrl,
          noUrl: links.noUrl,
          unsubscribeUrl,
        };
      if (kind === 'update') {
        const previous = meeting.previous;
        const changes = previous
          ? ([
              previous.startsAt !== meeting.startsAt || previous.durationMinutes !== meeting.durationMinutes
                ? 'time'
                : undefined,
              previous.address !== meeting.address || previous.onlineUrl !== meeting.onlineUrl
                ? 'place'
                : undefined,
              previous.mode !== meeting.mode ? 'mode' : undefined,
            ].filter((c) => c !== undefined) as ('time' | 'place' | 'mode')[])
          : (['time'] as const);
        return {
          kind: 'meeting-updated',
          ...base,
          ...(previous && previous.startsAt !== meeting.startsAt
            ? { previousStartsAt: new Date(previous.startsAt) }
            : {}),
          changes,
          yesUrl: links.yesUrl,
          noUrl: links.noUrl,
          unsubscribeUrl,
        };
      }
      if (kind === 'invitation') return { kind: 'meeting-invitation', ...base, ...links };
      return { kind: 'meeting-reminder', ...base, ...links, daysBefore: extra.daysBefore ?? 1 };
    },
    extras: async () => {
      const calendar =
        kind === 'invitation' || kind === 'update'
          ? [calendarFor(ctx, member, 'REQUEST')]
          : kind === 'cancellation'
            ? [calendarFor(ctx, member, 'CANCEL')]
            : [];
      return { attachments: calendar };
    },
  });
}

/** Reminders skip those who said they can't come (an opt-out from reminders is sendOnce's to apply). */
export function reminderRecipients(ctx: MeetingContext): JoinRequest[] {
  const away = new Set(ctx.participation.filter((p) => p.rsvp === 'no').map((p) => p.memberId));
  return ctx.members.filter((m) => !away.has(m.id));
}

export async function sendStep(ctx: MeetingContext, step: Step, now: Date): Promise<void> {
  if (step.kind === 'evaluation-request') return requestEvaluations(ctx);
  if (step.kind === 'evaluation-reminder') return remindEvaluations(ctx);
  if (step.kind === 'evaluation-close') return closeAndSummarise(ctx, now);
  if (step.kind === 'introducer') {
    const introducer = reminderRecipients(ctx).find((m) => m.id === ctx.meeting.introducerId);
    if (introducer) await sendMeetingMail(ctx, introducer, 'introducer');
    return;
  }
  for (const member of reminderRecipients(ctx))
    await sendMeetingMail(ctx, member, reminderKind(step.daysBefore), { daysBefore: step.daysBefore });
}
