import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  Annotations,
  AssetHashType,
  Aws,
  type CfnElement,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { contentSecurityPolicy } from '../console-csp.ts';
import type { SignInEndpoints } from './auth.ts';
import { CONSOLE_CALLBACK_PATH, CONSOLE_SIGN_OUT_PATH } from './auth.ts';

/**
 * What the console reads from /config.json at run time (console/src/config.ts), so one build serves
 * every deployment. Keys beyond the ones it needs are ignored by it.
 */
export interface ConsoleSettings {
  /** The HTTP API's base URL, no trailing slash. */
  readonly apiUrl: string;
  /** The OpenID provider: https://cognito-idp.<region>.amazonaws.com/<user pool id>. */
  readonly authority: string;
  /** The console's app client id. */
  readonly clientId: string;
  /** Cognito has no standard end_session_endpoint: its managed login's /logout. */
  readonly logoutEndpoint: string;
}

export interface ConsoleHostingProps {
  /**
   * The console's sources (Vite root: index.html, vite.config.ts). Built with `vite build` when the
   * stack's assets are bundled (cdk deploy/synth); without an index.html only config.json is deployed.
   */
  readonly sourceDir: string;
  /** The managed login the console signs in through: allowed in the CSP's connect-src and form-action. */
  readonly signIn: SignInEndpoints;
}

