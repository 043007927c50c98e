import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from './config.ts';

/**
 * Sign-in with OpenID Connect (authorization code + PKCE) through oidc-client-ts: Cognito's managed
 * login in AWS, the local provider with `npm start`. The ID token is what the admin API's authorizer
 * accepts; it lives in sessionStorage (gone when the tab closes) and never in a URL after the callback.
 */
export const CALLBACK_PATH = '/callback';

/** Where to come back to after signing in: the screen the coordinator was on. */
interface SignInState {
  readonly returnTo: string;
}

export interface Coordinator {
  readonly email: string;
  /** Network ids from the token's `network-<id>` groups. */
  readonly networks: readonly string[];
  readonly admin: boolean;
}

function groupsOf(profile: Record<string, unknown>): string[] {
  const groups = profile['cognito:groups'];
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
}

export function coordinatorOf(user: User): Coordinator {
  const profile = user.profile as Record<string, unknown>;
  const groups = groupsOf(profile);
  return {
    email: typeof profile.email === 'string' ? profile.email : '',
    networks: groups.filter((g) => g.startsWith('network-')).map((g) => g.slice('network-'.length)),
    admin: groups.includes('samla-admins'),
  };
}

export class Auth {
  private readonly manager: UserManager;
  private readonly config: ConsoleConfig;

  constructor(config: ConsoleConfig) {
    this.config = config;
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: config.authority,
      client_id: config.clientId,
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid email profile',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      // The ID token is the API's credential; no silent renew through a hidden iframe (the CSP forbids
      // framing, and a coordinator signs in again after an hour, returning to the same screen).
      automaticSilentRenew: false,
      monitorSession: false,
      loadUserInfo: false,
      ...(config.logoutEndpoint === undefined
        ? {}
        : { metadataSeed: { end_session_endpoint: config.logoutEndpoint } }),
    });
  }

  /** The signed-in coordinator's ID token, or undefined when there is none or it has expired. */
  async idToken(): Promise<string | undefined> {
    const user = await this.manager.getUser();
    if (user === null || user.expired) return undefined;
    return user.id_token;
  }

  async user(): Promise<User | undefined> {
    const user = await this.manager.getUser();
    return user === null || user.expired ? undefined : user;
  }

  /** To the provider's sign-in page; back to `returnTo` (default: where we are) afterwards. */
  async signIn(returnTo = `${window.location.pathname}${window.location.search}`): Promise<never> {
    const state: SignInState = { returnTo };
    await this.manager.signinRedirect({ state });
    // The browser is leaving; nothing after this runs.
    return new Promise<never>(() => {});
  }

  /** Completes the callback: the code is exchanged, the URL cleaned; answers where to go next. */
  async completeSignIn(): Promise<string> {
    const user = await this.manager.signinRedirectCallback();
    const returnTo = (user.state as Partial<SignInState> | undefined)?.returnTo;
    return typeof returnTo === 'string' && returnTo.startsWith('/') && !returnTo.startsWith('//')
      ? returnTo
      : '/';
  }

  async signOut(): Promise<void> {
    const user = await this.manager.getUser();
    await this.manager.removeUser();
    const origin = window.location.origin;
    await this.manager.signoutRedirect({
      ...(user?.id_token === undefined ? {} : { id_token_hint: user.id_token }),
      // Cognito's /logout reads these two; a standard provider reads post_logout_redirect_uri.
      ...(this.config.logoutEndpoint === undefined
        ? {}
        : { extraQueryParams: { client_id: this.config.clientId, logout_uri: `${origin}/` } }),
    });
  }
}
