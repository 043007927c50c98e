import * as z from 'zod/mini';
import { CreateGroup, UpdatedGroup, UpdateGroup } from '../admin-group-edit-schemas.ts';
import { AdminGroup } from '../admin-group-schemas.ts';
import { ErrorResponse, GroupParams, NetworkParams } from '../common-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-groups/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/groups',
    fn: 'admin-groups',
    auth: 'coordinator',
    operationId: 'createGroup',
    summary: 'Create a group',
    params: NetworkParams,
    body: CreateGroup,
    responses: { 201: { description: 'Created', json: AdminGroup }, 400: invalid },
  },
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/groups',
    fn: 'admin-groups',
    auth: 'coordinator',
    operationId: 'listAllGroups',
    summary: 'All groups of a network, open and closed, with seats taken',
    params: NetworkParams,
    responses: { 200: { description: 'The groups', json: z.object({ groups: z.array(AdminGroup) }) } },
  },
  {
    method: 'PATCH',
    path: '/v1/admin/groups/{groupId}',
    fn: 'admin-groups',
    auth: 'coordinator',
    operationId: 'updateGroup',
    summary: 'Update or close a group; a higher capacity promotes from the waitlist in order',
    params: GroupParams,
    body: UpdateGroup,
    responses: {
      200: { description: 'The group as it is now', json: UpdatedGroup },
      400: invalid,
      404: { description: 'Unknown group', json: ErrorResponse },
      409: { description: 'Capacity below the seats taken', json: ErrorResponse },
    },
  },
];
