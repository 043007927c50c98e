/**
 * The contract, route by route: every route of the table is called the ways that end in an error (no
 * token, an unknown id, a body of the wrong kind or size, a browser that wants pages), and each answer is
 * judged against the served /v1/openapi.json by an outside validator (ajv, test/support/contract.ts).
 * The answers that succeed are judged the same way wherever the other integration tests get them: the
 * local stack records every answer and checks it when it stops.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../shared/http/limits.ts';
import { type RouteDef, routes } from '../../shared/http/routes.ts';
import { contractValidator, type OpenApiDocument, type Verdict } from '../support/contract.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';

let stack: TestStack;
let judge: (response: Parameters<ReturnType<typeof contractValidator>>[0]) => Verdict;
let adminToken: string;

beforeAll(async () => {
  stack = await useLocalStack();
  const served = await stack.api('/v1/openapi.json');
  judge = contractValidator((await served.json()) as OpenApiDocument);
  adminToken = await stack.token({ email: 'contract@example.org', networks: [], admin: true });
});
afterAll(() => stack.stop());

const routeKey = (route: RouteDef) => `${route.method} ${route.path}`;

/** Unknown ids everywhere, except the demo network, so a route gets past its network to its own checks. */
function pathOf(route: RouteDef, id: (name: string) => string): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(id(name)));
}

interface Call {
  readonly label: string;
  readonly path: string;
  readonly init: RequestInit;
}

function callsFor(route: RouteDef): Call[] {
  const unknown = pathOf(route, (name) => (name === 'networkId' ? 'demo' : `unknown-${name}`));
  const tooLong = pathOf(route, () => 'x'.repeat(300));
  const auth: Record<string, string> =
    route.auth === 'coordinator' ? { authorization: `Bearer ${adminToken}` } : {};
  const calls: Call[] = [
    {
      label: 'as JSON',
      path: unknown,
      init: { method: route.method, headers: { ...auth, accept: 'application/json' } },
    },
    {
      label: 'from a browser',
      path: unknown,
      init: {
        method: route.method,
        headers: { ...auth, accept: 'text/html,application/xhtml+xml', 'accept-language': 'sv' },
      },
    },
    {
      label: 'with an id too long to name anything',
      path: tooLong,
      init: { method: route.method, headers: auth },
    },
  ];
  if (route.auth === 'coordinator') {
    calls.push(
      { label: 'without a token', path: unknown, init: { method: route.method } },
      {
        label: 'with a token that is no JWT',
        path: unknown,
        init: { method: route.method, headers: { authorization: 'Bearer not-a-token' } },
      },
    );
  }
  if (route.method !== 'GET') {
    calls.push(
      {
        label: 'with a body of another media type',
        path: unknown,
        init: { method: route.method, headers: { ...auth, 'content-type': 'text/plain' }, body: 'hello' },
      },
      {
        label: 'with a body that is not JSON',
        path: unknown,
        init: { method: route.method, headers: { ...auth, 'content-type': 'application/json' }, body: '{"' },
      },
      {
        label: 'with a body over the limit',
        path: unknown,
        init: {
          method: route.method,
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x'.repeat(maxBodyBytes) }),
        },
      },
      {
        label: 'with a form post of unknown fields, from a browser',
        path: unknown,
        init: {
          method: route.method,
          headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
          body: 'unknown=1',
        },
      },
    );
  }
  return calls;
}

describe('every answer of every route is what /v1/openapi.json says', () => {
  it('for the error paths of each route, JSON and pages alike', async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let checked = 0;
    for (const route of routes) {
      for (const call of callsFor(route)) {
        const response = await stack.api(call.path, { ...call.init, redirect: 'manual' });
        const verdict = judge({
          method: route.method,
          path: new URL(response.url).pathname,
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: await response.text(),
        });
        checked += 1;
        seen.add(`${routeKey(route)} ${response.status}`);
        if (verdict.kind === 'outside')
          failures.push(`${routeKey(route)} ${call.label}: outside the document`);
        if (verdict.kind === 'failure') failures.push(`${routeKey(route)} ${call.label}: ${verdict.reason}`);
      }
    }
    expect(failures).toEqual([]);
    // Every coordinator route was refused by the gateway, and every route answered an error of its own.
    for (const route of routes.filter((r) => r.auth === 'coordinator'))
      expect(seen, routeKey(route)).toContain(`${routeKey(route)} 401`);
    expect(checked).toBeGreaterThan(routes.length * 3);
  }, 120_000);

  it('for the document itself, which describes its own answer', async () => {
    const response = await stack.api('/v1/openapi.json');
    const body = await response.text();
    expect(
      judge({
        method: 'GET',
        path: '/v1/openapi.json',
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
      }),
    ).toEqual({ kind: 'ok', operation: 'GET /v1/openapi.json' });
  });
});
