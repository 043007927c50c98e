import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* The follow-ups of a group's evaluations (parked questions, suggestions) as coordinators handle them. */

export const FollowUpParams = z.object({ groupId: z.string(), followUpId: z.string() });

export const FollowUpView = meta(
  z.object({
    id: z.string(),
    meetingId: z.string(),
    kind: z.enum(['parked-question', 'suggestion']),
    text: z.string(),
    status: z.enum(['open', 'done', 'removed']),
    createdAt: z.string(),
  }),
  { id: 'FollowUp' },
);

export const UpdateFollowUp = meta(z.strictObject({ status: z.enum(['open', 'done', 'removed']) }), {
  id: 'UpdateFollowUp',
});
