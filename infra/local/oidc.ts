/**
 * The local OpenID provider: panva's oidc-provider, configured as the stand-in for the coordinators'
 * Cognito user pool and its managed login. The console signs in here through the same flow as in AWS
 * (authorization code with PKCE, a public client, RP-initiated logout), and gets ID tokens with the
 * claims Cognito writes — signed with the same key as `npm run token`'s, so the local gateway's
 * authorizer (infra/local/issuer.ts) accepts both alike.
 *
 * It runs inside the local API gateway, mounted at the issuer's path (`/local-issuer`). Its state
 * (sessions, codes, grants) lives in this process's memory: a restart signs everyone out, as nothing
 * else here needs it kept. Its sign-in page lists the coordinators known locally and signs in any of
 * them without a password (infra/local/oidc-pages.ts); nobody else gets in.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Provider, {
  type Adapter,
  type AdapterPayload,
  type ClientMetadata,
  errors,
  type Interaction,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import {
  type KnownCoordinator,
  pageContentSecurityPolicy,
  pageLanguage,
  renderProblem,
  renderSignedOut,
  renderSignIn,
  renderSignOut,
  SIGN_OUT_SCRIPT_PATH,
  type SignInProblem,
  signOutScript,
} from './oidc-pages.ts';

/** Where the console gets its code back, and where it is sent after signing out, on each of its origins. */
export const CONSOLE_REDIRECT_PATH = '/callback';
export const CONSOLE_POST_LOGOUT_PATH = '/';
/** The scopes the console asks for; Cognito's app client allows the same. */
export const CONSOLE_SCOPES = 'openid email profile';

/** A request as a mounted app gets it (Express's `app.use(path, …)`): `url` below the mount path. */
export type MountedRequest = IncomingMessage & { originalUrl?: string };

/**
 * A coordinator as the provider needs one, without its address (the registry's key): what issuer.ts keeps
 * for each, described here so this module does not import issuer.ts, which loads this one.
 */
type CoordinatorAccess = Omit<KnownCoordinator, 'email'>;

export interface OpenIdProviderOptions {
  /** The issuer URL; its path is where the provider is mounted (e.g. http://127.0.0.1:3000/local-issuer). */
  readonly issuer: string;
  readonly clientId: string;
  /** The signing key as a private JWK (RS256, with its kid): the one `npm run token` signs with. */
  readonly privateJwk: object;
  /** Origins of the console, e.g. http://127.0.0.1:5173: its redirect URIs, CORS and form targets. */
  readonly consoleOrigins: readonly string[];
  /** The coordinators who may sign in, by normalised address; read at every sign-in and token. */
  readonly coordinators: () => Readonly<Record<string, CoordinatorAccess>>;
  /** The stable `sub` of an address (issuer.ts `localSub`), also the provider's account id. */
  readonly subOf: (email: string) => string;
  /** The claims Cognito puts in an ID token for this coordinator, but those of the token itself. */
  readonly identityClaims: (email: string, coordinator: CoordinatorAccess) => Record<string, unknown>;
}

export interface LocalOpenIdProvider {
  /** Answers a request under the mount path: sign-in pages here, everything else by oidc-provider. */
  handle(request: MountedRequest, response: ServerResponse): Promise<void>;
}

/** A path below the mount for the log: the interaction's id, which its cookie pairs with, left out. */
export function logLabel(path: string): string {
  return path.replace(/^\/(interaction|auth)\/[^/]+/, '/$1/{uid}');
}

/**
 * oidc-provider's storage, in memory, per provider: what its own development adapter does, without
 * its warning (that state is lost on restart is what we want here).
 */
