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
    else {
      const outcome = await createGroupProposal(proposal, now);
      const repeat = outcome.created ? 'nothing' : decideOnRepeat(outcome.existing, now);
      if (outcome.created) {
        logger.info('group proposed', { networkId: network.id, proposalId: proposal.id });
        await sendConfirmation(proposal, network.name, network.timeZone);
      } else if (repeat === 'retry-last') {
        // Its own dedupe key: nothing if it went out, the email if an earlier attempt failed half-way.
        await sendConfirmation(outcome.existing, network.name, network.timeZone);
      } else if (repeat === 'resend-confirmation') {
        const count = await claimConfirmationResend(
          keys.groupProposal(outcome.existing.networkId, outcome.existing.id),
          now,
          new Date(now.getTime() - resendInterval),
        );
        if (count !== undefined)
          await sendConfirmation(
            { ...outcome.existing, confirmationCount: count },
            network.name,
            network.timeZone,
          );
      }
    }
    if (!request.form) return json(202, { id: proposal.id, status: 'pending_confirmation' });
    if (network.thankYouUrl) return seeOther(network.thankYouUrl);
    return html(
      200,
      receiptPage({ language: request.language, networkName: network.name, what: 'group-proposal' }),
    );
  },
  { body: 'json-or-form' },
);
