import { env } from '../config.ts';
import {
  admissionFor,
  type Group,
  groupDedupeKey,
  type JoinRequest,
  offerExpiry,
  waitlistPosition,
} from '../domain/group.ts';
import { coordinatorLanguage, type Network } from '../domain/network.ts';
import { personId } from '../domain/person.ts';
import { recipientTag } from '../domain/registration.ts';
import { issueLink } from '../links.ts';
import {
  composeJoinApprovalRequest,
  composeJoinApproved,
  composeJoinDeclined,
  composeJoinPendingApproval,
  composeJoinWaitlisted,
  composeLeftGroup,
  composeSeatOffered,
  composeWaitlistClosed,
} from '../mail/groups.ts';
import { mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import { StillContended } from '../store/errors.ts';
import { claimWaitlistPlace, getGroup, releaseWaitlistClaim, waitlistClaims } from '../store/groups.ts';
import {
  awaitApproval,
  declineRequest,
  getJoinRequest,
  joinWaitlist,
  leaveWaitlist,
  listWaitlist,
  releaseSeat,
  type TransitionOutcome,
  takeSeat,
} from '../store/join-requests.ts';
import { getNetwork } from '../store/networks.ts';
import { getOptOut, recordConfirmedConsent } from '../store/people.ts';
import { startMemberInvitations } from '../workflows/meetings.ts';
import type { OfferWorkflowInput } from '../workflows/offers.ts';

/*
 * What happens to a join request between the person's confirmation and their seat, and after: the seat
 * rules are in the store's transactions (the count and the status change together), the choices in
 * shared/domain/group.ts, and here the order of steps and the emails that tell people.
 */

/** Links in membership emails work as long as a membership can sensibly last. */
const leaveLinkValidity = 2 * 365 * 24 * 3600 * 1000;
const decisionLinkValidity = 14 * 24 * 3600 * 1000;

export type Placement =
  | { status: 'approved' }
  | { status: 'waitlisted'; position: number }
  | { status: 'pending_approval' };

type From = JoinRequest['status'][];

/** A member's personal link to leave the group (or its waitlist). */
export function leaveLink(request: JoinRequest, now: Date): Promise<string> {
  return issueLink(
    'leave-group',
    {
      networkId: request.networkId,
      subjectId: request.id,
      groupId: request.groupId,
      language: request.language,
      person: request.email,
    },
    new Date(now.getTime() + leaveLinkValidity).toISOString(),
  );
}

/**
 * Whether the member stopped all mail from the network: then no meeting invitation reaches them, and
 * the welcome (which goes, being the answer to their own request) and the page say so.
 */
export async function stoppedAllMail(request: Pick<JoinRequest, 'email' | 'networkId'>): Promise<boolean> {
  return (await getOptOut(personId(request.email), request.networkId)) === 'all';
}

/**
 * Tells the member where they stand (and the coordinators when it is their decision). Every email has its
 * dedupe key, so telling again is a no-op for what went out, and sends what a failure cut short.
 */
export async function tellPlacement(
  network: Network,
  group: Group,
  request: JoinRequest,
  placement: Placement,
  now: Date,
) {
  const common = { recipientName: request.name, networkName: network.name, groupTitle: group.title };
  const to = request.email;
  const language = request.language;
  if (placement.status === 'approved') {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, 'approved'),
      to,
      language,
      member: { networkId: request.networkId, category: 'transactional' },
      message: async () =>
        mail(composeJoinApproved, {
          ...common,
          question: group.question,
          facilitatorName: group.facilitator.name,
          mode: group.mode,
          ...(group.location ? { location: group.location } : {}),
          leaveUrl: await leaveLink(request, now),
          mailOff: await stoppedAllMail(request),
        }),
    });
    // The meetings already scheduled: their invitations go from a workflow, not inside this request.
    await startMemberInvitations(request, request.approvedAt ?? now.toISOString());
  } else if (placement.status === 'waitlisted') {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, 'waitlisted'),
      to,
      language,
      member: { networkId: request.networkId, category: 'transactional' },
      message: async () =>
        mail(composeJoinWaitlisted, {
          ...common,
          position: placement.position,
          leaveUrl: await leaveLink(request, now),
        }),
    });
  } else {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, 'pending-approval'),
      to,
      language,
      member: { networkId: request.networkId, category: 'transactional' },
      message: () => mail(composeJoinPendingApproval, common),
    });
    await askCoordinators(network, group, request, now);
  }
}

