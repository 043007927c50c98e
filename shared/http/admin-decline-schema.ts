import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/* A coordinator's decline, of a join request or a group proposal: its own module, as both functions use it. */

export const DeclineBody = meta(
  z.strictObject({
    message: meta(z.optional(z.string().check(z.trim(), z.maxLength(1000))), {
      description: 'Quoted in the email',
    }),
  }),
  { id: 'DeclineBody' },
);
