import * as z from 'zod/mini';
import { email, groupFormEnd, optionalSingleLine, singleLine } from './form-fields.ts';
import { meta } from './zod-meta.ts';

/* The public group proposal form and its answer (join requests: join-request-schemas.ts). */

export const GroupProposalBody = meta(
  z.strictObject({
    name: meta(singleLine(120), { example: 'Åsa Ericson' }),
    email: meta(email, {
      description: 'Work email address: the confirmation link and the decision go there',
    }),
    organisation: singleLine(160),
    role: meta(z.optional(optionalSingleLine(120)), { description: 'Role, e.g. principal (optional)' }),
    title: meta(singleLine(160), {
      description: 'What the group would be called',
      example: 'Rektors mandat',
    }),
    question: meta(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)), {
      description: 'The one question the group would gather around',
    }),
    ...groupFormEnd(),
  }),
  { id: 'GroupProposalBody' },
);

export type GroupProposalBody = z.output<typeof GroupProposalBody>;

export const GroupProposalAccepted = meta(
  z.object({ id: z.string(), status: z.literal('pending_confirmation') }),
  { id: 'GroupProposalAccepted' },
);
