import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type Language, languages } from '../i18n.ts';
import { logContext, logger, redactError } from '../logger.ts';
import type { errorPage } from '../pages/pages.ts';
import { type Conform, conformer } from './contract.ts';
import { HttpError } from './errors.ts';
import { fromAcceptLanguage } from './language.ts';
import { errorMessages } from './messages.ts';
import { type ApiRequest, type BodyMode, prefersHtml, toApiRequest } from './request.ts';
import { type ApiResult, json } from './responses.ts';
import type { RouteDef } from './routes/common.ts';

/** AWS errors that mean "slow down", not "broken": the caller may retry, so they get a 503. */
const throttling = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'Throttling',
  // shared/store/errors.ts: a store write that kept losing a race; nothing changed.
  'StillContendedException',
]);

/** The request a handler built, so the error middleware can answer in the language found so far. */
const requests = new WeakMap<APIGatewayProxyEventV2, ApiRequest>();

/**
 * A transaction DynamoDB cancelled because it collided with another on one of its items, or was throttled
 * part way. The store turns failed conditions into outcomes; one that reaches here failed for these only.
 */
const retryableCancellations = new Set([
  'TransactionConflict',
  'ThrottlingError',
  'ProvisionedThroughputExceeded',
]);

function isRetryableCancellation(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((reason) => retryableCancellations.has(reason.Code ?? ''));
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const name = error instanceof Error ? error.name : 'Unknown';
  if (throttling.has(name) || isRetryableCancellation(error)) {
    logger.warn('throttled by a dependency', { errorName: name });
    return new HttpError(503, 'service_unavailable', {}, { 'retry-after': '1' });
  }
  // The message and stack may be logged: samla's own errors carry no personal data, and SDK errors name
  // resources, not people.
  if (error instanceof Error) logger.error('unexpected error', redactError(error));
  else logger.error('unexpected non-error thrown', { errorName: name });
  return new HttpError(500, 'internal_error');
}

function languageOf(event: APIGatewayProxyEventV2): Language {
  return (
    requests.get(event)?.language ?? fromAcceptLanguage(event.headers?.['accept-language'], languages) ?? 'en'
  );
}

/**
 * An error as a page for a browser, the whole answer (headers too): only the public routes have one
 * (public-handler.ts), so no other function bundles a page, its stylesheet or its policy.
 */
export type ErrorPageRenderer = (
  page: Parameters<typeof errorPage>[0],
  headers: Readonly<Record<string, string>> | undefined,
) => ApiResult;

function errorAnswer(event: APIGatewayProxyEventV2, error: HttpError, page?: ErrorPageRenderer): ApiResult {
  const language = languageOf(event);
  const message = errorMessages[language][error.code];
  return page && prefersHtml(event.headers?.accept)
    ? page({ language, status: error.status, code: error.code, message, fields: error.fields }, error.headers)
    : json(error.status, { error: { code: error.code, message, fields: error.fields } }, error.headers);
}

/**
 * Every answer leaves as the OpenAPI document describes it (see contract.ts): a JSON body is rebuilt from
 * its response schema. One the document does not describe is a bug, and must not reach the caller as it
 * is (it may carry what was never meant to leave): it is logged and answered as an internal error.
 */
function documented(
  conform: Conform,
  event: APIGatewayProxyEventV2,
  result: ApiResult,
  page: ErrorPageRenderer | undefined,
): ApiResult {
  const verdict = conform(event.routeKey, result);
  if ('ok' in verdict) return verdict.ok;
  logger.error('answer not as documented: sent as an internal error', {
    status: result.statusCode,
    reason: verdict.breach,
    ...(verdict.issues ? { issues: verdict.issues.slice(0, 20) } : {}),
  });
  return errorAnswer(event, new HttpError(500, 'internal_error'), page);
}

/**
 * The one place errors become answers: registered first, so middy runs its onError last, after any
 * other middleware had its say.
 */
function errorResponder(
  conform: Conform,
  page: ErrorPageRenderer | undefined,
): middy.MiddlewareObj<APIGatewayProxyEventV2, ApiResult> {
  return {
    onError: (request) => {
      request.response = documented(
        conform,
        request.event,
        errorAnswer(request.event, asHttpError(request.error), page),
        page,
      );
    },
  };
}

export type RouteHandler = (request: ApiRequest, context: Context) => Promise<ApiResult>;

export interface HttpHandlerOptions {
  readonly body: BodyMode;
  /**
   * The routes of the function it serves (routes/<function>.ts, never the whole table): what its answers
   * are conformed to.
   */
  readonly routes: readonly RouteDef[];
  /** Runs before the body is parsed and may throw an HttpError (401/403): see coordinatorHandler. */
  readonly authorize?: (event: APIGatewayProxyEventV2) => void;
  /**
   * Errors as pages when the Accept header prefers HTML (a browser following a link or posting a form):
   * the public routes' (public-handler.ts). Without it every error is JSON, as the admin API answers, and
   * the function bundles no page.
   */
  readonly errorPage?: ErrorPageRenderer;
}

/** Wraps a route: body parsing and limits, then the handler, with errors mapped in one place. */
export function httpHandler(handle: RouteHandler, options: HttpHandlerOptions) {
  const conform = conformer(options.routes);
  return middy<APIGatewayProxyEventV2, ApiResult>()
    .use(errorResponder(conform, options.errorPage))
    .use(logContext())
    .handler(async (event, context) => {
      logger.appendKeys({ route: event.routeKey });
      options.authorize?.(event);
      const request = toApiRequest(event, options.body);
      requests.set(event, request);
      return documented(conform, event, await handle(request, context), options.errorPage);
    });
}
