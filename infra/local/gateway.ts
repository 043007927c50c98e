/**
 * The local API Gateway (HTTP API, payload format 2.0), built from the same route table as the CDK api
 * construct: it turns HTTP requests into the events the handlers get in AWS and their results back.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteDef } from '../../shared/http/routes.ts';
import { entryFor, type HandlerLoader, lambdaContext } from './lambda.ts';
import { assertPortFree } from './ports.ts';
import { LOCAL_ACCOUNT } from './template.ts';

/** API Gateway's limit for a request payload; the handlers enforce their own, smaller one. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface CorsConfig {
  readonly allowOrigins: readonly string[];
  readonly allowMethods?: readonly string[];
  readonly allowHeaders?: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly maxAgeSeconds?: number;
  readonly allowCredentials?: boolean;
}

/**
 * JWT authorizer result for coordinator routes: the claims for `requestContext.authorizer.jwt`, or a 401
 * as API Gateway answers it — undefined when there is no token, `deny` naming what is wrong with one
 * (API Gateway says so in the www-authenticate header).
 */
export type CoordinatorAuthorizer = (
  headers: Readonly<Record<string, string>>,
) => Promise<
  | { claims: Record<string, string | number | boolean | string[]>; scopes: string[] }
  | { deny: string }
  | undefined
>;

export interface GatewayOptions {
  routes: readonly RouteDef[];
  loadHandler: HandlerLoader;
  port: number;
  portEnvVar?: string;
  cors?: CorsConfig;
  /** Without one, coordinator routes answer 401. infra/local/issuer.ts provides it. */
  authorizeCoordinator?: CoordinatorAuthorizer;
  /**
   * Apps answering every request under a path, outside the route table and its CORS (the local OpenID
   * provider at `/local-issuer`).
   */
  mounts?: readonly GatewayMount[];
  log?: (line: string) => void;
  /** Invocations run at once (default 48); more wait their turn. See `invocationSlots`. */
  concurrency?: number;
}

/**
 * An app mounted at `path`, as Express's `app.use(path, app)` mounts one: it gets each request whose path
 * is `path` or below it with `url` made relative to it and `originalUrl` the full one, and answers it
 * itself (the gateway adds no CORS or other headers).
 */
export interface GatewayMount {
  /** e.g. `/local-issuer` */
  readonly path: string;
  handle(request: IncomingMessage & { originalUrl?: string }, response: ServerResponse): Promise<void>;
  /** The log's name for a path below `path` (without the query), with any ids or tokens in it left out. */
  label?(path: string): string;
}

/** The mount a path is under, if any. */
function mountFor(mounts: readonly GatewayMount[], path: string): GatewayMount | undefined {
  return mounts.find((mount) => path === mount.path || path.startsWith(`${mount.path}/`));
}

export interface LocalGateway {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

interface CompiledRoute {
  readonly route: RouteDef;
  readonly routeKey: string;
  readonly pattern: RegExp;
  readonly parameterNames: string[];
}

function compile(route: RouteDef): CompiledRoute {
  const parameterNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const greedy = /^\{(\w+)\+\}$/.exec(segment);
      if (greedy?.[1] !== undefined) {
        parameterNames.push(greedy[1]);
        return '(.+)';
      }
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (parameter?.[1] !== undefined) {
        parameterNames.push(parameter[1]);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return {
    route,
    routeKey: `${route.method} ${route.path}`,
    pattern: new RegExp(`^${source}$`),
    parameterNames,
  };
}

export type RouteMatch =
  | {
      readonly kind: 'route';
      readonly compiled: CompiledRoute;
      readonly pathParameters: Record<string, string>;
    }
  | { readonly kind: 'method-not-allowed'; readonly allowed: string[] }
  | { readonly kind: 'not-found' };

export function matchRoute(compiled: readonly CompiledRoute[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const candidate of compiled) {
    const match = candidate.pattern.exec(path);
    if (match === null) continue;
    if (candidate.route.method !== method) {
      allowed.push(candidate.route.method);
      continue;
    }
    const pathParameters: Record<string, string> = {};
    candidate.parameterNames.forEach((name, index) => {
      const raw = match[index + 1] ?? '';
      try {
        pathParameters[name] = decodeURIComponent(raw);
      } catch {
        pathParameters[name] = raw;
      }
    });
    return { kind: 'route', compiled: candidate, pathParameters };
  }
  return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}

const TEXT_TYPES =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|graphql|[\w.+-]+\+(json|xml)))/i;

