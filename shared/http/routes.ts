/**
 * The one route table. The CDK api construct creates an HTTP API route per entry, the local gateway
 * serves the same entries, and the OpenAPI document is generated from it, so the three cannot drift.
 *
 * `fn` names the folder under functions/ whose handler.ts serves the route.
 */
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
}

export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/networks/{networkId}/interest',
    fn: 'register-interest',
    auth: 'public',
    operationId: 'registerInterest',
    summary: 'Register interest in a network (double opt-in: a confirmation link is emailed)',
  },
  {
    method: 'GET',
    path: '/v1/confirm/{token}',
    fn: 'confirm',
    auth: 'public',
    operationId: 'showConfirmation',
    summary: 'Page with a confirm button; changes nothing, so mail scanners that follow links are harmless',
  },
  {
    method: 'POST',
    path: '/v1/confirm/{token}',
    fn: 'confirm',
    auth: 'public',
    operationId: 'confirm',
    summary: 'Confirm a registration (idempotent)',
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'openapi',
    auth: 'public',
    operationId: 'openapi',
    summary: 'This API described as OpenAPI 3, generated from the request schemas',
  },
];

/** Functions that no route serves: Step Functions tasks and scheduled jobs. */
export const workflowFunctions = ['registration-steps'] as const;
