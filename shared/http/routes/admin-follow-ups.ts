import * as z from 'zod/mini';
import { FollowUpParams, FollowUpView, UpdateFollowUp } from '../admin-follow-up-schemas.ts';
import { ErrorResponse, GroupParams } from '../common-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-follow-ups/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/follow-ups',
    fn: 'admin-follow-ups',
    auth: 'coordinator',
    operationId: 'listFollowUps',
    summary: 'Parked questions and “one point better” suggestions the evaluations left for the next meetings',
    params: GroupParams,
    responses: {
      200: { description: 'The follow-ups', json: z.object({ followUps: z.array(FollowUpView) }) },
    },
  },
  {
    method: 'PATCH',
    path: '/v1/admin/groups/{groupId}/follow-ups/{followUpId}',
    fn: 'admin-follow-ups',
    auth: 'coordinator',
    operationId: 'updateFollowUp',
    summary: 'Mark a follow-up done, or remove it, so the next meeting’s emails no longer quote it',
    params: FollowUpParams,
    body: UpdateFollowUp,
    responses: {
      200: { description: 'The follow-up', json: FollowUpView },
      400: invalid,
      404: { description: 'Unknown', json: ErrorResponse },
    },
  },
];
