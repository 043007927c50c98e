import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalIssuer,
  flattenClaims,
  generateSigningKey,
  type LocalIssuer,
  loadOrCreateSigningKey,
  localSub,
  readIssuerInfo,
  writeIssuerInfo,
} from '../../infra/local/issuer.ts';
import { coordinatorFromClaims } from '../../shared/http/auth.ts';

let issuer: LocalIssuer;
const dirs: string[] = [];
beforeAll(async () => {
  issuer = await createLocalIssuer({
    issuer: 'http://127.0.0.1:3999/local-issuer',
    key: await generateSigningKey(),
  });
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the local issuer', () => {
  it('signs Cognito-shaped ID tokens that its authorizer passes, with API Gateway’s flattened claims', async () => {
    const token = await issuer.sign({ email: 'Anna@Example.org', networks: ['demo', 'x-net'], admin: true });
    const result = await issuer.authorize(bearer(token));
    if (result === undefined || 'deny' in result) throw new Error(`denied: ${JSON.stringify(result)}`);
    expect(result.claims).toMatchObject({
      iss: 'http://127.0.0.1:3999/local-issuer',
      aud: 'samla-local',
      token_use: 'id',
      email: 'anna@example.org',
      email_verified: 'true',
      sub: localSub('anna@example.org'),
      'cognito:groups': '[network-demo network-x-net samla-admins]',
    });
    expect(result.claims.exp).toMatch(/^\d+$/);
    // And the handlers read them.
    expect(coordinatorFromClaims(result.claims)).toEqual({
      sub: localSub('anna@example.org'),
      email: 'anna@example.org',
      networks: ['demo', 'x-net'],
      admin: true,
    });
  });

  it('refuses what the HTTP API JWT authorizer refuses, saying why', async () => {
    const expect401 = async (headers: Record<string, string>, reason: RegExp) => {
      const result = await issuer.authorize(headers);
      expect(result && 'deny' in result ? result.deny : 'passed').toMatch(reason);
    };
    await expect401(bearer(await issuer.sign({ email: 'a@b.se', expiresIn: -1 })), /expired/);
    await expect401(
      bearer(await issuer.sign({ email: 'a@b.se', claims: { iss: 'https://cognito-idp.example' } })),
      /iss/,
    );
    await expect401(bearer(await issuer.sign({ email: 'a@b.se', claims: { aud: 'another-client' } })), /aud/);
    await expect401(
      bearer(await issuer.sign({ email: 'a@b.se', claims: { nbf: Date.now() / 1000 + 600 } })),
      /nbf/,
    );
    await expect401(
      bearer(await issuer.sign({ email: 'a@b.se', claims: { iat: Math.floor(Date.now() / 1000) + 600 } })),
      /iat/,
    );
    const otherKey = await generateSigningKey(issuer.key.kid);
    const forged = await createLocalIssuer({ issuer: issuer.issuer, key: otherKey });
    await expect401(bearer(await forged.sign({ email: 'a@b.se', networks: ['demo'] })), /signature/);
    const hs256 = await new SignJWT({ iss: issuer.issuer, aud: issuer.audience, exp: Date.now() / 1000 + 60 })
      .setProtectedHeader({ alg: 'HS256', kid: issuer.key.kid })
      .sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
    await expect401(bearer(hs256), /not valid|signature/);
    const none = new UnsecuredJWT({ iss: issuer.issuer, aud: issuer.audience })
      .setExpirationTime('1h')
      .encode();
    await expect401(bearer(none), /not valid|not a JWT/);
    await expect401({ authorization: 'Basic dXNlcjpwYXNz' }, /not a JWT/);
    expect(await issuer.authorize({})).toBeUndefined();
  });

  it('accepts the token with or without "Bearer", as API Gateway does', async () => {
    const token = await issuer.sign({ email: 'a@b.se', networks: ['demo'] });
    expect(await issuer.authorize({ authorization: token })).toHaveProperty('claims');
    expect(await issuer.authorize({ authorization: `bearer  ${token}` })).toHaveProperty('claims');
  });

  it('publishes its public key only, where OpenID discovery looks', async () => {
    // Mounted as the gateway mounts it: `url` below the issuer's path, `originalUrl` the whole.
    const server = createServer((request, response) => {
      const url = request.url ?? '/';
      Object.assign(request, { originalUrl: url, url: url.slice(issuer.path.length) || '/' });
      void issuer.handle(request, response);
    });
    await new Promise<void>((resolve) => server.listen(3999, '127.0.0.1', resolve));
    try {
      expect(issuer.path).toBe('/local-issuer');
      const discovery = await fetch('http://127.0.0.1:3999/local-issuer/.well-known/openid-configuration');
      const config = (await discovery.json()) as { issuer: string; jwks_uri: string };
      expect(config.issuer).toBe('http://127.0.0.1:3999/local-issuer');
      expect(config.jwks_uri).toBe('http://127.0.0.1:3999/local-issuer/.well-known/jwks.json');
      const jwks = (await (await fetch(config.jwks_uri)).json()) as { keys: Record<string, unknown>[] };
      expect(jwks).toEqual(issuer.jwks);
      expect(jwks.keys).toHaveLength(1);
      expect(Object.keys(jwks.keys[0] ?? {}).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('keeps npm start’s key in one private file, made once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samla-issuer-'));
    dirs.push(dir);
    const first = await loadOrCreateSigningKey(dir);
    const again = await loadOrCreateSigningKey(dir);
    expect(again).toEqual(first);
    expect(statSync(join(dir, 'signing-key.json')).mode & 0o777).toBe(0o600);
    writeIssuerInfo(
      dir,
      await createLocalIssuer({ issuer: 'http://127.0.0.1:3000/local-issuer', key: first }),
    );
    expect(readIssuerInfo(dir)).toEqual({
      issuer: 'http://127.0.0.1:3000/local-issuer',
      audience: 'samla-local',
    });
    expect(readFileSync(join(dir, 'issuer.json'), 'utf8')).not.toContain('"d"');
  });

  it('flattens claims as API Gateway does', () => {
    expect(flattenClaims({ a: ['x', 'y'], n: 5, b: true, s: 'text', o: { k: 1 }, u: undefined })).toEqual({
      a: '[x y]',
      n: '5',
      b: 'true',
      s: 'text',
      o: '{"k":1}',
    });
  });
});
