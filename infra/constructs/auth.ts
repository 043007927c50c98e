import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ADMIN_GROUP, networkGroup } from '../../shared/http/auth.ts';

export interface CoordinatorAuthProps {
  /** An existing user pool and app client (cdk.json `samla.cognito`); without it the stack creates both. */
  readonly existing?: {
    readonly userPoolId: string;
    readonly userPoolClientId: string;
    readonly region: string;
  };
  /** Networks configured at deploy time: each gets its `network-<id>` group in a created pool. */
  readonly networkIds: readonly string[];
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

  constructor(scope: Construct, id: string, props: CoordinatorAuthProps) {
    super(scope, id);
    if (props.existing) {
      this.userPool = undefined;
      this.userPoolId = props.existing.userPoolId;
      this.userPoolClientId = props.existing.userPoolClientId;
      this.issuer = `https://cognito-idp.${props.existing.region}.amazonaws.com/${props.existing.userPoolId}`;
    } else {
      const pool = this.createUserPool(props.networkIds);
      this.userPool = pool;
      this.userPoolId = pool.userPoolId;
      this.userPoolClientId = this.createClient(pool).userPoolClientId;
      this.issuer = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${pool.userPoolId}`;
    }
    this.authorizer = new HttpJwtAuthorizer('CoordinatorJwt', this.issuer, {
      authorizerName: 'coordinators',
      // Cognito ID tokens carry the app client id as `aud`; the handlers accept only ID tokens.
      jwtAudience: [this.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });
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