/** API Gateway's access-log time format: 22/Nov/2026:10:15:00 +0000. */
function requestTime(date: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

export interface RawRequest {
  readonly method: string;
  /** Path and query as received, e.g. `/v1/confirm/abc?lang=sv`. */
  readonly url: string;
  /** Header names as received; repeated headers as arrays. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly host: string;
}

/** The event API Gateway's HTTP API sends with payload format 2.0. */
export function buildEvent(
  request: RawRequest,
  routeKey: string,
  pathParameters: Record<string, string>,
  requestId: string,
  now = new Date(),
): APIGatewayProxyEventV2 {
  const queryIndex = request.url.indexOf('?');
  const rawPath = queryIndex === -1 ? request.url : request.url.slice(0, queryIndex);
  const rawQueryString = queryIndex === -1 ? '' : request.url.slice(queryIndex + 1);

  const headers: Record<string, string> = {};
  let cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    const values = Array.isArray(value) ? value : [value];
    // Payload 2.0 moves cookies out of the headers into their own array.
    if (lower === 'cookie') cookies = values.flatMap((v) => v.split(/;\s*/)).filter((c) => c !== '');
    else headers[lower] = values.join(',');
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${request.sourceIp}`
    : request.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= request.host.split(':')[1] ?? '80';
  headers['x-amzn-trace-id'] ??=
    `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomUUID().replaceAll('-', '').slice(0, 24)}`;

  // Repeated query parameters are joined with commas, as API Gateway does for payload 2.0.
  const query = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(rawQueryString))
    query.set(name, [...(query.get(name) ?? []), value]);

  const contentType = headers['content-type'] ?? '';
  const isText = contentType === '' || TEXT_TYPES.test(contentType);
  const [method] = routeKey.split(' ') as [string];
  const host = headers.host ?? request.host;

  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: LOCAL_ACCOUNT,
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: request.body.length > 0 && !isText,
  };
  if (cookies.length > 0) event.cookies = cookies;
  if (query.size > 0)
    event.queryStringParameters = Object.fromEntries([...query].map(([k, v]) => [k, v.join(',')]));
  if (Object.keys(pathParameters).length > 0) event.pathParameters = pathParameters;
  if (request.body.length > 0)
    event.body = isText ? request.body.toString('utf8') : request.body.toString('base64');
  return event;
}

export interface HttpResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: string[];
  readonly body: Buffer;
}

/**
 * What API Gateway makes of a handler's return value: a structured result as given; anything else
 * (a string, an object without statusCode) becomes a 200 application/json response.
 */
export function toHttpResult(result: unknown): HttpResult {
  const isStructured = typeof result === 'object' && result !== null && 'statusCode' in result;
  if (!isStructured) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    return {
      statusCode: 200,
      headers: { 'content-type': 'application/json' },
      cookies: [],
      body: Buffer.from(body),
    };
  }
  const structured = result as APIGatewayProxyStructuredResultV2;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  const text = structured.body ?? '';
  return {
    statusCode: structured.statusCode ?? 200,
    headers,
    cookies: structured.cookies ?? [],
    body: structured.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8'),
  };
}

function jsonResult(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify(body)),
  };
}

const notFound = () =>
  jsonResult(404, { error: { code: 'not_found', message: 'No route matches this path', fields: {} } });

function originAllowed(cors: CorsConfig, origin: string): boolean {
  return cors.allowOrigins.includes('*') || cors.allowOrigins.includes(origin);
}

/** The CORS headers the HTTP API adds (and which replace any the handler set) for an allowed origin. */
function corsHeaders(
  cors: CorsConfig | undefined,
  origin: string | undefined,
  preflight: boolean,
): Record<string, string> {
  if (cors === undefined || origin === undefined || !originAllowed(cors, origin)) return {};
  const headers: Record<string, string> = {
    'access-control-allow-origin': cors.allowOrigins.includes('*') && !cors.allowCredentials ? '*' : origin,
    vary: 'origin',
  };
  if (cors.allowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (preflight) {
    headers['access-control-allow-methods'] = (cors.allowMethods ?? ['*']).join(',');
    if (cors.allowHeaders !== undefined)
      headers['access-control-allow-headers'] = cors.allowHeaders.join(',');
    if (cors.maxAgeSeconds !== undefined) headers['access-control-max-age'] = String(cors.maxAgeSeconds);
  } else if (cors.exposeHeaders !== undefined) {
    headers['access-control-expose-headers'] = cors.exposeHeaders.join(',');
  }
  return headers;
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * In AWS every concurrent request has a Lambda environment, and its CPU, of its own; here they all share
 * one process. Hundreds started at once would each get a sliver of the CPU, and their deadlines (counted
 * from the start, as Lambda's are) would run out while they wait for it. So a burst queues for a slot, as
 * invocations over a function's concurrency do, and each deadline starts when its invocation does.
 */
function invocationSlots(size: number) {
  let free = size;
  const waiting: (() => void)[] = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (free > 0) free -= 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

export function createGatewayHandler(options: Omit<GatewayOptions, 'port' | 'portEnvVar'>) {
  const compiled = options.routes.map(compile);
  const inSlot = invocationSlots(options.concurrency ?? 48);
  const log = options.log ?? ((line: string) => console.log(line));

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = request.method ?? 'GET';
    const mountedPath = (request.url ?? '/').split('?')[0] ?? '/';
    const mount = mountFor(options.mounts ?? [], mountedPath);
    if (mount !== undefined) {
      await forward(mount, request, response);
      const below = mountedPath.slice(mount.path.length) || '/';
      const label = `${mount.path}${mount.label ? mount.label(below) : '/…'}`;
      log(`${method} ${label} ${response.statusCode} ${Math.round(performance.now() - started)}ms`);
      return;
    }
    const requestId = randomUUID();
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : undefined;
    let label = `${method} (no route)`;
    let result: HttpResult;
    try {
      const url = request.url ?? '/';
      const path = url.split('?')[0] ?? '/';
      const preflight =
        method === 'OPTIONS' &&
        options.cors !== undefined &&
        request.headers['access-control-request-method'] !== undefined;
      if (preflight) {
        // The HTTP API answers preflight requests itself, for every path, without calling a handler.
        label = 'OPTIONS (preflight)';
        request.resume();
        result = {
          statusCode: 204,
          headers: corsHeaders(options.cors, origin, true),
          cookies: [],
          body: Buffer.alloc(0),
        };
      } else {
        const match = matchRoute(compiled, method, path);
        if (match.kind === 'not-found') {
          request.resume();
          result = notFound();
        } else if (match.kind === 'method-not-allowed') {
          request.resume();
          result = jsonResult(
            405,
            {
              error: {
                code: 'method_not_allowed',
                message: `Use ${match.allowed.join(' or ')} for this path`,
                fields: {},
              },
            },
            { allow: match.allowed.join(', ') },
          );
        } else {
          label = match.compiled.routeKey;
          result = await invoke(match, request, requestId);
        }
      }
      const cors = corsHeaders(options.cors, origin, false);
      result = { ...result, headers: { ...result.headers, ...cors } };
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        result = jsonResult(413, { message: 'Request Entity Too Large' });
        response.setHeader('connection', 'close');
      } else {
        // The handler threw: API Gateway hides the error, CloudWatch (here: stderr) has it.
        console.error(`${label} failed:`, error);
        result = jsonResult(500, { message: 'Internal Server Error' });
      }
    }
    const headers: Record<string, string | string[]> = { ...result.headers, 'apigw-requestid': requestId };
    if (result.cookies.length > 0) headers['set-cookie'] = result.cookies;
    response.writeHead(result.statusCode, headers);
    response.end(result.body);
    // The route key, never the raw path: paths carry tokens that grant access.
    log(`${label} ${result.statusCode} ${Math.round(performance.now() - started)}ms`);
  };

  async function forward(mount: GatewayMount, request: IncomingMessage, response: ServerResponse) {
    const originalUrl = request.url ?? '/';
    const mounted = Object.assign(request, { originalUrl, url: originalUrl.slice(mount.path.length) });
    if (!mounted.url.startsWith('/')) mounted.url = `/${mounted.url}`;
    try {
      await mount.handle(mounted, response);
    } catch (error) {
      console.error(`${request.method} ${mount.path} failed:`, error);
      if (!response.headersSent) {
        const failed = jsonResult(500, { message: 'Internal Server Error' });
        response.writeHead(failed.statusCode, failed.headers);
        response.end(failed.body);
      } else response.end();
    }
  }

  async function invoke(
    match: Extract<RouteMatch, { kind: 'route' }>,
    request: IncomingMessage,
    requestId: string,
  ): Promise<HttpResult> {
    const body = await readBody(request);
    const event = buildEvent(
      {
        method: match.compiled.route.method,
        url: request.url ?? '/',
        headers: request.headers,
        body,
        sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        host: request.headers.host ?? '127.0.0.1',
      },
      match.compiled.routeKey,
      match.pathParameters,
      requestId,
    );
    if (match.compiled.route.auth === 'coordinator') {
      const identity = options.authorizeCoordinator
        ? await options.authorizeCoordinator(event.headers as Record<string, string>)
        : undefined;
      if (identity === undefined) return jsonResult(401, { message: 'Unauthorized' });
      if ('deny' in identity) {
        return jsonResult(
          401,
          { message: 'Unauthorized' },
          {
            'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${identity.deny}"`,
          },
        );
      }
      Object.assign(event.requestContext, { authorizer: { jwt: identity } });
    }
    const handler = await options.loadHandler(entryFor(match.compiled.route.fn));
    return toHttpResult(await inSlot(async () => handler(event, lambdaContext(match.compiled.route.fn))));
  }
}

