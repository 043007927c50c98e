/**
 * Requests for any route of the route table, from its path and its schemas: path values real and bogus,
 * bodies valid and hostile, encoded as JSON, as a form, or as something else entirely.
 */
import fc from 'fast-check';
import * as z from 'zod';
import { maxBodyBytes } from '../../shared/http/limits.ts';
import { formFields } from '../../shared/http/request.ts';
import type { RouteDef } from '../../shared/http/routes.ts';
import { fromForm } from '../../shared/http/schemas.ts';
import {
  acceptHeaders,
  acceptLanguages,
  anyString,
  bogusPathValue,
  contentTypes,
  junkBodies,
  pollutingKey,
} from './hostile.ts';
import { hostileArbitrary, validArbitrary } from './zod-arbitrary.ts';

export type Encoding = 'json' | 'form' | 'raw' | 'none';

export interface FuzzRequest {
  readonly route: RouteDef;
  readonly method: string;
  /** Path and query, already percent-encoded. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | undefined;
  readonly encoding: Encoding;
  /** The value behind a JSON or form body. */
  readonly payload?: unknown;
  /** Every path value names something that exists (a real token among them). */
  readonly realPath: boolean;
}

export interface FuzzTargets {
  /** Existing values per path parameter name, e.g. `networkId: ['demo']`. */
  readonly params: Readonly<Record<string, readonly string[]>>;
  /** Real link tokens by the path's first segment (`confirm`, `leave`, …). */
  readonly tokens: Readonly<Record<string, readonly string[]>>;
}

const pathNames = (route: RouteDef) => [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => m[1] as string);

/** The link kind of a token route: `/v1/leave/{token}` → `leave`. */
export const linkKind = (route: RouteDef) => route.path.split('/')[2] ?? '';

/**
 * Percent-encodes every byte outside the unreserved set, so any string (lone surrogates become U+FFFD,
 * as UTF-8 has no way to carry them) is one path segment.
 */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9_.~-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Raw segments no encoder would produce: broken escapes, an encoded slash, overlong UTF-8. */
const rawSegments = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%2F',
  '%2e%2e',
  '%00',
  '%FF%FE',
);

interface PathChoice {
  readonly segment: string;
  readonly real: boolean;
}

function pathValue(route: RouteDef, name: string, targets: FuzzTargets): fc.Arbitrary<PathChoice> {
  const bogus = fc.oneof(
    { weight: 6, arbitrary: bogusPathValue.map((value) => encodeSegment(value)) },
    { weight: 1, arbitrary: rawSegments },
  );
  const options: fc.WeightedArbitrary<PathChoice>[] = [
    { weight: 4, arbitrary: bogus.map((segment) => ({ segment, real: false })) },
  ];
  const real = targets.params[name] ?? [];
  if (real.length > 0)
    options.push({
      weight: 6,
      arbitrary: fc.constantFrom(...real).map((v) => ({ segment: encodeSegment(v), real: true })),
    });
  if (name === 'token') {
    const own = targets.tokens[linkKind(route)] ?? [];
    const others = Object.entries(targets.tokens)
      .filter(([kind]) => kind !== linkKind(route))
      .flatMap(([, tokens]) => tokens);
    if (own.length > 0)
      options.push({
        weight: 5,
        arbitrary: fc.constantFrom(...own).map((segment) => ({ segment, real: true })),
      });
    // Another kind's token. A function serving several kinds of link takes any of their tokens on any
    // of their paths (the token's purpose decides what happens), so it counts as real: it may act.
    if (others.length > 0)
      options.push({
        weight: 1,
        arbitrary: fc.constantFrom(...others).map((segment) => ({ segment, real: true })),
      });
  }
  return fc.oneof(...options);
}

/** A form body for a value: lists as repeated fields, objects as `parent.child`, booleans as checkboxes. */
export function toForm(value: unknown): string {
  const params = new URLSearchParams();
  const put = (name: string, field: unknown): void => {
    if (Array.isArray(field)) for (const item of field) put(name, item);
    else if (typeof field === 'object' && field !== null)
      for (const [key, inner] of Object.entries(field)) put(name ? `${name}.${key}` : key, inner);
    else if (typeof field === 'boolean') {
      if (field) params.append(name, 'on');
    } else params.append(name, field === null || field === undefined ? '' : String(field));
  };
  put('', value);
  return params.toString();
}

/**
 * The body of a route with a schema: valid or hostile, as JSON or a form, or junk with any content type.
 * A route without one (an emailed link's button) gets an empty post, a small form, or junk.
 */