function memoryAdapter(): (model: string) => Adapter {
  const entries = new Map<string, { payload: AdapterPayload; expiresAt: number }>();
  const grants = new Map<string, Set<string>>();
  const sessionIds = new Map<string, string>();
  const userCodes = new Map<string, string>();
  const live = (key: string): AdapterPayload | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.payload;
    entries.delete(key);
    return undefined;
  };
  const sweep = () => {
    const now = Date.now();
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  };
  return (model) => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        if (entries.size > 5000) sweep();
        const key = keyOf(id);
        const expiresAt = expiresIn === undefined ? Number.POSITIVE_INFINITY : Date.now() + expiresIn * 1000;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && typeof payload.uid === 'string') sessionIds.set(payload.uid, id);
        if (typeof payload.userCode === 'string') userCodes.set(payload.userCode, id);
        if (typeof payload.grantId === 'string') {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grants.set(payload.grantId, members);
        }
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        const id = sessionIds.get(uid);
        return id === undefined ? undefined : live(keyOf(id));
      },
      async findByUserCode(userCode) {
        const id = userCodes.get(userCode);
        return id === undefined ? undefined : live(keyOf(id));
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload !== undefined) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        entries.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) entries.delete(key);
        grants.delete(grantId);
      },
    };
  };
}

