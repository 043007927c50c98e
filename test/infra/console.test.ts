import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole, SPA_REWRITE_CODE } from '../../infra/constructs/console.ts';
import { projectRoot } from '../../infra/constructs/function.ts';
import { corsFromTemplate, type LocalGateway, startGateway } from '../../infra/local/gateway.ts';
import { freePort } from '../../infra/local/ports.ts';
import {
  buildApp,
  type CfnResource,
  type CfnTemplate,
  cdkJsonContext,
  type Json,
  resolveString,
  synthTemplate,
} from '../../infra/synth.ts';
import { isRecord, referencedId } from '../support/cfn.ts';
import { configProblems, fileHashes } from '../support/infra.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

interface Synthesized {
  readonly template: CfnTemplate;
  readonly outdir: string;
  readonly assetManifest: { files: Record<string, { displayName?: string; source: { path: string } }> };
}

/** As synthTemplate (no bundling, no nag), but keeping the assembly: config.json is an asset in it. */
function synth(context: Record<string, unknown> = {}): Synthesized {
  const outdir = tempDir('samla-console-');
  const { app, stack } = buildApp({
    context: { ...cdkJsonContext(), ...context, 'aws:cdk:bundling-stacks': [] },
    outdir,
    nag: false,
  });
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  return {
    template: artifact.template as CfnTemplate,
    outdir,
    assetManifest: JSON.parse(readFileSync(join(outdir, `${stack.artifactId}.assets.json`), 'utf8')),
  };
}

const samla = () => cdkJsonContext().samla as Record<string, unknown>;

