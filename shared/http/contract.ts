import * as z from 'zod/mini';
import { ErrorResponse, GatewayMessage } from './common-schemas.ts';
import { maxBodyBytes } from './limits.ts';
import { type ApiResult, jsonText } from './responses.ts';
import type { ResponseSpec, RouteDef } from './routes/common.ts';

/*
 * What each route may answer, status by status: its own responses from the route table, and those every
 * route of its kind shares. The OpenAPI document is generated from this, and the middleware lets no answer
 * out that it does not describe: a response schema is an allow-list, so a field nobody declared (a salt, a
 * key, a counter) is dropped instead of sent.
 */

const invalid = {
  description: 'Invalid input: field messages in the request’s language',
  json: ErrorResponse,
};

/**
 * On a public route every error the middleware makes is a page instead when the Accept header prefers
 * HTML (a browser). The admin API is called by the console and tools: its errors are JSON whatever the
 * Accept header says.
 */
const asPage = (route: RouteDef, spec: ResponseSpec): ResponseSpec =>
  route.auth === 'coordinator' ? spec : { ...spec, html: true };

function shared(route: RouteDef): Record<number, ResponseSpec> {
  const responses: Record<number, ResponseSpec> = {};
  if (route.auth === 'coordinator') {
    responses[401] = {
      description:
        'No valid coordinator token: API Gateway’s JWT authorizer answers {"message":"Unauthorized"} (a bad token also gets a www-authenticate header); a token without the claims of an ID token gets an error from samla',
      json: z.union([GatewayMessage, ErrorResponse]),
    };
    responses[403] = {
      description: route.adminOnly ? 'Only for samla admins' : 'You do not coordinate this network',
      json: ErrorResponse,
    };
  }
  // Every path parameter names something that may not exist (or is too long to name anything).
  if (route.params) responses[404] = { description: 'Unknown', json: ErrorResponse };
  // Whatever route posts a body may get one that is malformed, too large or of another media type.
  if (route.method !== 'GET') {
    responses[400] = invalid;
    responses[413] = {
      description: `Body over ${maxBodyBytes / 1024} kB (samla), or over 10 MB (API Gateway, which answers {"message":"Request Entity Too Large"})`,
      json: z.union([ErrorResponse, GatewayMessage]),
    };
    responses[415] = { description: 'Neither JSON nor a form post', json: ErrorResponse };
  }
  responses[429] = {
    description:
      'The stage’s throttle (API Gateway’s own answer, {"message":"Too Many Requests"}): try again shortly',
    json: GatewayMessage,
  };
  responses[500] = {
    description:
      'Something failed: samla’s own error, or API Gateway’s {"message":"Internal Server Error"} when the function did not answer',
    json: z.union([ErrorResponse, GatewayMessage]),
  };
  responses[503] = {
    description:
      'A dependency is throttling: try again after the retry-after header’s seconds (or API Gateway’s {"message":"Service Unavailable"} when the function timed out)',
    json: z.union([ErrorResponse, GatewayMessage]),
  };
  return responses;
}

/** Every status the route answers, in order, with what each carries. */
export function documentedResponses(route: RouteDef): ReadonlyMap<number, ResponseSpec> {
  const all: Record<number, ResponseSpec> = { ...shared(route), ...route.responses };
  return new Map(
    Object.entries(all)
      .map(([status, spec]) => [Number(status), Number(status) >= 400 ? asPage(route, spec) : spec] as const)
      .sort(([a], [b]) => a - b),
  );
}

/** Every error body there is, with no field either leaves undeclared. */
const errorBody = z.union([
  z.strictObject({
    error: z.strictObject({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
  }),
  z.strictObject({ message: z.string() }),
]);

export type Conformed =
  | { readonly ok: ApiResult }
  | { readonly breach: string; readonly issues?: readonly string[] };

function mediaType(result: ApiResult): string {
  const headers = result.headers ?? {};
  const header = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return (
    String(header ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase() ?? ''
  );
}

export type Conform = (routeKey: string, result: ApiResult) => Conformed;

/**
 * Conforms the answers of the routes given: a function's own (routes/<function>.ts), so that it builds
 * the schemas of no other route. Only those routes reach the function (API Gateway routes nothing else),
 * so an unknown route key is a test's own event: left as is.
 */
export function conformer(routes: readonly RouteDef[]): Conform {
  return (routeKey, result) => {
    const responses = responsesOf(routes).get(routeKey);
    return responses === undefined ? { ok: result } : conform(responses, result);
  };
}

/** Built on a function's first answer, once for all its handlers (byRoute gives each route its own). */
const byRoutes = new WeakMap<readonly RouteDef[], ReadonlyMap<string, ReadonlyMap<number, ResponseSpec>>>();

function responsesOf(routes: readonly RouteDef[]): ReadonlyMap<string, ReadonlyMap<number, ResponseSpec>> {
  let byRouteKey = byRoutes.get(routes);
  if (byRouteKey === undefined) {
    byRouteKey = new Map(
      routes.map((route) => [`${route.method} ${route.path}`, documentedResponses(route)]),
    );
    byRoutes.set(routes, byRouteKey);
  }
  return byRouteKey;
}

/**
 * The answer as the document describes it: a JSON body rebuilt from its response schema (fields it does
 * not declare are dropped), or the reason it cannot be sent as it is.
 */
function conform(responses: ReadonlyMap<number, ResponseSpec>, result: ApiResult): Conformed {
  const status = result.statusCode ?? 200;
  const spec = responses.get(status);
  if (spec === undefined) return { breach: `status ${status} is not documented` };
  const type = mediaType(result);
  const body = result.body ?? '';
  if (type === '' && body === '') {
    return spec.json || spec.html || spec.csv
      ? { breach: `status ${status} without a body` }
      : { ok: result };
  }
  if (type === 'text/html') return spec.html ? { ok: result } : { breach: `status ${status} is not a page` };
  if (type === 'text/csv') return spec.csv ? { ok: result } : { breach: `status ${status} is not a file` };
  if (type !== 'application/json' || !spec.json)
    return { breach: `status ${status} does not answer ${type || 'an untyped body'}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { breach: `status ${status} is not JSON` };
  }
  if (status >= 400) {
    // An error is built from an HttpError and nothing else, and sent as built: rebuilt through the record
    // of fields it would lose a field named "__proto__" (its message would then name no field at all).
    // Held to the strict shape instead, so nothing else can ride along.
    return errorBody.safeParse(parsed).success
      ? { ok: result }
      : { breach: `status ${status} is not an error of the documented shape` };
  }
  const shaped = spec.json.safeParse(parsed);
  if (!shaped.success)
    return {
      breach: `status ${status} does not match its schema`,
      // Paths and codes only: the values may be personal data.
      issues: shaped.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.code}`),
    };
  return { ok: { ...result, body: jsonText(shaped.data) } };
}
