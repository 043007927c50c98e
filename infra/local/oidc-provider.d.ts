/**
 * Types for the part of panva's oidc-provider (9.x, plain JavaScript) that infra/local/oidc.ts uses.
 * The package ships none; DefinitelyTyped's are not a dependency here, and this subset is all the
 * local provider needs. Names follow the library's documentation (docs/README.md, "Configuration
 * options"); anything not listed is left at the library's default.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  /** What the adapter stores for each model instance (a session, a code, a grant, …). */
  export interface AdapterPayload {
    readonly [key: string]: unknown;
    readonly jti?: string;
    readonly grantId?: string;
    readonly uid?: string;
    readonly userCode?: string;
    consumed?: number;
  }

  /** The storage of one model ("Session", "AuthorizationCode", "Grant", …). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Account {
    readonly accountId: string;
    claims(
      use: 'id_token' | 'userinfo',
      scope: string,
      claims: Readonly<Record<string, unknown>>,
      rejected: readonly string[],
    ): Promise<Record<string, unknown>> | Record<string, unknown>;
  }

  export interface Client {
    readonly clientId: string;
    readonly redirectUris: readonly string[];
  }

  export interface Session {
    readonly accountId?: string;
  }

  export interface Interaction {
    readonly uid: string;
    readonly returnTo: string;
    readonly prompt: {
      readonly name: string;
      readonly reasons: readonly string[];
      readonly details: {
        readonly missingOIDCScope?: readonly string[];
        readonly missingOIDCClaims?: readonly string[];
        readonly missingResourceScopes?: Readonly<Record<string, readonly string[]>>;
      };
    };
    readonly params: Readonly<Record<string, unknown>>;
    readonly session?: { readonly accountId: string; readonly uid: string };
    readonly grantId?: string;
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
  }

  /** The Koa context oidc-provider hands to configuration functions. */
  export interface KoaContextWithOIDC {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly host: string;
    readonly method: string;
    type: string;
    status: number;
    body: unknown;
    set(field: string, value: string): void;
    get(field: string): string;
    readonly oidc: {
      readonly route: string;
      readonly client?: Client;
      readonly session?: Session;
      readonly params?: Readonly<Record<string, unknown>>;
    };
  }

  export interface ErrorOut {
    readonly error: string;
    readonly error_description?: string;
    readonly state?: string;
  }

  export interface ClientMetadata {
    client_id: string;
    token_endpoint_auth_method?: string;
    grant_types?: string[];
    response_types?: string[];
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    application_type?: 'web' | 'native';
    id_token_signed_response_alg?: string;
    require_auth_time?: boolean;
    client_name?: string;
  }

  export interface CookieOptions {
    httpOnly?: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    signed?: boolean;
    secure?: boolean;
    path?: string;
  }

  export interface Configuration {
    adapter?: (name: string) => Adapter;
    clients?: ClientMetadata[];
    jwks?: { keys: object[] };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
    claims?: Record<string, null | string[]>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    cookies?: {
      names?: { session?: string; interaction?: string; resume?: string };
      long?: CookieOptions;
      short?: CookieOptions;
      keys?: (string | Buffer)[];
    };
    discovery?: Record<string, unknown>;
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContextWithOIDC, form: string) => Promise<void> | void;
        postLogoutSuccessSource?: (ctx: KoaContextWithOIDC) => Promise<void> | void;
      };
      revocation?: {
        enabled: boolean;
        allowedPolicy?: (ctx: KoaContextWithOIDC, client: Client, token: { clientId?: string }) => boolean;
      };
      introspection?: { enabled: boolean };
      userinfo?: { enabled: boolean };
      pushedAuthorizationRequests?: { enabled: boolean };
      dPoP?: { enabled: boolean };
      resourceIndicators?: { enabled: boolean };
    };
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => Promise<string> | string };
    issueRefreshToken?: (
      ctx: KoaContextWithOIDC,
      client: Client & { grantTypeAllowed(type: string): boolean },
    ) => Promise<boolean> | boolean;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void> | void;
    responseTypes?: string[];
    routes?: Record<string, string>;
    ttl?: Record<string, number>;
    enabledJWA?: { idTokenSigningAlgValues?: string[] };
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string });
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
    static find(id: string): Promise<Grant | undefined>;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    /** Koa's: trust X-Forwarded-* headers (off by default). */
    proxy: boolean;
    readonly Grant: typeof Grant;
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>;
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<Interaction>;
    interactionFinished(
      request: IncomingMessage,
      response: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    readonly SessionNotFound: new (...args: unknown[]) => Error;
    readonly OIDCProviderError: new (...args: unknown[]) => Error & { error: string; status: number };
  };

  export default Provider;
}
