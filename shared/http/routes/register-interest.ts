import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { InterestRequest, RegistrationAccepted } from '../schemas.ts';
import { formPostResponses, type RouteDef } from './common.ts';

/** The routes functions/register-interest/handler.ts serves: its handler conforms its answers to these alone. */
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
];