function ofType(t: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

function only(t: CfnTemplate, type: string): [string, CfnResource] {
  const found = ofType(t, type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

function props(resource: CfnResource): Record<string, Json> {
  return resource.Properties ?? {};
}

function record(value: Json | undefined): Record<string, Json> {
  if (!isRecord(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

function list(value: Json | undefined): Json[] {
  if (!Array.isArray(value)) throw new Error(`not a list: ${JSON.stringify(value)}`);
  return value;
}

/** `https://` + the distribution's domain, as CloudFormation builds it. */
const originOf = (distributionId: string): Json => ({
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
});

/** A CSP as directive → its sources, the intrinsics resolved with localResolver's placeholders. */
function directives(csp: Json): Map<string, string[]> {
  return new Map(
    resolveString(csp)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...sources]) => [name ?? '', sources] as const),
  );
}

/** The deployment's config.json, its markers replaced by what they stand for (localResolver). */
function deployedConfig(s: Synthesized): Record<string, unknown> {
  const [, deployment] = only(s.template, 'Custom::CDKBucketDeployment');
  const keys = list(props(deployment).SourceObjectKeys);
  const markers = list(props(deployment).SourceMarkers);
  const index = markers.findIndex((m) => isRecord(m) && Object.keys(m).length > 0);
  expect(index, 'a source with deploy-time values').toBeGreaterThanOrEqual(0);
  const dir = join(s.outdir, `asset.${String(keys[index]).replace(/\.zip$/, '')}`);
  expect(readdirSync(dir)).toEqual(['config.json']);
  let text = readFileSync(join(dir, 'config.json'), 'utf8');
  for (const [marker, value] of Object.entries(record(markers[index]))) {
    text = text.split(marker).join(resolveString(value));
  }
  return JSON.parse(text);
}

describe('the console with the pool the stack creates', () => {
  let s: Synthesized;
  let t: Template;
  let distributionId: string;
  let distribution: Record<string, Json>;
  beforeAll(() => {
    s = synth();
    t = Template.fromJSON(s.template);
    const [id, resource] = only(s.template, 'AWS::CloudFront::Distribution');
    distributionId = id;
    distribution = record(props(resource).DistributionConfig);
  }, 60_000);

  it('keeps the build in a private, encrypted, TLS-only bucket that only the distribution reads', () => {
    const [bucketId, bucket] = only(s.template, 'AWS::S3::Bucket');
    expect(props(bucket)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(props(bucket)).not.toHaveProperty('WebsiteConfiguration');
    // Build output only: it goes with the stack (emptied by the deployment, see below).
    expect(bucket.DeletionPolicy).toBe('Delete');

    const [, policy] = only(s.template, 'AWS::S3::BucketPolicy');
    expect(referencedId(props(policy).Bucket)).toBe(bucketId);
    const statements = list(record(props(policy).PolicyDocument).Statement).map(record);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allows = statements.filter((st) => st.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const allow of allows) {
      // Origin access control: the CloudFront service, for this distribution only; nobody else.
      expect(allow.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      const condition = record(record(allow.Condition).StringEquals);
      expect(JSON.stringify(condition['AWS:SourceArn'])).toContain(distributionId);
      for (const action of [allow.Action].flat())
        expect(String(action)).toMatch(/^s3:(GetObject|ListBucket)$/);
    }
  });

  it('serves it through origin access control, HTTPS only, index.html at /', () => {
    const [oacId, oac] = only(s.template, 'AWS::CloudFront::OriginAccessControl');
    expect(record(props(oac).OriginAccessControlConfig)).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const origins = list(distribution.Origins).map(record);
    expect(origins).toHaveLength(1);
    expect(referencedId(origins[0]?.OriginAccessControlId)).toBe(oacId);
    expect(origins[0]?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(distribution.DefaultRootObject).toBe('index.html');
    const behaviors = [
      record(distribution.DefaultCacheBehavior),
      ...list(distribution.CacheBehaviors).map(record),
    ];
    expect(behaviors).toHaveLength(2);
    for (const behavior of behaviors) {
      expect(behavior.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD']);
    }
  });

  it('answers the app’s screens with index.html, but not files: a function on navigations, no error pages', () => {
    // Error responses would turn a missing /config.json or asset into index.html with a 200.
    expect(distribution).not.toHaveProperty('CustomErrorResponses');
    const [functionId, fn] = only(s.template, 'AWS::CloudFront::Function');
    expect(props(fn).FunctionCode).toBe(SPA_REWRITE_CODE);
    expect(record(props(fn).FunctionConfig).Runtime).toBe('cloudfront-js-2.0');
    expect(record(distribution.DefaultCacheBehavior).FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [functionId, 'FunctionARN'] } },
    ]);
    const assets = record(list(distribution.CacheBehaviors)[0]);
    expect(assets.PathPattern).toBe('/assets/*');
    expect(assets).not.toHaveProperty('FunctionAssociations');

    // The function itself, run as CloudFront runs it: handler(event) → request.
    const handler = new Function(`${SPA_REWRITE_CODE}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/callback')).toBe('/index.html');
    expect(rewrite('/networks/demo/groups')).toBe('/index.html');
    expect(rewrite('/networks/demo.v2/')).toBe('/index.html');
    expect(rewrite('/config.json')).toBe('/config.json');
    expect(rewrite('/index.html')).toBe('/index.html');
    expect(rewrite('/favicon.svg')).toBe('/favicon.svg');
  });

  it('sends a strict CSP, HSTS, no framing, nosniff and no referrer with every response', () => {
    const policies = ofType(s.template, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(policies).toHaveLength(2);
    const behaviors = [
      record(distribution.DefaultCacheBehavior),
      ...list(distribution.CacheBehaviors).map(record),
    ];
    expect(behaviors.map((b) => referencedId(b.ResponseHeadersPolicyId)).sort()).toEqual(
      policies.map(([id]) => id).sort(),
    );
    for (const [id, policy] of policies) {
      const config = record(props(policy).ResponseHeadersPolicyConfig);
      const security = record(config.SecurityHeadersConfig);
      const csp = record(security.ContentSecurityPolicy);
      expect(csp.Override, id).toBe(true);
      // localResolver: region us-east-1, account 000000000000, URL suffix amazonaws.com.
      expect(Object.fromEntries(directives(csp.ContentSecurityPolicy ?? null))).toEqual({
        'default-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'connect-src': [
          "'self'",
          'https://*.execute-api.us-east-1.amazonaws.com',
          'https://cognito-idp.us-east-1.amazonaws.com',
          'https://samla-dev-000000000000.auth.us-east-1.amazoncognito.com',
        ],
        'form-action': ["'self'", 'https://samla-dev-000000000000.auth.us-east-1.amazoncognito.com'],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
      });
      expect(security.StrictTransportSecurity, id).toEqual({
        AccessControlMaxAgeSec: 2 * 365 * 24 * 3600,
        IncludeSubdomains: true,
        Preload: true,
        Override: true,
      });
      expect(security.FrameOptions, id).toEqual({ FrameOption: 'DENY', Override: true });
      expect(security.ContentTypeOptions, id).toEqual({ Override: true });
      expect(security.ReferrerPolicy, id).toEqual({ ReferrerPolicy: 'no-referrer', Override: true });
      const custom = list(record(config.CustomHeadersConfig).Items).map(record);
      expect(custom.find((h) => h.Header === 'Permissions-Policy')?.Value, id).toMatch(/camera=\(\)/);
      expect(custom.find((h) => h.Header === 'Cross-Origin-Opener-Policy')?.Value, id).toBe('same-origin');
    }
  });

  it('caches hashed assets for a year and makes index.html and config.json revalidate', () => {
    const cacheControl = (behavior: Record<string, Json>) => {
      const policy = s.template.Resources[referencedId(behavior.ResponseHeadersPolicyId)];
      const config = record(props(policy as CfnResource).ResponseHeadersPolicyConfig);
      return list(record(config.CustomHeadersConfig).Items)
        .map(record)
        .find((h) => h.Header === 'Cache-Control');
    };
    expect(cacheControl(record(distribution.DefaultCacheBehavior))).toEqual({
      Header: 'Cache-Control',
      Value: 'no-cache',
      Override: true,
    });
    expect(cacheControl(record(list(distribution.CacheBehaviors)[0]))).toEqual({
      Header: 'Cache-Control',
      Value: 'public, max-age=31536000, immutable',
      Override: true,
    });
  });

  it('deploys the console’s build and config.json, and invalidates the two files that name the rest', () => {
    const [, deployment] = only(s.template, 'Custom::CDKBucketDeployment');
    const [bucketId] = only(s.template, 'AWS::S3::Bucket');
    expect(props(deployment)).toMatchObject({
      DestinationBucketName: { Ref: bucketId },
      DistributionId: { Ref: distributionId },
      DistributionPaths: ['/index.html', '/config.json'],
      // Emptied with the stack, so the bucket can go; old hashed assets kept for open tabs.
      RetainOnDelete: false,
      Prune: false,
    });
    // The first source is console/ (bundled by `vite build` when bundling runs; skipped here).
    const sources = Object.values(s.assetManifest.files).filter((f) =>
      f.displayName?.startsWith('Console/Deploy/'),
    );
    expect(sources.map((f) => f.source.path)).toContain(join(projectRoot, 'console'));
    expect(list(props(deployment).SourceObjectKeys)).toHaveLength(2);
  });

  it('writes config.json with the API, the issuer, the console client and the managed login’s /logout', () => {
    const [poolId] = only(s.template, 'AWS::Cognito::UserPool');
    const [apiId] = only(s.template, 'AWS::ApiGatewayV2::Api');
    const consoleClient = ofType(s.template, 'AWS::Cognito::UserPoolClient').find(
      ([, c]) => props(c).ClientName === 'samla-console',
    );
    expect(deployedConfig(s)).toEqual({
      apiUrl: `${apiId}.ApiEndpoint`,
      authority: `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`,
      clientId: consoleClient?.[0],
      redirectPath: '/callback',
      postLogoutPath: '/',
      logoutEndpoint: 'https://samla-dev-000000000000.auth.us-east-1.amazoncognito.com/logout',
    });
  });

  it('signs in through the managed login of a domain named after the stack and the account', () => {
    const [poolId] = only(s.template, 'AWS::Cognito::UserPool');
    const [, domain] = only(s.template, 'AWS::Cognito::UserPoolDomain');
    expect(props(domain)).toEqual({
      Domain: { 'Fn::Join': ['', ['samla-dev-', { Ref: 'AWS::AccountId' }]] },
      ManagedLoginVersion: 2,
      UserPoolId: { Ref: poolId },
    });
    expect(s.template.Outputs?.ConsoleSignInDomain?.Value).toEqual({
      'Fn::Join': [
        '',
        [
          'https://samla-dev-',
          { Ref: 'AWS::AccountId' },
          '.auth.',
          { Ref: 'AWS::Region' },
          '.amazoncognito.com',
        ],
      ],
    });
  });

  it('has its own public app client: code grant only, redirects to the distribution, Cognito users only', () => {
    const [poolId] = only(s.template, 'AWS::Cognito::UserPool');
    const clients = ofType(s.template, 'AWS::Cognito::UserPoolClient');
    expect(clients.map(([, c]) => props(c).ClientName).sort()).toEqual(['samla-admin-api', 'samla-console']);
    const [clientId, client] = clients.find(([, c]) => props(c).ClientName === 'samla-console') as [
      string,
      CfnResource,
    ];
    expect(props(client)).toMatchObject({
      UserPoolId: { Ref: poolId },
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      SupportedIdentityProviders: ['COGNITO'],
      // No SRP or password calls with the console's id: sign-in happens on the managed login only.
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      IdTokenValidity: 60,
    });
    const joined = (suffix: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, suffix]],
    });
    expect(props(client).CallbackURLs).toEqual([joined('/callback')]);
    expect(props(client).LogoutURLs).toEqual([joined('/')]);
    // Managed login shows a client's pages once it has a style.
    t.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      UserPoolId: { Ref: poolId },
      ClientId: { Ref: clientId },
      UseCognitoProvidedValues: true,
    });
    // Its ID tokens are accepted by the admin API, beside the API client's.
    const [, authorizer] = only(s.template, 'AWS::ApiGatewayV2::Authorizer');
    expect(list(record(props(authorizer).JwtConfiguration).Audience)).toContainEqual({ Ref: clientId });
  });

  it('is allowed by the API’s CORS beside the configured origins, for the admin API’s methods', () => {
    const [, api] = only(s.template, 'AWS::ApiGatewayV2::Api');
    expect(props(api).CorsConfiguration).toEqual({
      AllowOrigins: ['https://example.org', originOf(distributionId)],
      AllowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      AllowHeaders: ['content-type', 'authorization', 'accept-language'],
      ExposeHeaders: ['content-disposition', 'location'],
      MaxAge: 3600,
    });
  });

  it('leaves the local gateway’s CORS working: the console’s token origin matches nothing locally', async () => {
    const [, api] = only(s.template, 'AWS::ApiGatewayV2::Api');
    const cors = corsFromTemplate(props(api));
    expect(cors?.allowOrigins).toContain('https://example.org');
    let gateway: LocalGateway | undefined;
    try {
      gateway = await startGateway({
        routes: [],
        port: await freePort(),
        loadHandler: async () => {
          throw new Error('no handlers here');
        },
        ...(cors === undefined ? {} : { cors }),
        log: () => {},
      });
      const preflight = (origin: string) =>
        fetch(`${gateway?.url}/v1/admin/networks/demo`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'PATCH' },
        });
      const allowed = await preflight('https://example.org');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://example.org');
      const other = await preflight('https://elsewhere.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await gateway?.stop();
    }
  });

  it('names its address in the output ConsoleUrl', () => {
    expect(s.template.Outputs?.ConsoleUrl?.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/']],
    });
  });
});

describe('the sign-in domain prefix', () => {
  it('is configurable, and refused with Cognito’s reserved words', () => {
    const configured = synthTemplate({
      samla: { ...samla(), console: { signInDomainPrefix: 'natverket-samla' } },
    });
    const [, domain] = only(configured, 'AWS::Cognito::UserPoolDomain');
    expect(props(domain).Domain).toBe('natverket-samla');
    const [, policy] = ofType(configured, 'AWS::CloudFront::ResponseHeadersPolicy')[0] as [
      string,
      CfnResource,
    ];
    const csp = record(
      record(record(props(policy).ResponseHeadersPolicyConfig).SecurityHeadersConfig).ContentSecurityPolicy,
    );
    expect(directives(csp.ContentSecurityPolicy ?? null).get('form-action')).toEqual([
      "'self'",
      'https://natverket-samla.auth.us-east-1.amazoncognito.com',
    ]);

    const problems = (console: unknown) => configProblems({ ...samla(), console });
    expect(problems({ signInDomainPrefix: 'samla-aws' })).toEqual([
      'samla.console.signInDomainPrefix: must not contain aws, amazon, cognito (Cognito refuses them)',
    ]);
    expect(problems({ signInDomainPrefix: '-samla' })[0]).toMatch(
      /^samla\.console\.signInDomainPrefix: must be 1–63/,
    );
    expect(problems({ prefix: 'x' })).toEqual(['samla.console.prefix: is not a known key']);
  }, 60_000);

  it('by default fails synth with the fix when the stack name holds a reserved word', () => {
    expect(() => synthTemplate({ stage: 'awsome' })).toThrow(
      /samla-awsome contains "aws".*samla\.console\.signInDomainPrefix/,
    );
    const fixed = synthTemplate({
      stage: 'awsome',
      samla: { ...samla(), console: { signInDomainPrefix: 'natverket' } },
    });
    expect(props(only(fixed, 'AWS::Cognito::UserPoolDomain')[1]).Domain).toBe('natverket');
  }, 60_000);
});

describe('an existing user pool', () => {
  const existingPool = { userPoolId: 'eu-west-1_AbC123xyz', userPoolClientId: '4h5j6k7l8m9n0p' };

  it('without a console client and domain: no console, no CORS for it, a warning that says why', () => {
    const outdir = tempDir('samla-console-');
    const { app, stack } = buildApp({
      context: {
        ...cdkJsonContext(),
        samla: { ...samla(), cognito: existingPool },
        'aws:cdk:bundling-stacks': [],
      },
      outdir,
      nag: false,
    });
    const artifact = app.synth().getStackArtifact(stack.artifactId);
    const t = artifact.template as CfnTemplate;
    for (const type of [
      'AWS::CloudFront::Distribution',
      'AWS::S3::Bucket',
      'Custom::CDKBucketDeployment',
      'AWS::Cognito::UserPoolDomain',
      'AWS::Cognito::UserPoolClient',
    ]) {
      expect(ofType(t, type), type).toEqual([]);
    }
    expect(Object.keys(t.Outputs ?? {})).not.toContain('ConsoleUrl');
    expect(props(only(t, 'AWS::ApiGatewayV2::Api')[1]).CorsConfiguration).toMatchObject({
      AllowOrigins: ['https://example.org'],
    });
    const warnings = artifact.messages.filter((m) => m.level === 'warning').map((m) => String(m.entry.data));
    expect(warnings.some((w) => w.includes('consoleClientId and signInDomain'))).toBe(true);
  }, 60_000);

  it('with them: the console signs in through that pool’s domain and client, and the API accepts both clients', () => {
    const s = synth({
      samla: {
        ...samla(),
        cognito: {
          ...existingPool,
          consoleClientId: '5console6789',
          signInDomain: 'Login.Natverket.example.org',
        },
      },
    });
    expect(ofType(s.template, 'AWS::Cognito::UserPoolClient')).toEqual([]);
    expect(ofType(s.template, 'AWS::Cognito::UserPoolDomain')).toEqual([]);
    const [distributionId] = only(s.template, 'AWS::CloudFront::Distribution');
    const [, authorizer] = only(s.template, 'AWS::ApiGatewayV2::Authorizer');
    expect(record(props(authorizer).JwtConfiguration).Audience).toEqual(['4h5j6k7l8m9n0p', '5console6789']);
    const [, api] = only(s.template, 'AWS::ApiGatewayV2::Api');
    expect(record(props(api).CorsConfiguration).AllowOrigins).toEqual([
      'https://example.org',
      originOf(distributionId),
    ]);
    expect(deployedConfig(s)).toMatchObject({
      authority: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123xyz',
      clientId: '5console6789',
      logoutEndpoint: 'https://login.natverket.example.org/logout',
    });
    const [, policy] = ofType(s.template, 'AWS::CloudFront::ResponseHeadersPolicy')[0] as [
      string,
      CfnResource,
    ];
    const csp = record(
      record(record(props(policy).ResponseHeadersPolicyConfig).SecurityHeadersConfig).ContentSecurityPolicy,
    );
    // The pool's own region for its discovery document, the stack's for the API.
    expect(directives(csp.ContentSecurityPolicy ?? null).get('connect-src')).toEqual([
      "'self'",
      'https://*.execute-api.us-east-1.amazonaws.com',
      'https://cognito-idp.eu-west-1.amazonaws.com',
      'https://login.natverket.example.org',
    ]);
    expect(s.template.Outputs?.ConsoleSignInDomain?.Value).toBe('https://login.natverket.example.org');
  }, 60_000);

  it('takes the console client and the domain together or not at all', () => {
    const problems = (cognito: unknown) => configProblems({ ...samla(), cognito });
    expect(problems({ ...existingPool, consoleClientId: 'abc' })).toEqual([
      'samla.cognito.signInDomain: is required with consoleClientId: the console signs in through both',
    ]);
    expect(problems({ ...existingPool, signInDomain: 'login.example.org' })).toEqual([
      'samla.cognito.consoleClientId: is required with signInDomain: the console signs in through both',
    ]);
    expect(
      problems({ ...existingPool, consoleClientId: 'abc', signInDomain: 'https://login.example.org' }),
    ).toEqual([
      'samla.cognito.signInDomain: must be a host name such as login.example.org (no https://, no path)',
    ]);
  });
});

describe('the console’s build (what cdk deploy bundles)', () => {
  it('is `vite build` into the asset folder, byte for byte the same each time', () => {
    // A console of its own, so this does not depend on console/'s state (no config file: under /tmp it
    // could not import vite; the root is the folder the build runs in, as with console/).
    const source = tempDir('samla-console-src-');
    mkdirSync(join(source, 'src'));
    writeFileSync(
      join(source, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body><script type="module" src="/src/main.ts"></script></body></html>\n',
    );
    writeFileSync(
      join(source, 'src', 'main.ts'),
      "const settings = await fetch('/config.json').then((r) => r.json());\ndocument.body.append(String(settings.apiUrl));\nexport {};\n",
    );
    const first = tempDir('samla-console-out-');
    const second = tempDir('samla-console-out-');
    buildConsole(source, first);
    buildConsole(source, second);
    const files = fileHashes(first);
    // index.html and one hashed entry chunk.
    expect(Object.keys(files).sort()).toEqual([
      expect.stringMatching(/^assets\/index-[\w-]+\.js$/),
      'index.html',
    ]);
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toMatch(
      /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/,
    );
    expect(fileHashes(second)).toEqual(files);
    // Nothing written next to the sources.
    expect(readdirSync(source).sort()).toEqual(['index.html', 'src']);
  }, 60_000);

  it('fails with Vite’s reason instead of deploying half a console', () => {
    const source = tempDir('samla-console-src-');
    writeFileSync(join(source, 'index.html'), '<script type="module" src="/src/missing.ts"></script>\n');
    expect(() => buildConsole(source, tempDir('samla-console-out-'))).toThrow(
      /vite build of .* failed \(exit 1\):\n[\s\S]*missing\.ts/,
    );
  }, 60_000);
});
