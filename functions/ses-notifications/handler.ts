import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { decideSesEvent } from '../../shared/domain/ses-events.ts';
import { logContext, logger } from '../../shared/logger.ts';
import { suppressAddress } from '../../shared/store/people.ts';

export interface SesNotificationsResult {
  suppressed: number;
  ignored: number;
  malformed: number;
}

/**
 * SES bounce and complaint events, through SNS: hard bounces and complaints go on the suppression list,
 * which every send consults. A message that cannot be read is logged and dropped (a retry would not make
 * it readable); a failed write throws, so Lambda retries the event. If the retries run out, the function's
 * error alarm fires, and the next mail to that address bounces again and is reported again.
 */
export const handler = middy<SNSEvent, SesNotificationsResult>()
  .use(logContext())
  .handler(async (event) => {
    const result: SesNotificationsResult = { suppressed: 0, ignored: 0, malformed: 0 };
    const now = new Date();
    for (const record of event.Records ?? []) {
      const snsMessageId = record.Sns?.MessageId;
      const decision = decideSesEvent(record.Sns?.Message ?? '');
      switch (decision.action) {
        case 'malformed':
          result.malformed += 1;
          logger.warn('SES notification not understood; dropped', {
            snsMessageId,
            problem: decision.problem,
          });
          break;
        case 'ignore':
          result.ignored += 1;
          logger.info('SES notification needs no suppression', {
            snsMessageId,
            why: decision.why,
            ...decision.details,
          });
          break;
        case 'suppress':
          for (const address of decision.recipients) await suppressAddress(address, decision.reason, now);
          result.suppressed += decision.recipients.length;
          logger.info('addresses suppressed', { snsMessageId, reason: decision.reason, ...decision.details });
          break;
      }
    }
    return result;
  });