/** Every coordinator gets single-use approve and decline links, so they can decide from their phone. */
async function askCoordinators(network: Network, group: Group, request: JoinRequest, now: Date) {
  const validUntil = new Date(now.getTime() + decisionLinkValidity).toISOString();
  for (const coordinator of network.coordinators) {
    // The coordinator's language, for the mail and for the pages its links open.
    const language = coordinatorLanguage(network, coordinator);
    const subject = {
      networkId: network.id,
      subjectId: request.id,
      groupId: group.id,
      language,
      person: request.email,
    };
    await sendOnce({
      dedupeKey: groupDedupeKey(request, `approval-request:${recipientTag(coordinator)}`),
      to: coordinator,
      language,
      message: async () =>
        mail(composeJoinApprovalRequest, {
          networkName: network.name,
          groupTitle: group.title,
          requesterName: request.name,
          requesterEmail: request.email,
          organisation: request.organisation,
          role: request.role,
          ...(request.message ? { message: request.message } : {}),
          approveUrl: await issueLink('approve-join-request', subject, validUntil),
          declineUrl: await issueLink('decline-join-request', subject, validUntil),
          expiresAt: new Date(validUntil),
          timeZone: network.timeZone,
        }),
    });
  }
}

/**
 * A seat if one is free, else the next place on the waitlist. Each is one transaction, so however many
 * people confirm at once, the group never holds more than its capacity. The position a person is told is
 * counted from the places held on the group, read after their own was written: every place ahead of
 * theirs was claimed before it, so people placed in the same burst are told different positions, the
 * ones the stored order gives them.
 */
async function seatOrWaitlist(
  group: Group,
  request: JoinRequest,
  from: From,
  now: Date,
  tokenHash?: string,
): Promise<{ outcome: TransitionOutcome; placement?: Placement }> {
  const seat = await takeSeat(request, from, now, tokenHash);
  if (seat === 'done') return { outcome: seat, placement: { status: 'approved' } };
  if (seat !== 'group-full-or-closed' || group.status === 'closed') return { outcome: seat };
  const seq = await claimWaitlistPlace(group.id, request);
  const waiting = await joinWaitlist(request, from, seq, now, tokenHash);
  if (waiting !== 'done') {
    // Another press of the same link may have placed the request with this very claim; if the request
    // went elsewhere instead (a seat, a decline), the place is given back.
    const current = await getJoinRequest(request.groupId, request.id);
    if (current && !['waitlisted', 'pending_confirmation', 'pending_approval'].includes(current.status))
      await releaseWaitlistClaim(group.id, request);
    return { outcome: waiting };
  }
  const position = await positionOnWaitlist(group.id, seq);
  return { outcome: waiting, placement: { status: 'waitlisted', position } };
}

/** Where the holder of place `seq` stands now: one more than the places held ahead of it. */
async function positionOnWaitlist(groupId: string, seq: number): Promise<number> {
  return waitlistPosition(seq, await waitlistClaims(groupId));
}

/** Where a confirmed request stands, read back for a repeated press of its link. */
async function currentPlacement(request: JoinRequest): Promise<Placement | undefined> {
  if (request.status === 'approved' || request.status === 'pending_approval')
    return { status: request.status };
  if (request.status === 'waitlisted' && request.waitlistSeq !== undefined)
    return { status: 'waitlisted', position: await positionOnWaitlist(request.groupId, request.waitlistSeq) };
  return undefined;
}

/** After the person confirmed by the emailed link. */
async function placeConfirmedRequest(
  network: Network,
  group: Group,
  request: JoinRequest,
  tokenHash: string,
  now: Date,
): Promise<{ outcome: TransitionOutcome; placement?: Placement }> {
  let result: { outcome: TransitionOutcome; placement?: Placement };
  if (admissionFor(network, request.email) === 'pending_approval') {
    // Not told "a coordinator will review it" when no coordinator can approve it: the group closed since
    // the request was made (approving answers join_group_closed). The same answer as a member's.
    if (group.status === 'closed') return { outcome: 'group-full-or-closed' };
    const outcome = await awaitApproval(request, now, tokenHash);
    result = outcome === 'done' ? { outcome, placement: { status: 'pending_approval' } } : { outcome };
  } else {
    result = await seatOrWaitlist(group, request, ['pending_confirmation'], now, tokenHash);
  }
  if (result.placement) await tellPlacement(network, group, request, result.placement, now);
  return result;
}

/** What opening or pressing a join request's confirmation link came to. */
export type JoinConfirmation =
  | { outcome: 'placed'; placement: Placement }
  /** A GET of a live link: the page with the button to press. */
  | { outcome: 'awaiting-confirmation' }
  | { outcome: 'link-expired' }
  | { outcome: 'group-closed' };

