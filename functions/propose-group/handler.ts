import { newGroupProposal } from '../../shared/domain/group-proposal.ts';
import { notFound } from '../../shared/http/errors.ts';
import { GroupProposalBody } from '../../shared/http/group-proposal-schemas.ts';
import { optInAccepted, readNetworkForm } from '../../shared/http/public-form.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { routes } from '../../shared/http/routes/propose-group.ts';
import { groupProposalOptIn, optInTiming, submitOptIn } from '../../shared/services/opt-in.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * `POST /v1/networks/{networkId}/group-proposals`: a member proposes a group around one question, one
 * proposal per person, network and title, confirmed by email before the coordinators hear of it. Answers
 * the same whatever happened, so it tells nobody who proposed what before.
 */
export const handler = publicHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    const { input, language } = readNetworkForm(request, GroupProposalBody, network);
    const now = new Date();
    const proposal = newGroupProposal(network.id, input, language, optInTiming(), now);
    await submitOptIn(groupProposalOptIn, proposal, {
      honeypot: Boolean(input.homepage),
      now,
      context: { networkId: network.id },
    });
    return optInAccepted(request, network, proposal.id, 'group-proposal');
  },
  { body: 'json-or-form', routes },
);
