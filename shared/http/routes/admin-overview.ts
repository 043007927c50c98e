import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { NetworkOverview } from '../overview-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/admin-overview/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/overview',
    fn: 'admin-overview',
    auth: 'coordinator',
    operationId: 'networkOverview',
    summary:
      'What the digest says, live: decisions waiting, new registrations, shared topics, proposals, waitlists and offers, the next two weeks’ meetings, evaluations closed in the last month; with the ids the other admin routes act on',
    params: NetworkParams,
    responses: {
      200: { description: 'The overview; every list is bounded', json: NetworkOverview },
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
];
