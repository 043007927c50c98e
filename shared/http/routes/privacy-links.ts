import { PrivacyLinkResult } from '../privacy-link-schemas.ts';
import { linkRoutes, type RouteDef } from './common.ts';

/** The routes functions/privacy-links/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  ...linkRoutes(
    'privacy-links',
    {
      privacy:
        'Carries out a confirmed privacy request (export sent by email, or erasure), or a member’s answer that they want to stay',
    },
    PrivacyLinkResult,
  ),
];
