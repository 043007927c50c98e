import { CreateNetworkRequest, NetworkSettings, UpdateNetworkRequest } from '../admin-schemas.ts';
import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-networks/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/admin/networks',
    fn: 'admin-networks',
    auth: 'coordinator',
    adminOnly: true,
    operationId: 'createNetwork',
    summary: 'Create a network (members of samla-admins only)',
    body: CreateNetworkRequest,
    responses: {
      201: { description: 'Created', json: NetworkSettings },
      400: invalid,
      409: { description: 'A network with this id exists', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}',
    fn: 'admin-networks',
    auth: 'coordinator',
    operationId: 'getNetwork',
    summary: 'The settings of a network you coordinate',
    params: NetworkParams,
    responses: {
      200: { description: 'The settings', json: NetworkSettings },
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
  {
    method: 'PATCH',
    path: '/v1/admin/networks/{networkId}',
    fn: 'admin-networks',
    auth: 'coordinator',
    operationId: 'updateNetwork',
    summary: 'Change settings of a network: only the fields given',
    params: NetworkParams,
    body: UpdateNetworkRequest,
    responses: {
      200: { description: 'The settings as they are now', json: NetworkSettings },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
];
