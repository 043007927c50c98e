import { env } from '../config.ts';
import { groupDedupeKey, type JoinRequest } from '../domain/group.ts';
import { type GroupProposal, proposalDedupeKey } from '../domain/group-proposal.ts';
import type { PublicForm } from '../domain/mail-allowance.ts';
import {
  decideOnRepeat,
  isPending,
  isReminderDue,
  type OptInRecord,
  type OptInSubject,
  type OptInTiming,
  remindAtOf,
  resendInterval,
} from '../domain/opt-in.ts';
import { confirmationDedupeKey, type Registration, reminderDedupeKey } from '../domain/registration.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import type { MailMessage } from '../mail/templates.ts';
import { sendOnce } from '../notify.ts';
import { createGroupProposal, getGroupProposal } from '../store/group-proposals.ts';
import { getGroup } from '../store/groups.ts';
import { createJoinRequest, getJoinRequest } from '../store/join-requests.ts';
import { type ItemKey, keys } from '../store/keys.ts';
import { getNetwork } from '../store/networks.ts';
import { type CreateOutcome, claimConfirmationResend, expirePending } from '../store/opt-in.ts';
import { createRegistration, getRegistration } from '../store/registrations.ts';
import { type OptInRef, startOptInWorkflow } from '../workflows/opt-in.ts';
import { withMailAllowance } from './mail-allowance.ts';

/*
 * The double opt-in of the three public forms, one path for all: the form's record is made once (or the
 * live one found), its confirmation mail goes out from the opt-in workflow, which reminds once and lapses
 * the record when it is never confirmed. What differs per form is only where the record is stored and
 * what its mails say: an `OptInFlow`.
 */

export type { OptInRef } from '../workflows/opt-in.ts';

interface OptInFlow<T extends OptInRecord> {
  /** Whose allowance of unsolicited mail a post of the form spends. */
  readonly form: PublicForm;
  refOf(record: T): OptInRef;
  create(record: T, now: Date): Promise<CreateOutcome<T>>;
  load(ref: OptInRef): Promise<T | undefined>;
  key(ref: OptInRef): ItemKey;
  /** The confirmation mail (or its one reminder) with a fresh link valid until the record lapses. */
  mail(record: T, reminder: boolean): Promise<{ dedupeKey: string; message: () => Promise<MailMessage> }>;
}

/** The deployment's reminder and expiry settings (cdk.json `registration`), for all three forms. */
export function optInTiming(): OptInTiming {
  return {
    reminderAfterSeconds: env.registrationReminderAfterSeconds(),
    expireAfterSeconds: env.registrationExpireAfterSeconds(),
  };
}

async function networkOf(networkId: string) {
  const network = await getNetwork(networkId);
  if (!network) throw new Error(`network ${networkId} is gone`);
  return network;
}

