import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { pageContentSecurityPolicy } from '../pages/pages.ts';

export type ApiResult = APIGatewayProxyStructuredResultV2;

/*
 * Every answer carries these. Links carry tokens in their path, so no page may leak its URL through
 * Referer; pages are static markup whose one style block the policy allows by hash.
 */
const common = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: {
      ...common,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

export function html(status: number, page: string, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: {
      ...common,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': pageContentSecurityPolicy,
      ...headers,
    },
    body: page,
  };
}

/** 303 so the browser follows with a GET: reloading the thank-you page never posts the form again. */
export function seeOther(location: string): ApiResult {
  return { statusCode: 303, headers: { ...common, location, 'cache-control': 'no-store' }, body: '' };
}
