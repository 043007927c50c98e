import * as z from 'zod/mini';
import { DeclineBody } from '../admin-decline-schema.ts';
import { AdminJoinRequest, DecisionResult, JoinRequestParams } from '../admin-join-request-schemas.ts';
import { ErrorResponse, GroupParams } from '../common-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/admin-join-requests/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/join-requests',
    fn: 'admin-join-requests',
    auth: 'coordinator',
    operationId: 'listJoinRequests',
    summary: 'Join requests of a group (filter with ?status=), waitlist positions included',
    params: GroupParams,
    responses: {
      200: { description: 'The requests', json: z.object({ joinRequests: z.array(AdminJoinRequest) }) },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/groups/{groupId}/join-requests/{requestId}/approve',
    fn: 'admin-join-requests',
    auth: 'coordinator',
    operationId: 'approveJoinRequest',
    summary: 'Approve a request waiting for a decision: a seat if one is free, else the waitlist',
    params: JoinRequestParams,
    responses: {
      200: { description: 'Where the person landed', json: DecisionResult },
      409: {
        description: 'Already decided, or the group is closed (join_group_closed): open it or decline',
        json: ErrorResponse,
      },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/groups/{groupId}/join-requests/{requestId}/decline',
    fn: 'admin-join-requests',
    auth: 'coordinator',
    operationId: 'declineJoinRequest',
    summary: 'Decline a request waiting for a decision, with an optional message to the person',
    params: JoinRequestParams,
    body: DeclineBody,
    responses: {
      200: { description: 'Declined', json: DecisionResult },
      409: { description: 'Already decided', json: ErrorResponse },
    },
  },
];
