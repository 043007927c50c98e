import middy from '@middy/core';
import { logContext } from '../../shared/logger.ts';
import { sendDueDigests } from '../../shared/services/digest.ts';

/**
 * The hourly tick of the EventBridge schedule (locally: npm start's timer). Each network says when its
 * coordinators want the digest, in its own time zone; this sends the ones whose time it is.
 */
export const handler = middy()
  .use(logContext())
  .handler(async (): Promise<{ networks: number; sent: number }> => sendDueDigests(new Date()));
