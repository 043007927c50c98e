import { createHash, randomBytes } from 'node:crypto';

/**
 * Link tokens: 256 random bits, sent only in the email, stored only as a SHA-256 hash (a leaked table
 * does not leak working links), single use and expiring by what the store records next to the hash.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Rejects anything that cannot be a token before it costs a database read. */
export function isTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
