import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../../shared/functions.ts';
import type { RouteDef } from '../../shared/http/routes.ts';
import type { SamlaFunction } from './function.ts';

export interface ApiProps {
  /** Origins whose scripts may call the API (CORS). Empty: no CORS, plain HTML form posts still work. */
  readonly allowedOrigins: readonly string[];
  /**
   * The coordinators' console (https://<its CloudFront domain>, a token until deploy): allowed in CORS
   * beside `allowedOrigins`, for the admin API it calls with a bearer token.
   */
  readonly consoleOrigin?: string;
  /**
   * The authorizer for routes with auth 'coordinator' (the admin API: a JWT authorizer on the
   * coordinators' Cognito user pool: infra/constructs/auth.ts). Required as soon as the route table has
   * such a route.
   */
  readonly coordinatorAuthorizer?: IHttpRouteAuthorizer;
  /** @default 25 requests per second, bursts of 50: generous for forms, a brake on a flood. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * The HTTP API: its default stage (access-logged and throttled) now, its routes once the functions
 * exist (`addRoutes`), because the functions need the API's URL for the links they email.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private readonly coordinatorAuthorizer: IHttpRouteAuthorizer | undefined;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.coordinatorAuthorizer = props.coordinatorAuthorizer;
    const allowOrigins = [
      ...props.allowedOrigins,
      ...(props.consoleOrigin === undefined ? [] : [props.consoleOrigin]),
    ];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: Stack.of(this).stackName,
      description: 'samla: interest registrations and confirmations',
      // The stage is created below, so it can carry access logs and throttling.
      createDefaultStage: false,
      corsPreflight:
        allowOrigins.length === 0
          ? undefined
          : {
              allowOrigins,
              // PATCH, PUT and DELETE for the admin API (the console, or a web app on an allowed origin).
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PATCH,
                CorsHttpMethod.PUT,
                CorsHttpMethod.DELETE,
                CorsHttpMethod.OPTIONS,
              ],
              exposeHeaders: ['content-disposition', 'location'],
              allowHeaders: ['content-type', 'authorization', 'accept-language'],
              maxAge: Duration.hours(1),
            },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      // Access logs hold client IP addresses: kept long enough to look into abuse, no longer.
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const throttle = props.throttle ?? { rateLimit: 25, burstLimit: 50 };
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // The route key, not the path: paths carry confirmation tokens, which must not land in logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
  }

  /** The base URL of the API (no trailing slash), e.g. for links in emails. */
  get endpoint(): string {
    return this.httpApi.apiEndpoint;
  }

  /** One route per entry, each integrated with the function of its `fn`. */
  addRoutes(
    routes: readonly RouteDef[],
    functions: Readonly<Record<FunctionName, SamlaFunction>>,
  ): HttpRoute[] {
    const integrations = new Map<string, HttpLambdaIntegration>();
    return routes.map((route) => {
      const fn = functions[route.fn];
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.fn}-integration`, fn.function);
        integrations.set(route.fn, integration);
      }
      const httpRoute = new HttpRoute(this, `Route-${route.operationId}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
        authorizer: this.authorizerFor(route),
      });
      if (route.auth === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (${route.summary}); what it may do is limited by its own validation, tokens in links, and the stage throttle.`,
        });
      }
      return httpRoute;
    });
  }

  private authorizerFor(route: RouteDef): IHttpRouteAuthorizer {
    switch (route.auth) {
      case 'public':
        return new HttpNoneAuthorizer();
      case 'coordinator':
        if (!this.coordinatorAuthorizer) {
          throw new Error(
            `Route ${route.method} ${route.path} is for coordinators, but the Api construct has no coordinatorAuthorizer: pass one (a JWT authorizer) in infra/stack.ts`,
          );
        }
        return this.coordinatorAuthorizer;
    }
  }
}
