/**
 * The local stand-in for the coordinators' Cognito user pool. Two halves, one key:
 *
 * - An OpenID provider (panva's oidc-provider, infra/local/oidc.ts) at `<api>/local-issuer`, which the
 *   local gateway mounts: the console signs in through it with the authorization code flow and PKCE, as
 *   it signs in through Cognito's managed login in AWS, and gets ID tokens with the claims Cognito writes.
 * - `signToken`, which writes the same tokens directly, for `npm run token`, scripts and tests.
 *
 * Both sign with one RSA key, and `authorize` verifies either the way the HTTP API's JWT authorizer does
 * (signature by `kid` against the issuer's keys, RS256, `iss`, `aud`, `exp`, `nbf`, `iat`), then hands
 * the claims to the handler in API Gateway's flattened form. The handlers cannot tell the two apart.
 *
 * `npm start` keeps its key in .local/issuer/ (made once), so `npm run token` can sign for it; tests
 * use a fresh key per run. The coordinators there (coordinators.json, written by
 * `npm run coordinator -- add --local`) stand in for the pool's users and their groups: the provider's
 * sign-in page lets exactly them in, reading the file at each sign-in. Tests, which have no such folder,
 * add coordinators in memory (`addCoordinator`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import * as z from 'zod';
import { ADMIN_GROUP, networkGroup } from '../../shared/http/auth.ts';
import type { CoordinatorAuthorizer } from './gateway.ts';
import type { LocalOpenIdProvider, MountedRequest } from './oidc.ts';

/** Cognito signs with RS256, and the HTTP API's JWT authorizer accepts RSA keys. */
export const LOCAL_ALGORITHM = 'RS256';
/** Stands in for the app client id, which is what Cognito puts in an ID token's `aud`. */
export const LOCAL_AUDIENCE = 'samla-local';
/** Path of the issuer on the local API (its keys are at `<issuer>/.well-known/jwks.json`). */
export const ISSUER_PATH = '/local-issuer';

export const localIssuerUrl = (apiUrl: string) => `${apiUrl.replace(/\/+$/, '')}${ISSUER_PATH}`;

export interface SigningKey {
  readonly kid: string;
  /** The private key as a JWK (RSA), kept in .local/issuer/signing-key.json for npm start. */
  readonly privateJwk: JWK;
}

export async function generateSigningKey(kid = `local-${randomUUID().slice(0, 8)}`): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(LOCAL_ALGORITHM, { extractable: true, modulusLength: 2048 });
  return { kid, privateJwk: { ...(await exportJWK(privateKey)), kid, alg: LOCAL_ALGORITHM, use: 'sig' } };
}

const KEY_FILE = 'signing-key.json';
const ISSUER_FILE = 'issuer.json';

