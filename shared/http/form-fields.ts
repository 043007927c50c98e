import * as z from 'zod/mini';
import { normaliseDomain } from '../domain/network.ts';
import { languages } from '../i18n.ts';
import { meta } from './zod-meta.ts';

/*
 * The field types the public forms share. Apart from schemas.ts, so that the forms' own schemas are built
 * only where they are used; reading a form post is form-posts.ts, so a form without an email field does
 * not build this one.
 */

/**
 * What a name pasted from a spreadsheet or a PDF may carry and a person does not see: a tab, a Unicode
 * line or paragraph separator. Each becomes a space; a real line break is still refused.
 */
const pastedSpaces = () => z.overwrite((value: string) => value.replace(/[\t\u0085\u2028\u2029]/g, ' '));
const oneLine = () => z.regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line');

/** Names, organisations and roles end up in email headers and greetings: one line, no control characters. */
export const singleLine = (max: number) =>
  z.string().check(pastedSpaces(), z.trim(), z.minLength(1), z.maxLength(max), oneLine());

/** singleLine that may be left empty. */
export const optionalSingleLine = (max: number) =>
  z.string().check(pastedSpaces(), z.trim(), z.maxLength(max), oneLine());

/**
 * The domain in ASCII (Punycode), as member domains are kept: Chromium posts `anna@skövde.se` as
 * `anna@xn--skvde-kua.se`, Firefox as typed (whatwg/html#4562), a program may send either, and all must
 * be one address (and pass the check at all).
 */
const asciiDomain = (address: string) => {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${normaliseDomain(address.slice(at + 1))}`;
};

export const email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.overwrite(asciiDomain), z.maxLength(254)),
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
