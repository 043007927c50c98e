import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { GroupProposalAccepted, GroupProposalBody } from '../group-proposal-schemas.ts';
import { formPostResponses, type RouteDef } from './common.ts';

/** The routes functions/propose-group/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/networks/{networkId}/group-proposals',
    fn: 'propose-group',
    auth: 'public',
    operationId: 'proposeGroup',
    summary:
      'Propose a group around one question (double opt-in); once confirmed, the coordinators decide whether it becomes a group',
    params: NetworkParams,
    body: GroupProposalBody,
    responses: {
      202: {
        description: 'Accepted; the same answer whether or not the same proposal was made before',
        json: GroupProposalAccepted,
      },
      ...formPostResponses,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
];
