import type { GroupProposal } from '../../shared/domain/group-proposal.ts';
import { DeclineBody } from '../../shared/http/admin-decline-schema.ts';
import { AcceptGroupProposal, GroupProposalListQuery } from '../../shared/http/admin-proposal-schemas.ts';
import { type Coordinator, coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-group-proposals.ts';
import { validate } from '../../shared/http/validation.ts';
import {
  acceptGroupProposal,
  declineGroupProposal,
  tellAccepted,
  tellDeclined,
} from '../../shared/services/group-proposals.ts';
import { getGroupProposal, listProposals } from '../../shared/store/group-proposals.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** What coordinators see of a proposal: the bookkeeping of its confirmation emails stays inside. */
function view({
  consent: _c,
  confirmationCount: _n,
  confirmationRequestedAt: _r,
  expireAt: _e,
  ...proposal
}: GroupProposal) {
  return proposal;
}

async function network(request: ApiRequest, coordinator: Coordinator) {
  const networkId = request.params.networkId ?? '';
  requireNetwork(coordinator, networkId);
  const found = await getNetwork(networkId);
  if (!found) throw notFound('network_not_found');
  return found;
}

/**
 * A decision asked for twice: 409. The email of the first decision is sent again if it had failed (its
 * dedupe key makes that a no-op otherwise), so repeating a request that failed half-way completes it.
 */
async function alreadyDecided(
  net: Awaited<ReturnType<typeof network>>,
  proposal: GroupProposal,
  accepting: boolean,
): Promise<never> {
  if (accepting && proposal.status === 'accepted' && proposal.groupId) {
    const group = await getGroup(proposal.groupId);
    if (group) await tellAccepted(net, proposal, group, new Date(proposal.decidedAt ?? Date.now()));
  }
  if (!accepting && proposal.status === 'declined') await tellDeclined(net, proposal);
  throw new HttpError(409, 'proposal_already_decided');
}

/** A confirmed proposal that waits for a decision; one decided already answers as `alreadyDecided`. */
async function undecided(request: ApiRequest, coordinator: Coordinator, accepting: boolean) {
  const net = await network(request, coordinator);
  const proposal = await getGroupProposal(net.id, request.params.proposalId ?? '');
  // Unconfirmed proposals are nobody's business yet: they are not found, as in the list.
  if (!proposal || proposal.status === 'pending_confirmation' || proposal.status === 'expired')
    throw notFound('proposal_not_found');
  if (proposal.status !== 'proposed') return alreadyDecided(net, proposal, accepting);
  return { net, proposal };
}

const options = { body: 'optional', access: 'network', routes } as const;

/**
 * Coordinators' routes for group proposals: list the confirmed ones, turn one into a group (the proposer
 * becomes its first member), or decline it. The proposer is told by email either way.
 */
export const handler = byRoute({
  'GET /v1/admin/networks/{networkId}/group-proposals': coordinatorHandler(async (request, coordinator) => {
    const net = await network(request, coordinator);
    const query = request.event.queryStringParameters ?? {};
    const { status } = validate(GroupProposalListQuery, query, request.language ?? 'en');
    return json(200, { proposals: (await listProposals(net.id, status)).map(view) });
  }, options),
  'POST /v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept': coordinatorHandler(
    async (request, coordinator) => {
      const { net, proposal } = await undecided(request, coordinator, true);
      const decision = validate(AcceptGroupProposal, request.body ?? {}, request.language ?? 'en');
      const group = await acceptGroupProposal(net, proposal, decision, new Date());
      if (!group) {
        const current = await getGroupProposal(net.id, proposal.id);
        return alreadyDecided(net, current ?? proposal, true);
      }
      return json(201, group);
    },
    options,
  ),
  'POST /v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline': coordinatorHandler(
    async (request, coordinator) => {
      const { net, proposal } = await undecided(request, coordinator, false);
      const { message } = validate(DeclineBody, request.body ?? {}, request.language ?? 'en');
      const outcome = await declineGroupProposal(net, proposal, message, new Date());
      if (outcome !== 'done') {
        const current = await getGroupProposal(net.id, proposal.id);
        return alreadyDecided(net, current ?? proposal, false);
      }
      return json(200, { id: proposal.id, status: 'declined' });
    },
    options,
  ),
});
