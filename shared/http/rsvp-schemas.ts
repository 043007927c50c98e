import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* What a meeting's RSVP link answers a program that asks for JSON (a browser gets the same as a page). */

export const RsvpResult = meta(
  z.object({ result: z.enum(['rsvp-recorded-yes', 'rsvp-recorded-no', 'rsvp-recorded-no-series']) }),
  { id: 'RsvpResult' },
);
