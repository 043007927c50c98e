import { DeclineBody } from '../admin-decline-schema.ts';
import { AdminGroup } from '../admin-group-schemas.ts';
import {
  AcceptGroupProposal,
  AdminGroupProposalList,
  GroupProposalListQuery,
  GroupProposalParams,
  ProposalDeclined,
} from '../admin-proposal-schemas.ts';
import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-group-proposals/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/group-proposals',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'listGroupProposals',
    summary: 'Confirmed group proposals of a network, oldest first (filter with ?status=)',
    params: NetworkParams,
    query: GroupProposalListQuery,
    responses: {
      200: { description: 'The proposals', json: AdminGroupProposalList },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'acceptGroupProposal',
    summary: 'Turn a proposal into a group: the proposer becomes its first member and is told by email',
    params: GroupProposalParams,
    body: AcceptGroupProposal,
    responses: {
      201: { description: 'The group created', json: AdminGroup },
      400: invalid,
      404: { description: 'Unknown network or proposal', json: ErrorResponse },
      409: { description: 'Already accepted or declined', json: ErrorResponse },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'declineGroupProposal',
    summary: 'Decline a proposal, with an optional message quoted in the email to the proposer',
    params: GroupProposalParams,
    body: DeclineBody,
    responses: {
      200: { description: 'Declined', json: ProposalDeclined },
      400: invalid,
      404: { description: 'Unknown network or proposal', json: ErrorResponse },
      409: { description: 'Already accepted or declined', json: ErrorResponse },
    },
  },
];
