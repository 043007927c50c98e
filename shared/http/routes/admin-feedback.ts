import { ErrorResponse, GroupParams, MeetingParams } from '../common-schemas.ts';
import { GroupFeedback, MeetingFeedback } from '../evaluation-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/admin-feedback/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}/feedback',
    fn: 'admin-feedback',
    auth: 'coordinator',
    operationId: 'meetingFeedback',
    summary:
      'A meeting’s evaluation: the figures and every answer (anonymous ones without member, and only the day)',
    params: MeetingParams,
    responses: {
      200: { description: 'The summary and the answers', json: MeetingFeedback },
      404: { description: 'Unknown group or meeting', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/feedback',
    fn: 'admin-feedback',
    auth: 'coordinator',
    operationId: 'groupFeedback',
    summary:
      'The trend across a group’s series: each meeting’s mean, answers and members asked, and the change since the last meeting with answers',
    params: GroupParams,
    responses: {
      200: { description: 'The meetings in order (cancelled ones left out)', json: GroupFeedback },
      404: { description: 'Unknown group', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/feedback.csv',
    fn: 'admin-feedback',
    auth: 'coordinator',
    operationId: 'exportFeedback',
    summary:
      'Every evaluation answer of a group as CSV for Excel, one row each: UTF-8 with a byte order mark, `;` between fields, headings in the Accept-Language; no name on anonymous answers',
    params: GroupParams,
    responses: {
      200: { description: 'The file (content-disposition: attachment)', csv: true },
      404: { description: 'Unknown group', json: ErrorResponse },
    },
  },
];
