import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildEvent, type LocalGateway, MAX_BODY_BYTES, startGateway } from '../../infra/local/gateway.ts';
import type { LambdaHandler } from '../../infra/local/lambda.ts';
import { freePort } from '../../infra/local/ports.ts';
import type { FunctionName } from '../../shared/functions.ts';
import type { RouteDef } from '../../shared/http/routes.ts';

/** The gateway serves whatever the loader hands it: these routes go to the stubs below, not to functions/. */
const stub = (name: string) => name as FunctionName;

const routes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/networks/{networkId}/interest',
    fn: stub('echo'),
    auth: 'public',
    operationId: 'a',
    summary: '',
    responses: {},
  },
  {
    method: 'GET',
    path: '/v1/confirm/{token}',
    fn: stub('echo'),
    auth: 'public',
    operationId: 'b',
    summary: '',
    responses: {},
  },
  {
    method: 'POST',
    path: '/v1/confirm/{token}',
    fn: stub('structured'),
    auth: 'public',
    operationId: 'c',
    summary: '',
    responses: {},
  },
  {
    method: 'GET',
    path: '/v1/plain',
    fn: stub('plain'),
    auth: 'public',
    operationId: 'd',
    summary: '',
    responses: {},
  },
  {
    method: 'GET',
    path: '/v1/text',
    fn: stub('text'),
    auth: 'public',
    operationId: 'e',
    summary: '',
    responses: {},
  },
  {
    method: 'GET',
    path: '/v1/boom',
    fn: stub('boom'),
    auth: 'public',
    operationId: 'f',
    summary: '',
    responses: {},
  },
  {
    method: 'GET',
    path: '/v1/admin/things',
    fn: stub('echo'),
    auth: 'coordinator',
    operationId: 'g',
    summary: '',
    responses: {},
  },
];

let lastEvent: APIGatewayProxyEventV2 | undefined;
let lastFunctionName: string | undefined;
const handlers: Record<string, LambdaHandler> = {
  echo: async (event, context) => {
    lastEvent = event as APIGatewayProxyEventV2;
    lastFunctionName = context.functionName;
    return {
      statusCode: 202,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ok: true }),
    };
  },
  structured: async () => ({
    statusCode: 303,
    headers: {
      Location: 'https://example.org/thanks',
      'access-control-allow-origin': 'https://evil.example',
    },
    cookies: ['a=1; Path=/', 'b=2; Path=/'],
    body: Buffer.from('binary-ish').toString('base64'),
    isBase64Encoded: true,
  }),
  plain: async () => ({ hello: 'world' }),
  text: async () => 'just text',
  boom: async () => {
    throw new Error('secret detail');
  },
};

const logs: string[] = [];
let gateway: LocalGateway;

beforeAll(async () => {
  gateway = await startGateway({
    routes,
    port: await freePort(),
    loadHandler: async (entry) => {
      const fn = /^functions\/([^/]+)\/handler\.ts$/.exec(entry)?.[1] ?? '';
      const handler = handlers[fn];
      if (handler === undefined) throw new Error(`no handler ${entry}`);
      return handler;
    },
    cors: {
      allowOrigins: ['https://example.org'],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['content-type'],
      maxAgeSeconds: 600,
    },
    log: (line) => logs.push(line),
  });
});

afterAll(() => gateway.stop());

beforeEach(() => {
  lastEvent = undefined;
  logs.length = 0;
});

