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
