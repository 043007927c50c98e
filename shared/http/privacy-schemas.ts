import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { email } from './form-fields.ts';
import { meta } from './zod-meta.ts';

/* Asking for a copy of one's data, or its erasure. */

export const PrivacyRequest = meta(
  z.strictObject({
    email: meta(email, { description: 'The address the data is held under', example: 'anna@skola.se' }),
    kind: meta(z.enum(['export', 'erase']), { description: 'export: email me my data; erase: delete it' }),
    language: meta(z.optional(z.enum(languages)), {
      description:
        'Language of the emails and pages; without it Accept-Language, and without that the language the person last used',
    }),
  }),
  { id: 'PrivacyRequest' },
);
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

export const PrivacyAccepted = meta(z.object({ status: z.literal('accepted') }), {
  id: 'PrivacyAccepted',
  description: 'Always the same answer: it reveals nothing about the address',
});
