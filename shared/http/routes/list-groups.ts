import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { PublicGroupList } from '../group-list-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/list-groups/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/networks/{networkId}/groups',
    fn: 'list-groups',
    auth: 'public',
    operationId: 'listGroups',
    summary:
      'Open groups of a network: title, question, seats left, mode, upcoming meetings (cached a minute)',
    params: NetworkParams,
    responses: {
      200: { description: 'The open groups', json: PublicGroupList },
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
];