const MAX_FORM_BYTES = 16 * 1024;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error('the form is too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createOpenIdProvider(options: OpenIdProviderOptions): LocalOpenIdProvider {
  const mountPath = new URL(options.issuer).pathname.replace(/\/+$/, '');
  const origins = [...new Set(options.consoleOrigins.map((origin) => new URL(origin).origin))];
  const client: ClientMetadata = {
    client_id: options.clientId,
    client_name: 'samla console',
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: origins.map((origin) => `${origin}${CONSOLE_REDIRECT_PATH}`),
    post_logout_redirect_uris: origins.map((origin) => `${origin}${CONSOLE_POST_LOGOUT_PATH}`),
    id_token_signed_response_alg: 'RS256',
    // Cognito's ID tokens always carry auth_time.
    require_auth_time: true,
  };

  const known = (): KnownCoordinator[] =>
    Object.entries(options.coordinators())
      .map(([email, coordinator]) => ({ email, ...coordinator }))
      .sort((a, b) => a.email.localeCompare(b.email));

  const html = (ctx: KoaContextWithOIDC, page: string, csp: string) => {
    ctx.type = 'html';
    ctx.set('content-security-policy', csp);
    ctx.set('cache-control', 'no-store');
    ctx.body = page;
  };
  const language = (ctx: KoaContextWithOIDC) =>
    pageLanguage(ctx.oidc?.params?.ui_locales, ctx.get('accept-language'));

  const provider = new Provider(options.issuer, {
    adapter: memoryAdapter(),
    clients: [client],
    jwks: { keys: [options.privateJwk] },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    // Cognito writes these into every ID token, whatever the scope; email and email_verified with `email`.
    claims: {
      openid: ['sub', 'cognito:groups', 'cognito:username', 'token_use'],
      email: ['email', 'email_verified'],
      profile: [],
    },
    // Scope claims in the ID token itself, as Cognito does, not only from the userinfo endpoint.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, sub) => {
      const found = Object.entries(options.coordinators()).find(([email]) => options.subOf(email) === sub);
      if (found === undefined) return undefined;
      const [email, coordinator] = found;
      return {
        accountId: sub,
        claims: (use) => {
          const { token_use: tokenUse, ...claims } = options.identityClaims(email, coordinator);
          return use === 'id_token' ? { ...claims, token_use: tokenUse } : claims;
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    issueRefreshToken: (_ctx, issuedTo) => issuedTo.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx, origin) => origins.includes(origin),
    // Plain http on the loopback address: no `secure` cookies (Koa would refuse to set them). Cookies
    // ignore ports, so the session's is kept to the provider's path, away from the console and the API;
    // the short ones get their paths from oidc-provider (the interaction's, the resume's).
    cookies: {
      keys: [randomBytes(32)],
      names: {
        session: 'samla_local_session',
        interaction: 'samla_local_interaction',
        resume: 'samla_local_resume',
      },
      long: { httpOnly: true, sameSite: 'lax', signed: true, path: mountPath },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    routes: { jwks: '/.well-known/jwks.json' },
    discovery: { ui_locales_supported: ['sv', 'nb', 'en'] },
    features: {
      devInteractions: { enabled: false },
      // oidc-client-ts may revoke on sign-out; a public client only its own tokens (the default rule).
      revocation: {
        enabled: true,
        allowedPolicy: (_ctx, revoking, token) => token.clientId === revoking.clientId,
      },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const action = /\baction="([^"]+)"/.exec(form)?.[1];
          const xsrf = /\bname="xsrf" value="([^"]+)"/.exec(form)?.[1];
          if (action === undefined || xsrf === undefined) throw new Error('unexpected logout form');
          html(
            ctx,
            renderSignOut(language(ctx), { action, xsrf }, `${mountPath}${SIGN_OUT_SCRIPT_PATH}`),
            pageContentSecurityPolicy(origins, { script: true }),
          );
        },
        postLogoutSuccessSource: (ctx) => {
          html(ctx, renderSignedOut(language(ctx)), pageContentSecurityPolicy([]));
        },
      },
    },
    renderError: (ctx, out) => {
      html(
        ctx,
        renderProblem(language(ctx), { error: out.error, description: out.error_description }),
        pageContentSecurityPolicy([]),
      );
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 12 * 3600,
      Grant: 30 * 24 * 3600,
      RefreshToken: 30 * 24 * 3600,
    },
  });
  provider.proxy = false;
  const callback = provider.callback();

  const send = (response: ServerResponse, status: number, page: string, csp: string) => {
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': csp,
    });
    response.end(page);
  };

  /** The first-party console gets what it asks for: the grant is made here, no consent page. */
  async function grantAsked(details: Interaction, accountId: string): Promise<string> {
    const existing = details.grantId === undefined ? undefined : await provider.Grant.find(details.grantId);
    const grant = existing ?? new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    const asked = typeof details.params.scope === 'string' ? details.params.scope : CONSOLE_SCOPES;
    grant.addOIDCScope([...new Set([...asked.split(' '), ...(missingOIDCScope ?? [])])].join(' '));
    if (missingOIDCClaims !== undefined) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {}))
      grant.addResourceScope(indicator, scopes.join(' '));
    return grant.save();
  }

  async function interaction(
    request: MountedRequest,
    response: ServerResponse,
    uid: string,
    login: boolean,
  ): Promise<void> {
    const acceptLanguage = request.headers['accept-language'];
    let details: Interaction;
    try {
      details = await provider.interactionDetails(request, response);
      if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    } catch (error) {
      if (!(error instanceof errors.SessionNotFound)) throw error;
      request.resume();
      send(
        response,
        400,
        renderProblem(pageLanguage(undefined, acceptLanguage), 'expired'),
        pageContentSecurityPolicy([]),
      );
      return;
    }
    const language = pageLanguage(details.params.ui_locales, acceptLanguage);
    const action = `${mountPath}/interaction/${uid}/login`;
    const page = (status: number, email?: string, problem?: SignInProblem) =>
      send(
        response,
        status,
        renderSignIn({
          language,
          action,
          coordinators: known(),
          ...(email === undefined ? {} : { email }),
          ...(problem === undefined ? {} : { problem }),
        }),
        pageContentSecurityPolicy(origins),
      );

    if (details.prompt.name === 'consent' && details.session !== undefined) {
      request.resume();
      const grantId = await grantAsked(details, details.session.accountId);
      await provider.interactionFinished(request, response, { consent: { grantId } });
      return;
    }
    if (details.prompt.name !== 'login') {
      request.resume();
      await provider.interactionFinished(request, response, {
        error: 'access_denied',
        error_description: `the local provider does not handle the ${details.prompt.name} prompt`,
      });
      return;
    }
    if (!login) {
      request.resume();
      page(200);
      return;
    }
    const typed = (await readForm(request)).get('email')?.trim() ?? '';
    const email = typed.toLowerCase();
    if (!ADDRESS.test(email)) {
      page(400, typed, { kind: 'not-an-address' });
      return;
    }
    if (options.coordinators()[email] === undefined) {
      page(400, typed, { kind: 'not-known', email });
      return;
    }
    const accountId = options.subOf(email);
    const grantId = await grantAsked(details, accountId);
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  return {
    async handle(request, response) {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const step = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(path);
      if (step?.[1] !== undefined) {
        const login = step[2] !== undefined;
        if (request.method === (login ? 'POST' : 'GET'))
          return interaction(request, response, step[1], login);
      }
      if (path === SIGN_OUT_SCRIPT_PATH && request.method === 'GET') {
        response.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(signOutScript);
        return;
      }
      await callback(request, response);
    },
  };
}