/** The navigation rewrite, as CloudFront runs it (cloudfront-js-2.0) on the default behavior's requests. */
export const SPA_REWRITE_CODE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  // A path whose last segment has no dot is a screen of the app (/, /callback, /networks/demo): the
  // app's index.html answers it. Files (/config.json, /favicon.svg) are served as they are, or 404.
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) request.uri = '/index.html';
  return request;
}
`;

/**
 * The coordinators' web console: its static build in a private S3 bucket, served by CloudFront only
 * (origin access control), HTTPS only, with strict security headers. `deploy()` uploads the build and
 * its /config.json once the API and the console's app client exist.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** https://<distribution domain>, no trailing slash: what CORS and the app client's URLs name. */
  readonly origin: string;
  private readonly sourceDir: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    this.sourceDir = props.sourceDir;
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Unlike the table and the user pool (retained: they hold people's data), this bucket holds only
      // the build output, which any deploy recreates: it goes with the stack. No autoDeleteObjects: the
      // BucketDeployment below empties it on delete (retainOnDelete: false) before CloudFormation deletes
      // it, which spares the stack autoDeleteObjects' extra Lambda and its AWS managed policy.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The bucket holds only the public build of the console (HTML, JS, CSS, config.json without secrets); only CloudFront reads it, and only the deployment writes it, both recorded by CloudTrail.',
    });

    const region = Stack.of(this).region;
    const signInOrigin = `https://${props.signIn.domain}`;
    const securityHeaders = {
      contentSecurityPolicy: {
        contentSecurityPolicy: contentSecurityPolicy({
          // The API's own endpoint would make a cycle: the API's CORS names this distribution's domain,
          // and this policy is part of the distribution. Every HTTP API of the region is as close as a
          // template can get without one; scripts can only come from 'self' either way, so this allows
          // no code in, it only widens where the console's own code could send requests.
          api: `https://*.execute-api.${region}.${Aws.URL_SUFFIX}`,
          // The discovery document (and the keys) at the issuer; token and revocation at the domain.
          cognito: `https://cognito-idp.${props.signIn.region}.amazonaws.com`,
          signIn: signInOrigin,
        }),
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      // The callback URL carries the authorization code: no page may pass it on in a Referer.
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
    };
    const isolation = [
      // A page that opens the console in a popup gets no handle on it.
      { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
      {
        header: 'Permissions-Policy',
        value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
        override: true,
      },
    ];
    // index.html, config.json and every screen: always revalidated, so a deploy shows at the next load
    // (CloudFront keeps them until the deployment's invalidation).
    const documentHeaders = new ResponseHeadersPolicy(this, 'DocumentHeaders', {
      comment: 'samla console: security headers, revalidate every time',
      securityHeadersBehavior: securityHeaders,
      customHeadersBehavior: {
        customHeaders: [...isolation, { header: 'Cache-Control', value: 'no-cache', override: true }],
      },
    });
    // Vite names every file in /assets/ by its content hash: a file never changes under its name.
    const assetHeaders = new ResponseHeadersPolicy(this, 'AssetHeaders', {
      comment: 'samla console: security headers, hashed assets cached for a year',
      securityHeadersBehavior: securityHeaders,
      customHeadersBehavior: {
        customHeaders: [
          ...isolation,
          { header: 'Cache-Control', value: 'public, max-age=31536000, immutable', override: true },
        ],
      },
    });

    // LIST too: a missing file is then S3's 404, not a 403 that looks like a permissions problem. Nothing
    // can list the bucket through CloudFront: query strings are not forwarded, and / is index.html.
    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket, {
      originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
    });
    // The SPA fallback as a viewer-request function rather than error responses: error responses would
    // answer every 403/404 of the distribution with index.html and a 200, so a missing /config.json or
    // /assets/x.js would arrive as HTML. The function rewrites only paths without a file extension, and
    // /assets/* does not run it at all.
    const spaRewrite = new EdgeFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(SPA_REWRITE_CODE),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'samla console: screens of the app are answered by index.html',
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `samla coordinators' console (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: where the coordinators are; the other edges cost more.
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        // No query string in the cache key or to S3: /callback?code=… is index.html, the code stays out
        // of the origin's requests.
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: documentHeaders,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/assets/*': {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: assetHeaders,
        },
      },
    });
    // CDK warns about LIST on the default behavior unless a root object is set: it is (index.html).
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is index.html, so / never lists the bucket; LIST only turns 403s into 404s',
    );
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Coordinators travel and work from anywhere; the console is static files, and what matters is behind the admin API, which checks a Cognito token on every call.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only static build files (no forms, no backend behind it); WAF would cost more than the console does. The admin API it calls has its own throttling and JWT authorizer.',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "Access logs of a static console's file downloads hold coordinators' IP addresses and nothing worth keeping; the requests that act on data are logged by the HTTP API's access logs.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "No custom domain yet: the distribution uses CloudFront's default *.cloudfront.net certificate, whose TLS policy CloudFront fixes (TLSv1). Browsers negotiate TLS 1.2 or 1.3 with it, and HSTS keeps them on HTTPS.",
      },
    );
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /** The console's address, with the trailing slash. */
  get url(): string {
    return `${this.origin}/`;
  }

  /**
   * Uploads the built console and its config.json, and invalidates the two files that name the
   * others (a navigation is index.html too: the rewrite makes it the same cache entry).
   */
  deploy(settings: ConsoleSettings): BucketDeployment {
    const config = {
      apiUrl: settings.apiUrl,
      authority: settings.authority,
      clientId: settings.clientId,
      redirectPath: CONSOLE_CALLBACK_PATH,
      postLogoutPath: CONSOLE_SIGN_OUT_PATH,
      logoutEndpoint: settings.logoutEndpoint,
    };
    const sources: ISource[] = [Source.jsonData('config.json', config)];
    if (existsSync(join(this.sourceDir, 'index.html'))) sources.unshift(consoleBuild(this.sourceDir));
    else {
      Validations.of(this).addWarning(
        'samla:console-sources-missing',
        `${this.sourceDir} has no index.html: only config.json is deployed, the console itself is not`,
      );
    }

    // The deployment's Lambda gets an own role and a log group kept a week, instead of CDK's defaults
    // (an AWS managed policy, and a log group kept forever); as the network seed does (data.ts).
    const logGroup = new LogGroup(this, 'DeployLogs', {
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'DeployRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources,
      destinationBucket: this.bucket,
      // Old hashed assets stay: a tab opened before a deploy may still import a chunk of its build.
      // Files under their own name (index.html, config.json) are overwritten.
      prune: false,
      // On stack deletion (or a change of bucket) the files go, so the bucket can be deleted (see above).
      retainOnDelete: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      role,
      logGroup,
    });
    this.acknowledgeDeploymentGrants(role);
    // The Lambda CDK brings for BucketDeployment: a singleton at the stack's root, whose id is
    // Custom::CDKBucketDeployment<uuid>.
    for (const child of Stack.of(this).node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      Validations.of(child).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          "The runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib (it ships the handler and the AWS CLI layer for it); it moves with CDK upgrades.",
      });
    }
    return deployment;
  }

  /**
   * What CDK's BucketDeployment grants its role, for `aws s3 sync` from the asset to the bucket: cdk-nag
   * names each wildcard on its own, so each is acknowledged on its own, with what it covers.
   */
  private acknowledgeDeploymentGrants(role: Role): void {
    const stack = Stack.of(this);
    const synthesizer = stack.synthesizer;
    // The bootstrap's asset bucket, as cdk-nag prints it (cdk-<qualifier>-assets-<account>-<region>).
    const qualifier =
      (synthesizer instanceof DefaultStackSynthesizer ? synthesizer.bootstrapQualifier : undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // The account and region appear as written when the stack has them (cdk sets CDK_DEFAULT_REGION from
    // the profile), as pseudo parameters when it does not.
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    const assetObjects = `arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*`;
    const bucketId = stack.resolve((this.bucket.node.defaultChild as CfnElement).logicalId) as string;
    const copy =
      "CDK's BucketDeployment copies the console's build from the CDK asset bucket to the console's bucket";
    Validations.of(role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
        reason: `${copy}: it reads the asset's zip (and, with sync, the bucket's current objects); only on those two buckets.`,
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        reason: `${copy}: the CLI reads the two buckets' location and settings; only on those two buckets.`,
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:List*]',
        reason: `${copy}: sync lists both sides to compare them; only on those two buckets.`,
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        reason: `${copy}, and empties the console's bucket when the stack is deleted (retainOnDelete: false); only on the console's bucket.`,
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:Abort*]',
        reason: `${copy}: multipart uploads it started may be aborted; only on the console's bucket.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::${assetObjects}]`,
        reason:
          "Read-only on the objects of the CDK bootstrap's asset bucket, where the build's zip lands under a content hash that is not known until synth.",
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason: "Every object of the console's own bucket, which holds nothing but the console's build.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          "cloudfront:CreateInvalidation and cloudfront:GetInvalidation, as CDK grants them to BucketDeployment (on *); they only invalidate cached copies and read the invalidation's status.",
      },
    );
  }
}

