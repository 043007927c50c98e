import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* What a group link (decisions, leaving, offers) answers a program that asks for JSON (a browser gets a page). */

export const GroupLinkResult = meta(
  z.object({
    result: z.enum([
      'join-request-approved',
      'join-request-waitlisted',
      'join-request-declined',
      'already-decided',
      'left-group',
      'left-waitlist',
      'offer-declined',
      'offer-accepted',
      'already-done',
    ]),
    position: meta(z.optional(z.number().check(z.int())), { description: 'The place on the waitlist' }),
  }),
  { id: 'GroupLinkResult' },
);
