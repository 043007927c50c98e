import { ErrorResponse, GroupParams } from '../common-schemas.ts';
import { JoinRequestAccepted, JoinRequestBody } from '../join-request-schemas.ts';
import { formPostResponses, type RouteDef } from './common.ts';

/** The routes functions/request-to-join/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/groups/{groupId}/join-requests',
    fn: 'request-to-join',
    auth: 'public',
    operationId: 'requestToJoin',
    summary:
      'Ask to join a group (double opt-in); after confirmation: a seat, the waitlist, or a coordinator decides',
    params: GroupParams,
    body: JoinRequestBody,
    responses: {
      202: {
        description: 'Accepted; the same answer whether or not the person asked before',
        json: JoinRequestAccepted,
      },
      ...formPostResponses,
      404: { description: 'Unknown group', json: ErrorResponse },
      409: { description: 'The group is closed', json: ErrorResponse },
    },
  },
];
