import { errorFrom } from '../api/client.ts';

/**
 * `unwrap` that keeps the API's field errors. openapi-fetch has already read an error answer's body (into
 * `error`) by the time `unwrap` calls `errorFrom`, whose `response.clone().json()` then fails, so every
 * ApiError came without `fields`. Until client.ts reads `error` itself, these screens rebuild the answer
 * from what openapi-fetch parsed.
 */
export async function unwrapFields<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = typeof error === 'string' ? error : JSON.stringify(error ?? null);
  throw await errorFrom(new Response(body, { status: response.status, statusText: response.statusText }));
}
