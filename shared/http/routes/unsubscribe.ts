import { UnsubscribeBody, UnsubscribeResult } from '../unsubscribe-schemas.ts';
import { linkRoutes, type RouteDef } from './common.ts';

/** The routes functions/unsubscribe/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  ...linkRoutes(
    'unsubscribe',
    {
      unsubscribe:
        'The personal unsubscribe link of every mail to a member: reminders only, or everything from the network (also RFC 8058 one-click from the mail client); GET with ?first=reminders lists that choice first',
    },
    UnsubscribeResult,
    { unsubscribe: UnsubscribeBody },
  ),
];