export const registrationOptIn: OptInFlow<Registration> = {
  form: 'interest',
  refOf: (r) => ({ type: 'registration', networkId: r.networkId, id: r.id }),
  create: createRegistration,
  load: (ref) => getRegistration(ref.networkId, ref.id),
  key: (ref) => keys.registration(ref.networkId, ref.id),
  mail: async (registration, reminder) => {
    const network = await networkOf(registration.networkId);
    return {
      dedupeKey: reminder
        ? reminderDedupeKey(registration)
        : confirmationDedupeKey(registration, registration.confirmationCount),
      message: async () => ({
        kind: reminder ? 'confirm-registration-reminder' : 'confirm-registration',
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
  },
};

export const joinRequestOptIn: OptInFlow<JoinRequest> = {
  form: 'join-request',
  refOf: (r) => ({ type: 'join-request', networkId: r.networkId, groupId: r.groupId, id: r.id }),
  create: createJoinRequest,
  load: (ref) => getJoinRequest(ref.groupId ?? '', ref.id),
  key: (ref) => keys.joinRequest(ref.groupId ?? '', ref.id),
  mail: async (request, reminder) => {
    const [network, group] = await Promise.all([networkOf(request.networkId), getGroup(request.groupId)]);
    if (!group) throw new Error(`group ${request.groupId} is gone`);
    return {
      dedupeKey: groupDedupeKey(request, reminder ? 'reminder' : `confirmation:${request.confirmationCount}`),
      message: async () => ({
        kind: reminder ? 'confirm-join-request-reminder' : 'confirm-join-request',
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
  },
};

export const groupProposalOptIn: OptInFlow<GroupProposal> = {
  form: 'group-proposal',
  refOf: (p) => ({ type: 'group-proposal', networkId: p.networkId, id: p.id }),
  create: createGroupProposal,
  load: (ref) => getGroupProposal(ref.networkId, ref.id),
  key: (ref) => keys.groupProposal(ref.networkId, ref.id),
  mail: async (proposal, reminder) => {
    const network = await networkOf(proposal.networkId);
    return {
      dedupeKey: proposalDedupeKey(
        proposal,
        reminder ? 'reminder' : `confirmation:${proposal.confirmationCount}`,
      ),
      message: async () => ({
        kind: reminder ? 'confirm-group-proposal-reminder' : 'confirm-group-proposal',
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
  },
};

function start<T extends OptInRecord>(flow: OptInFlow<T>, record: T, kind: 'new' | 'resend') {
  return startOptInWorkflow(flow.refOf(record), record, kind, remindAtOf(record, optInTiming()));
}

/**
 * Makes the record, or for a live one sends its confirmation again (rate limited). True when it started a
 * new confirmation mail, which is what the address's allowance counts.
 */
async function ask<T extends OptInRecord>(flow: OptInFlow<T>, record: T, now: Date): Promise<boolean> {
  const outcome = await flow.create(record, now);
  if (outcome.created) {
    await start(flow, record, 'new');
    return true;
  }
  const { existing } = outcome;
  const decision = decideOnRepeat(existing, now);
  // The same execution name: a no-op if the workflow started, the start itself if it had failed. Either
  // way the mail is the one counted when the record was made, so this is not a new one.
  if (decision === 'retry-last') {
    await start(flow, existing, existing.confirmationCount === 1 ? 'new' : 'resend');
    return false;
  }
  if (decision !== 'resend-confirmation') return false;
  const count = await claimConfirmationResend(
    flow.key(flow.refOf(existing)),
    now,
    new Date(now.getTime() - resendInterval),
  );
  if (count === undefined) return false;
  await start(flow, { ...existing, confirmationCount: count }, 'resend');
  return true;
}

/**
 * A public form's double opt-in, after its input was validated. Whatever happens (a new record, a
 * repeat, a filled-in honeypot, an allowance used up), the caller answers the same, so the form never
 * tells who asked before.
 */
export async function submitOptIn<T extends OptInRecord>(
  flow: OptInFlow<T>,
  record: T,
  options: { honeypot: boolean; now: Date; context: Record<string, string> },
): Promise<void> {
  if (options.honeypot) {
    logger.info('honeypot filled in: dropped', options.context);
    return;
  }
  await withMailAllowance(
    record.email,
    flow.form,
    options.now,
    () => ask(flow, record, options.now),
    options.context,
  );
}

export type OptInStep = 'send-confirmation' | 'remind' | 'expire';

type StepRunner = (step: OptInStep, ref: OptInRef, now: Date) => Promise<{ status: string }>;

/**
 * One task of the opt-in workflow for one flow. It re-reads the record and acts only while it is
 * pending: a person who confirmed between two steps gets no reminder, and a retried step sends nothing
 * twice (dedupe keys). Returns the status afterwards, which the workflow's choice reads.
 */
function stepRunner<T extends OptInRecord>(flow: OptInFlow<T>): StepRunner {
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
    const { dedupeKey, message } = await flow.mail(record, reminder);
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
  registration: stepRunner(registrationOptIn),
  'join-request': stepRunner(joinRequestOptIn),
  'group-proposal': stepRunner(groupProposalOptIn),
};

/** One task of the opt-in workflow, for whichever form made the record. */
export function runOptInStep(step: OptInStep, ref: OptInRef, now: Date): Promise<{ status: string }> {
  return steps[ref.type](step, ref, now);
}
