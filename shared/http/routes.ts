/**
 * The one route table. The CDK api construct creates an HTTP API route per entry, the local gateway
 * serves the same entries, and the OpenAPI document is generated from it, so the three cannot drift.
 *
 * `fn` names the folder under functions/ whose handler.ts serves the route.
 */
import type { z } from 'zod';
import {
  ConfirmResult,
  ErrorResponse,
  InterestRequest,
  NetworkParams,
  RegistrationAccepted,
  TokenParams,
} from './schemas.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteAuth = 'public' | 'coordinator';

export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  readonly path: string;
  readonly fn: string;
  readonly auth: RouteAuth;
  readonly operationId: string;
  readonly summary: string;
  /** For the OpenAPI document; the handler validates with the same schemas. */
  readonly params?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, { description: string; json?: z.ZodType; html?: true }>>;
}

const invalid = {
  description: 'Invalid input: field messages in the request’s language',
  json: ErrorResponse,
};
const linkErrors = {
  404: { description: 'Unknown link', json: ErrorResponse, html: true },
  410: { description: 'The link or the registration has expired', json: ErrorResponse, html: true },
} as const;

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
      200: { description: 'A plain HTML form post without a thank-you URL: a receipt page', html: true },
      303: { description: 'A plain HTML form post: redirect to the network’s thank-you page' },
      400: invalid,
      404: { description: 'Unknown network', json: ErrorResponse },
      413: { description: 'Body over 32 kB', json: ErrorResponse },
      415: { description: 'Neither JSON nor a form post', json: ErrorResponse },
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
    responses: { 200: { description: 'The confirmation page', html: true }, ...linkErrors },
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
    responses: { 200: { description: 'The OpenAPI document' } },
  },
];

/** Functions that no route serves: Step Functions tasks and scheduled jobs. */
export const workflowFunctions = ['registration-steps'] as const;
