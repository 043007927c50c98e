import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* The open groups of a network as anyone may list them: list-groups builds these and no form schema. */

const int = () => z.number().check(z.int());

export const PublicGroup = meta(
  z.object({
    id: z.string(),
    title: z.string(),
    question: z.string(),
    facilitator: z.string(),
    seatsLeft: int(),
    mode: z.enum(['online', 'in_person']),
    location: z.optional(z.string()),
    upcomingMeetings: meta(z.array(z.iso.datetime()), {
      description: 'Start times; empty until meetings exist',
    }),
  }),
  { id: 'PublicGroup' },
);

export const PublicGroupList = meta(z.object({ groups: z.array(PublicGroup) }), { id: 'PublicGroupList' });