/** The key npm start made earlier, or undefined. */
export function readSigningKey(dir: string): SigningKey | undefined {
  const file = join(dir, KEY_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SigningKey>;
  if (typeof parsed.kid !== 'string' || typeof parsed.privateJwk !== 'object' || parsed.privateJwk === null)
    throw new Error(`${file} is not a signing key: delete it and start again`);
  return { kid: parsed.kid, privateJwk: parsed.privateJwk };
}

function writePrivate(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Reads the key in `dir`, or makes one and keeps it there (readable by this user only). */
export async function loadOrCreateSigningKey(dir: string): Promise<SigningKey> {
  const existing = readSigningKey(dir);
  if (existing !== undefined) return existing;
  mkdirSync(dir, { recursive: true });
  const key = await generateSigningKey();
  writePrivate(join(dir, KEY_FILE), `${JSON.stringify(key, null, 2)}\n`);
  return key;
}

export interface IssuerInfo {
  readonly issuer: string;
  readonly audience: string;
}

/** Where npm start's issuer is (its URL names the API port), for `npm run token`. */
export function writeIssuerInfo(dir: string, info: IssuerInfo): void {
  mkdirSync(dir, { recursive: true });
  const { issuer, audience } = info;
  writeFileSync(join(dir, ISSUER_FILE), `${JSON.stringify({ issuer, audience }, null, 2)}\n`);
}

export function readIssuerInfo(dir: string): IssuerInfo | undefined {
  const file = join(dir, ISSUER_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<IssuerInfo>;
  if (typeof parsed.issuer !== 'string' || typeof parsed.audience !== 'string') return undefined;
  return { issuer: parsed.issuer, audience: parsed.audience };
}

export interface TokenRequest {
  readonly email: string;
  /** Network ids: the token is in the group `network-<id>` of each. */
  readonly networks?: readonly string[];
  /** Also in `samla-admins`. */
  readonly admin?: boolean;
  /** Seconds until `exp` (default 3600, Cognito's default ID token lifetime); negative: already expired. */
  readonly expiresIn?: number;
  /** Claims added or replaced (e.g. `{ token_use: 'access' }`, another `iss`), for tests. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** `npm run token` before `npm start` has ever run: nothing to sign with yet. */
export class NoLocalIssuerError extends Error {
  constructor() {
    super('No local token issuer yet: run `npm start` once (it creates .local/issuer/), then ask again.');
    this.name = 'NoLocalIssuerError';
  }
}

/** A token from npm start's issuer in `dir` (.local/issuer/), as `npm run token` prints it. */
export async function signWithLocalIssuer(dir: string, request: TokenRequest): Promise<string> {
  const key = readSigningKey(dir);
  const info = readIssuerInfo(dir);
  if (key === undefined || info === undefined) throw new NoLocalIssuerError();
  return signToken(key, info, request);
}

const COORDINATORS_FILE = 'coordinators.json';

const localCoordinatorSchema = z.strictObject({
  networks: z.array(z.string()),
  admin: z.boolean(),
});
const coordinatorRegistrySchema = z.record(z.string(), localCoordinatorSchema);

/** What a coordinator's Cognito user would have: groups `network-<id>` for `networks`, `samla-admins`. */
export type LocalCoordinator = z.infer<typeof localCoordinatorSchema>;
/** Normalised address → coordinator. */
export type CoordinatorRegistry = Readonly<Record<string, LocalCoordinator>>;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function readCoordinators(dir: string): CoordinatorRegistry {
  const file = join(dir, COORDINATORS_FILE);
  if (!existsSync(file)) return {};
  const parsed = coordinatorRegistrySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a list of coordinators (${parsed.error.issues[0]?.message}): fix or delete it`,
    );
  return parsed.data;
}

/**
 * Adds a coordinator, or more groups to one: like AdminCreateUser and AdminAddUserToGroup, it never
 * takes a group away. Returns what the registry now holds for the address.
 */
export function registerCoordinator(
  dir: string,
  request: { email: string; networks: readonly string[]; admin: boolean },
): LocalCoordinator {
  const email = normaliseEmail(request.email);
  const registry = { ...readCoordinators(dir) };
  const existing = registry[email];
  const entry: LocalCoordinator = {
    networks: [...new Set([...(existing?.networks ?? []), ...request.networks])].sort(),
    admin: (existing?.admin ?? false) || request.admin,
  };
  registry[email] = entry;
  mkdirSync(dir, { recursive: true });
  const sorted = Object.fromEntries(Object.entries(registry).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(dir, COORDINATORS_FILE), `${JSON.stringify(sorted, null, 2)}\n`);
  return entry;
}

/** The groups a token request asks for that the registry does not give the address. */
export function ungrantedGroups(registry: CoordinatorRegistry, request: TokenRequest): string[] {
  const entry = registry[normaliseEmail(request.email)];
  const granted = new Set([
    ...(entry?.networks ?? []).map(networkGroup),
    ...(entry?.admin ? [ADMIN_GROUP] : []),
  ]);
  const asked = [...(request.networks ?? []).map(networkGroup), ...(request.admin ? [ADMIN_GROUP] : [])];
  return asked.filter((group) => !granted.has(group));
}

/** A stable `sub` per address, shaped like Cognito's (a UUID), so the same person keeps one id. */
export function localSub(email: string): string {
  const hex = createHash('sha256').update(`samla-local-sub\0${email.trim().toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The claims about the person in a Cognito ID token (those about the token itself, `iss`, `aud`, `iat`,
 * `exp`, `auth_time`, are added by whoever signs it): the same from `signToken` and the provider.
 */
export function identityClaims(request: {
  readonly email: string;
  readonly networks?: readonly string[];
  readonly admin?: boolean;
}): Record<string, unknown> {
  const email = normaliseEmail(request.email);
  const sub = localSub(email);
  const groups = [...(request.networks ?? []).map(networkGroup), ...(request.admin ? [ADMIN_GROUP] : [])];
  return {
    sub,
    email,
    email_verified: true,
    ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
    'cognito:username': sub,
    token_use: 'id',
  };
}

/** An ID token with the claims Cognito writes, signed with `key`. */
export async function signToken(key: SigningKey, info: IssuerInfo, request: TokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (request.expiresIn ?? 3600);
  const iat = Math.min(now, exp - 3600);
  const payload: JWTPayload = {
    ...identityClaims(request),
    auth_time: iat,
    iss: info.issuer,
    aud: info.audience,
    iat,
    exp,
    jti: randomUUID(),
    ...request.claims,
  };
  const privateKey = await importJWK(key.privateJwk, LOCAL_ALGORITHM);
  return new SignJWT(payload).setProtectedHeader({ alg: LOCAL_ALGORITHM, kid: key.kid }).sign(privateKey);
}

/**
 * Claims as the HTTP API hands them to a Lambda: every value a string, an array as `[a b]` (which is
 * why shared/http/auth.ts parses both forms).
 */
export function flattenClaims(payload: Readonly<Record<string, unknown>>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) flat[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') flat[name] = JSON.stringify(value);
    else flat[name] = String(value);
  }
  return flat;
}

export interface LocalIssuer extends IssuerInfo {
  readonly key: SigningKey;
  /** The public key set, as at `<issuer>/.well-known/jwks.json`. */
  readonly jwks: { keys: JWK[] };
  /** The OpenID client the console is: its `client_id`, which is also the ID tokens' `aud`. */
  readonly clientId: string;
  /** Where the gateway mounts `handle`: the issuer URL's path, `/local-issuer`. */
  readonly path: string;
  /** The console's redirect URIs (each origin + `/callback`) and post-logout ones (each origin + `/`). */
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  /**
   * Answers a request under `path` — discovery, keys, authorize, token, sign-in, logout — given as a
   * mounted app gets it: `url` without `path`, `originalUrl` with it.
   */
  handle(request: MountedRequest, response: ServerResponse): Promise<void>;
  /** How the gateway logs a path below `path`: without the ids in it. */
  label(path: string): string;
  /**
   * Lets this address sign in, with these groups (added to any the registry file gives it). In memory,
   * for this issuer only: tests use it; `npm run coordinator -- add --local` writes the file instead.
   */
  addCoordinator(request: { email: string; networks: readonly string[]; admin?: boolean }): LocalCoordinator;
  /** Who may sign in now: the registry file (if any) and those added in memory. */
  coordinators(): CoordinatorRegistry;
  sign(request: TokenRequest): Promise<string>;
  /** The `authorizeCoordinator` hook of the local gateway. */
  readonly authorize: CoordinatorAuthorizer;
}

function publicJwk(privateJwk: JWK): JWK {
  const { kty, n, e, kid, alg, use } = privateJwk;
  return { kty, n, e, kid, alg, use } as JWK;
}

function denial(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY')
    return 'the token signature is invalid';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') {
    const claim = (error as { claim?: string }).claim ?? 'a claim';
    return `the token has an invalid ${claim} claim`;
  }
  return 'the token is not valid';
}

/** Merges two registries the way `registerCoordinator` adds to one: groups are only ever added. */
function mergeCoordinators(a: CoordinatorRegistry, b: CoordinatorRegistry): CoordinatorRegistry {
  const merged: Record<string, LocalCoordinator> = { ...a };
  for (const [email, entry] of Object.entries(b)) {
    const existing = merged[email];
    merged[email] = {
      networks: [...new Set([...(existing?.networks ?? []), ...entry.networks])].sort(),
      admin: (existing?.admin ?? false) || entry.admin,
    };
  }
  return merged;
}

/**
 * oidc-provider 9 says on import that it wants Node 22; this project runs (and tests) it on Node 20,
 * locally only, so that one line is dropped rather than printed at every start and test.
 */
async function loadOpenIdProvider(): Promise<typeof import('./oidc.ts')> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('oidc-provider WARNING: Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await import('./oidc.ts');
  } finally {
    console.warn = warn;
  }
}

export interface LocalIssuerOptions {
  /** The issuer URL, `<api>/local-issuer` (`localIssuerUrl`). */
  issuer: string;
  /** The console's client id and so the tokens' `aud`; default `samla-local`. */
  audience?: string;
  key: SigningKey;
  /** Origins the console is served from (e.g. http://127.0.0.1:5173); none: no redirect URI yet. */
  consoleOrigins?: readonly string[];
  /** The folder of coordinators.json (npm start: .local/issuer), read at every sign-in. */
  coordinatorsDir?: string;
}

export async function createLocalIssuer(options: LocalIssuerOptions): Promise<LocalIssuer> {
  const info: IssuerInfo = { issuer: options.issuer, audience: options.audience ?? LOCAL_AUDIENCE };
  const jwks = { keys: [publicJwk(options.key.privateJwk)] };
  const keySet = createLocalJWKSet(jwks);
  const path = new URL(info.issuer).pathname.replace(/\/+$/, '');
  const origins = [...new Set((options.consoleOrigins ?? []).map((origin) => new URL(origin).origin))];

  let added: CoordinatorRegistry = {};
  const coordinators = (): CoordinatorRegistry =>
    mergeCoordinators(
      options.coordinatorsDir === undefined ? {} : readCoordinators(options.coordinatorsDir),
      added,
    );

  const authorize: CoordinatorAuthorizer = async (headers) => {
    // The identity source is the Authorization header; a `Bearer ` prefix is optional, as in AWS.
    const header = headers.authorization?.trim() ?? '';
    const token = /^(?:bearer\s+)?([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(header)?.[1];
    if (token === undefined) return header === '' ? undefined : { deny: 'the token is not a JWT' };
    try {
      const { payload } = await jwtVerify(token, keySet, {
        issuer: info.issuer,
        audience: info.audience,
        algorithms: [LOCAL_ALGORITHM],
        requiredClaims: ['exp'],
      });
      // jose checks iat only against a maximum age; API Gateway also refuses one in the future.
      if (typeof payload.iat === 'number' && payload.iat > Math.floor(Date.now() / 1000) + 5)
        return { deny: 'the token has an invalid iat claim' };
      return { claims: flattenClaims(payload), scopes: [] };
    } catch (error) {
      return { deny: denial(error) };
    }
  };

  const { createOpenIdProvider, logLabel, CONSOLE_REDIRECT_PATH, CONSOLE_POST_LOGOUT_PATH } =
    await loadOpenIdProvider();
  const provider: LocalOpenIdProvider = createOpenIdProvider({
    issuer: info.issuer,
    clientId: info.audience,
    privateJwk: options.key.privateJwk,
    consoleOrigins: origins,
    coordinators,
    subOf: localSub,
    identityClaims: (email, coordinator) => identityClaims({ email, ...coordinator }),
  });

  return {
    ...info,
    key: options.key,
    jwks,
    clientId: info.audience,
    path,
    redirectUris: origins.map((origin) => `${origin}${CONSOLE_REDIRECT_PATH}`),
    postLogoutRedirectUris: origins.map((origin) => `${origin}${CONSOLE_POST_LOGOUT_PATH}`),
    handle: (request, response) => provider.handle(request, response),
    label: logLabel,
    addCoordinator: ({ email, networks, admin = false }) => {
      const address = normaliseEmail(email);
      added = mergeCoordinators(added, { [address]: { networks: [...networks].sort(), admin } });
      return coordinators()[address] ?? { networks: [...networks], admin };
    },
    coordinators,
    sign: (request) => signToken(options.key, info, request),
    authorize,
  };
}
