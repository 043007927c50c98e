/**
 * The one route table. The CDK api construct creates an HTTP API route per entry, the local gateway
 * serves the same entries, and the OpenAPI document is generated from it, so the three cannot drift.
 *
 * Each function's routes are in routes/<function>.ts (`fn` names the folder under functions/ whose
 * handler.ts serves them: one of shared/functions.ts). A handler imports its own file, not this one, so
 * it builds only the schemas of its own routes when it starts.
 */

import { routes as adminDigest } from './routes/admin-digest.ts';
import { routes as adminFeedback } from './routes/admin-feedback.ts';
import { routes as adminFollowUps } from './routes/admin-follow-ups.ts';
import { routes as adminGroupProposals } from './routes/admin-group-proposals.ts';
import { routes as adminGroups } from './routes/admin-groups.ts';
import { routes as adminJoinRequests } from './routes/admin-join-requests.ts';
import { routes as adminMeetings } from './routes/admin-meetings.ts';
import { routes as adminNetworks } from './routes/admin-networks.ts';
import { routes as adminOverview } from './routes/admin-overview.ts';
import { routes as adminRegistrations } from './routes/admin-registrations.ts';
import type { RouteDef } from './routes/common.ts';
import { routes as confirm } from './routes/confirm.ts';
import { routes as feedback } from './routes/feedback.ts';
import { routes as groupLinks } from './routes/group-links.ts';
import { routes as listGroups } from './routes/list-groups.ts';
import { routes as meetingLinks } from './routes/meeting-links.ts';
import { routes as openapi } from './routes/openapi.ts';
import { routes as privacyLinks } from './routes/privacy-links.ts';
import { routes as privacyRequests } from './routes/privacy-requests.ts';
import { routes as proposeGroup } from './routes/propose-group.ts';
import { routes as registerInterest } from './routes/register-interest.ts';
import { routes as requestToJoin } from './routes/request-to-join.ts';
import { routes as unsubscribe } from './routes/unsubscribe.ts';

export type { HttpMethod, ResponseSpec, RouteAuth, RouteDef } from './routes/common.ts';

/** In the order of the OpenAPI document's paths. */
export const routes: readonly RouteDef[] = [
  ...registerInterest,
  ...confirm,
  ...openapi,
  ...adminNetworks,
  ...adminDigest,
  ...adminOverview,
  ...adminRegistrations,
  ...listGroups,
  ...requestToJoin,
  ...groupLinks,
  ...adminGroups,
  ...adminJoinRequests,
  ...proposeGroup,
  ...adminGroupProposals,
  ...meetingLinks,
  ...unsubscribe,
  ...privacyRequests,
  ...privacyLinks,
  ...adminMeetings,
  ...feedback,
  ...adminFollowUps,
  ...adminFeedback,
];
