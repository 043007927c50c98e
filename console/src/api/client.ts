import createClient from 'openapi-fetch';
import type { Auth } from '../auth.ts';
import type { Language } from '../i18n.ts';
import type { components, paths } from './schema';

/**
 * The admin API, typed from its OpenAPI document (schema.d.ts, generated: `npm run console:types`), so a
 * change of a route that breaks a screen fails `npm run typecheck`.
 *
 * Every call carries the coordinator's ID token and the console's language (the API answers errors in
 * it). A 401 means the session ended: the coordinator signs in again and comes back to the same screen
 * (forms keep what was typed in sessionStorage, see forms.ts). A 503 is tried once more, then said.
 */
export type Schemas = components['schemas'];

export type ApiErrorKind =
  | 'invalid'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'network'
  | 'other';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (as the API names it, e.g. `capacity`, `evaluation.closeAfterDays`) → message. */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 400 || status === 422) return 'invalid';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409 || status === 410) return 'conflict';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  return 'other';
}

interface Envelope {
  error?: { code?: unknown; message?: unknown; fields?: unknown };
}

/**
 * The API's error envelope `{ error: { code, message, fields } }` as an ApiError. `body` is what
 * openapi-fetch parsed from the answer (its `error`: JSON, or the text when it was not JSON), since it has
 * read the body by then.
 */
export function errorFrom(response: Response, body: unknown): ApiError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Envelope;
  const error = envelope.error ?? {};
  const fields =
    typeof error.fields === 'object' && error.fields !== null
      ? Object.fromEntries(
          Object.entries(error.fields as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : {};
  return new ApiError(
    kindOf(response.status),
    response.status,
    typeof error.code === 'string' ? error.code : `http_${response.status}`,
    typeof error.message === 'string' ? error.message : response.statusText,
    fields,
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from Retry-After, kept short: a person is waiting in front of the screen. */
function retryDelayMs(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3) * 1000 : 500;
}

export function createApi(options: { baseUrl: string; auth: Auth; language: () => Language }) {
  const send = async (request: Request): Promise<Response> => {
    const token = await options.auth.idToken();
    if (token === undefined) return options.auth.signIn();
    const headers = new Headers(request.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('accept-language', options.language());
    const body = request.body === null ? undefined : await request.clone().arrayBuffer();
    const attempt = async () => {
      try {
        return await fetch(request.url, { method: request.method, headers, body, credentials: 'omit' });
      } catch {
        throw new ApiError('network', 0, 'network', 'network');
      }
    };
    let response = await attempt();
    if (response.status === 503) {
      await sleep(retryDelayMs(response));
      response = await attempt();
    }
    if (response.status === 401) return options.auth.signIn();
    return response;
  };
  return createClient<paths>({ baseUrl: options.baseUrl, fetch: send });
}

export type Api = ReturnType<typeof createApi>;

/** The data of an answer, or its error as an ApiError (what screens catch and show). */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFrom(response, error);
  return data as T;
}
