import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { errorPage } from '../pages/pages.ts';
import { type HttpHandlerOptions, httpHandler, type RouteHandler } from './middleware.ts';
import { type ApiResult, html } from './responses.ts';

/**
 * httpHandler for the routes people reach from a link or a form: an error is a page in their language
 * when their browser asks for HTML. The admin API (coordinatorHandler) answers JSON only, so its
 * functions carry no page at all.
 */
export function publicHandler(
  handle: RouteHandler,
  options: Omit<HttpHandlerOptions, 'errorPage'>,
): (event: APIGatewayProxyEventV2, context: Context) => Promise<ApiResult> {
  return httpHandler(handle, {
    ...options,
    errorPage: (page, headers) => html(page.status, errorPage(page), headers),
  });
}