/**
 * The confirmation link of a join request, opened (GET, which changes nothing) or pressed. Undefined when
 * the network, group or request is gone.
 */
export async function confirmJoinRequest(
  link: { networkId: string; groupId: string; requestId: string; tokenHash: string; usable: boolean },
  pressed: boolean,
  now: Date,
): Promise<
  { network: Network; group: Group; request: JoinRequest; confirmation: JoinConfirmation } | undefined
> {
  const [network, group, request] = await Promise.all([
    getNetwork(link.networkId),
    getGroup(link.groupId),
    getJoinRequest(link.groupId, link.requestId),
  ]);
  if (!network || !group || !request) return undefined;
  const placed = (placement: Placement) => ({
    network,
    group,
    request,
    confirmation: { outcome: 'placed', placement } as const,
  });

  if (!pressed || request.status !== 'pending_confirmation') {
    const placement = await currentPlacement(request);
    if (placement) {
      // Pressed again after a failure cut the welcome short (a throttled write, SES down): send what is
      // missing. A GET changes nothing, so it only shows.
      if (pressed) await tellPlacement(network, group, request, placement, now);
      return placed(placement);
    }
    const live = !pressed && link.usable && request.status === 'pending_confirmation';
    return {
      network,
      group,
      request,
      confirmation: { outcome: live ? 'awaiting-confirmation' : 'link-expired' },
    };
  }

  const result = await placeConfirmedRequest(network, group, request, link.tokenHash, now);
  if (result.placement) {
    await recordConfirmedConsent(request, 'join', now);
    return placed(result.placement);
  }
  // Someone else pressed the button at the same moment, or the link ran out: say where things stand.
  const current = await getJoinRequest(link.groupId, request.id);
  const placement = current ? await currentPlacement(current) : undefined;
  if (placement) return placed(placement);
  return {
    network,
    group,
    request,
    confirmation: { outcome: group.status === 'closed' ? 'group-closed' : 'link-expired' },
  };
}

/** A coordinator approves: the same seat rule as for members of member organisations. */
export async function approveRequest(
  network: Network,
  group: Group,
  request: JoinRequest,
  now: Date,
  tokenHash?: string,
): Promise<{ outcome: TransitionOutcome; placement?: Placement }> {
  const result = await seatOrWaitlist(group, request, ['pending_approval'], now, tokenHash);
  if (result.placement) await tellPlacement(network, group, request, result.placement, now);
  return result;
}

export async function declinePendingRequest(
  network: Network,
  group: Group,
  request: JoinRequest,
  message: string | undefined,
  now: Date,
  tokenHash?: string,
): Promise<TransitionOutcome> {
  const outcome = await declineRequest(request, message, now, tokenHash);
  if (outcome === 'done') {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, 'declined'),
      to: request.email,
      language: request.language,
      member: { networkId: request.networkId, category: 'transactional' },
      message: () =>
        mail(composeJoinDeclined, {
          recipientName: request.name,
          networkName: network.name,
          groupTitle: group.title,
          ...(message ? { message } : {}),
        }),
    });
  }
  return outcome;
}

/**
 * Gives a seat up (leaving, or declining an offer, or an offer running out) and, in the same
 * transaction, offers it to the first in line. Retried when the first in line changed meanwhile.
 */
export interface SeatPassed {
  outcome: TransitionOutcome;
  /** The offer made to the first in line, if there was anyone. */
  offer?: OfferWorkflowInput;
}

/** How often a release is tried against a waitlist that keeps changing: each round, one contender wins. */
const releaseAttempts = 60;

