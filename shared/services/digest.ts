import { env } from '../config.ts';
import {
  coordinatorLanguage,
  type Digest,
  type DigestEvaluation,
  type DigestMeeting,
  type DigestPerson,
  defaultDigestSchedule,
  digestSlot,
  digestSpanEnd,
  hasNews,
  inDigestSpan,
  isDigestDue,
  isEmpty,
  sharedTopics,
  upcomingWindowDays,
} from '../domain/digest.ts';
import { trend } from '../domain/evaluation.ts';
import type { Group } from '../domain/group.ts';
import type { Network } from '../domain/network.ts';
import { personId } from '../domain/person.ts';
import { recipientTag } from '../domain/registration.ts';
import { tallyTopics } from '../domain/topics.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import { oneClickHeaders, sendOnce } from '../notify.ts';
import { countAnswers } from '../store/evaluations.ts';
import { listProposals } from '../store/group-proposals.ts';
import { listGroups } from '../store/groups.ts';
import { listJoinRequests, listPendingApproval, listWaitlist } from '../store/join-requests.ts';
import { listMeetings, listParticipation } from '../store/meetings.ts';
import { recordDigestSent } from '../store/network-settings.ts';
import { listNetworks } from '../store/networks.ts';
import { hasDigestOptOut } from '../store/people.ts';
import { listConfirmedRegistrations } from '../store/registrations.ts';

/**
 * The coordinators' digest. Every read is a Query on keys: the network's registration, group, proposal
 * and pending-approval indexes, then each open group's partition (members, waitlist, meetings) and each
 * listed meeting's participation. The cost grows with the network's open groups and what changed, never
 * with the table.
 */

const dayMs = 24 * 3600_000;
const decisionLinkValidity = 14 * dayMs;

type PendingRequest = Omit<Digest['pendingJoinRequests'][number], 'approveUrl' | 'declineUrl'> & {
  requestId: string;
  groupId: string;
  email: string;
};

export interface DigestData {
  digest: Omit<Digest, 'pendingJoinRequests'>;
  pending: PendingRequest[];
}

