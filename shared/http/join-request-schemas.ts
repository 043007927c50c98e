import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { email, singleLine } from './form-fields.ts';
import { meta } from './zod-meta.ts';

/*
 * The public join request form and its answer; one schema validates, types and documents each. Group
 * proposals are in group-proposal-schemas.ts and the coordinators' in admin-*-schemas.ts, so no
 * function builds schemas of another's routes.
 */

export const JoinRequestBody = meta(
  z.strictObject({
    name: meta(singleLine(120), { example: 'Ola Nordmann' }),
    email: meta(email, {
      description: 'Work email address: its domain decides whether a seat is given at once',
    }),
    organisation: singleLine(160),
    role: singleLine(120),
    message: meta(z.optional(z.string().check(z.trim(), z.maxLength(4000))), {
      description: 'A note to the coordinators',
    }),
    language: z.optional(z.enum(languages)),
    consent: z.literal(true, 'consent_required'),
    homepage: meta(z.optional(z.string().check(z.maxLength(500))), {
      description: 'Leave empty (a field only bots fill in)',
    }),
  }),
  { id: 'JoinRequestBody' },
);

export type JoinRequestBody = z.output<typeof JoinRequestBody>;

export const JoinRequestAccepted = meta(
  z.object({ id: z.string(), status: z.literal('pending_confirmation') }),
  { id: 'JoinRequestAccepted' },
);