function bodyFor(route: RouteDef): fc.Arbitrary<{
  body: string | undefined;
  contentType: string | undefined;
  encoding: Encoding;
  payload?: unknown;
}> {
  const schema = route.body ?? z.object({ message: z.string().max(1000).optional() });
  const value = fc.oneof(
    { weight: route.body ? 4 : 1, arbitrary: validArbitrary(schema) },
    { weight: 5, arbitrary: hostileArbitrary(schema) },
  );
  const json = value.map((payload) => ({
    body: JSON.stringify(payload),
    contentType: 'application/json' as string | undefined,
    encoding: 'json' as const,
    payload,
  }));
  const form = value.map((payload) => ({
    body: toForm(payload),
    contentType: 'application/x-www-form-urlencoded' as string | undefined,
    encoding: 'form' as const,
    payload,
  }));
  // Keys JSON.stringify would never write next to the others: `__proto__` as an own key, in the text.
  const polluted = fc.tuple(value, pollutingKey, anyString).map(([payload, key, extra]) => {
    const text = JSON.stringify(payload) ?? '{}';
    const body = text.startsWith('{')
      ? `{${JSON.stringify(key)}:${JSON.stringify({ polluted: extra })},${text.slice(1)}`
      : text;
    return { body: body.replace(',}', '}'), contentType: 'application/json', encoding: 'json' as const };
  });
  const pollutedForm = fc.tuple(value, pollutingKey, anyString).map(([payload, key, extra]) => ({
    body: `${encodeURIComponent(key)}=${encodeURIComponent(extra.replace(/[\uD800-\uDFFF]/g, ''))}&${toForm(payload)}`,
    contentType: 'application/x-www-form-urlencoded',
    encoding: 'form' as const,
  }));
  const raw = fc
    .tuple(
      junkBodies,
      fc.oneof(contentTypes, fc.constantFrom('application/json', 'application/x-www-form-urlencoded')),
    )
    .map(([body, contentType]) => ({ body, contentType, encoding: 'raw' as const }));
  const valueWithOtherType = fc.tuple(value, contentTypes).map(([payload, contentType]) => ({
    body: JSON.stringify(payload),
    contentType,
    encoding: 'raw' as const,
  }));
  const empty = fc.constant({ body: undefined, contentType: undefined, encoding: 'none' as const });
  return fc.oneof(
    { weight: 8, arbitrary: json },
    { weight: 4, arbitrary: form },
    { weight: 1, arbitrary: polluted },
    { weight: 1, arbitrary: pollutedForm },
    { weight: 2, arbitrary: raw },
    { weight: 1, arbitrary: valueWithOtherType },
    { weight: route.body ? 1 : 3, arbitrary: empty },
  );
}

/** A query string: the route's query schema when it has one, else a rating (the feedback form's) or junk. */
function queryFor(route: RouteDef): fc.Arbitrary<string> {
  const fields = route.query
    ? hostileArbitrary(route.query)
    : fc.record(
        { rating: fc.oneof(fc.integer({ min: -5, max: 15 }), fc.string({ unit: 'binary', maxLength: 30 })) },
        { requiredKeys: [] },
      );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: fields.map((value) => toForm(value)).map((q) => (q ? `?${q}` : '')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('?', '?&&', '?rating=%zz', '?a=1&a=2', `?x=${'y'.repeat(3000)}`),
    },
  );
}

/** One line per request: method, URL, headers and the start of the body. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body ? new TextDecoder().decode(request.body) : '';
  return `${request.method} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 300)} ${JSON.stringify(body.slice(0, 300))}`;
}

export function requestFor(route: RouteDef, targets: FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const names = pathNames(route);
  const takesBody = route.method !== 'GET' && route.method !== 'DELETE';
  return fc
    .record({
      path: fc.tuple(...names.map((name) => pathValue(route, name, targets))),
      query: queryFor(route),
      // fetch sends no body with a GET, and API Gateway would drop one.
      body: takesBody
        ? bodyFor(route)
        : fc.constant({ body: undefined, contentType: undefined, encoding: 'none' as const }),
      accept: acceptHeaders,
      language: acceptLanguages,
    })
    .map(({ path, query, body, accept, language }) => {
      let url = route.path;
      names.forEach((name, i) => {
        url = url.replace(new RegExp(`\\{${name}\\+?\\}`), (path[i] as PathChoice).segment);
      });
      const headers: Record<string, string> = {};
      if (body.contentType !== undefined) headers['content-type'] = body.contentType;
      if (accept !== undefined) headers.accept = accept;
      if (language !== undefined) headers['accept-language'] = language;
      const request: FuzzRequest = {
        route,
        method: route.method,
        url: `${url}${query}`,
        headers,
        // Bytes, not a string: fetch adds no content type of its own, so "none" stays none.
        body: body.body === undefined ? undefined : new TextEncoder().encode(body.body),
        encoding: takesBody ? body.encoding : 'none',
        ...('payload' in body ? { payload: body.payload } : {}),
        realPath: path.every((choice) => choice.real),
      };
      // A counterexample reads as the request it was, not as the route table's schemas.
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

/**
 * Whether the request can change anything, judged from the request alone: a GET never may; a post to a
 * path naming nothing real, or with a body its schema refuses (or that no content type carries), must
 * not. Used to pick the requests whose run must leave the table exactly as it was.
 */
export function mustNotWrite(request: FuzzRequest): boolean {
  const { route } = request;
  if (route.method === 'GET') return true;
  if (!request.realPath) return true;
  // A real path (and a real token among it) may act, unless the body is one its schema refuses.
  return route.body ? refusedBody(request, route.body) : false;
}

function refusedBody(request: FuzzRequest, schema: z.core.$ZodType): boolean {
  const text = request.body ? new TextDecoder().decode(request.body) : '';
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // A link's button may post nothing at all (its body is optional): that is an empty form.
  const optional = request.route.path.includes('{token}');
  if (optional && text === '') return refusedValue(schema, {});
  if (Buffer.byteLength(text) > maxBodyBytes) return true;
  try {
    if (type === 'application/json') return refusedValue(schema, JSON.parse(text) ?? (optional ? {} : null));
    if (type !== 'application/x-www-form-urlencoded') return true;
    // A handler validates the form's fields as they came, or shaped by fromForm: refused only if both are.
    const fields = formFields(text);
    return (
      refusedValue(schema, fields) && refusedValue(schema, fromForm(schema as z.core.$ZodObject, fields))
    );
  } catch {
    return true;
  }
}

function refusedValue(schema: z.core.$ZodType, value: unknown): boolean {
  const result = z.safeParse(schema, value);
  // A filled-in honeypot is accepted and dropped: nothing stored either.
  return result.success ? Boolean((result.data as { homepage?: unknown }).homepage) : true;
}
