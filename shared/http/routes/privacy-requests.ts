import { PrivacyAccepted, PrivacyRequest } from '../privacy-schemas.ts';
import { bodyErrors, formPostResponses, type RouteDef } from './common.ts';

/** The routes functions/privacy-requests/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
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
];
