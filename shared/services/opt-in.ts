import { env } from '../config.ts';
import type { JoinRequest } from '../domain/group.ts';
import type { GroupProposal } from '../domain/group-proposal.ts';
import type { PublicForm } from '../domain/mail-allowance.ts';
import {
  decideOnRepeat,
  type OptInRecord,
  type OptInTiming,
  remindAtOf,
  resendInterval,
} from '../domain/opt-in.ts';
import type { Registration } from '../domain/registration.ts';
import { logger } from '../logger.ts';
import { createGroupProposal, getGroupProposal } from '../store/group-proposals.ts';
import { createJoinRequest, getJoinRequest } from '../store/join-requests.ts';
import { type ItemKey, keys } from '../store/keys.ts';
import { type CreateOutcome, claimConfirmationResend } from '../store/opt-in.ts';
import { createRegistration, getRegistration } from '../store/registrations.ts';
import { type OptInRef, startOptInWorkflow } from '../workflows/opt-in.ts';
import { withMailAllowance } from './mail-allowance.ts';

/*
 * The double opt-in of the three public forms, one path for all: the form's record is made once (or the
 * live one found), its confirmation mail goes out from the opt-in workflow, which reminds once and lapses
 * the record when it is never confirmed. What differs per form is only where the record is stored and
 * what its mails say: an `OptInFlow` here, and its mails in opt-in-steps.ts. The forms' functions only
 * start the workflow, so this half imports no mail code: their bundles carry no templates, MIME or SES.
 */

export type { OptInRef } from '../workflows/opt-in.ts';

export interface OptInFlow<T extends OptInRecord> {
  /** Whose allowance of unsolicited mail a post of the form spends. */
  readonly form: PublicForm;
  refOf(record: T): OptInRef;
  create(record: T, now: Date): Promise<CreateOutcome<T>>;
  load(ref: OptInRef): Promise<T | undefined>;
  key(ref: OptInRef): ItemKey;
}

/** The deployment's reminder and expiry settings (cdk.json `registration`), for all three forms. */
export function optInTiming(): OptInTiming {
  return {
    reminderAfterSeconds: env.registrationReminderAfterSeconds(),
    expireAfterSeconds: env.registrationExpireAfterSeconds(),
  };
}

export const registrationOptIn: OptInFlow<Registration> = {
  form: 'interest',
  refOf: (r) => ({ type: 'registration', networkId: r.networkId, id: r.id }),
  create: createRegistration,
  load: (ref) => getRegistration(ref.networkId, ref.id),
  key: (ref) => keys.registration(ref.networkId, ref.id),
};

export const joinRequestOptIn: OptInFlow<JoinRequest> = {
  form: 'join-request',
  refOf: (r) => ({ type: 'join-request', networkId: r.networkId, groupId: r.groupId, id: r.id }),
  create: createJoinRequest,
  load: (ref) => getJoinRequest(ref.groupId ?? '', ref.id),
  key: (ref) => keys.joinRequest(ref.groupId ?? '', ref.id),
};

export const groupProposalOptIn: OptInFlow<GroupProposal> = {
  form: 'group-proposal',
  refOf: (p) => ({ type: 'group-proposal', networkId: p.networkId, id: p.id }),
  create: createGroupProposal,
  load: (ref) => getGroupProposal(ref.networkId, ref.id),
  key: (ref) => keys.groupProposal(ref.networkId, ref.id),
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
