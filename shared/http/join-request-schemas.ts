import * as z from 'zod/mini';
import { email, groupFormEnd, singleLine } from './form-fields.ts';
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
    ...groupFormEnd(),
  }),
  { id: 'JoinRequestBody' },
);

export type JoinRequestBody = z.output<typeof JoinRequestBody>;

export const JoinRequestAccepted = meta(
  z.object({ id: z.string(), status: z.literal('pending_confirmation') }),
  { id: 'JoinRequestAccepted' },
);
