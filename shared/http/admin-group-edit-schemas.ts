import * as z from 'zod/mini';
import { AdminGroup, FollowUpSharingSchema, groupFields } from './admin-group-schemas.ts';
import { meta } from './zod-meta.ts';

/* Creating and changing a group (functions/admin-groups alone). */

const int = () => z.number().check(z.int());

export const CreateGroup = meta(z.strictObject(groupFields), { id: 'CreateGroup' });

export type CreateGroup = z.output<typeof CreateGroup>;

export const UpdateGroup = meta(
  z
    .partial(
      z.strictObject({ ...groupFields, status: z.enum(['open', 'closed']), sharing: FollowUpSharingSchema }),
    )
    .check(z.refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })),
  { id: 'UpdateGroup' },
);

export type UpdateGroup = z.output<typeof UpdateGroup>;

export const UpdatedGroup = meta(
  z.extend(AdminGroup, {
    promotedFromWaitlist: meta(int(), {
      description: 'Members moved up from the waitlist by this change (a higher capacity)',
    }),
  }),
  { id: 'UpdatedGroup' },
);
