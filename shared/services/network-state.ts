import {
  type DigestEvaluation,
  type DigestMeeting,
  type DigestPerson,
  type NetworkState,
  type NetworkStateGroup,
  sharedTopics,
  upcomingWindowDays,
} from '../domain/digest.ts';
import { trend } from '../domain/evaluation.ts';
import type { Group, JoinRequest } from '../domain/group.ts';
import type { GroupProposal } from '../domain/group-proposal.ts';
import { answerCounts } from '../domain/meeting.ts';
import type { Network } from '../domain/network.ts';
import { tallyTopics } from '../domain/topics.ts';
import { countAnswers } from '../store/evaluations.ts';
import { listProposals } from '../store/group-proposals.ts';
import { listGroups } from '../store/groups.ts';
import { listJoinRequests, listPendingApproval, listWaitlist } from '../store/join-requests.ts';
import { listMeetings, listParticipation } from '../store/meetings.ts';
import { listConfirmedRegistrations } from '../store/registrations.ts';

/**
 * The one collector behind the coordinators' digest (shared/services/digest.ts) and the console's overview
 * (GET /v1/admin/networks/{networkId}/overview): what is waiting in a network now, with the ids to act on.
 *
 * Every read is a Query on keys, never a Scan: the network's registration, group, proposal and
 * pending-approval indexes (gsi1, eventually consistent), then each open group's partition (its join
 * requests and its meetings, strongly consistent) and its waitlist (gsi1), each upcoming meeting's
 * participation (strongly consistent), and an answer count for each evaluation `evaluationsClosed`
 * picks. The cost grows with the network's confirmed members, open groups and the meetings in the
 * two-week window, never with the table.
 */

const dayMs = 24 * 3600_000;

export interface CollectOptions {
  /** Which closed evaluations to count answers for (one Query each): the digest's span, the overview's month. */
  evaluationsClosed: (closedAt: string) => boolean;
}

async function groupState(
  group: Group,
  now: Date,
  evaluationsClosed: (closedAt: string) => boolean,
): Promise<NetworkStateGroup> {
  const [members, waitlist, meetings] = await Promise.all([
    listJoinRequests(group.id),
    listWaitlist(group.id),
    listMeetings(group.id),
  ]);
  // Only those in the group now: a member who left is neither the introducer named nor an answer counted.
  const seated = new Map(members.filter((m) => m.status === 'approved').map((m) => [m.id, m.name]));
  const approved = seated.size;
  const offers: JoinRequest[] = members.filter(
    (m) => m.status === 'offered' && m.offerExpiresAt !== undefined,
  );
  const horizon = now.getTime() + upcomingWindowDays * dayMs;
  const upcoming: DigestMeeting[] = [];
  for (const meeting of meetings) {
    const starts = Date.parse(meeting.startsAt);
    if (meeting.status === 'cancelled' || starts < now.getTime() || starts > horizon) continue;
    const { yes, no } = answerCounts(await listParticipation(meeting.id), seated);
    const introducer = meeting.introducerId ? seated.get(meeting.introducerId) : undefined;
    upcoming.push({
      groupId: group.id,
      meetingId: meeting.id,
      groupTitle: group.title,
      createdAt: meeting.createdAt,
      startsAt: meeting.startsAt,
      durationMinutes: meeting.durationMinutes,
      timeZone: meeting.timeZone,
      mode: meeting.mode,
      seq: meeting.seq,
      rsvp: { yes, no, unanswered: Math.max(0, approved - yes - no) },
      ...((meeting.mode === 'online' ? meeting.onlineUrl : meeting.address) ? {} : { placeMissing: true }),
      ...(introducer && meeting.introducerId
        ? { introducerId: meeting.introducerId, introducerName: introducer }
        : {}),
    });
  }
  const closed = meetings.filter((m) => m.evaluationClosedAt !== undefined);
  const points = trend(
    closed.map((m) => ({
      meetingId: m.id,
      seq: m.seq,
      startsAt: m.startsAt,
      mean: m.evaluationMean,
      responses: m.evaluationMean === undefined ? 0 : 1,
      meeting: m,
    })),
  );
  const evaluations: DigestEvaluation[] = [];
  for (const point of points) {
    const closedAt = point.meeting.evaluationClosedAt ?? '';
    if (!evaluationsClosed(closedAt)) continue;
    evaluations.push({
      groupId: group.id,
      meetingId: point.meetingId,
      groupTitle: group.title,
      seq: point.seq,
      startsAt: point.startsAt,
      timeZone: point.meeting.timeZone,
      closedAt,
      answered: await countAnswers(point.meetingId),
      asked: point.meeting.evaluationAsked ?? 0,
      ...(point.mean === undefined ? {} : { mean: point.mean }),
      ...(point.change === undefined ? {} : { change: point.change }),
    });
  }
  return { group, waitlist, offers, upcoming, evaluations };
}

/** What is waiting in the network now; the digest and the overview each take their part of it. */
export async function collectNetworkState(
  network: Network,
  now: Date,
  options: CollectOptions,
): Promise<NetworkState> {
  const [registrations, groups, proposals, pending] = await Promise.all([
    listConfirmedRegistrations(network.id),
    // Closed groups too: a closed group takes no one new, but its members still meet and evaluate.
    listGroups(network.id),
    listProposals(network.id, 'proposed'),
    listPendingApproval(network.id),
  ]);
  const people = new Map<string, Omit<DigestPerson, 'registrationId'>>(
    registrations.map((r) => [r.id, { name: r.name, organisation: r.organisation }]),
  );
  // A topic is covered by a group someone can still join.
  const open = groups.filter((g) => g.status === 'open');
  const tally = tallyTopics(
    registrations.map((r) => ({ personId: r.id, topics: r.topics, language: r.language })),
    open.flatMap((g) => [
      { text: g.title, language: network.languages[0] ?? 'sv', groupId: g.id },
      { text: g.question, language: network.languages[0] ?? 'sv', groupId: g.id },
    ]),
  );
  // Every group by its title, also one closed since a request began waiting in it.
  const titles = new Map(groups.map((g) => [g.id, g.title]));
  const states = await Promise.all(groups.map((group) => groupState(group, now, options.evaluationsClosed)));
  return {
    registrations,
    sharedTopics: sharedTopics(tally, people, undefined, titles),
    proposals: proposals satisfies GroupProposal[],
    pending: pending.map((request) => ({
      request,
      groupTitle: titles.get(request.groupId) ?? request.groupId,
    })),
    groups: states,
  };
}