export async function startGateway(options: GatewayOptions): Promise<LocalGateway> {
  await assertPortFree(options.port, 'API', options.portEnvVar ?? 'PORT');
  const handle = createGatewayHandler(options);
  const server: Server = createServer((request, response) => {
    void handle(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The HTTP API's CORS configuration from the template, if the stack sets one. */
export function corsFromTemplate(apiProperties: Record<string, unknown> | undefined): CorsConfig | undefined {
  const cors = apiProperties?.CorsConfiguration as
    | {
        AllowOrigins?: string[];
        AllowMethods?: string[];
        AllowHeaders?: string[];
        ExposeHeaders?: string[];
        MaxAge?: number;
        AllowCredentials?: boolean;
      }
    | undefined;
  if (cors?.AllowOrigins === undefined) return undefined;
  return {
    allowOrigins: cors.AllowOrigins,
    ...(cors.AllowMethods === undefined ? {} : { allowMethods: cors.AllowMethods }),
    ...(cors.AllowHeaders === undefined ? {} : { allowHeaders: cors.AllowHeaders }),
    ...(cors.ExposeHeaders === undefined ? {} : { exposeHeaders: cors.ExposeHeaders }),
    ...(cors.MaxAge === undefined ? {} : { maxAgeSeconds: cors.MaxAge }),
    ...(cors.AllowCredentials === undefined ? {} : { allowCredentials: cors.AllowCredentials }),
  };
}
