import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* The unsubscribe link's POST and its JSON answer (a browser gets the same as a page). */

export const UnsubscribeResult = meta(
  z.object({
    result: z.enum(['unsubscribed', 'resubscribed']),
    scope: z.enum(['reminders', 'all', 'digest', 'none']),
  }),
  { id: 'UnsubscribeResult' },
);

/**
 * The POST behind an unsubscribe link: a choice from its page, or a mail client's RFC 8058 one-click
 * (`List-Unsubscribe=One-Click`), which takes the kind of mail the link came with.
 */
export const UnsubscribeBody = meta(
  z.object({
    scope: meta(z.optional(z.enum(['reminders', 'all', 'none'])), {
      description:
        'reminders: only the reminders; all: every mail from the network except answers to requests; none: turn them back on',
    }),
    'List-Unsubscribe': meta(z.optional(z.literal('One-Click')), {
      description: 'Sent by mail clients (RFC 8058)',
    }),
  }),
  { id: 'UnsubscribeBody' },
);
