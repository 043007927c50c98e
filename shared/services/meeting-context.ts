import { sharedWithGroup } from '../domain/follow-up.ts';
import type { Group, JoinRequest } from '../domain/group.ts';
import type { Meeting } from '../domain/meeting.ts';
import type { Network } from '../domain/network.ts';
import type { MeetingFacts } from '../mail/meetings.ts';
import { listFollowUps } from '../store/follow-ups.ts';
import { listJoinRequests } from '../store/join-requests.ts';
import { listMeetings, listParticipation, type Participation } from '../store/meetings.ts';

/*
 * What every email about a meeting is written from, before, at and after it: the meeting's mails
 * (meetings.ts) and its evaluation (evaluations.ts) both read it, so it sits below both and neither
 * imports the other.
 */

export interface MeetingContext {
  /** Open follow-ups from earlier evaluations that the group shares with every member. */
  carriedOver?: { parkedQuestions: string[]; suggestions: string[] };
  network: Network;
  group: Group;
  meeting: Meeting;
  /** Approved members now, in join order. */
  members: JoinRequest[];
  participation: Participation[];
  /** The number of the group's last meeting still on, for "meeting 2 of 4". */
  count: number;
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
    // "Träff 3 av 4" counts to the last meeting still on: numbers stay as sent when one is cancelled.
    count: Math.max(0, ...meetings.filter((m) => m.status === 'scheduled').map((m) => m.seq)),
    // Only what earlier meetings left: a meeting's own evaluation is for the meetings after it.
    carriedOver: sharedWithGroup(
      followUps.filter((f) => f.meetingId !== meeting.id),
      group.sharing,
    ),
  };
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
