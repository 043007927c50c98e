import { ErrorResponse } from '../common-schemas.ts';
import { GroupLinkResult } from '../group-link-schemas.ts';
import { linkRoutes, type RouteDef } from './common.ts';

/** The routes functions/group-links/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  ...linkRoutes(
    'group-links',
    {
      decisions: 'A coordinator’s emailed approve or decline link for a join request',
      leave: 'A member’s emailed link to leave a group or its waitlist, or to let an offered seat pass',
      offers: 'The emailed link to accept a seat offered from the waitlist',
    },
    GroupLinkResult,
    {},
    {
      409: {
        description: 'An approve link for a group closed since: open the group or decline the request',
        json: ErrorResponse,
        html: true,
      },
    },
  ),
];
