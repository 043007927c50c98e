import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* What a confirmation link answers a program that asks for JSON (a browser gets the same as a page). */

/** One path confirms three things; the JSON says where each stands. */
export const ConfirmResult = meta(
  z.union([
    meta(z.object({ status: z.enum(['confirmed', 'already_confirmed']), networkId: z.string() }), {
      description: 'A registration of interest',
    }),
    meta(
      z.object({
        status: z.enum(['approved', 'waitlisted', 'pending_approval']),
        waitlistPosition: z.optional(z.number().check(z.int())),
      }),
      { description: 'A request to join a group: a seat, the waitlist, or a coordinator decides' },
    ),
    meta(
      z.object({
        status: z.enum(['proposed', 'accepted', 'declined']),
        proposalId: z.string(),
      }),
      { description: 'A group proposal' },
    ),
  ]),
  { id: 'ConfirmResult' },
);