/**
 * The console's source as an asset built by `vite build` on this machine: Vite and the console's
 * dependencies are the repository's (console/ has no package.json of its own), so a container seeing
 * only console/ could not build it. The asset's hash is the output's: the console imports from outside
 * its folder (the API's types, the root lock file's packages), which a hash of console/ would miss.
 */
function consoleBuild(sourceDir: string): ISource {
  return Source.asset(sourceDir, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API, never used: local bundling below either builds or throws with the reason.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      command: ['sh', '-c', 'echo "the console is built locally with the repository\'s Vite" >&2; exit 1'],
      local: {
        tryBundle(outputDir: string): boolean {
          buildConsole(sourceDir, outputDir);
          return true;
        },
      },
    },
  });
}

/** Runs `vite build` of `sourceDir` into `outputDir`, synchronously (CDK's local bundling is). */
export function buildConsole(sourceDir: string, outputDir: string): void {
  const require = createRequire(import.meta.url);
  let viteBin: string;
  try {
    const manifestPath = require.resolve('vite/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: { vite?: string } };
    viteBin = join(dirname(manifestPath), manifest.bin?.vite ?? 'bin/vite.js');
  } catch {
    throw new Error('Building the console needs Vite from the repository: run `npm ci` first');
  }
  // VITE_* variables of this shell would end up in the bundle: a build must not depend on the machine.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITE_')));
  const result = spawnSync(
    process.execPath,
    // --bypass-lock: Vite refuses a second build of one project while another runs, which protects a
    // shared dist/; each build here has an output folder of its own (two synths may run side by side).
    [viteBin, 'build', '--outDir', outputDir, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'],
    { cwd: sourceDir, env: { ...env, NODE_ENV: 'production' }, encoding: 'utf8', stdio: 'pipe' },
  );
  if (result.error) throw result.error;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0) {
    throw new Error(`vite build of ${sourceDir} failed (exit ${result.status}):\n${output.slice(-4000)}`);
  }
  // Warnings only (--logLevel warn), and to stderr: `cdk synth` prints the template on stdout.
  if (output !== '') process.stderr.write(`${output}\n`);
  if (!existsSync(join(outputDir, 'index.html'))) {
    throw new Error(`vite build of ${sourceDir} wrote no index.html to ${outputDir}`);
  }
}
