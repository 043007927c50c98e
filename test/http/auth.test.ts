import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  coordinatorFromClaims,
  coordinatorHandler,
  parseGroups,
  requireAdmin,
  requireNetwork,
} from '../../shared/http/auth.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';

const base = { sub: 'abc-123', email: 'Karin@Ale.SE', token_use: 'id' };

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe('cognito:groups', () => {
  it('reads the flattened string API Gateway passes, and a real array', () => {
    expect(parseGroups('[network-demo network-x samla-admins]')).toEqual([
      'network-demo',
      'network-x',
      'samla-admins',
    ]);
    expect(parseGroups('[network-demo]')).toEqual(['network-demo']);
    expect(parseGroups('[]')).toEqual([]);
    expect(parseGroups(['network-demo', 'samla-admins'])).toEqual(['network-demo', 'samla-admins']);
    expect(parseGroups('["network-demo","network-x"]')).toEqual(['network-demo', 'network-x']);
    expect(parseGroups('network-demo')).toEqual(['network-demo']);
    expect(parseGroups(undefined)).toEqual([]);
    expect(parseGroups(42)).toEqual([]);
  });
});

describe('the coordinator behind the claims', () => {
  it('has the networks of its network-<id> groups, and admin from samla-admins', () => {
    expect(
      coordinatorFromClaims({
        ...base,
        'cognito:groups': '[network-demo network-rektorer-vast samla-admins]',
      }),
    ).toEqual({
      sub: 'abc-123',
      email: 'karin@ale.se',
      networks: ['demo', 'rektorer-vast'],
      admin: true,
    });
    expect(
      coordinatorFromClaims({
        ...base,
        'cognito:groups': ['network-demo', 'network-demo', 'readers', 'network-'],
      }),
    ).toEqual({ sub: 'abc-123', email: 'karin@ale.se', networks: ['demo'], admin: false });
    expect(coordinatorFromClaims(base).networks).toEqual([]);
  });

  it('is refused (401) without the claims an ID token has', () => {
    expect(statusOf(() => coordinatorFromClaims(undefined))).toBe(401);
    expect(statusOf(() => coordinatorFromClaims({ ...base, token_use: 'access' }))).toBe(401);
    expect(statusOf(() => coordinatorFromClaims({ ...base, email: undefined }))).toBe(401);
    expect(statusOf(() => coordinatorFromClaims({ ...base, sub: '' }))).toBe(401);
  });

  it('reaches its own networks only, unless an admin (403 otherwise)', () => {
    const coordinator = coordinatorFromClaims({ ...base, 'cognito:groups': '[network-demo]' });
    expect(statusOf(() => requireNetwork(coordinator, 'demo'))).toBeUndefined();
    expect(statusOf(() => requireNetwork(coordinator, 'other'))).toBe(403);
    expect(statusOf(() => requireNetwork(coordinator, ''))).toBe(403);
    expect(statusOf(() => requireAdmin(coordinator))).toBe(403);
    const admin = coordinatorFromClaims({ ...base, 'cognito:groups': '[samla-admins]' });
    expect(statusOf(() => requireNetwork(admin, 'other'))).toBeUndefined();
    expect(statusOf(() => requireAdmin(admin))).toBeUndefined();
  });
});

describe('coordinatorHandler', () => {
  const context = { functionName: 'test', awsRequestId: 'r' } as unknown as Context;
  function event(
    claims: unknown,
    init: { networkId?: string; body?: string; lang?: string; accept?: string } = {},
  ) {
    return {
      version: '2.0',
      routeKey: 'POST /v1/admin/networks/{networkId}',
      rawPath: '/',
      rawQueryString: '',
      headers: {
        'content-type': 'application/json',
        ...(init.lang ? { 'accept-language': init.lang } : {}),
        ...(init.accept ? { accept: init.accept } : {}),
      },
      pathParameters: { networkId: init.networkId ?? 'demo' },
      body: init.body ?? '{}',
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'POST', path: '/' },
        ...(claims === undefined ? {} : { authorizer: { jwt: { claims, scopes: null } } }),
      },
    } as unknown as APIGatewayProxyEventV2;
  }
  const echo = coordinatorHandler(async (_request, coordinator) => json(200, coordinator), {
    body: 'json-or-form',
    access: 'network',
    routes: [],
  });
  const adminOnly = coordinatorHandler(async () => json(200, {}), {
    body: 'none',
    access: 'admin',
    routes: [],
  });
  const flat = { ...base, 'cognito:groups': '[network-demo]' };

  it('hands the coordinator to the handler', async () => {
    const result = await echo(event(flat), context);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toMatchObject({ email: 'karin@ale.se', networks: ['demo'] });
  });

  it('answers 403 for another network before reading the body, in the Accept-Language', async () => {
    const result = await echo(event(flat, { networkId: 'other', body: '{not json', lang: 'nb' }), context);
    expect(result.statusCode).toBe(403);
    const body = JSON.parse(result.body ?? '') as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/tilgang/);
  });

  it('answers JSON errors even to a browser: the admin API has no pages', async () => {
    const result = await echo(
      event(flat, { networkId: 'other', lang: 'sv', accept: 'text/html,application/xhtml+xml' }),
      context,
    );
    expect(result.statusCode).toBe(403);
    expect(result.headers?.['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(result.body ?? '') as { error: { code: string; message: string } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.message).toMatch(/behörighet/);
  });

  it('answers 401 when no authorizer claims reached the function', async () => {
    expect((await echo(event(undefined), context)).statusCode).toBe(401);
  });

  it('keeps admin-only handlers to admins', async () => {
    expect((await adminOnly(event(flat), context)).statusCode).toBe(403);
    const admin = { ...base, 'cognito:groups': '[samla-admins]' };
    expect((await adminOnly(event(admin), context)).statusCode).toBe(200);
  });
});
