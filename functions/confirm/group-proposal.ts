import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import { confirmGroupProposal } from '../../shared/services/group-proposals.ts';

/**
 * Confirming a group proposal. The result page is the proposer's receipt: no email follows until the
 * coordinators have decided. Idempotent, so a second press shows the same page.
 */
export async function groupProposalLink(
  request: ApiRequest,
  { link, token, tokenHash, usable }: OpenedLink<'confirm-group-proposal'>,
  now: Date,
): Promise<ApiResult> {
  const found = await confirmGroupProposal(
    { networkId: link.networkId, proposalId: link.subjectId, tokenHash, usable },
    !isGet(request),
    now,
  );
  if (!found) throw notFound('link_not_found');
  const { network, confirmation } = found;
  const language = link.language;

  if (confirmation.outcome === 'link-expired') throw gone('link_expired');
  const { proposal } = confirmation;
  if (confirmation.outcome === 'awaiting-confirmation')
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
  if (prefersJson(request.event.headers?.accept))
    return json(200, { status: proposal.status, proposalId: proposal.id });
  return html(
    200,
    resultPage({
      language,
      networkName: network.name,
      kind: proposal.status === 'proposed' ? 'proposal-received' : 'already-done',
      groupTitle: proposal.title,
    }),
  );
}