async function groupSections(group: Group, now: Date, inSpan: (at: string) => boolean) {
  const [members, waitlist, meetings] = await Promise.all([
    listJoinRequests(group.id),
    listWaitlist(group.id),
    listMeetings(group.id),
  ]);
  // Only those in the group now: a member who left is neither the introducer named nor an answer counted.
  const seated = new Map(members.filter((m) => m.status === 'approved').map((m) => [m.id, m.name]));
  const approved = seated.size;
  const queue = {
    groupTitle: group.title,
    seatsTaken: group.seatsTaken,
    capacity: group.capacity,
    waitlisted: waitlist.length,
    offers: members
      .filter((m) => m.status === 'offered' && m.offerExpiresAt !== undefined)
      .map((m) => ({ name: m.name, offeredAt: m.offeredAt ?? '', until: m.offerExpiresAt ?? '' })),
  };
  const horizon = now.getTime() + upcomingWindowDays * dayMs;
  const upcoming: DigestMeeting[] = [];
  for (const meeting of meetings) {
    const starts = Date.parse(meeting.startsAt);
    if (meeting.status === 'cancelled' || starts < now.getTime() || starts > horizon) continue;
    const replies = (await listParticipation(meeting.id)).filter((r) => seated.has(r.memberId));
    const yes = replies.filter((r) => r.rsvp === 'yes').length;
    const no = replies.filter((r) => r.rsvp === 'no').length;
    const introducer = meeting.introducerId ? seated.get(meeting.introducerId) : undefined;
    upcoming.push({
      groupTitle: group.title,
      createdAt: meeting.createdAt,
      startsAt: meeting.startsAt,
      timeZone: meeting.timeZone,
      seq: meeting.seq,
      rsvp: { yes, no, unanswered: Math.max(0, approved - yes - no) },
      ...(introducer ? { introducerName: introducer } : {}),
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
    if (!inSpan(closedAt)) continue;
    evaluations.push({
      groupTitle: group.title,
      startsAt: point.startsAt,
      timeZone: point.meeting.timeZone,
      answered: await countAnswers(point.meetingId),
      asked: point.meeting.evaluationAsked ?? 0,
      ...(point.mean === undefined ? {} : { mean: point.mean }),
      ...(point.change === undefined ? {} : { change: point.change }),
    });
  }
  return { queue, upcoming, evaluations };
}

/** What the digest would say now, without links (they are made per coordinator, only when it is sent). */
export async function collectDigest(network: Network, now: Date, spanEnd = now): Promise<DigestData> {
  const since = network.lastDigestAt;
  const until = spanEnd.toISOString();
  const inSpan = (at: string) => inDigestSpan(at, since, until);
  const [registrations, groups, proposals, pending] = await Promise.all([
    listConfirmedRegistrations(network.id),
    listGroups(network.id, 'open'),
    listProposals(network.id, 'proposed'),
    listPendingApproval(network.id),
  ]);
  const people = new Map<string, DigestPerson>(
    registrations.map((r) => [r.id, { name: r.name, organisation: r.organisation }]),
  );
  const tally = tallyTopics(
    registrations.map((r) => ({ personId: r.id, topics: r.topics, language: r.language })),
    groups.flatMap((g) => [
      { text: g.title, language: network.languages[0] ?? 'sv' },
      { text: g.question, language: network.languages[0] ?? 'sv' },
    ]),
  );
  const sections = await Promise.all(groups.map((group) => groupSections(group, now, inSpan)));
  const titles = new Map(groups.map((g) => [g.id, g.title]));
  return {
    digest: {
      networkName: network.name,
      timeZone: network.timeZone,
      ...(since ? { since } : {}),
      until,
      newRegistrations: registrations
        .filter((r) => r.confirmedAt !== undefined && inSpan(r.confirmedAt))
        .map((r) => ({ name: r.name, organisation: r.organisation, confirmedAt: r.confirmedAt ?? '' })),
      sharedTopics: sharedTopics(tally, people),
      proposals: proposals.map((p) => ({
        title: p.title,
        proposerName: p.name,
        createdAt: p.confirmedAt ?? p.createdAt,
      })),
      queues: sections.map((s) => s.queue).filter((q) => q.waitlisted > 0 || q.offers.length > 0),
      upcomingMeetings: sections
        .flatMap((s) => s.upcoming)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      closedEvaluations: sections.flatMap((s) => s.evaluations),
    },
    pending: pending.map((r) => ({
      requestId: r.id,
      groupId: r.groupId,
      email: r.email,
      name: r.name,
      organisation: r.organisation,
      groupTitle: titles.get(r.groupId) ?? r.groupId,
      createdAt: r.confirmedAt ?? r.createdAt,
    })),
  };
}

export type DigestOutcome =
  | { sent: number; reason?: undefined }
  | { sent: 0; reason: 'nothing_new' | 'nothing_to_say' };

/**
 * Sends the digest to every coordinator, in their language, each with their own single-use approve and
 * decline links. `scheduled`: only when something is new since the last one; on demand: whenever there
 * is anything to show.
 */
/** Old digests stay in inboxes: their unsubscribe keeps working for a year. */
const digestUnsubscribeValidity = 365 * 24 * 3600 * 1000;

export async function sendDigest(
  network: Network,
  now: Date,
  mode: 'scheduled' | 'on-demand',
): Promise<DigestOutcome> {
  // A scheduled digest covers up to a moment ago (digestSettleMs), so nothing still on its way is skipped;
  // one asked for now shows everything up to now, and whatever it showed from that last moment is news
  // again for the next scheduled one: shown twice at worst, never left out.
  const settled = digestSpanEnd(now, env.digestSettleSeconds() * 1000);
  const { digest, pending } = await collectDigest(network, now, mode === 'scheduled' ? settled : now);
  const full: Digest = {
    ...digest,
    pendingJoinRequests: pending.map((p) => ({ ...p, approveUrl: '', declineUrl: '' })),
  };
  if (mode === 'scheduled' && !hasNews(full, now)) return { sent: 0, reason: 'nothing_new' };
  if (isEmpty(full)) return { sent: 0, reason: 'nothing_to_say' };
  const slot = mode === 'scheduled' ? digestSlot(network.timeZone, now) : now.toISOString();
  const validUntil = new Date(now.getTime() + decisionLinkValidity).toISOString();
  let sent = 0;
  for (const coordinator of network.coordinators) {
    // Turned off by the coordinator with the digest's one-click unsubscribe: theirs alone stops.
    if (await hasDigestOptOut(personId(coordinator), network.id)) continue;
    const language = coordinatorLanguage(network, coordinator);
    const outcome = await sendOnce(
      {
        dedupeKey: `digest:${network.id}:${recipientTag(coordinator)}:${slot}`,
        to: coordinator,
        language,
        // A recurring mail: RFC 8058 one-click, so a mail client's "unsubscribe" turns this one off.
        extras: async () => {
          const url = await issueLink(
            'unsubscribe-digest',
            { networkId: network.id, subjectId: personId(coordinator), language, person: coordinator },
            new Date(now.getTime() + digestUnsubscribeValidity).toISOString(),
          );
          return { headers: oneClickHeaders(url) };
        },
        message: async () => {
          const pendingJoinRequests = [];
          for (const p of pending) {
            const subject = {
              networkId: network.id,
              subjectId: p.requestId,
              groupId: p.groupId,
              language,
              person: p.email,
            };
            pendingJoinRequests.push({
              name: p.name,
              organisation: p.organisation,
              groupTitle: p.groupTitle,
              createdAt: p.createdAt,
              approveUrl: await issueLink('approve-join-request', subject, validUntil),
              declineUrl: await issueLink('decline-join-request', subject, validUntil),
            });
          }
          return { kind: 'coordinator-digest', digest: { ...digest, pendingJoinRequests } };
        },
      },
      now,
    );
    if (outcome === 'sent') sent += 1;
  }
  // Moved only once every coordinator has theirs: a retried tick covers the same span, and the slot's
  // dedupe key keeps those who already got it from getting it twice.
  await recordDigestSent(network.id, settled);
  logger.info('digest sent', { networkId: network.id, mode, coordinators: sent });
  return { sent };
}

/** The hourly tick: every network whose digest time it is in its own time zone gets one. */
export async function sendDueDigests(now: Date): Promise<{ networks: number; sent: number }> {
  let networks = 0;
  let sent = 0;
  for (const network of await listNetworks()) {
    if (!isDigestDue(network.digest ?? defaultDigestSchedule, network.timeZone, now)) continue;
    networks += 1;
    try {
      sent += (await sendDigest(network, now, 'scheduled')).sent;
    } catch (error) {
      // One network's failure must not keep the others' coordinators without their digest.
      logger.error('digest failed', {
        networkId: network.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
  return { networks, sent };
}
