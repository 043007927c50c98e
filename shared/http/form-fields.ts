import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { meta } from './zod-meta.ts';

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

/**
 * How the group forms end (a join request, a group proposal): a note to the coordinators, the language of
 * the answers, consent, and the field only bots fill in. Built where called, so a form without it builds none.
 */
export const groupFormEnd = () => ({
  message: meta(z.optional(z.string().check(z.trim(), z.maxLength(4000))), {
    description: 'A note to the coordinators',
  }),
  language: z.optional(z.enum(languages)),
  consent: z.literal(true, 'consent_required'),
  homepage: meta(z.optional(z.string().check(z.maxLength(500))), {
    description: 'Leave empty (a field only bots fill in)',
  }),
});
