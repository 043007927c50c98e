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
import { recipientTag } from '../domain/registration.ts';
import { sendOnce } from '../notify.ts';
import { acceptProposal, declineProposal } from '../store/group-proposals.ts';
import { leaveLink } from './membership.ts';

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
      message: () => ({
        kind: 'group-proposal-received',
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
    message: async () => ({
      kind: 'group-proposal-accepted',
      recipientName: proposal.name,
      networkName: network.name,
      groupTitle: group.title,
      proposalTitle: proposal.title,
      question: group.question,
      facilitatorName: group.facilitator.name,
      mode: group.mode,
      ...(group.location ? { location: group.location } : {}),
      leaveUrl: await leaveLink(proposerMembership(proposal, group, now), now),
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
    message: () => ({
      kind: 'group-proposal-declined',
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
