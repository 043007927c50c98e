/**
 * What a route is, and the parts routes share. A function's routes are in routes/<function>.ts; the one
 * route table, shared/http/routes.ts, puts them together.
 */
import type * as z from 'zod/mini';
import type { FunctionName } from '../../functions.ts';
import { ErrorResponse, TokenParams } from '../common-schemas.ts';
import { maxBodyBytes } from '../limits.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RouteAuth = 'public' | 'coordinator';

export interface RouteDef {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  readonly path: string;
  readonly fn: FunctionName;
  readonly auth: RouteAuth;
  readonly operationId: string;
  readonly summary: string;
  /** For the OpenAPI document; the handler validates with the same schemas. */
  readonly params?: z.core.$ZodObject;
  /** Query string parameters (OpenAPI `in: query`); the handler validates with the same schema. */
  readonly query?: z.core.$ZodObject;
  readonly body?: z.ZodMiniType;
  /**
   * For auth 'coordinator': only members of the samla-admins group, not every coordinator of the network
   * in the path. The handler enforces it (coordinatorHandler's `access: 'admin'`); the authz tests
   * check the two agree.
   */
  readonly adminOnly?: true;
  /**
   * What the route answers, status by status; shared/http/contract.ts adds what every route of its kind
   * answers (the gateway's 401, errors of a body, 500 and 503). The JSON schema is also the allow-list of
   * what is sent: fields it does not declare never leave.
   */
  readonly responses: Readonly<Record<number, ResponseSpec>>;
}

export interface ResponseSpec {
  readonly description: string;
  readonly json?: z.ZodMiniType;
  readonly html?: true;
  readonly csv?: true;
}

export const invalid = {
  description: 'Invalid input: field messages in the request’s language',
  json: ErrorResponse,
};
/** What any route with a body may answer about the body itself. */
export const bodyErrors = {
  400: invalid,
  413: { description: `Body over ${maxBodyBytes / 1024} kB`, json: ErrorResponse },
  415: { description: 'Neither JSON nor a form post', json: ErrorResponse },
} as const;

/** The public forms: JSON, or a plain HTML form post that gets a page or the thank-you redirect. */
export const formPostResponses = {
  200: { description: 'A plain HTML form post without a thank-you URL: a receipt page', html: true },
  303: { description: 'A plain HTML form post: redirect to the network’s thank-you page' },
  ...bodyErrors,
} as const;

export const linkErrors = {
  404: { description: 'Unknown link', json: ErrorResponse, html: true },
  410: { description: 'The link or the registration has expired', json: ErrorResponse, html: true },
} as const;

/**
 * Emailed links: GET `/v1/<kind>/{token}` shows a page with one button and changes nothing (mail scanners
 * follow GETs); POST acts, once.
 */
export function linkRoutes(
  fn: FunctionName,
  summaries: Readonly<Record<string, string>>,
  result: z.ZodMiniType,
  bodies: Readonly<Record<string, z.ZodMiniType>> = {},
  errors: Readonly<Record<number, ResponseSpec>> = {},
): RouteDef[] {
  return Object.entries(summaries).flatMap(([kind, summary]) =>
    (['GET', 'POST'] as const).map((method) => {
      const body = method === 'POST' ? bodies[kind] : undefined;
      return {
        method,
        path: `/v1/${kind}/{token}`,
        fn,
        auth: 'public' as const,
        operationId: `${method === 'GET' ? 'show' : 'act'}${kind[0]?.toUpperCase()}${kind.slice(1)}Link`,
        summary: summary + (method === 'GET' ? ' (shows a page; changes nothing)' : ' (acts; single use)'),
        params: TokenParams,
        ...(body ? { body } : {}),
        responses: {
          200: {
            description: 'A page; JSON (Accept: application/json) once the link has acted, now or before',
            json: result,
            html: true,
          },
          ...linkErrors,
          ...errors,
        },
      };
    }),
  );
}
