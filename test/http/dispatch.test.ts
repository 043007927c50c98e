import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { functionNames, functionTriggers } from '../../shared/functions.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes.ts';

const event = (routeKey: string) =>
  ({
    routeKey,
    rawPath: '/',
    headers: {},
    requestContext: { http: { method: routeKey.split(' ')[0] } },
  }) as unknown as APIGatewayProxyEventV2;
const context = { functionName: 'test', awsRequestId: 'r' } as Context;

describe('byRoute', () => {
  it("runs the route key's handler, and answers any other key with a 404", async () => {
    const handler = byRoute({
      'GET /v1/a': async () => json(200, { route: 'a' }),
      'POST /v1/a': async () => json(200, { route: 'post a' }),
    });
    expect(JSON.parse((await handler(event('POST /v1/a'), context)).body ?? '')).toEqual({ route: 'post a' });
    expect(JSON.parse((await handler(event('GET /v1/a'), context)).body ?? '')).toEqual({ route: 'a' });
    expect((await handler(event('DELETE /v1/a'), context)).statusCode).toBe(404);
    expect(handler.routeKeys).toEqual(['GET /v1/a', 'POST /v1/a']);
  });

  it('serves exactly the routes of its function in shared/http/routes.ts', async () => {
    const dispatched: string[] = [];
    for (const fn of functionNames.filter((name) => 'http' in functionTriggers[name])) {
      const module = (await import(`../../functions/${fn}/handler.ts`)) as { handler: object };
      if (!('routeKeys' in module.handler)) continue;
      dispatched.push(fn);
      const keys = routes.filter((route) => route.fn === fn).map((route) => `${route.method} ${route.path}`);
      expect([...(module.handler.routeKeys as string[])].sort(), fn).toEqual(keys.sort());
    }
    expect(dispatched).toEqual(
      expect.arrayContaining([
        'admin-feedback',
        'admin-follow-ups',
        'admin-group-proposals',
        'admin-groups',
        'admin-join-requests',
        'admin-meetings',
        'admin-networks',
        'admin-registrations',
      ]),
    );
  });

  it("conforms each function's answers to its own routes: those in routes/<function>.ts, nothing else", async () => {
    for (const fn of functionNames.filter((name) => 'http' in functionTriggers[name])) {
      const own = (await import(`../../shared/http/routes/${fn}.ts`)) as {
        routes: readonly { fn: string }[];
      };
      expect(own.routes.length, fn).toBeGreaterThan(0);
      expect(new Set(own.routes.map((route) => route.fn)), fn).toEqual(new Set([fn]));
      expect(
        routes.filter((route) => route.fn === fn),
        fn,
      ).toEqual(own.routes);
      if (fn === 'openapi') continue; // answers a prebuilt document, without the middleware
      const source = readFileSync(new URL(`../../functions/${fn}/handler.ts`, import.meta.url), 'utf8');
      expect(source, fn).toContain(`import { routes } from '../../shared/http/routes/${fn}.ts';`);
      expect(source, fn).not.toMatch(/shared\/http\/routes\.ts'/);
    }
  });
});
