import middy from '@middy/core';
import * as z from 'zod/mini';
import { logContext, logger } from '../../shared/logger.ts';
import { asWorkflowStep } from '../../shared/notify.ts';
import { type OptInRef, runOptInStep } from '../../shared/services/opt-in-steps.ts';

const step = z.enum(['send-confirmation', 'remind', 'expire']);
const id = () => z.string().check(z.minLength(1));
const legacyRegistration = z.object({ step, networkId: id(), registrationId: id() });

/** What the opt-in state machine passes to each of its tasks. */
export const StepInput = z.union([
  z.object({
    step,
    subject: z.discriminatedUnion('type', [
      z.object({ type: z.literal('registration'), networkId: id(), id: id() }),
      z.object({ type: z.literal('join-request'), networkId: id(), groupId: id(), id: id() }),
      z.object({ type: z.literal('group-proposal'), networkId: id(), id: id() }),
    ]),
  }),
  // Executions started before join requests and proposals had this workflow keep their definition, whose
  // tasks still pass a registration this way; they must reach their reminder and expiry.
  z.pipe(
    legacyRegistration,
    z.transform(({ step, networkId, registrationId }: z.output<typeof legacyRegistration>) => ({
      step,
      subject: { type: 'registration' as const, networkId, id: registrationId },
    })),
  ),
]);

const steps = middy()
  .use(logContext())
  .handler(async (event: unknown): Promise<{ status: string }> => {
    const { step, subject } = StepInput.parse(event);
    const ref: OptInRef = subject;
    logger.appendKeys({ step, subject: subject.type, networkId: subject.networkId, id: subject.id });
    return runOptInStep(step, ref, new Date());
  });

/** A workflow step: an email someone else is sending right now is retried, not skipped (notify.ts). */
export const handler = asWorkflowStep(steps);
