import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { DigestSent } from '../digest-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/admin-digest/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/digest',
    fn: 'admin-digest',
    auth: 'coordinator',
    operationId: 'sendDigest',
    summary:
      'Send the coordinators’ digest now (new registrations, shared topics, decisions waiting, waitlists, the next two weeks’ meetings, closed evaluations); the next scheduled one starts from here',
    params: NetworkParams,
    responses: {
      200: { description: 'How many coordinators got it, or why none did', json: DigestSent },
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
];
