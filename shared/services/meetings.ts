import { env } from '../config.ts';
import type { JoinRequest } from '../domain/group.ts';
import {
  changesOf,
  introducerStays,
  introducerUpdate,
  introductionCounts,
  type Meeting,
  type MeetingMailKind,
  meetingDedupeKey,
  pickIntroducer,
  upcomingMeetings,
} from '../domain/meeting.ts';
import { issueLink } from '../links.ts';
import { calendarContentType, calendarSequence, meetingCalendar, meetingUid } from '../mail/calendar.ts';
import {
  composeIntroducerReminder,
  composeMeetingCancelled,
  composeMeetingInvitation,
  composeMeetingReminder,
  composeMeetingUpdated,
} from '../mail/meetings.ts';
import { type Mail, mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import { getGroup } from '../store/groups.ts';
import { getJoinRequest } from '../store/join-requests.ts';
import { listMeetings, updateMeeting } from '../store/meetings.ts';
import { getNetwork } from '../store/networks.ts';
import { loadMeetingContext, type MeetingContext, meetingFacts } from './meeting-context.ts';

/*
 * The emails of a meeting: the invitation (or, for a changed meeting, the update, or the cancellation),
 * then the reminders. Every email is one member × one meeting × one kind × one version, with its own
 * dedupe key: a retried step sends nothing twice, and a changed meeting (a new version) starts afresh.
 */

/**
 * The introducer of a meeting: kept while introducerStays; otherwise the member who has introduced least,
 * by join order, skipping anyone who said they can't come (nobody when none can). Stored on the meeting
 * without a new version: choosing who introduces changes nothing in anyone's calendar.
 */
export async function ensureIntroducer(ctx: MeetingContext, now: Date): Promise<Meeting> {
  const { meeting } = ctx;
  const cannotCome = new Set(ctx.participation.filter((p) => p.rsvp === 'no').map((p) => p.memberId));
  if (introducerStays(meeting, new Set(ctx.members.map((m) => m.id)), cannotCome)) return meeting;
  const earlier = (await listMeetings(ctx.group.id)).filter(
    (m) => m.id !== meeting.id && m.status === 'scheduled',
  );
  const introducerId = pickIntroducer({
    members: ctx.members.map((m) => ({ id: m.id, approvedAt: m.approvedAt ?? m.createdAt })),
    introductions: introductionCounts(earlier),
    cannotCome,
  });
  const changes = introducerUpdate(meeting, introducerId);
  if (changes === undefined) return meeting;
  const updated = await updateMeeting(meeting, changes, now, { bumpVersion: false });
  return updated === 'changed-meanwhile' ? meeting : updated;
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
    message: async ({ unsubscribeUrl = '' }): Promise<Mail> => {
      const links = { ...(await memberLinks(ctx, member)), unsubscribeUrl };
      const base = { recipientName: member.name, meeting: meetingFacts(ctx) };
      if (kind === 'cancellation') return mail(composeMeetingCancelled, base);
      if (kind === 'introducer')
        return mail(composeIntroducerReminder, {
          ...base,
          yesUrl: links.yesUrl,
          noUrl: links.noUrl,
          unsubscribeUrl,
        });
      if (kind === 'update') {
        const { changes, previousStartsAt } = changesOf(meeting);
        return mail(composeMeetingUpdated, {
          ...base,
          ...(previousStartsAt ? { previousStartsAt: new Date(previousStartsAt) } : {}),
          changes,
          answer: ctx.participation.find((p) => p.memberId === member.id)?.rsvp,
          yesUrl: links.yesUrl,
          noUrl: links.noUrl,
          unsubscribeUrl,
        });
      }
      if (kind === 'invitation') return mail(composeMeetingInvitation, { ...base, ...links });
      return mail(composeMeetingReminder, { ...base, ...links, daysBefore: extra.daysBefore ?? 1 });
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

/**
 * A member placed after meetings were scheduled: the invitation, with its calendar entry, to each one
 * still ahead. Run by a workflow step after the placement; nothing goes to someone no longer a member,
 * and what already went (the meeting's own workflow may have invited them) is not sent again.
 */
export async function inviteToUpcomingMeetings(groupId: string, requestId: string, now: Date): Promise<void> {
  const [group, member] = await Promise.all([getGroup(groupId), getJoinRequest(groupId, requestId)]);
  if (!group || member?.status !== 'approved') return;
  const network = await getNetwork(group.networkId);
  if (!network) return;
  for (const meeting of upcomingMeetings(await listMeetings(group.id), now)) {
    const ctx = await loadMeetingContext(network, group, meeting);
    await sendMeetingMail(ctx, member, 'invitation');
  }
}
