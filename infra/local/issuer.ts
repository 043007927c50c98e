/**
 * The local stand-in for the coordinators' Cognito user pool: it signs ID tokens with the claims Cognito
 * puts in them, and verifies them the way the HTTP API's JWT authorizer does (signature by `kid` against
 * the issuer's keys, RS256, `iss`, `aud`, `exp`, `nbf`, `iat`), then hands the claims to the handler in
 * API Gateway's flattened form. The handlers cannot tell the two apart.
 *
 * `npm start` keeps its key in .local/issuer/ (made once), so `npm run token` can sign for it; tests
 * use a fresh key per run. The coordinators there (coordinators.json, written by
 * `npm run coordinator -- add --local`) stand in for the pool's users and their groups.
 */
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** An ID token with the claims Cognito writes, signed with `key`. */
export async function signToken(key: SigningKey, info: IssuerInfo, request: TokenRequest): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (request.expiresIn ?? 3600);
  const iat = Math.min(now, exp - 3600);
  const email = request.email.trim().toLowerCase();
  const sub = localSub(email);
  const groups = [...(request.networks ?? []).map(networkGroup), ...(request.admin ? [ADMIN_GROUP] : [])];
  const payload: JWTPayload = {
    sub,
    email,
    email_verified: true,
    ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
    'cognito:username': sub,
    token_use: 'id',
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
  /** Path → JSON document for the gateway: the OpenID discovery document and the key set. */
  readonly documents: Readonly<Record<string, unknown>>;
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

export async function createLocalIssuer(options: {
  issuer: string;
  audience?: string;
  key: SigningKey;
}): Promise<LocalIssuer> {
  const info: IssuerInfo = { issuer: options.issuer, audience: options.audience ?? LOCAL_AUDIENCE };
  const jwks = { keys: [publicJwk(options.key.privateJwk)] };
  const keySet = createLocalJWKSet(jwks);
  const issuerPath = new URL(info.issuer).pathname.replace(/\/+$/, '');

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

  return {
    ...info,
    key: options.key,
    jwks,
    documents: {
      [`${issuerPath}/.well-known/openid-configuration`]: {
        issuer: info.issuer,
        jwks_uri: `${info.issuer}/.well-known/jwks.json`,
        id_token_signing_alg_values_supported: [LOCAL_ALGORITHM],
        subject_types_supported: ['public'],
        response_types_supported: ['id_token'],
      },
      [`${issuerPath}/.well-known/jwks.json`]: jwks,
    },
    sign: (request) => signToken(options.key, info, request),
    authorize,
  };
}
