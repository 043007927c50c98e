import { env } from '../config.ts';
import {
  coordinatorLanguage,
  type Digest,
  defaultDigestSchedule,
  digestSlot,
  digestSpanEnd,
  hasNews,
  inDigestSpan,
  isDigestDue,
  isEmpty,
} from '../domain/digest.ts';
import type { Network } from '../domain/network.ts';
import { personId } from '../domain/person.ts';
import { recipientTag } from '../domain/registration.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import { composeCoordinatorDigest } from '../mail/digest.ts';
import { mail } from '../mail/render.ts';
import { oneClickHeaders, sendOnce } from '../notify.ts';
import { recordDigestSent } from '../store/network-settings.ts';
import { listNetworks } from '../store/networks.ts';
import { hasDigestOptOut } from '../store/people.ts';
import { collectNetworkState } from './network-state.ts';

/**
 * The coordinators' digest: what is new since the last one, from the same collection of the network as
 * the console's overview (shared/services/network-state.ts, where its reads and their cost are listed).
 */

const dayMs = 24 * 3600_000;
const decisionLinkValidity = 14 * dayMs;

type PendingRequest = Omit<Digest['pendingJoinRequests'][number], 'approveUrl' | 'declineUrl'> & {
  email: string;
};

export interface DigestData {
  digest: Omit<Digest, 'pendingJoinRequests'>;
  pending: PendingRequest[];
}

/** What the digest would say now, without links (they are made per coordinator, only when it is sent). */
export async function collectDigest(network: Network, now: Date, spanEnd = now): Promise<DigestData> {
  const since = network.lastDigestAt;
  const until = spanEnd.toISOString();
  const inSpan = (at: string) => inDigestSpan(at, since, until);
  const state = await collectNetworkState(network, now, { evaluationsClosed: inSpan });
  return {
    digest: {
      networkName: network.name,
      timeZone: network.timeZone,
      ...(since ? { since } : {}),
      until,
      newRegistrations: state.registrations
        .filter((r) => r.confirmedAt !== undefined && inSpan(r.confirmedAt))
        .map((r) => ({
          registrationId: r.id,
          name: r.name,
          organisation: r.organisation,
          confirmedAt: r.confirmedAt ?? '',
        })),
      sharedTopics: state.sharedTopics,
      proposals: state.proposals.map((p) => ({
        proposalId: p.id,
        title: p.title,
        proposerName: p.name,
        createdAt: p.confirmedAt ?? p.createdAt,
      })),
      queues: state.groups
        .map(({ group, waitlist, offers }) => ({
          groupId: group.id,
          groupTitle: group.title,
          seatsTaken: group.seatsTaken,
          capacity: group.capacity,
          waitlisted: waitlist.length,
          offers: offers.map((m) => ({
            requestId: m.id,
            name: m.name,
            offeredAt: m.offeredAt ?? '',
            until: m.offerExpiresAt ?? '',
          })),
        }))
        .filter((q) => q.waitlisted > 0 || q.offers.length > 0),
      upcomingMeetings: state.groups
        .flatMap((g) => g.upcoming)
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
      closedEvaluations: state.groups.flatMap((g) => g.evaluations),
    },
    pending: state.pending.map(({ request: r, groupTitle }) => ({
      requestId: r.id,
      groupId: r.groupId,
      email: r.email,
      name: r.name,
      organisation: r.organisation,
      groupTitle,
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
              groupId: p.groupId,
              requestId: p.requestId,
              name: p.name,
              organisation: p.organisation,
              groupTitle: p.groupTitle,
              createdAt: p.createdAt,
              approveUrl: await issueLink('approve-join-request', subject, validUntil),
              declineUrl: await issueLink('decline-join-request', subject, validUntil),
            });
          }
          return mail(composeCoordinatorDigest, { digest: { ...digest, pendingJoinRequests } });
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
