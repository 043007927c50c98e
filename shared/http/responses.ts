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

/**
 * JSON text with `<`, `>` and `&` (and the JavaScript line separators) as \u escapes, as Go's encoding/json
 * writes them: the same value to any JSON parser, and nothing a browser could take for markup if an
 * answer were ever shown as HTML. Error answers name the fields they refuse, and a field's name is the
 * caller's text.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return {
    statusCode: status,
    headers: {
      ...common,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
    body: jsonText(body),
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
