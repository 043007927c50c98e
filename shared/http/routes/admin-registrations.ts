import { ErrorResponse, NetworkParams } from '../common-schemas.ts';
import { RegistrationExportQuery, RegistrationList, RegistrationQuery } from '../registration-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-registrations/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
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
];
