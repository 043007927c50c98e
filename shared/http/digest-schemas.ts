import * as z from 'zod/mini';

/* What sending the coordinators' digest now answers. */

const integer = () => z.number().check(z.int());

export const DigestSent = z
  .object({
    sent: integer().check(z.meta({ description: 'Coordinators who got it' })),
    reason: z
      .optional(z.enum(['nothing_new', 'nothing_to_say']))
      .check(z.meta({ description: 'Why none was sent: nothing to show at all' })),
  })
  .check(z.meta({ id: 'DigestSent' }));
