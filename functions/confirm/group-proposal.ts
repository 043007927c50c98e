import { type GroupProposal, isProposalLapsed } from '../../shared/domain/group-proposal.ts';
import type { Network } from '../../shared/domain/network.ts';
import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { logger, redactError } from '../../shared/logger.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import { tellCoordinators } from '../../shared/services/group-proposals.ts';
import { confirmProposalWithToken, getGroupProposal } from '../../shared/store/group-proposals.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { recordConfirmedConsent } from '../../shared/store/people.ts';

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

/**
 * Confirming a group proposal. The result page is the proposer's receipt: no email follows until the
 * coordinators have decided. Idempotent, so a second press shows the same page.
 */
export async function groupProposalLink(
  request: ApiRequest,
  { link, token, tokenHash, usable }: OpenedLink<'confirm-group-proposal'>,
  now: Date,
): Promise<ApiResult> {
  const [network, proposal] = await Promise.all([
    getNetwork(link.networkId),
    getGroupProposal(link.networkId, link.subjectId),
  ]);
  if (!network || !proposal) throw notFound('link_not_found');
  const language = link.language;

  const answer = (current: GroupProposal) => {
    if (prefersJson(request.event.headers?.accept))
      return json(200, { status: current.status, proposalId: current.id });
    return html(
      200,
      resultPage({
        language,
        networkName: network.name,
        kind: current.status === 'proposed' ? 'proposal-received' : 'already-done',
        groupTitle: current.title,
      }),
    );
  };

  if (proposal.status !== 'pending_confirmation') {
    if (proposal.status === 'expired') throw gone('link_expired');
    // Only a POST may send: a GET changes nothing, not even the outbox.
    if (!isGet(request) && proposal.status === 'proposed') await tellCoordinatorsOrLater(network, proposal);
    return answer(proposal);
  }
  if (!usable || isProposalLapsed(proposal, now)) throw gone('link_expired');
  if (isGet(request))
    return html(
      200,
      actionPage({
        language,
        networkName: network.name,
        kind: 'confirm-group-proposal',
        groupTitle: proposal.title,
        actionUrl: token,
      }),
    );

  const outcome = await confirmProposalWithToken(proposal, tokenHash, now);
  if (outcome === 'done') {
    logger.info('group proposal confirmed', { networkId: network.id, proposalId: proposal.id });
    const confirmed: GroupProposal = { ...proposal, status: 'proposed', confirmedAt: now.toISOString() };
    await recordConfirmedConsent(proposal, 'group-proposal', now);
    await tellCoordinatorsOrLater(network, confirmed);
    return answer(confirmed);
  }
  // Someone pressed the button at the same moment, or the link ran out: say where things stand.
  const current = await getGroupProposal(network.id, proposal.id);
  if (current && current.status !== 'pending_confirmation' && current.status !== 'expired')
    return answer(current);
  throw gone('link_expired');
}
