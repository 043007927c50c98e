// zod/mini, not classic zod: its functions are separate exports, so esbuild keeps only those used (classic's
// methods keep all of it alive), and a Lambda initialises ~12 ms sooner. A namespace import, not `{ z }`:
// esbuild then drops what is unused, zod's 40 locales among it.
import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { email, singleLine } from './form-fields.ts';
import { meta } from './zod-meta.ts';

// Kept importable from here; they live apart so that answering an error builds no form schema.
export { ErrorResponse, GatewayMessage, NetworkParams, TokenParams } from './common-schemas.ts';
export { email, singleLine } from './form-fields.ts';
export { fromForm } from './form-posts.ts';

/*
 * One schema per request: it validates, gives the handler its type and becomes the OpenAPI document.
 * Messages that are names of field problems (see messages.ts) are turned into the request's language.
 */

export const InterestRequest = meta(
  z.strictObject({
    name: meta(singleLine(120), { description: 'Full name', example: 'Anna Lindqvist' }),
    email: meta(email, {
      description: 'Work email address; it identifies the member',
      example: 'anna@skola.se',
    }),
    organisation: meta(singleLine(160), { description: 'School or organisation', example: 'Ekskolan' }),
    role: meta(singleLine(120), { description: 'Role, e.g. principal, board member', example: 'Rektor' }),
    topics: meta(z.array(singleLine(120)).check(z.maxLength(20)), {
      description: 'Topics the person wants to discuss',
      example: ['Skolans ekonomi'],
    }),
    message: meta(z.optional(z.string().check(z.trim(), z.maxLength(4000))), {
      description: 'Anything else the coordinators should know',
    }),
    language: meta(z.optional(z.enum(languages)), {
      description: 'Language of the emails; default the network’s first',
    }),
    consent: meta(z.literal(true, 'consent_required'), {
      description: 'Agreement to store the details (must be true)',
    }),
    homepage: meta(z.optional(z.string().check(z.maxLength(500))), {
      description: 'Leave empty. A hidden field that only bots fill in; such requests are dropped.',
    }),
  }),
  { id: 'InterestRequest' },
);
export type InterestRequest = z.output<typeof InterestRequest>;

export const RegistrationAccepted = meta(
  z.object({ id: z.string(), status: z.literal('pending_confirmation') }),
  { id: 'RegistrationAccepted' },
);
