import { Aws, Duration, Lazy, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ADMIN_GROUP, networkGroup } from '../../shared/http/auth.ts';
import { RESERVED_DOMAIN_PREFIX_WORDS } from '../config.ts';

/** Where the console's managed login lives, as the console and its CSP need it. */
export interface SignInEndpoints {
  /** Host name of the user pool domain: `<prefix>.auth.<region>.amazoncognito.com` or a custom one. */
  readonly domain: string;
  /** The pool's region: its OpenID discovery document is at cognito-idp.<region>.amazonaws.com. */
  readonly region: string;
}

/** The console's redirect paths on its own origin; the console (console/src/auth.ts) uses the same. */
export const CONSOLE_CALLBACK_PATH = '/callback';
export const CONSOLE_SIGN_OUT_PATH = '/';

export interface CoordinatorAuthProps {
  /** An existing user pool and app client (cdk.json `samla.cognito`); without it the stack creates both. */
  readonly existing?: {
    readonly userPoolId: string;
    readonly userPoolClientId: string;
    readonly region: string;
    /** The console's app client in that pool; with `signInDomain`, or neither. */
    readonly consoleClientId?: string | undefined;
    /** The host name of that pool's managed login. */
    readonly signInDomain?: string | undefined;
  };
  /** Networks configured at deploy time: each gets its `network-<id>` group in a created pool. */
  readonly networkIds: readonly string[];
  /**
   * Prefix of the created pool's managed login domain. Prefixes are unique per region across every
   * AWS account, so the default is `<stack name>-<account id>`: stable across deploys, distinct per stage
   * and account, and free of Cognito's reserved words as long as the stack name is.
   */
  readonly signInDomainPrefix?: string | undefined;
}

/**
 * Who may call the admin API: coordinators in a Cognito user pool, checked by the HTTP API's JWT
 * authorizer (signature, issuer, audience = the app client, expiry) before any Lambda runs. What a
 * coordinator may do is in the token's `cognito:groups` (see shared/http/auth.ts), read by the handlers.
 */
export class CoordinatorAuth extends Construct {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** The token issuer: https://cognito-idp.<region>.amazonaws.com/<user pool id>. */
  readonly issuer: string;
  readonly authorizer: IHttpRouteAuthorizer;
  /** Set when the stack created the pool. */
  readonly userPool: UserPool | undefined;
  /**
   * The managed login the console signs in through: the created pool's domain, or the configured one of
   * an existing pool. Undefined for an existing pool configured without one: then there is no console.
   */
  readonly signIn: SignInEndpoints | undefined;
  /** Every app client whose ID tokens the admin API accepts (the authorizer's audience). */
  private readonly audience: string[];
  private consoleClient: string | undefined;

