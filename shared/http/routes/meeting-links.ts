import { RsvpResult } from '../rsvp-schemas.ts';
import { linkRoutes, type RouteDef } from './common.ts';

/** The routes functions/meeting-links/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  ...linkRoutes(
    'meeting-links',
    {
      rsvp: 'A member’s emailed answer to a meeting: coming, not this time, or not for the rest of the series (frees the seat)',
    },
    RsvpResult,
  ),
];
