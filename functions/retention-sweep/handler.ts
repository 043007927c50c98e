import middy from '@middy/core';
import { logContext } from '../../shared/logger.ts';
import { forgetClosedSalts, type SweepResult, sweepInactive } from '../../shared/services/retention.ts';

/**
 * The daily retention sweep of the EventBridge schedule: asks the long inactive, erases the silent, and
 * takes any salt left on a closed evaluation.
 */
export const handler = middy()
  .use(logContext())
  .handler(
    async (): Promise<SweepResult & { saltsRemoved: number }> => ({
      ...(await sweepInactive(new Date())),
      saltsRemoved: await forgetClosedSalts(),
    }),
  );
