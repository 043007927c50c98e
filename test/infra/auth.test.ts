import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../infra/config.ts';
import { type CfnResource, type CfnTemplate, cdkJsonContext, synthTemplate } from '../../infra/synth.ts';
import { routes } from '../../shared/http/routes.ts';
import { configProblems } from '../support/infra.ts';

let cfn: CfnTemplate;
let template: Template;
beforeAll(() => {
  cfn = synthTemplate();
  template = Template.fromJSON(cfn);
}, 60_000);

const ofType = (t: CfnTemplate, type: string) =>
  Object.entries(t.Resources).filter(([, resource]) => resource.Type === type);

function routeResources(t: CfnTemplate): Map<string, CfnResource> {
  return new Map(
    ofType(t, 'AWS::ApiGatewayV2::Route').map(([, r]) => [String(r.Properties?.RouteKey), r] as const),
  );
}

describe('the coordinators’ authorizer', () => {
  it('guards every coordinator route, and no public route has one', () => {
    const authorizers = ofType(cfn, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [authorizerId] = authorizers[0] as [string, CfnResource];
    const byKey = routeResources(cfn);
    expect(routes.some((r) => r.auth === 'coordinator')).toBe(true);
    for (const route of routes) {
      const resource = byKey.get(`${route.method} ${route.path}`);
      expect(resource, `${route.method} ${route.path}`).toBeDefined();
      if (route.auth === 'coordinator') {
        expect(resource?.Properties?.AuthorizationType, route.path).toBe('JWT');
        expect(resource?.Properties?.AuthorizerId, route.path).toEqual({ Ref: authorizerId });
      } else {
        expect(resource?.Properties?.AuthorizationType, route.path).toBe('NONE');
        expect(resource?.Properties?.AuthorizerId, route.path).toBeUndefined();
      }
    }
    // Nothing under /v1/admin is public, whatever the route table says.
    for (const [key, resource] of byKey) {
      if (key.includes(' /v1/admin')) expect(resource.Properties?.AuthorizationType, key).toBe('JWT');
    }
  });

  it('checks Cognito ID tokens of the stack’s own pool: issuer and the app clients as audience', () => {
    const [poolId] = ofType(cfn, 'AWS::Cognito::UserPool')[0] as [string, CfnResource];
    const clientNamed = (name: string) => {
      const found = ofType(cfn, 'AWS::Cognito::UserPoolClient').find(
        ([, client]) => client.Properties?.ClientName === name,
      );
      if (!found) throw new Error(`no app client ${name}`);
      return found[0];
    };
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        // The API client (scripts, `npm run coordinator -- sign-in`) and the console's.
        Audience: [{ Ref: clientNamed('samla-admin-api') }, { Ref: clientNamed('samla-console') }],
        // The stack is environment-agnostic here: the region is the one it is deployed to.
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }],
          ],
        },
      },
    });
  });
});

describe('the coordinators’ user pool', () => {
  it('is invitation-only, email sign-in, optional TOTP, a strong password policy, and retained', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        UsernameAttributes: ['email'],
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 14,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
      }),
    });
  });

  it('has a public app client with SRP only and no OAuth flows', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'samla-admin-api',
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('has the samla-admins group and one network-<id> group per configured network', () => {
    const groups = ofType(cfn, 'AWS::Cognito::UserPoolGroup').map(([, g]) => g.Properties?.GroupName);
    expect(groups.sort()).toEqual(['network-demo', 'samla-admins']);
  });

  it('is named in the outputs with the client id and the issuer', () => {
    expect(Object.keys(cfn.Outputs ?? {})).toEqual(
      expect.arrayContaining([
        'CoordinatorUserPoolId',
        'CoordinatorUserPoolClientId',
        'CoordinatorTokenIssuer',
      ]),
    );
  });
});

describe('an existing user pool from cdk.json', () => {
  const samla = () => cdkJsonContext().samla as Record<string, unknown>;

  it('replaces the created one: no pool in the template, its issuer and client in the authorizer', () => {
    const existing = synthTemplate({
      samla: {
        ...samla(),
        cognito: { userPoolId: 'eu-north-1_AbC123xyz', userPoolClientId: '4h5j6k7l8m9n0p' },
      },
    });
    expect(ofType(existing, 'AWS::Cognito::UserPool')).toHaveLength(0);
    expect(ofType(existing, 'AWS::Cognito::UserPoolClient')).toHaveLength(0);
    Template.fromJSON(existing).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Audience: ['4h5j6k7l8m9n0p'],
        Issuer: 'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_AbC123xyz',
      },
    });
    expect(existing.Outputs?.CoordinatorTokenIssuer?.Value).toBe(
      'https://cognito-idp.eu-north-1.amazonaws.com/eu-north-1_AbC123xyz',
    );
    for (const [, route] of routeResources(existing)) {
      if (String(route.Properties?.RouteKey).includes(' /v1/admin'))
        expect(route.Properties?.AuthorizationType).toBe('JWT');
    }
  }, 60_000);

  it('is validated, with the key’s path in the message', () => {
    const problems = (cognito: unknown) => configProblems({ ...samla(), cognito });
    expect(
      parseConfig({ ...samla(), cognito: { userPoolId: 'eu-west-1_x1', userPoolClientId: 'abc' } }).cognito,
    ).toEqual({ userPoolId: 'eu-west-1_x1', userPoolClientId: 'abc', region: 'eu-west-1' });
    expect(problems({ userPoolId: 'pool', userPoolClientId: 'abc' })).toEqual([
      'samla.cognito.userPoolId: must be a user pool id such as eu-north-1_AbC123xyz',
    ]);
    expect(problems({ userPoolId: 'eu-west-1_x1', userPoolClientId: 'abc', region: 'eu-north-1' })).toEqual([
      'samla.cognito.region: must be the region of the user pool (eu-west-1)',
    ]);
    expect(problems({ userPoolId: 'eu-west-1_x1' })).toEqual(['samla.cognito.userPoolClientId: is required']);
    expect(problems({ userPoolId: 'eu-west-1_x1', userPoolClientId: 'abc', secret: 'x' })).toEqual([
      'samla.cognito.secret: is not a known key',
    ]);
  });

  it('validates member domains of configured networks', () => {
    const networks = [
      { id: 'demo', name: 'D', coordinators: ['a@b.se'], memberDomains: ['Ale.SE', 'skövde.se'] },
    ];
    expect(parseConfig({ ...samla(), networks }).networks[0]?.memberDomains).toEqual([
      'ale.se',
      'xn--skvde-kua.se',
    ]);
    expect(() =>
      parseConfig({ ...samla(), networks: [{ ...networks[0], memberDomains: ['https://ale.se'] }] }),
    ).toThrow(/samla\.networks\[0\]\.memberDomains\[0\]: must be a domain/);
  });
});
