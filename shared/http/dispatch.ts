import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { notFound } from './errors.ts';
import { httpHandler } from './middleware.ts';
import type { ApiResult } from './responses.ts';

/** A Lambda handler for HTTP API events: what httpHandler and coordinatorHandler return. */
export type HttpLambda = (event: APIGatewayProxyEventV2, context: Context) => Promise<ApiResult>;

export type RouteDispatcher = HttpLambda & {
  /** The route keys it serves; a test checks they are exactly its routes in shared/http/routes.ts. */
  readonly routeKeys: readonly string[];
};

/** API Gateway routes only the function's own keys here; anything else is a hand-made event. */
const unknownRoute = httpHandler(
  async () => {
    throw notFound();
  },
  { body: 'none', routes: [] },
);

/**
 * One function per resource, one handler per route: the handler is picked by the route key API Gateway
 * matched (`GET /v1/admin/groups/{groupId}/feedback`), so each route keeps its own body mode and access
 * rule and no handler reads the method or the path to find out what it was asked.
 */
export function byRoute(handlers: Readonly<Record<string, HttpLambda>>): RouteDispatcher {
  const byKey = new Map(Object.entries(handlers));
  const dispatch = (event: APIGatewayProxyEventV2, context: Context) =>
    (byKey.get(event.routeKey) ?? unknownRoute)(event, context);
  return Object.assign(dispatch, { routeKeys: [...byKey.keys()] });
}
