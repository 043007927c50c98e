/**
 * The one route table. The CDK api construct creates an HTTP API route per entry, the local gateway
 * serves the same entries, and the OpenAPI document is generated from it, so the three cannot drift.
 *
 * `fn` names the folder under functions/ whose handler.ts serves the route: one of shared/functions.ts.
 */
import * as z from 'zod/mini';
import type { FunctionName } from '../functions.ts';
import {
  CreateNetworkRequest,
  DigestSent,
  NetworkSettings,
  RegistrationExportQuery,
  RegistrationList,
  RegistrationQuery,
  UpdateNetworkRequest,
} from './admin-schemas.ts';
import {
  AcceptGroupProposal,
  AdminGroup,
  AdminGroupProposalList,
  AdminJoinRequest,
  CreateGroup,
  DecisionResult,
  DeclineBody,
  FollowUpParams,
  FollowUpView,
  GroupParams,
  GroupProposalAccepted,
  GroupProposalBody,
  GroupProposalListQuery,
  GroupProposalParams,
  JoinRequestAccepted,
  JoinRequestBody,
  JoinRequestParams,
  ProposalDeclined,
  PublicGroupList,
  UpdatedGroup,
  UpdateFollowUp,
  UpdateGroup,
} from './group-schemas.ts';
import {
  FeedbackRecorded,
  GroupLinkResult,
  PrivacyLinkResult,
  RsvpResult,
  UnsubscribeResult,
} from './link-schemas.ts';
import {
  AdminMeeting,
  AttendanceBody,
  CreateMeetings,
  FeedbackBody,
  GroupFeedback,
  MeetingFeedback,
  MeetingParams,
  MeetingParticipants,
  UpdateMeeting,
} from './meeting-schemas.ts';
import { NetworkOverview } from './overview-schemas.ts';
import {
  ConfirmResult,
  ErrorResponse,
  InterestRequest,
  NetworkParams,
  OpenApiDocumentSchema,
  PrivacyAccepted,
  PrivacyRequest,
  RegistrationAccepted,
  TokenParams,
  UnsubscribeBody,
} from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteAuth = 'public' | 'coordinator';

export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  readonly path: string;
  readonly fn: FunctionName;
  readonly auth: RouteAuth;
  readonly operationId: string;
  readonly summary: string;
  /** For the OpenAPI document; the handler validates with the same schemas. */
  readonly params?: z.core.$ZodObject;
  /** Query string parameters (OpenAPI `in: query`); the handler validates with the same schema. */
  readonly query?: z.core.$ZodObject;
  readonly body?: z.ZodMiniType;
  /**
   * For auth 'coordinator': only members of the samla-admins group, not every coordinator of the network
   * in the path. The handler enforces it (coordinatorHandler's `access: 'admin'`); the authz tests
   * check the two agree.
   */
  readonly adminOnly?: true;
  /**
   * What the route answers, status by status; shared/http/contract.ts adds what every route of its kind
   * answers (the gateway's 401, errors of a body, 500 and 503). The JSON schema is also the allow-list of
   * what is sent: fields it does not declare never leave.
   */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

export interface ResponseSpec {
  readonly description: string;
  readonly json?: z.ZodMiniType;
  readonly html?: true;
  readonly csv?: true;
}

const invalid = {
  description: 'Invalid input: field messages in the request’s language',
  json: ErrorResponse,
};
/** What any route with a body may answer about the body itself. */
const bodyErrors = {
  400: invalid,
  413: { description: 'Body over 32 kB', json: ErrorResponse },
  415: { description: 'Neither JSON nor a form post', json: ErrorResponse },
} as const;

/** The public forms: JSON, or a plain HTML form post that gets a page or the thank-you redirect. */
const formPostResponses = {
  200: { description: 'A plain HTML form post without a thank-you URL: a receipt page', html: true },
  303: { description: 'A plain HTML form post: redirect to the network’s thank-you page' },
  ...bodyErrors,
} as const;

const linkErrors = {
  404: { description: 'Unknown link', json: ErrorResponse, html: true },
  410: { description: 'The link or the registration has expired', json: ErrorResponse, html: true },
} as const;

/**
 * Emailed links: GET `/v1/<kind>/{token}` shows a page with one button and changes nothing (mail scanners
 * follow GETs); POST acts, once.
 */
