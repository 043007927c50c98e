import * as z from 'zod/mini';
import { email, singleLine } from './form-fields.ts';
import { meta } from './zod-meta.ts';

/*
 * A group as coordinators see and shape it: its fields and how it is shown. Creating and changing one is
 * admin-group-edit-schemas.ts; join requests, proposals and follow-ups have modules of their own
 * (admin-*-schemas.ts), so each function builds only its own routes' schemas.
 */

const int = () => z.number().check(z.int());

/** A group's own fields: a proposal accepted as a group takes them too (admin-proposal-schemas.ts). */
export const groupFields = {
  title: singleLine(160),
  question: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  facilitator: z.strictObject({ name: singleLine(120), email: z.optional(email) }),
  capacity: int().check(z.gte(1), z.lte(500)),
  mode: z.enum(['online', 'in_person']),
  location: meta(z.optional(z.string().check(z.trim(), z.maxLength(500))), {
    description: 'Address, or the meeting link for online',
  }),
};

export const FollowUpSharingSchema = meta(
  z.strictObject({
    suggestions: z.enum(['facilitator', 'group']),
    parkedQuestions: z.enum(['facilitator', 'group']),
  }),
  {
    description:
      'Who sees the last evaluations’ follow-ups in meeting emails (default: suggestions the facilitator, parked questions the group)',
  },
);

export const AdminGroup = meta(
  z.object({
    id: z.string(),
    networkId: z.string(),
    title: z.string(),
    question: z.string(),
    facilitator: z.object({ name: z.string(), email: z.optional(z.string()) }),
    capacity: int(),
    seatsTaken: int(),
    mode: z.enum(['online', 'in_person']),
    location: z.optional(z.string()),
    status: z.enum(['open', 'closed']),
    sharing: z.optional(FollowUpSharingSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  { id: 'AdminGroup' },
);
