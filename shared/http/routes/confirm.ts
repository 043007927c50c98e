import { ErrorResponse, TokenParams } from '../common-schemas.ts';
import { ConfirmResult } from '../confirm-schemas.ts';
import { linkErrors, type RouteDef } from './common.ts';

/** The routes functions/confirm/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
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
      409: {
        description: 'A join request for a group closed since it was made: group_closed, and nothing changes',
        json: ErrorResponse,
        html: true,
      },
    },
  },
];
