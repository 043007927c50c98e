import { randomBytes } from 'node:crypto';
import type { Group } from '../domain/group.ts';
import {
  type GroupFromProposal,
  type GroupProposal,
  groupFromProposal,
  proposalDedupeKey,
  proposerMembership,
} from '../domain/group-proposal.ts';
import { coordinatorLanguage, type Network } from '../domain/network.ts';
import { isLapsed } from '../domain/opt-in.ts';
import { recipientTag } from '../domain/registration.ts';
import { logger, redactError } from '../logger.ts';
import {
  composeGroupProposalAccepted,
  composeGroupProposalDeclined,
  composeGroupProposalReceived,
} from '../mail/group-proposals.ts';
import { mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import {
  acceptProposal,
  confirmProposalWithToken,
  declineProposal,
  getGroupProposal,
} from '../store/group-proposals.ts';
import { getNetwork } from '../store/networks.ts';
import { recordConfirmedConsent } from '../store/people.ts';
import { leaveLink, stoppedAllMail } from './membership.ts';

/*
 * What happens to a group proposal once its proposer confirmed it: the coordinators are told, and their
 * decision (a group, or a decline) is told to the proposer. The rules are in shared/domain/group-proposal.ts,
 * the all-or-nothing writes in the store's transactions, and here the order of steps and the emails.
 */

/** As for groups coordinators create: short enough for a URL, random enough to reveal nothing (96 bits). */
const newGroupId = () => randomBytes(12).toString('base64url');

/** Every coordinator of the network hears of a confirmed proposal, each in their own language. */
export async function tellCoordinators(network: Network, proposal: GroupProposal): Promise<void> {
  for (const coordinator of network.coordinators) {
    await sendOnce({
      dedupeKey: proposalDedupeKey(proposal, `received:${recipientTag(coordinator)}`),
      to: coordinator,
      language: coordinatorLanguage(network, coordinator),
      message: () =>
        mail(composeGroupProposalReceived, {
          networkName: network.name,
          proposalTitle: proposal.title,
          question: proposal.question,
          proposerName: proposal.name,
          proposerEmail: proposal.email,
          organisation: proposal.organisation,
          ...(proposal.role ? { role: proposal.role } : {}),
          ...(proposal.message ? { message: proposal.message } : {}),
        }),
    });
  }
}

/**
 * Tells the coordinators, after the confirmation is stored. If SES fails now, the proposal is listed all
 * the same, and pressing the button again sends what is missing (each email has its dedupe key).
 */
async function tellCoordinatorsOrLater(network: Network, proposal: GroupProposal): Promise<void> {
  try {
    await tellCoordinators(network, proposal);
  } catch (error) {
    logger.warn(
      'coordinators not told of a proposal; they are when the link is used again',
      redactError(error as Error),
    );
  }
}

/** What opening or pressing a group proposal's confirmation link came to. */
export type ProposalConfirmation =
  /** Confirmed now or before (or already decided): the proposal as it stands. */
  | { outcome: 'shown'; proposal: GroupProposal }
  /** A GET of a live link: the page with the button to press. */
  | { outcome: 'awaiting-confirmation'; proposal: GroupProposal }
  | { outcome: 'link-expired' };

/**
 * The confirmation link of a group proposal, opened (GET, which changes nothing, not even the outbox) or
 * pressed. Undefined when the network or proposal is gone.
 */
export async function confirmGroupProposal(
  link: { networkId: string; proposalId: string; tokenHash: string; usable: boolean },
  pressed: boolean,
  now: Date,
): Promise<{ network: Network; confirmation: ProposalConfirmation } | undefined> {
  const [network, proposal] = await Promise.all([
    getNetwork(link.networkId),
    getGroupProposal(link.networkId, link.proposalId),
  ]);
  if (!network || !proposal) return undefined;
  const shown = (current: GroupProposal) => ({
    network,
    confirmation: { outcome: 'shown', proposal: current } as const,
  });
  const expired = { network, confirmation: { outcome: 'link-expired' } as const };

  if (proposal.status !== 'pending_confirmation') {
    if (proposal.status === 'expired') return expired;
    if (pressed && proposal.status === 'proposed') await tellCoordinatorsOrLater(network, proposal);
    return shown(proposal);
  }
  if (!link.usable || isLapsed(proposal, now)) return expired;
  if (!pressed) return { network, confirmation: { outcome: 'awaiting-confirmation', proposal } };

  const outcome = await confirmProposalWithToken(proposal, link.tokenHash, now);
  if (outcome === 'done') {
    logger.info('group proposal confirmed', { networkId: network.id, proposalId: proposal.id });
    const confirmed: GroupProposal = { ...proposal, status: 'proposed', confirmedAt: now.toISOString() };
    await recordConfirmedConsent(proposal, 'group-proposal', now);
    await tellCoordinatorsOrLater(network, confirmed);
    return shown(confirmed);
  }
  // Someone pressed the button at the same moment, or the link ran out: say where things stand.
  const current = await getGroupProposal(network.id, proposal.id);
  if (current && current.status !== 'pending_confirmation' && current.status !== 'expired')
    return shown(current);
  return expired;
}

/** The proposer learns that the proposal is a group, with the welcome a new member gets. */
export async function tellAccepted(
  network: Network,
  proposal: GroupProposal,
  group: Group,
  now: Date,
): Promise<void> {
  await sendOnce({
    dedupeKey: proposalDedupeKey(proposal, 'accepted'),
    to: proposal.email,
    language: proposal.language,
    member: { networkId: proposal.networkId, category: 'transactional' },
    message: async () =>
      mail(composeGroupProposalAccepted, {
        recipientName: proposal.name,
        networkName: network.name,
        groupTitle: group.title,
        proposalTitle: proposal.title,
        question: group.question,
        facilitatorName: group.facilitator.name,
        mode: group.mode,
        ...(group.location ? { location: group.location } : {}),
        leaveUrl: await leaveLink(proposerMembership(proposal, group, now), now),
        mailOff: await stoppedAllMail(proposal),
      }),
  });
}

/**
 * A coordinator turns the proposal into a group: proposal, group and the proposer's seat in one
 * transaction, then the email. Undefined when the proposal was decided meanwhile (nothing is written).
 */
export async function acceptGroupProposal(
  network: Network,
  proposal: GroupProposal,
  decision: GroupFromProposal,
  now: Date,
): Promise<Group | undefined> {
  const group = groupFromProposal(proposal, decision, newGroupId(), now);
  const outcome = await acceptProposal(proposal, group, proposerMembership(proposal, group, now), now);
  if (outcome !== 'done') return undefined;
  await tellAccepted(network, proposal, group, now);
  return group;
}

export async function tellDeclined(network: Network, proposal: GroupProposal): Promise<void> {
  await sendOnce({
    dedupeKey: proposalDedupeKey(proposal, 'declined'),
    to: proposal.email,
    language: proposal.language,
    member: { networkId: proposal.networkId, category: 'transactional' },
    message: () =>
      mail(composeGroupProposalDeclined, {
        recipientName: proposal.name,
        networkName: network.name,
        proposalTitle: proposal.title,
        ...(proposal.decisionMessage ? { message: proposal.decisionMessage } : {}),
      }),
  });
}

export async function declineGroupProposal(
  network: Network,
  proposal: GroupProposal,
  message: string | undefined,
  now: Date,
): Promise<'done' | 'proposal-changed'> {
  const outcome = await declineProposal(proposal, message, now);
  if (outcome === 'done')
    await tellDeclined(network, { ...proposal, ...(message ? { decisionMessage: message } : {}) });
  return outcome;
}
