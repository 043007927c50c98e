import * as z from 'zod';

/*
 * What an emailed link answers a program that asks for JSON (Accept: application/json) once it has acted,
 * or had acted before. A browser gets the same outcome as a page.
 */

export const GroupLinkResult = z
  .object({
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
    position: z.number().int().optional().meta({ description: 'The place on the waitlist' }),
  })
  .meta({ id: 'GroupLinkResult' });

export const RsvpResult = z
  .object({ result: z.enum(['rsvp-recorded-yes', 'rsvp-recorded-no', 'rsvp-recorded-no-series']) })
  .meta({ id: 'RsvpResult' });

export const UnsubscribeResult = z
  .object({
    result: z.enum(['unsubscribed', 'resubscribed']),
    scope: z.enum(['reminders', 'all', 'digest', 'none']),
  })
  .meta({ id: 'UnsubscribeResult' });

export const PrivacyLinkResult = z
  .object({ result: z.enum(['export_sent', 'erased', 'staying']) })
  .meta({ id: 'PrivacyLinkResult' });

export const FeedbackRecorded = z
  .object({ status: z.literal('recorded'), anonymous: z.boolean() })
  .meta({ id: 'FeedbackRecorded' });
