import {
  type GroupProposal,
  newGroupProposal,
  proposalDedupeKey,
} from '../../shared/domain/group-proposal.ts';
import { defaultLanguage } from '../../shared/domain/network.ts';
import { decideOnRepeat, resendInterval } from '../../shared/domain/registration.ts';
import { notFound } from '../../shared/http/errors.ts';
import { GroupProposalBody } from '../../shared/http/group-schemas.ts';
import { requestLanguage } from '../../shared/http/language.ts';
import { httpHandler } from '../../shared/http/middleware.ts';
import { html, json, seeOther } from '../../shared/http/responses.ts';
import { fromForm } from '../../shared/http/schemas.ts';
import { validate } from '../../shared/http/validation.ts';
import { issueLink } from '../../shared/links.ts';
import { logger } from '../../shared/logger.ts';
import { sendOnce } from '../../shared/notify.ts';
import { receiptPage } from '../../shared/pages/pages.ts';
import { withMailAllowance } from '../../shared/services/mail-allowance.ts';
import { claimConfirmationResend } from '../../shared/store/common.ts';
import { createGroupProposal } from '../../shared/store/group-proposals.ts';
import { keys } from '../../shared/store/keys.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** The double opt-in email; its link is valid until the proposal lapses. */
async function sendConfirmation(proposal: GroupProposal, networkName: string, timeZone: string) {
  await sendOnce({
    dedupeKey: proposalDedupeKey(proposal, `confirmation:${proposal.confirmationCount}`),
    to: proposal.email,
    language: proposal.language,
    member: { networkId: proposal.networkId, category: 'transactional' },
    message: async () => ({
      kind: 'confirm-group-proposal',
      recipientName: proposal.name,
      networkName,
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
      timeZone,
    }),
  });
}

/**
 * Stores the proposal and mails its confirmation, or for a repeat re-sends it (rate limited). True when it
 * sent a new confirmation, which is what the address's allowance counts.
 */
async function propose(
  proposal: GroupProposal,
  networkName: string,
  timeZone: string,
  now: Date,
): Promise<boolean> {
  const outcome = await createGroupProposal(proposal, now);
  if (outcome.created) {
    logger.info('group proposed', { networkId: proposal.networkId, proposalId: proposal.id });
    await sendConfirmation(proposal, networkName, timeZone);
    return true;
  }
  const repeat = decideOnRepeat(outcome.existing, now);
  if (repeat === 'retry-last') {
    // Its own dedupe key: nothing if it went out, the email if an earlier attempt failed half-way; either
    // way the mail counted when the proposal was made.
    await sendConfirmation(outcome.existing, networkName, timeZone);
    return false;
  }
  if (repeat !== 'resend-confirmation') return false;
  const count = await claimConfirmationResend(
    keys.groupProposal(outcome.existing.networkId, outcome.existing.id),
    now,
    new Date(now.getTime() - resendInterval),
  );
  if (count === undefined) return false;
  await sendConfirmation({ ...outcome.existing, confirmationCount: count }, networkName, timeZone);
  return true;
}

/**
 * A member proposes a group around one question: one proposal per person, network and title, confirmed by
 * email before the coordinators hear of it. Answers the same whatever happened, so it tells nobody who
 * proposed what before.
 */
export const handler = httpHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    const body = request.form
      ? fromForm(GroupProposalBody, request.body as Record<string, string | string[]>)
      : request.body;
    const explicit =
      typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
    request.language = requestLanguage(
      explicit,
      request.acceptLanguage,
      network.languages,
      defaultLanguage(network),
    );
    const input = validate(GroupProposalBody, body, request.language);

    const now = new Date();
    const proposal = newGroupProposal(network.id, input, request.language, now);

    if (input.homepage) logger.info('honeypot filled in: dropped', { networkId: network.id });
    else
      await withMailAllowance(
        proposal.email,
        'group-proposal',
        now,
        () => propose(proposal, network.name, network.timeZone, now),
        { networkId: network.id },
      );
    if (!request.form) return json(202, { id: proposal.id, status: 'pending_confirmation' });
    if (network.thankYouUrl) return seeOther(network.thankYouUrl);
    return html(
      200,
      receiptPage({ language: request.language, networkName: network.name, what: 'group-proposal' }),
    );
  },
  { body: 'json-or-form' },
);