  constructor(scope: Construct, id: string, props: CoordinatorAuthProps) {
    super(scope, id);
    if (props.existing) {
      const { existing } = props;
      this.userPool = undefined;
      this.userPoolId = existing.userPoolId;
      this.userPoolClientId = existing.userPoolClientId;
      this.issuer = `https://cognito-idp.${existing.region}.amazonaws.com/${existing.userPoolId}`;
      this.audience = [existing.userPoolClientId];
      if (existing.consoleClientId !== undefined && existing.signInDomain !== undefined) {
        this.signIn = { domain: existing.signInDomain, region: existing.region };
        this.consoleClient = existing.consoleClientId;
        this.audience.push(existing.consoleClientId);
      } else {
        this.signIn = undefined;
      }
    } else {
      const pool = this.createUserPool(props.networkIds);
      this.userPool = pool;
      this.userPoolId = pool.userPoolId;
      this.userPoolClientId = this.createClient(pool).userPoolClientId;
      const region = Stack.of(this).region;
      this.issuer = `https://cognito-idp.${region}.amazonaws.com/${pool.userPoolId}`;
      this.audience = [this.userPoolClientId];
      const prefix = props.signInDomainPrefix ?? this.defaultDomainPrefix();
      pool.addDomain('SignInDomain', {
        cognitoDomain: { domainPrefix: prefix },
        // Managed login (the newer pages, styled per app client) rather than the classic hosted UI.
        managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
      });
      // Built from the prefix, not read from the domain resource, so what refers to it (the console's
      // CSP) does not wait for the domain; it is the same name.
      this.signIn = { domain: `${prefix}.auth.${region}.amazoncognito.com`, region };
    }
    this.authorizer = new HttpJwtAuthorizer('CoordinatorJwt', this.issuer, {
      authorizerName: 'coordinators',
      // Cognito ID tokens carry the app client id as `aud`; the handlers accept only ID tokens. Lazy,
      // because the console's client is added once the console's origin (its distribution) exists.
      jwtAudience: Lazy.list({ produce: () => [...this.audience] }),
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** The console's app client id, once `addConsoleClient` has run (or as configured for an existing pool). */
  get consoleClientId(): string | undefined {
    return this.consoleClient;
  }

  /**
   * The console's app client, signing in on `origin` (https://<distribution domain>): created in the
   * stack's pool, with a managed login style of its own; for an existing pool the configured client,
   * whose callback and sign-out URLs the pool's owner sets. Its ID tokens are accepted by the admin API.
   */
  addConsoleClient(origin: string): string {
    if (this.consoleClient !== undefined) return this.consoleClient;
    const pool = this.userPool;
    if (pool === undefined) {
      throw new Error(
        'The existing user pool has no console client configured (samla.cognito.consoleClientId)',
      );
    }
    const client = pool.addClient('ConsoleClient', {
      userPoolClientName: 'samla-console',
      // A browser app cannot keep a secret: it proves itself with PKCE (oidc-client-ts sends an S256
      // code challenge; Cognito checks the verifier when one was sent, but has no per-client setting to
      // require it).
      generateSecret: false,
      // Sign-in happens on the managed login pages only; no direct SRP or password calls with this
      // client id (refresh tokens stay usable: Cognito always allows them).
      authFlows: { userSrp: false, userPassword: false, adminUserPassword: false, custom: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${origin}${CONSOLE_CALLBACK_PATH}`],
        logoutUrls: [`${origin}${CONSOLE_SIGN_OUT_PATH}`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // As the API client: an hour of ID token, then sign in again (the console keeps no refresh loop).
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    // Managed login shows a client's pages only once the client has a style; Cognito's own look will do.
    new CfnManagedLoginBranding(this, 'ConsoleLoginBranding', {
      userPoolId: pool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    this.consoleClient = client.userPoolClientId;
    this.audience.push(client.userPoolClientId);
    return client.userPoolClientId;
  }

  private defaultDomainPrefix(): string {
    const stackName = Stack.of(this).stackName;
    const literal = stackName.toLowerCase();
    if (!Token.isUnresolved(stackName)) {
      const reserved = RESERVED_DOMAIN_PREFIX_WORDS.find((word) => literal.includes(word));
      if (reserved !== undefined) {
        throw new Error(
          `The stack name ${stackName} contains "${reserved}", which Cognito refuses in a sign-in domain prefix: set samla.console.signInDomainPrefix in cdk.json`,
        );
      }
    }
    // samla-<stage> (at most 26 characters) + '-' + 12 digits: within Cognito's 63.
    return `${literal}-${Aws.ACCOUNT_ID}`;
  }

  private createUserPool(networkIds: readonly string[]): UserPool {
    const pool = new UserPool(this, 'Coordinators', {
      userPoolName: `${Stack.of(this).stackName}-coordinators`,
      // Coordinators are invited by an administrator; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      // The coordinators' accounts outlive the stack, like the table.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(pool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional with TOTP offered (no SMS): coordinators are school staff invited by an administrator, and an organisation that wants MFA for all can require it in the pool without a redeploy.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus feature plan (threat protection) is billed per active user; a handful of invited coordinators with a 14-character password policy and optional TOTP do not need it. An organisation can switch the plan on the pool.',
      },
    );
    // Groups hold who coordinates what: a network dropped from cdk.json must not take its coordinators'
    // memberships with it (the network itself stays in the table too).
    const retained = (group: CfnUserPoolGroup) => group.applyRemovalPolicy(RemovalPolicy.RETAIN);
    retained(
      new CfnUserPoolGroup(this, 'AdminsGroup', {
        userPoolId: pool.userPoolId,
        groupName: ADMIN_GROUP,
        description: 'samla administrators: create networks, reach every network',
      }),
    );
    for (const networkId of networkIds) {
      retained(
        new CfnUserPoolGroup(this, `NetworkGroup-${networkId}`, {
          userPoolId: pool.userPoolId,
          groupName: networkGroup(networkId),
          description: `Coordinators of the network ${networkId}`,
        }),
      );
    }
    return pool;
  }

  private createClient(pool: UserPool): UserPoolClient {
    return pool.addClient('AdminApiClient', {
      userPoolClientName: 'samla-admin-api',
      // A public client (a script, a browser app): it cannot keep a secret.
      generateSecret: false,
      // SRP only: the password never leaves the client, so USER_PASSWORD_AUTH stays off.
      authFlows: { userSrp: true, userPassword: false, adminUserPassword: false, custom: false },
      // No hosted UI or OAuth redirects until there is an admin web app to redirect to.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
  }
}
