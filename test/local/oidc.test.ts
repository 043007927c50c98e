/**
 * The local OpenID provider, as the console's oidc-client-ts meets it, with plain `fetch` and cookies
 * carried by hand: discovery, the authorization code flow with PKCE through the sign-in page, the ID
 * token's claims (Cognito's shape), that token on the admin API, and what it refuses.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, type JWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createLocalIssuer,
  generateSigningKey,
  type LocalIssuer,
  localSub,
  registerCoordinator,
} from '../../infra/local/issuer.ts';
import { DEMO_NETWORK, type LocalStack, startLocalStack } from '../../infra/local/stack.ts';
import type { CfnTemplate } from '../../infra/local/template.ts';

const CONSOLE = 'http://127.0.0.1:5999';
const REDIRECT_URI = `${CONSOLE}/callback`;
const POST_LOGOUT_URI = `${CONSOLE}/`;

let stack: LocalStack;
const requests: string[] = [];
beforeAll(async () => {
  const { dynamoEndpoint, sesUrl, templatePath } = inject('samlaLocal');
  stack = await startLocalStack({
    template: JSON.parse(readFileSync(templatePath, 'utf8')) as CfnTemplate,
    tableName: `test-${randomUUID().slice(0, 8)}`,
    ports: { api: 0, sfn: 0 },
    dynamodb: { endpoint: dynamoEndpoint },
    ses: { url: sesUrl },
    seedDemo: true,
    consoleOrigins: [CONSOLE],
    log: (line) => requests.push(line),
  });
  stack.issuer.addCoordinator({ email: 'Anna@Example.org', networks: [DEMO_NETWORK.id] });
  stack.issuer.addCoordinator({ email: 'bo@example.org', networks: ['other-net'], admin: true });
});
afterAll(() => stack?.stop());

/** Cookies as a browser keeps them for one origin: by name and path, sent where the path matches. */
class CookieJar {
  readonly #cookies = new Map<string, { name: string; value: string; path: string }>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
      const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='))?.slice(8);
      const gone = value === '' || (expires !== undefined && Date.parse(expires) <= Date.now());
      if (gone) this.#cookies.delete(`${path} ${name}`);
      else this.#cookies.set(`${path} ${name}`, { name, value, path });
    }
  }

  header(url: string): string {
    const { pathname } = new URL(url);
    return [...this.#cookies.values()]
      .filter(({ path }) => pathname === path || pathname.startsWith(path.endsWith('/') ? path : `${path}/`))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
  }
}

/** A browser's step: the request with the jar's cookies, the answer's cookies into the jar, no following. */
async function visit(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const cookie = jar.header(url);
  const headers = new Headers(init.headers);
  if (cookie !== '') headers.set('cookie', cookie);
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.take(response);
  return response;
}

