import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Language } from '../i18n.ts';
import { HttpError } from './errors.ts';
import { maxBodyBytes } from './limits.ts';

export interface ApiRequest {
  readonly event: APIGatewayProxyEventV2;
  readonly params: Readonly<Record<string, string>>;
  /** The parsed body: an object for JSON or a form post, undefined when the route takes none. */
  readonly body: unknown;
  /** A plain HTML form post: success answers with a redirect or a page instead of JSON. */
  readonly form: boolean;
  /** The caller reads HTML (a browser), so errors and results are pages. */
  readonly wantsHtml: boolean;
  readonly acceptLanguage: string | undefined;
  /** Set by the handler once known, so that errors thrown later speak the person's language. */
  language?: Language;
}

/** `optional`: a link's button posts an empty form, or a form with a field or two (e.g. a message). */
export type BodyMode = 'json-or-form' | 'optional' | 'none';

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** `text/html` preferred over JSON: what a browser asks for, and neither curl nor fetch by default. */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}

/**
 * Form fields as an object; a repeated name (several checkboxes) becomes a list. A browser posts a
 * textarea's line breaks as CRLF while its maxlength counted each as one character: read as LF, a text
 * the form let someone write is not too long here, and stored texts have one kind of line break.
 */
export function formFields(raw: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  for (const [name, posted] of new URLSearchParams(raw)) {
    const value = posted.replaceAll('\r\n', '\n');
    const seen = fields[name];
    if (seen === undefined) fields[name] = value;
    else fields[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return { ...fields };
}

function parseBody(event: APIGatewayProxyEventV2, type: string): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) throw new HttpError(413, 'payload_too_large');
  const text = bytes.toString('utf8');
  if (type === 'application/json') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new HttpError(400, 'invalid_json');
    }
  }
  if (type === 'application/x-www-form-urlencoded') return formFields(text);
  throw new HttpError(415, 'unsupported_media_type');
}

/**
 * Every id in a path is short (a network id, a uuid, a 43-character token). A longer one names nothing,
 * and as part of a DynamoDB key (2048 bytes at most) it would fail the lookup with a ValidationException.
 */
export const maxPathParameterBytes = 256;

function pathParameters(event: APIGatewayProxyEventV2): Record<string, string> {
  const params = (event.pathParameters ?? {}) as Record<string, string>;
  for (const value of Object.values(params))
    if (Buffer.byteLength(value, 'utf8') > maxPathParameterBytes) throw new HttpError(404, 'not_found');
  return params;
}

function bodyOf(event: APIGatewayProxyEventV2, mode: BodyMode, type: string): unknown {
  if (mode === 'none' || event.requestContext.http.method === 'GET') return undefined;
  // An empty form post (a link's button) is a form without fields: `form` always comes with an object.
  if (mode === 'optional' && !event.body)
    return type === 'application/x-www-form-urlencoded' ? {} : undefined;
  return parseBody(event, type);
}

export function toApiRequest(event: APIGatewayProxyEventV2, mode: BodyMode): ApiRequest {
  const headers = event.headers ?? {};
  const type = mediaType(headers['content-type']);
  return {
    event,
    params: pathParameters(event),
    body: bodyOf(event, mode, type),
    form: type === 'application/x-www-form-urlencoded',
    wantsHtml: prefersHtml(headers.accept),
    acceptLanguage: headers['accept-language'],
  };
}

/** A program asking for JSON explicitly; browsers and curl's default get a page. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  const html = accept.indexOf('text/html');
  return json >= 0 && (html < 0 || json < html);
}
