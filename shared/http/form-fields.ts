import * as z from 'zod/mini';

/*
 * The field types the public forms share. Apart from schemas.ts, so that the forms' own schemas are built
 * only where they are used; reading a form post is form-posts.ts, so a form without an email field does
 * not build this one.
 */

/** Names, organisations and roles end up in email headers and greetings: one line, no control characters. */
export const singleLine = (max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line'));

export const email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email({ error: 'invalid_email' }),
);
