import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/*
 * The schemas every HTTP function needs whatever its routes: the error answers (shared/http/contract.ts
 * documents them for every route) and the path parameters most routes share. Apart from schemas.ts, so
 * that a function builds none of the public forms' schemas it never reads.
 */

export const ErrorResponse = meta(
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
  }),
  { id: 'Error' },
);

/** What API Gateway itself answers, before or instead of a function: `{"message":"Unauthorized"}`. */
export const GatewayMessage = meta(z.object({ message: meta(z.string(), { example: 'Unauthorized' }) }), {
  id: 'GatewayMessage',
});

export const TokenParams = z.object({
  token: meta(z.string(), { description: 'The token from the emailed link' }),
});
export const NetworkParams = z.object({ networkId: meta(z.string(), { example: 'demo' }) });
export const MeetingParams = z.object({ groupId: z.string(), meetingId: z.string() });
export const GroupParams = z.object({ groupId: meta(z.string(), { description: 'The group’s id' }) });