/** Follows redirects on the issuer's origin, and stops at the first one leaving it (the console's). */
async function follow(
  jar: CookieJar,
  start: Response,
  from: string,
): Promise<{ last: Response; leaving?: URL }> {
  let response = start;
  let base = from;
  for (let hops = 0; hops < 10; hops += 1) {
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return { last: response };
    const next = new URL(location, base);
    await response.body?.cancel();
    if (next.origin !== new URL(from).origin) return { last: response, leaving: next };
    base = next.href;
    response = await visit(jar, next.href);
  }
  throw new Error('too many redirects');
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint: string;
  revocation_endpoint: string;
  code_challenge_methods_supported: string[];
  [key: string]: unknown;
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer}/.well-known/openid-configuration`);
  expect(response.status).toBe(200);
  return (await response.json()) as Discovery;
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The form's action and fields, as the browser would post them. */
function formIn(page: string, id?: string): { action: string; fields: Record<string, string> } {
  const form =
    id === undefined
      ? /<form[^>]*>[\s\S]*?<\/form>/.exec(page)?.[0]
      : new RegExp(`<form[^>]*id="${id}"[^>]*>[\\s\\S]*?</form>`).exec(page)?.[0];
  if (form === undefined) throw new Error(`no form in ${page}`);
  const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[input[1] ?? ''] = input[2] ?? '';
  return { action: action.replaceAll('&amp;', '&'), fields };
}

interface Started {
  jar: CookieJar;
  verifier: string;
  state: string;
  nonce: string;
  /** The sign-in page. */
  page: Response;
}

/** The console's redirect to the authorization endpoint, and the provider's redirect to its sign-in page. */
async function startSignIn(config: Discovery, headers: Record<string, string> = {}): Promise<Started> {
  const jar = new CookieJar();
  const { verifier, challenge } = pkce();
  const state = randomUUID();
  const nonce = randomUUID();
  const authorize = new URL(config.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: 'samla-local',
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString();
  const redirected = await visit(jar, authorize.href, { headers });
  expect(redirected.status).toBe(303);
  const location = new URL(redirected.headers.get('location') ?? '', authorize);
  expect(location.pathname).toMatch(/^\/local-issuer\/interaction\/[\w-]+$/);
  const page = await visit(jar, location.href, { headers });
  return { jar, verifier, state, nonce, page };
}

async function postSignIn(started: Started, pageHtml: string, email: string, baseUrl: string) {
  const { action } = formIn(pageHtml);
  const url = new URL(action, baseUrl).href;
  return visit(started.jar, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
  });
}

/** Sign-in as `email` up to the code at the console's callback. */
async function signIn(config: Discovery, email: string) {
  const started = await startSignIn(config);
  const pageHtml = await started.page.text();
  const posted = await postSignIn(started, pageHtml, email, config.issuer);
  const { leaving } = await follow(started.jar, posted, config.issuer);
  if (leaving === undefined) throw new Error('the sign-in did not come back to the console');
  return { ...started, callback: leaving };
}

async function exchange(config: Discovery, code: string, verifier: string, origin = CONSOLE) {
  return fetch(config.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: 'samla-local',
      code_verifier: verifier,
    }).toString(),
  });
}

describe('the local OpenID provider', () => {
  it('is discovered at the issuer URL, every endpoint under /local-issuer, with CORS for the console', async () => {
    const response = await fetch(`${stack.issuer.issuer}/.well-known/openid-configuration`, {
      headers: { origin: CONSOLE },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const config = (await response.json()) as Discovery;
    expect(config.issuer).toBe(stack.issuer.issuer);
    expect(config.issuer).toBe(`${stack.apiUrl}/local-issuer`);
    const endpoints = Object.entries(config).filter(
      ([name]) => name.endsWith('_endpoint') || name === 'jwks_uri',
    );
    expect(endpoints.length).toBeGreaterThanOrEqual(5);
    for (const [, url] of endpoints)
      expect(String(url)).toMatch(new RegExp(`^${stack.apiUrl}/local-issuer/`));
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
    expect(config.jwks_uri).toBe(`${stack.apiUrl}/local-issuer/.well-known/jwks.json`);

    const jwks = (await (await fetch(config.jwks_uri, { headers: { origin: CONSOLE } })).json()) as {
      keys: JWK[];
    };
    // The key `npm run token` signs with, public half only.
    expect(jwks.keys).toEqual(stack.issuer.jwks.keys);
    expect(jwks.keys[0]?.kid).toBe(stack.issuer.key.kid);
  });

  it('signs a registered coordinator in with code + PKCE, and the ID token is Cognito’s and opens the admin API', async () => {
    const config = await discover(stack.issuer.issuer);
    const started = await startSignIn(config);
    expect(started.page.status).toBe(200);
    expect(started.page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(started.page.headers.get('content-security-policy')).toMatch(/form-action 'self'/);
    const pageHtml = await started.page.text();
    expect(pageHtml).toContain('<html lang="en">');
    expect(pageHtml).toContain('<title>samla — sign in (local)</title>');
    expect(pageHtml).toMatch(/<label for="email">/);
    // The coordinators known here, one button each.
    expect(pageHtml).toContain('<button type="submit" name="email" value="anna@example.org">');
    expect(pageHtml).toContain('<button type="submit" name="email" value="bo@example.org">');
    expect(pageHtml).not.toMatch(/<script/);

    const posted = await postSignIn(started, pageHtml, 'anna@example.org', config.issuer);
    expect(posted.status).toBe(303);
    const { leaving } = await follow(started.jar, posted, config.issuer);
    if (leaving === undefined) throw new Error('no redirect to the console');
    expect(`${leaving.origin}${leaving.pathname}`).toBe(REDIRECT_URI);
    expect(leaving.searchParams.get('state')).toBe(started.state);
    expect(leaving.searchParams.get('iss')).toBe(stack.issuer.issuer);
    const code = leaving.searchParams.get('code');
    if (code === null) throw new Error('no code');

    const answer = await exchange(config, code, started.verifier);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    const tokens = (await answer.json()) as { id_token: string; access_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');

    const { payload, protectedHeader } = await jwtVerify(
      tokens.id_token,
      createLocalJWKSet(stack.issuer.jwks),
      { issuer: stack.issuer.issuer, audience: 'samla-local' },
    );
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: stack.issuer.key.kid });
    expect(Object.keys(payload).sort()).toEqual(
      [
        'sub',
        'email',
        'email_verified',
        'cognito:groups',
        'cognito:username',
        'token_use',
        'auth_time',
        'iss',
        'aud',
        'iat',
        'exp',
        'nonce',
      ].sort(),
    );
    const sub = localSub('anna@example.org');
    expect(payload).toMatchObject({
      sub,
      email: 'anna@example.org',
      email_verified: true,
      'cognito:groups': ['network-demo'],
      'cognito:username': sub,
      token_use: 'id',
      iss: stack.issuer.issuer,
      aud: 'samla-local',
      nonce: started.nonce,
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3600);
    expect(typeof payload.auth_time).toBe('number');

    // The same claims as `npm run token` writes, but for the times and the jti.
    const direct = decodeJwt(await stack.issuer.sign({ email: 'anna@example.org', networks: ['demo'] }));
    const { auth_time: _a, iat: _i, exp: _e, nonce: _n, ...fromFlow } = payload;
    const { auth_time: _b, iat: _j, exp: _f, jti: _t, ...fromToken } = direct;
    expect(fromFlow).toEqual(fromToken);

    const admin = await fetch(`${stack.apiUrl}/v1/admin/networks/${DEMO_NETWORK.id}`, {
      headers: { authorization: `Bearer ${tokens.id_token}` },
    });
    expect(admin.status).toBe(200);
    expect(((await admin.json()) as { id: string }).id).toBe(DEMO_NETWORK.id);
  });

  it('gives an admin the samla-admins group', async () => {
    const config = await discover(stack.issuer.issuer);
    const { callback, verifier } = await signIn(config, 'bo@example.org');
    const answer = await exchange(config, callback.searchParams.get('code') ?? '', verifier);
    const { id_token: idToken } = (await answer.json()) as { id_token: string };
    expect(decodeJwt(idToken)['cognito:groups']).toEqual(['network-other-net', 'samla-admins']);
  });

  it('shows an unregistered address the page again, with the error at the field and no code', async () => {
    const config = await discover(stack.issuer.issuer);
    const started = await startSignIn(config, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
    const pageHtml = await started.page.text();
    expect(pageHtml).toContain('<html lang="sv">');
    expect(pageHtml).toContain('<title>samla — logga in (lokalt)</title>');
    const posted = await postSignIn(started, pageHtml, 'Stranger@Example.org', config.issuer);
    expect(posted.status).toBe(400);
    expect(posted.headers.get('location')).toBeNull();
    const again = await posted.text();
    expect(again).toMatch(
      /<input type="email" id="email" name="email"[^>]* value="Stranger@Example.org" aria-invalid="true" aria-describedby="email-error"/,
    );
    expect(again).toContain('id="email-error"');
    expect(again).toContain('npm run coordinator -- add --local --email stranger@example.org --network demo');
    // The interaction is still there: a known coordinator can sign in from the same page.
    const retried = await postSignIn(started, again, 'anna@example.org', config.issuer);
    const { leaving } = await follow(started.jar, retried, config.issuer);
    expect(leaving?.searchParams.get('code')).toBeTruthy();
  });

  it('answers invalid_grant to a wrong code_verifier', async () => {
    const config = await discover(stack.issuer.issuer);
    const { callback } = await signIn(config, 'anna@example.org');
    const answer = await exchange(config, callback.searchParams.get('code') ?? '', pkce().verifier);
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses the token endpoint to another origin', async () => {
    const config = await discover(stack.issuer.issuer);
    const { callback, verifier } = await signIn(config, 'anna@example.org');
    const answer = await exchange(
      config,
      callback.searchParams.get('code') ?? '',
      verifier,
      'http://evil.example',
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a redirect_uri not on the list, without redirecting there', async () => {
    const config = await discover(stack.issuer.issuer);
    const url = new URL(config.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: 'samla-local',
      response_type: 'code',
      scope: 'openid email',
      redirect_uri: 'http://127.0.0.1:5999/elsewhere',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      state: 's',
    }).toString();
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
    expect(await answer.text()).toContain('invalid_redirect_uri');
  });

  it('refuses an authorization request without PKCE', async () => {
    const config = await discover(stack.issuer.issuer);
    const url = new URL(config.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: 'samla-local',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT_URI,
      state: 's',
    }).toString();
    const answer = await fetch(url, { redirect: 'manual' });
    const location = new URL(answer.headers.get('location') ?? '', url);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('refreshes the ID token with a refresh token, and revokes tokens as oidc-client-ts may on sign-out', async () => {
    const config = await discover(stack.issuer.issuer);
    const { callback, verifier } = await signIn(config, 'anna@example.org');
    const answer = await exchange(config, callback.searchParams.get('code') ?? '', verifier);
    const first = (await answer.json()) as { id_token: string; refresh_token?: string; access_token: string };
    if (first.refresh_token === undefined) throw new Error('no refresh token');
    const refreshed = await fetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: CONSOLE },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: first.refresh_token,
        client_id: 'samla-local',
      }).toString(),
    });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as { id_token: string };
    const { iat: _a, exp: _b, ...before } = decodeJwt(first.id_token);
    const { iat: _c, exp: _d, ...after } = decodeJwt(second.id_token);
    expect(after).toEqual(before);

    const revoked = await fetch(config.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: CONSOLE },
      body: new URLSearchParams({ token: first.access_token, client_id: 'samla-local' }).toString(),
    });
    expect(revoked.status).toBe(200);
    expect(revoked.headers.get('access-control-allow-origin')).toBe(CONSOLE);
  });

  it('signs out (end_session) and goes back to the post-logout URI', async () => {
    const config = await discover(stack.issuer.issuer);
    const { jar, callback, verifier } = await signIn(config, 'anna@example.org');
    const answer = await exchange(config, callback.searchParams.get('code') ?? '', verifier);
    const { id_token: idToken } = (await answer.json()) as { id_token: string };
    const authorizeAgain = `${config.authorization_endpoint}?${new URLSearchParams({
      client_id: 'samla-local',
      response_type: 'code',
      scope: 'openid email profile',
      redirect_uri: REDIRECT_URI,
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
    })}`;
    // Signed in: the next sign-in of this browser gets its code without the page.
    const signedIn = await follow(jar, await visit(jar, authorizeAgain), config.issuer);
    expect(signedIn.leaving?.searchParams.get('code')).toBeTruthy();

    const end = new URL(config.end_session_endpoint);
    end.search = new URLSearchParams({
      id_token_hint: idToken,
      post_logout_redirect_uri: POST_LOGOUT_URI,
      state: 'after',
    }).toString();
    const page = await visit(jar, end.href);
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(pageHtml).not.toMatch(/<script>/);
    const { action, fields } = formIn(pageHtml, 'sign-out');
    expect(fields.logout).toBe('yes');
    const confirmed = await visit(jar, new URL(action, end).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    expect(confirmed.status).toBe(303);
    const back = new URL(confirmed.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(POST_LOGOUT_URI);
    expect(back.searchParams.get('state')).toBe('after');

    // Signed out: the next sign-in asks again.
    const again = await visit(jar, authorizeAgain);
    expect(new URL(again.headers.get('location') ?? '', config.issuer).pathname).toMatch(/\/interaction\//);
  });

  it('refuses a post_logout_redirect_uri not on the list', async () => {
    const config = await discover(stack.issuer.issuer);
    const end = new URL(config.end_session_endpoint);
    end.search = new URLSearchParams({
      client_id: 'samla-local',
      post_logout_redirect_uri: 'http://evil.example/',
    }).toString();
    const answer = await fetch(end, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('logs the issuer’s requests without their ids', () => {
    expect(
      requests.some((line) => /^GET \/local-issuer\/\.well-known\/openid-configuration 200 /.test(line)),
    ).toBe(true);
    expect(requests.some((line) => /^GET \/local-issuer\/interaction\/\{uid\} 200 /.test(line))).toBe(true);
  });
});

describe('the registry of npm start', () => {
  let dir: string;
  let server: Server;
  let issuer: LocalIssuer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samla-oidc-'));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    issuer = await createLocalIssuer({
      issuer: `http://127.0.0.1:${port}/local-issuer`,
      key: await generateSigningKey(),
      consoleOrigins: [CONSOLE],
      coordinatorsDir: dir,
    });
    server.on('request', (request, response) => {
      const url = request.url ?? '/';
      Object.assign(request, { originalUrl: url, url: url.slice(issuer.path.length) || '/' });
      void issuer.handle(request, response);
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('is read at each sign-in: `npm run coordinator -- add --local` needs no restart', async () => {
    const config = await discover(issuer.issuer);
    const first = await startSignIn(config);
    const firstPage = await first.page.text();
    expect(firstPage).toContain('npm run coordinator -- add --local --email you@example.org --network demo');
    const refused = await postSignIn(first, firstPage, 'cleo@example.org', issuer.issuer);
    expect(refused.status).toBe(400);

    registerCoordinator(dir, { email: 'cleo@example.org', networks: ['demo'], admin: false });
    const { callback, verifier } = await signIn(config, 'cleo@example.org');
    const answer = await exchange(config, callback.searchParams.get('code') ?? '', verifier);
    const { id_token: idToken } = (await answer.json()) as { id_token: string };
    expect(await issuer.authorize({ authorization: `Bearer ${idToken}` })).toMatchObject({
      claims: { email: 'cleo@example.org', 'cognito:groups': '[network-demo]', token_use: 'id' },
    });
  });
});
