import type { ErrorCode } from './messages.ts';

/**
 * An answer the caller can act on: a status, a stable code, and per-field problems already worded in
 * the request's language. The error middleware turns it into JSON or an HTML page.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

export const notFound = (code: ErrorCode = 'not_found') => new HttpError(404, code);
export const gone = (code: ErrorCode) => new HttpError(410, code);
export const validationFailed = (fields: Record<string, string>) =>
  new HttpError(400, 'validation_failed', fields);
