import { groupDedupeKey, type JoinRequest } from '../domain/group.ts';
import { type GroupProposal, proposalDedupeKey } from '../domain/group-proposal.ts';
import { isPending, isReminderDue, type OptInRecord, type OptInSubject } from '../domain/opt-in.ts';
import { confirmationDedupeKey, type Registration, reminderDedupeKey } from '../domain/registration.ts';
import { issueLink } from '../links.ts';
import { composeConfirmGroupProposal, composeConfirmGroupProposalReminder } from '../mail/group-proposals.ts';
import { composeConfirmJoinRequest, composeConfirmJoinRequestReminder } from '../mail/groups.ts';
import { composeConfirmRegistration, composeConfirmRegistrationReminder } from '../mail/registration.ts';
import { type Mail, mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import { getGroup } from '../store/groups.ts';
import { getNetwork } from '../store/networks.ts';
import { expirePending } from '../store/opt-in.ts';
import {
  groupProposalOptIn,
  joinRequestOptIn,
  type OptInFlow,
  type OptInRef,
  registrationOptIn,
} from './opt-in.ts';

/*
 * The opt-in workflow's side of the three forms' double opt-in (shared/services/opt-in.ts has the forms'
 * side): the confirmation mail, its reminder and the lapse. Only functions/opt-in-steps imports it.
 */

export type { OptInRef } from './opt-in.ts';

/** The confirmation mail (or its one reminder) with a fresh link valid until the record lapses. */
type OptInMail<T extends OptInRecord> = (
  record: T,
  reminder: boolean,
) => Promise<{ dedupeKey: string; message: () => Promise<Mail> }>;

async function networkOf(networkId: string) {
  const network = await getNetwork(networkId);
  if (!network) throw new Error(`network ${networkId} is gone`);
  return network;
}

const registrationMail: OptInMail<Registration> = async (registration, reminder) => {
  const network = await networkOf(registration.networkId);
  return {
    dedupeKey: reminder
      ? reminderDedupeKey(registration)
      : confirmationDedupeKey(registration, registration.confirmationCount),
    message: async () =>
      mail(reminder ? composeConfirmRegistrationReminder : composeConfirmRegistration, {
        recipientName: registration.name,
        networkName: network.name,
        confirmUrl: await issueLink(
          'confirm-registration',
          {
            networkId: network.id,
            subjectId: registration.id,
            language: registration.language,
            person: registration.email,
          },
          registration.expireAt,
        ),
        expiresAt: new Date(registration.expireAt),
        timeZone: network.timeZone,
      }),
  };
};

const joinRequestMail: OptInMail<JoinRequest> = async (request, reminder) => {
  const [network, group] = await Promise.all([networkOf(request.networkId), getGroup(request.groupId)]);
  if (!group) throw new Error(`group ${request.groupId} is gone`);
  return {
    dedupeKey: groupDedupeKey(request, reminder ? 'reminder' : `confirmation:${request.confirmationCount}`),
    message: async () =>
      mail(reminder ? composeConfirmJoinRequestReminder : composeConfirmJoinRequest, {
        recipientName: request.name,
        networkName: network.name,
        groupTitle: group.title,
        confirmUrl: await issueLink(
          'confirm-join-request',
          {
            networkId: request.networkId,
            subjectId: request.id,
            groupId: request.groupId,
            language: request.language,
            person: request.email,
          },
          request.expireAt,
        ),
        expiresAt: new Date(request.expireAt),
        timeZone: network.timeZone,
      }),
  };
};

const groupProposalMail: OptInMail<GroupProposal> = async (proposal, reminder) => {
  const network = await networkOf(proposal.networkId);
  return {
    dedupeKey: proposalDedupeKey(
      proposal,
      reminder ? 'reminder' : `confirmation:${proposal.confirmationCount}`,
    ),
    message: async () =>
      mail(reminder ? composeConfirmGroupProposalReminder : composeConfirmGroupProposal, {
        recipientName: proposal.name,
        networkName: network.name,
        proposalTitle: proposal.title,
        confirmUrl: await issueLink(
          'confirm-group-proposal',
          {
            networkId: proposal.networkId,
            subjectId: proposal.id,
            language: proposal.language,
            person: proposal.email,
          },
          proposal.expireAt,
        ),
        expiresAt: new Date(proposal.expireAt),
        timeZone: network.timeZone,
      }),
  };
};

export type OptInStep = 'send-confirmation' | 'remind' | 'expire';

type StepRunner = (step: OptInStep, ref: OptInRef, now: Date) => Promise<{ status: string }>;

/**
 * One task of the opt-in workflow for one flow. It re-reads the record and acts only while it is
 * pending: a person who confirmed between two steps gets no reminder, and a retried step sends nothing
 * twice (dedupe keys). Returns the status afterwards, which the workflow's choice reads.
 */
function stepRunner<T extends OptInRecord>(flow: OptInFlow<T>, mail: OptInMail<T>): StepRunner {
  return async (step, ref, now) => {
    const record = await flow.load(ref);
    if (!record) return { status: 'gone' };
    if (!isPending(record)) return { status: record.status };
    if (step === 'expire') {
      await expirePending(flow.key(ref), now);
      return { status: 'expired' };
    }
    const reminder = step === 'remind';
    // A reminder whose link would already be dead tells the person nothing they can act on.
    if (reminder && !isReminderDue(record, now)) return { status: record.status };
    const { dedupeKey, message } = await mail(record, reminder);
    await sendOnce({
      dedupeKey,
      to: record.email,
      language: record.language,
      member: { networkId: record.networkId, category: 'transactional' },
      message,
    });
    return { status: record.status };
  };
}

const steps: Record<OptInSubject, StepRunner> = {
  registration: stepRunner(registrationOptIn, registrationMail),
  'join-request': stepRunner(joinRequestOptIn, joinRequestMail),
  'group-proposal': stepRunner(groupProposalOptIn, groupProposalMail),
};

/** One task of the opt-in workflow, for whichever form made the record. */
export function runOptInStep(step: OptInStep, ref: OptInRef, now: Date): Promise<{ status: string }> {
  return steps[ref.type](step, ref, now);
}
