import { createHash } from 'node:crypto';
import type { Language } from '../i18n.ts';
import { type Group, type GroupMode, type JoinRequest, joinRequestId } from './group.ts';
import { type OptInTiming, optInTimes } from './opt-in.ts';
import { normaliseEmail } from './registration.ts';

/**
 * Groups start on a member's initiative around one question ("Välkommen att ta initiativ till att starta
 * en grupp kring den fråga du/ni har behov av att diskutera kring"). A member proposes a group, confirms
 * the proposal by email, and the coordinators then turn it into a group (the proposer becomes its first
 * member) or decline it.
 */
export type GroupProposalStatus = 'pending_confirmation' | 'proposed' | 'accepted' | 'declined' | 'expired';

export interface GroupProposal {
  id: string;
  networkId: string;
  name: string;
  email: string;
  organisation: string;
  role?: string;
  /** What the group would be called, as the proposer wrote it. */
  title: string;
  /** The one question the group would gather around. */
  question: string;
  /** Anything else the proposer wants the coordinators to know. */
  message?: string;
  language: Language;
  status: GroupProposalStatus;
  consent: { at: string; wording: string };
  createdAt: string;
  confirmationRequestedAt: string;
  confirmationCount: number;
  /** The one reminder of an unconfirmed proposal (shared/domain/opt-in.ts); missing on older proposals. */
  remindAt?: string;
  /** An unconfirmed proposal lapses then. */
  expireAt: string;
  confirmedAt?: string;
  /** When a coordinator accepted or declined it. */
  decidedAt?: string;
  /** The group it became, once accepted. */
  groupId?: string;
  /** A coordinator's words with a decline, quoted in the email. */
  decisionMessage?: string;
}

/** The wording version of the consent text on the proposal form. Bump it when the text changes. */
export const proposalConsentWording = 'proposal-v1';

/** A title as compared: case, spacing and Unicode form do not make another proposal. */
export function normaliseTitle(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

/**
 * The id is derived from network, address and title, so proposing the same group twice lands on the
 * same record, and the answer is the same whether or not it was proposed before.
 */
export function groupProposalId(networkId: string, email: string, title: string): string {
  return createHash('sha256')
    .update(`proposal\0${networkId}\0${normaliseEmail(email)}\0${normaliseTitle(title)}`)
    .digest('base64url')
    .slice(0, 22);
}

export interface GroupProposalInput {
  name: string;
  email: string;
  organisation: string;
  role?: string | undefined;
  title: string;
  question: string;
  message?: string | undefined;
}

export function newGroupProposal(
  networkId: string,
  input: GroupProposalInput,
  language: Language,
  timing: OptInTiming,
  now: Date,
): GroupProposal {
  const email = normaliseEmail(input.email);
  const at = now.toISOString();
  return {
    id: groupProposalId(networkId, email, input.title),
    networkId,
    name: input.name,
    email,
    organisation: input.organisation,
    ...(input.role ? { role: input.role } : {}),
    title: input.title,
    question: input.question,
    ...(input.message ? { message: input.message } : {}),
    language,
    status: 'pending_confirmation',
    consent: { at, wording: proposalConsentWording },
    createdAt: at,
    confirmationRequestedAt: at,
    confirmationCount: 1,
    ...optInTimes(timing, now),
  };
}

/** What a coordinator decides when turning a proposal into a group: what a proposal does not carry. */
export interface GroupFromProposal {
  title?: string | undefined;
  question?: string | undefined;
  facilitator: { name: string; email?: string | undefined };
  capacity: number;
  mode: GroupMode;
  location?: string | undefined;
}

/**
 * The group a proposal becomes: the proposal's title and question unless the coordinator rewrote them,
 * and one seat taken, by the proposer.
 */
export function groupFromProposal(
  proposal: GroupProposal,
  decision: GroupFromProposal,
  groupId: string,
  now: Date,
): Group {
  const at = now.toISOString();
  const facilitator = {
    name: decision.facilitator.name,
    ...(decision.facilitator.email ? { email: decision.facilitator.email } : {}),
  };
  return {
    id: groupId,
    networkId: proposal.networkId,
    title: decision.title || proposal.title,
    question: decision.question || proposal.question,
    facilitator,
    capacity: decision.capacity,
    seatsTaken: 1,
    mode: decision.mode,
    ...(decision.location ? { location: decision.location } : {}),
    status: 'open',
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The proposer's membership of the new group: approved from the start, confirmed when the proposal was,
 * under the consent they gave with it. Leaving works as for anyone else.
 */
export function proposerMembership(proposal: GroupProposal, group: Group, now: Date): JoinRequest {
  const at = now.toISOString();
  return {
    id: joinRequestId(group.id, proposal.email),
    groupId: group.id,
    networkId: proposal.networkId,
    name: proposal.name,
    email: proposal.email,
    organisation: proposal.organisation,
    role: proposal.role ?? '',
    language: proposal.language,
    status: 'approved',
    consent: proposal.consent,
    createdAt: at,
    confirmationRequestedAt: proposal.confirmationRequestedAt,
    confirmationCount: proposal.confirmationCount,
    expireAt: proposal.expireAt,
    confirmedAt: proposal.confirmedAt ?? at,
    approvedAt: at,
  };
}

/**
 * Dedupe keys of a proposal's emails. They name the proposal's round (when it was made), because a lapsed
 * or declined proposal made again is the same record, and its emails must go out again.
 */
export function proposalDedupeKey(
  proposal: Pick<GroupProposal, 'networkId' | 'id' | 'createdAt'>,
  what: string,
): string {
  return `proposal:${proposal.networkId}:${proposal.id}:${Date.parse(proposal.createdAt)}:${what}`;
}