describe('local API gateway', () => {
  it('builds a payload 2.0 event as API Gateway does', async () => {
    const response = await fetch(`${gateway.url}/v1/networks/n%C3%A4t-1/interest?a=1&a=2&b=%C3%A5`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Custom': 'Yes',
        Cookie: 'c1=v1; c2=v2',
        'User-Agent': 'vitest',
      },
      body: JSON.stringify({ name: 'Åsa' }),
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('apigw-requestid')).toBe(lastEvent?.requestContext.requestId);

    const event = lastEvent as APIGatewayProxyEventV2;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/networks/{networkId}/interest',
      rawPath: '/v1/networks/n%C3%A4t-1/interest',
      rawQueryString: 'a=1&a=2&b=%C3%A5',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { a: '1,2', b: 'å' },
      pathParameters: { networkId: 'nät-1' },
      body: '{"name":"Åsa"}',
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        routeKey: 'POST /v1/networks/{networkId}/interest',
        stage: '$default',
        http: {
          method: 'POST',
          path: '/v1/networks/n%C3%A4t-1/interest',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
      },
    });
    expect(event.headers['content-type']).toBe('application/json');
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(5000);
    expect(lastFunctionName).toBe('echo');
  });

  it('leaves body and optional fields out when there are none', async () => {
    await fetch(`${gateway.url}/v1/confirm/tok123`);
    expect(lastEvent?.body).toBeUndefined();
    expect(lastEvent?.queryStringParameters).toBeUndefined();
    expect(lastEvent?.cookies).toBeUndefined();
    expect(lastEvent?.pathParameters).toEqual({ token: 'tok123' });
    expect(lastEvent?.rawQueryString).toBe('');
  });

  it('base64-encodes binary bodies', () => {
    const event = buildEvent(
      {
        method: 'POST',
        url: '/x',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from([0, 255]),
        sourceIp: '1.2.3.4',
        host: 'h:1',
      },
      'POST /x',
      {},
      'id',
    );
    expect(event.isBase64Encoded).toBe(true);
    expect(event.body).toBe(Buffer.from([0, 255]).toString('base64'));
  });

  it('writes back status, headers, cookies and a base64 body; CORS headers replace the handler’s', async () => {
    const response = await fetch(`${gateway.url}/v1/confirm/tok`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'https://example.org' },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://example.org/thanks');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await response.text()).toBe('binary-ish');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://example.org');
  });

  it('turns a plain object or string result into a 200 JSON response', async () => {
    const object = await fetch(`${gateway.url}/v1/plain`);
    expect(object.status).toBe(200);
    expect(object.headers.get('content-type')).toBe('application/json');
    expect(await object.json()).toEqual({ hello: 'world' });
    const text = await fetch(`${gateway.url}/v1/text`);
    expect(await text.text()).toBe('just text');
  });

  it('hides a handler’s error behind 500 Internal Server Error', async () => {
    const response = await fetch(`${gateway.url}/v1/boom`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers unknown paths 404 and wrong methods 405 in the API’s error shape', async () => {
    const missing = await fetch(`${gateway.url}/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String), fields: {} },
    });
    const wrong = await fetch(`${gateway.url}/v1/networks/demo/interest`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it('rejects bodies over 10 MB like API Gateway', async () => {
    const response = await fetch(`${gateway.url}/v1/networks/demo/interest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect(lastEvent).toBeUndefined();
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${gateway.url}/v1/networks/demo/interest`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
    const allowed = await preflight('https://example.org');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(allowed.headers.get('access-control-max-age')).toBe('600');
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${gateway.url}/v1/plain`, {
      headers: { Origin: 'https://elsewhere.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers coordinator routes 401 without an authorizer', async () => {
    const response = await fetch(`${gateway.url}/v1/admin/things`, {
      headers: { authorization: 'Bearer x' },
    });
    expect(response.status).toBe(401);
    expect(lastEvent).toBeUndefined();
  });

  it('logs the route key, status and time, never the token in the path', async () => {
    await fetch(`${gateway.url}/v1/confirm/very-secret-token`);
    await fetch(`${gateway.url}/v1/nothing/very-secret-token`);
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^GET \/v1\/confirm\/\{token\} 202 \d+ms$/);
    expect(logs[1]).toMatch(/^GET \(no route\) 404 \d+ms$/);
    expect(logs.join('\n')).not.toContain('very-secret-token');
  });
});