function linkRoutes(
  fn: FunctionName,
  summaries: Readonly<Record<string, string>>,
  result: z.ZodMiniType,
  bodies: Readonly<Record<string, z.ZodMiniType>> = {},
): RouteDef[] {
  return Object.entries(summaries).flatMap(([kind, summary]) =>
    (['GET', 'POST'] as const).map((method) => {
      const body = method === 'POST' ? bodies[kind] : undefined;
      return {
        method,
        path: `/v1/${kind}/{token}`,
        fn,
        auth: 'public' as const,
        operationId: `${method === 'GET' ? 'show' : 'act'}${kind[0]?.toUpperCase()}${kind.slice(1)}Link`,
        summary: summary + (method === 'GET' ? ' (shows a page; changes nothing)' : ' (acts; single use)'),
        params: TokenParams,
        ...(body ? { body } : {}),
        responses: {
          200: {
            description: 'A page; JSON (Accept: application/json) once the link has acted, now or before',
            json: result,
            html: true,
          },
          ...linkErrors,
        },
      };
    }),
  );
}

export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/networks/{networkId}/interest',
    fn: 'register-interest',
    auth: 'public',
    operationId: 'registerInterest',
    summary: 'Register interest in a network (double opt-in: a confirmation link is emailed)',
    params: NetworkParams,
    body: InterestRequest,
    responses: {
      202: {
        description: 'Accepted; the same answer whether or not the address was known',
        json: RegistrationAccepted,
      },
      ...formPostResponses,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/confirm/{token}',
    fn: 'confirm',
    auth: 'public',
    operationId: 'showConfirmation',
    summary: 'Page with a confirm button; changes nothing, so mail scanners that follow links are harmless',
    params: TokenParams,
    responses: {
      200: {
        description: 'The confirmation page; JSON (Accept: application/json) once it is confirmed',
        json: ConfirmResult,
        html: true,
      },
      ...linkErrors,
    },
  },
  {
    method: 'POST',
    path: '/v1/confirm/{token}',
    fn: 'confirm',
    auth: 'public',
    operationId: 'confirm',
    summary: 'Confirm a registration (idempotent)',
    params: TokenParams,
    responses: {
      200: {
        description: 'Confirmed (a page, or JSON when the Accept header asks for it)',
        json: ConfirmResult,
        html: true,
      },
      ...linkErrors,
    },
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'openapi',
    auth: 'public',
    operationId: 'openapi',
    summary: 'This API described as OpenAPI 3, generated from the request schemas',
    responses: { 200: { description: 'The OpenAPI document', json: OpenApiDocumentSchema } },
  },
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
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/registrations',
    fn: 'admin-registrations',
    auth: 'coordinator',
    operationId: 'listRegistrations',
    summary: 'Registrations of interest in a network, filtered, a page at a time',
    params: NetworkParams,
    query: RegistrationQuery,
    responses: {
      200: { description: 'One page; `cursor` leads to the next', json: RegistrationList },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/registrations.csv',
    fn: 'admin-registrations',
    auth: 'coordinator',
    operationId: 'exportRegistrations',
    summary:
      'All matching registrations as CSV for Excel: UTF-8 with a byte order mark, `;` between fields, headings in the Accept-Language',
    params: NetworkParams,
    query: RegistrationExportQuery,
    responses: {
      200: { description: 'The file (content-disposition: attachment)', csv: true },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
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
  ...linkRoutes(
    'group-links',
    {
      decisions: 'A coordinator’s emailed approve or decline link for a join request',
      leave: 'A member’s emailed link to leave a group or its waitlist, or to let an offered seat pass',
      offers: 'The emailed link to accept a seat offered from the waitlist',
    },
    GroupLinkResult,
  ),
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
      409: { description: 'Already decided', json: ErrorResponse },
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
  {
    method: 'GET',
    path: '/v1/admin/networks/{networkId}/group-proposals',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'listGroupProposals',
    summary: 'Confirmed group proposals of a network, oldest first (filter with ?status=)',
    params: NetworkParams,
    query: GroupProposalListQuery,
    responses: {
      200: { description: 'The proposals', json: AdminGroupProposalList },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'acceptGroupProposal',
    summary: 'Turn a proposal into a group: the proposer becomes its first member and is told by email',
    params: GroupProposalParams,
    body: AcceptGroupProposal,
    responses: {
      201: { description: 'The group created', json: AdminGroup },
      400: invalid,
      404: { description: 'Unknown network or proposal', json: ErrorResponse },
      409: { description: 'Already accepted or declined', json: ErrorResponse },
    },
  },
  {
    method: 'POST',
    path: '/v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline',
    fn: 'admin-group-proposals',
    auth: 'coordinator',
    operationId: 'declineGroupProposal',
    summary: 'Decline a proposal, with an optional message quoted in the email to the proposer',
    params: GroupProposalParams,
    body: DeclineBody,
    responses: {
      200: { description: 'Declined', json: ProposalDeclined },
      400: invalid,
      404: { description: 'Unknown network or proposal', json: ErrorResponse },
      409: { description: 'Already accepted or declined', json: ErrorResponse },
    },
  },
  ...linkRoutes(
    'meeting-links',
    {
      rsvp: 'A member’s emailed answer to a meeting: coming, not this time, or not for the rest of the series (frees the seat)',
    },
    RsvpResult,
  ),
  ...linkRoutes(
    'unsubscribe',
    {
      unsubscribe:
        'The personal unsubscribe link of every mail to a member: reminders only, or everything from the network (also RFC 8058 one-click from the mail client)',
    },
    UnsubscribeResult,
    { unsubscribe: UnsubscribeBody },
  ),
  {
    method: 'POST',
    path: '/v1/privacy/requests',
    fn: 'privacy-requests',
    auth: 'public',
    operationId: 'requestPrivacy',
    summary:
      'Ask for a copy of one’s data (export) or its erasure. Always 202; a confirmation link goes to the address if samla holds anything under it',
    body: PrivacyRequest,
    responses: {
      202: { description: 'Accepted; the same answer whatever the address', json: PrivacyAccepted },
      200: formPostResponses[200],
      ...bodyErrors,
    },
  },
  ...linkRoutes(
    'privacy-links',
    {
      privacy:
        'Carries out a confirmed privacy request (export sent by email, or erasure), or a member’s answer that they want to stay',
    },
    PrivacyLinkResult,
  ),
  {
    method: 'POST',
    path: '/v1/admin/groups/{groupId}/meetings',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'scheduleMeetings',
    summary:
      'Schedule a series of 1–6 meetings (default every 6 weeks, 90 minutes, Europe/Stockholm); each gets its invitation workflow',
    params: GroupParams,
    body: CreateMeetings,
    responses: {
      201: { description: 'The meetings', json: z.object({ meetings: z.array(AdminMeeting) }) },
      400: invalid,
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/meetings',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'listMeetings',
    summary: 'A group’s meetings with RSVP counts and the introducer',
    params: GroupParams,
    responses: { 200: { description: 'The meetings', json: z.object({ meetings: z.array(AdminMeeting) }) } },
  },
  {
    method: 'PATCH',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'changeMeeting',
    summary:
      'Move, switch online/in person, cancel, or choose the introducer; members get an updated or cancelled calendar entry',
    params: MeetingParams,
    body: UpdateMeeting,
    responses: {
      200: { description: 'The meeting as it is now', json: AdminMeeting },
      400: invalid,
      409: { description: 'Cancelled already, or changed at the same time', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'meetingParticipants',
    summary: 'Each member’s RSVP and attendance for a meeting',
    params: MeetingParams,
    responses: { 200: { description: 'The meeting and its members', json: MeetingParticipants } },
  },
  {
    method: 'PUT',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}/attendance',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'recordAttendance',
    summary: 'Record attendance: present, absent or present half the time',
    params: MeetingParams,
    body: AttendanceBody,
    responses: {
      200: { description: 'The meeting and its members, as recorded now', json: MeetingParticipants },
      400: invalid,
    },
  },
  {
    method: 'GET',
    path: '/v1/feedback/{token}',
    fn: 'feedback',
    auth: 'public',
    operationId: 'showFeedbackForm',
    summary:
      'The evaluation form behind the emailed one-tap ratings (?rating=1..10 pre-selects); changes nothing',
    params: TokenParams,
    responses: { 200: { description: 'The form', html: true }, ...linkErrors },
  },
  {
    method: 'POST',
    path: '/v1/feedback/{token}',
    fn: 'feedback',
    auth: 'public',
    operationId: 'answerFeedback',
    summary: 'Answer (or change the answer to) a meeting’s evaluation until it closes',
    params: TokenParams,
    body: FeedbackBody,
    responses: {
      200: {
        description: 'Recorded (JSON, or a thank-you page for a form post)',
        json: FeedbackRecorded,
        html: true,
      },
      400: {
        ...invalid,
        description: `${invalid.description}; a form post from a browser gets the form back`,
      },
      ...linkErrors,
    },
  },
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