/** A short random pause that grows with the attempt, so contenders stop colliding in lockstep. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));

export async function passSeatOn(
  network: Network,
  group: Group,
  request: JoinRequest,
  from: ('approved' | 'offered')[],
  now: Date,
  options: { tokenHash?: string; leavingStatus?: 'left' | 'offer_expired' } = {},
): Promise<SeatPassed> {
  const offerExpiresAt = offerExpiry(now, env.offerHours());
  for (let attempt = 0; attempt < releaseAttempts; attempt += 1) {
    // A closed group takes no one new: the seat is freed, and nobody moves up (what closing it says).
    const [next] = group.status === 'closed' ? [] : await listWaitlist(group.id, 1);
    const outcome = await releaseSeat(
      request,
      from,
      next,
      offerExpiresAt,
      now,
      options.tokenHash,
      options.leavingStatus,
    );
    if (outcome === 'request-changed' && next) {
      // Either the leaver's request changed (then it truly is no longer theirs to give up) or the first in
      // line moved (another seat went to them): only the leaver's own status can tell which.
      const current = await getJoinRequest(request.groupId, request.id);
      if (current && from.includes(current.status as 'approved' | 'offered')) {
        await backoff(attempt);
        continue;
      }
    }
    if (outcome !== 'done' || !next) return { outcome };
    await offerSeat(network, group, next, offerExpiresAt);
    return { outcome, offer: { groupId: group.id, requestId: next.id, offerExpiresAt } };
  }
  // The member still holds the seat: say "try again", never "done".
  throw new StillContended(`releasing a seat of group ${group.id}`);
}

/** Emails the offer with its accept and decline links, valid until the offer ends. */
async function offerSeat(network: Network, group: Group, request: JoinRequest, expiresAt: string) {
  const subject = {
    networkId: network.id,
    subjectId: request.id,
    groupId: group.id,
    language: request.language,
    person: request.email,
  };
  await sendOnce({
    dedupeKey: groupDedupeKey(request, `offer:${expiresAt}`),
    to: request.email,
    language: request.language,
    member: { networkId: request.networkId, category: 'transactional' },
    message: async () =>
      mail(composeSeatOffered, {
        recipientName: request.name,
        networkName: network.name,
        groupTitle: group.title,
        acceptUrl: await issueLink('accept-offer', subject, expiresAt),
        declineUrl: await issueLink('leave-group', subject, expiresAt),
        expiresAt: new Date(expiresAt),
        timeZone: network.timeZone,
      }),
  });
}

/**
 * Leaving by the personal link: a seat is passed on; a place on the waitlist is simply given up. The
 * offer it makes is returned for the caller to start its workflow.
 */
export async function leave(
  network: Network,
  group: Group,
  request: JoinRequest,
  tokenHash: string,
  now: Date,
): Promise<SeatPassed> {
  const wasWaitlisted = request.status === 'waitlisted';
  const left = wasWaitlisted ? 'waitlist' : request.status === 'offered' ? 'offer' : 'group';
  let passed: SeatPassed;
  if (wasWaitlisted) passed = { outcome: await leaveWaitlist(request, now, tokenHash) };
  else passed = await passSeatOn(network, group, request, ['approved', 'offered'], now, { tokenHash });
  const { outcome } = passed;
  if (outcome === 'done') {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, `left:${now.toISOString()}`),
      to: request.email,
      language: request.language,
      member: { networkId: request.networkId, category: 'transactional' },
      message: () =>
        mail(composeLeftGroup, {
          recipientName: request.name,
          networkName: network.name,
          groupTitle: group.title,
          left,
        }),
    });
  }
  return passed;
}

/**
 * After a coordinator closed the group to newcomers: everyone on its waitlist is told that they keep their
 * place but nobody moves up while it is closed (they were told a mail would come when a seat frees up).
 * Once per close: a PATCH repeated, or one that changes something else, sends nothing again.
 */
export async function tellWaitlistClosed(network: Network, group: Group, now: Date): Promise<void> {
  if (group.status !== 'closed' || group.closedAt === undefined) return;
  for (const request of await listWaitlist(group.id)) {
    await sendOnce({
      dedupeKey: groupDedupeKey(request, `group-closed:${Date.parse(group.closedAt)}`),
      to: request.email,
      language: request.language,
      member: { networkId: network.id, category: 'transactional' },
      message: async () =>
        mail(composeWaitlistClosed, {
          recipientName: request.name,
          networkName: network.name,
          groupTitle: group.title,
          leaveUrl: await leaveLink(request, now),
        }),
    });
  }
}

/** After a coordinator raised the capacity: the waitlist moves up, in order, one person per free seat. */
export async function promoteFromWaitlist(network: Network, group: Group, now: Date): Promise<number> {
  let promoted = 0;
  for (;;) {
    const [next] = await listWaitlist(group.id, 1);
    if (!next) return promoted;
    const seat = await takeSeat(next, ['waitlisted'], now);
    if (seat === 'group-full-or-closed') return promoted;
    if (seat === 'done') {
      promoted += 1;
      await tellPlacement(network, group, next, { status: 'approved' }, now);
    }
  }
}

/** A member who accepted an offered seat: the same welcome, and invitations, as any new member. */
export function welcomeMember(
  network: Network,
  group: Group,
  request: JoinRequest,
  now: Date,
): Promise<void> {
  return tellPlacement(network, group, { ...request, status: 'approved' }, { status: 'approved' }, now);
}
