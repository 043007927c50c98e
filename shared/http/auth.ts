import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { languages } from '../i18n.ts';
import { logger } from '../logger.ts';
import { HttpError } from './errors.ts';
import { fromAcceptLanguage } from './language.ts';
import { httpHandler } from './middleware.ts';
import type { ApiRequest, BodyMode } from './request.ts';
import type { ApiResult } from './responses.ts';
import type { RouteDef } from './routes/common.ts';

/**
 * Coordinators, from the claims of a Cognito ID token. The token itself was verified before the Lambda
 * runs: by the HTTP API's JWT authorizer in AWS, by the local gateway with `npm start` and in tests
 * (infra/local/issuer.ts). Both hand over the claims in `requestContext.authorizer.jwt.claims`, so this
 * code trusts them and only reads them; it never sees the token.
 *
 * Groups say who may do what: `network-<id>` coordinates network <id>; `samla-admins` may also create
 * networks and reach every network.
 */

export const ADMIN_GROUP = 'samla-admins';
const NETWORK_GROUP_PREFIX = 'network-';

export function networkGroup(networkId: string): string {
  return `${NETWORK_GROUP_PREFIX}${networkId}`;
}

export interface Coordinator {
  /** The user's stable id in the user pool: what may be logged (never the address). */
  readonly sub: string;
  readonly email: string;
  /** Ids of the networks this person coordinates. */
  readonly networks: readonly string[];
  readonly admin: boolean;
}

/**
 * `cognito:groups` as a list. API Gateway flattens array claims into one string, `"[a b]"`; the local
 * gateway does the same, and a real array (a test, another authorizer) is read as it is.
 */
export function parseGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (typeof value !== 'string') return [];
  const text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    // A JSON array as a string, should an authorizer ever pass one.
    if (inner.startsWith('"')) {
      try {
        return parseGroups(JSON.parse(text));
      } catch {
        // Not JSON after all: fall through to the space-separated form.
      }
    }
    return inner.split(/[\s,]+/).filter((g) => g !== '');
  }
  return text === '' ? [] : text.split(/[\s,]+/).filter((g) => g !== '');
}

const unauthorized = () => new HttpError(401, 'unauthorized');

/**
 * The coordinator behind a request, or 401. Only ID tokens are accepted: Cognito access tokens would
 * pass the authorizer too (their `client_id` is the audience), but carry no email.
 */
export function coordinatorFromClaims(claims: unknown): Coordinator {
  if (typeof claims !== 'object' || claims === null) throw unauthorized();
  const c = claims as Record<string, unknown>;
  const sub = typeof c.sub === 'string' ? c.sub : '';
  const email = typeof c.email === 'string' ? c.email.trim().toLowerCase() : '';
  if (c.token_use !== 'id' || sub === '' || email === '') throw unauthorized();
  const groups = parseGroups(c['cognito:groups']);
  const networks = [
    ...new Set(
      groups
        .filter((g) => g.startsWith(NETWORK_GROUP_PREFIX) && g.length > NETWORK_GROUP_PREFIX.length)
        .map((g) => g.slice(NETWORK_GROUP_PREFIX.length)),
    ),
  ];
  return { sub, email, networks, admin: groups.includes(ADMIN_GROUP) };
}

export function coordinatorFromEvent(event: APIGatewayProxyEventV2): Coordinator {
  const context = event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } };
  return coordinatorFromClaims(context.authorizer?.jwt?.claims);
}

export function canAccessNetwork(coordinator: Coordinator, networkId: string): boolean {
  return coordinator.admin || coordinator.networks.includes(networkId);
}

/** 403 unless the coordinator runs this network (or is an admin). Checked before the network is read. */
export function requireNetwork(coordinator: Coordinator, networkId: string): void {
  if (networkId === '' || !canAccessNetwork(coordinator, networkId)) throw new HttpError(403, 'forbidden');
}

export function requireAdmin(coordinator: Coordinator): void {
  if (!coordinator.admin) throw new HttpError(403, 'forbidden');
}

/**
 * Who may call a coordinator route: `network` — coordinators of the `{networkId}` in the path (and
 * admins); `admin` — members of samla-admins only; `any` — every coordinator, the handler decides (e.g.
 * after looking up which network a group belongs to, with `requireNetwork`).
 */
export type CoordinatorAccess = 'network' | 'admin' | 'any';

export type CoordinatorRouteHandler = (
  request: ApiRequest,
  coordinator: Coordinator,
  context: Context,
) => Promise<ApiResult>;

/**
 * `httpHandler` for the admin API: the coordinator is read from the claims and the access rule checked
 * before the body is even parsed, so a stranger learns nothing from validation errors. Errors speak the
 * Accept-Language of the request (English by default).
 */
export function coordinatorHandler(
  handle: CoordinatorRouteHandler,
  options: { body: BodyMode; access: CoordinatorAccess; routes: readonly RouteDef[] },
) {
  const coordinators = new WeakMap<APIGatewayProxyEventV2, Coordinator>();
  return httpHandler(
    async (request, context) => {
      const coordinator = coordinators.get(request.event);
      if (coordinator === undefined) throw unauthorized();
      request.language = fromAcceptLanguage(request.acceptLanguage, languages) ?? 'en';
      return handle(request, coordinator, context);
    },
    {
      body: options.body,
      routes: options.routes,
      authorize: (event) => {
        const coordinator = coordinatorFromEvent(event);
        logger.appendKeys({ coordinator: coordinator.sub });
        if (options.access === 'admin') requireAdmin(coordinator);
        if (options.access === 'network') requireNetwork(coordinator, event.pathParameters?.networkId ?? '');
        coordinators.set(event, coordinator);
      },
    },
  );
}
