import * as z from 'zod/mini';
import { joinStatuses } from '../domain/group.ts';
import { languages } from '../i18n.ts';
import { meta } from './zod-meta.ts';

/* The coordinators' view of a group's join requests, and their decisions on them. */

const int = () => z.number().check(z.int());

export const JoinRequestParams = z.object({ groupId: z.string(), requestId: z.string() });

export const AdminJoinRequest = meta(
  z.object({
    id: z.string(),
    groupId: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.string(),
    message: z.optional(z.string()),
    language: z.enum(languages),
    status: z.enum(joinStatuses),
    waitlistPosition: z.optional(int()),
    createdAt: z.string(),
    confirmedAt: z.optional(z.string()),
    approvedAt: z.optional(z.string()),
    offeredAt: meta(z.optional(z.string()), { description: 'When a seat was offered from the waitlist' }),
    offerExpiresAt: meta(z.optional(z.string()), {
      description: 'Until when the offered seat is held (status offered); then it passes on',
    }),
  }),
  { id: 'AdminJoinRequest' },
);

export const JoinRequestListQuery = z.strictObject({
  status: z.optional(z.enum(joinStatuses)),
});

export const DecisionResult = meta(
  z.object({
    status: z.enum(['approved', 'waitlisted', 'declined']),
    waitlistPosition: z.optional(int()),
  }),
  { id: 'DecisionResult' },
);
