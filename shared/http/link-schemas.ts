import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/*
 * What an emailed link answers a program that asks for JSON (Accept: application/json) once it has acted,
 * or had acted before. A browser gets the same outcome as a page.
 */

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

export const RsvpResult = meta(
  z.object({ result: z.enum(['rsvp-recorded-yes', 'rsvp-recorded-no', 'rsvp-recorded-no-series']) }),
  { id: 'RsvpResult' },
);

export const UnsubscribeResult = meta(
  z.object({
    result: z.enum(['unsubscribed', 'resubscribed']),
    scope: z.enum(['reminders', 'all', 'digest', 'none']),
  }),
  { id: 'UnsubscribeResult' },
);

export const PrivacyLinkResult = meta(z.object({ result: z.enum(['export_sent', 'erased', 'staying']) }), {
  id: 'PrivacyLinkResult',
});

export const FeedbackRecorded = meta(z.object({ status: z.literal('recorded'), anonymous: z.boolean() }), {
  id: 'FeedbackRecorded',
});
