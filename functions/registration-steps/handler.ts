import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import {
  confirmationDedupeKey,
  type Registration,
  type RegistrationStatus,
  reminderDedupeKey,
} from '../../shared/domain/registration.ts';
import { issueLink } from '../../shared/links.ts';
import { logger } from '../../shared/logger.ts';
import { asWorkflowStep, sendOnce } from '../../shared/notify.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { expireRegistration, getRegistration } from '../../shared/store/registrations.ts';

/** What the registration state machine passes to each of its tasks. */
export const StepInput = z.object({
  step: z.enum(['send-confirmation', 'remind', 'expire']),
  networkId: z.string().min(1),
  registrationId: z.string().min(1),
});

/** A confirmation email (or its reminder) with a fresh link valid until the registration lapses. */
async function sendConfirmation(registration: Registration, reminder: boolean): Promise<void> {
  const network = await getNetwork(registration.networkId);
  if (!network) throw new Error(`network ${registration.networkId} is gone`);
  await sendOnce({
    dedupeKey: reminder
      ? reminderDedupeKey(registration)
      : confirmationDedupeKey(registration, registration.confirmationCount),
    to: registration.email,
    language: registration.language,
    member: { networkId: registration.networkId, category: 'transactional' },
    message: async () => ({
      kind: reminder ? 'confirm-registration-reminder' : 'confirm-registration',
      recipientName: registration.name,
      networkName: network.name,
      confirmUrl: await issueLink(
        'confirm-registration',
        {
          networkId: network.id,
          subjectId: registration.id,
          language: registration.language,
          person: registration.email,
        },
        registration.expireAt,
      ),
      expiresAt: new Date(registration.expireAt),
      timeZone: network.timeZone,
    }),
  });
}

/**
 * Each step re-reads the registration and acts only if it is still pending: a person who confirmed
 * between two steps gets no reminder, and a retried step sends nothing twice (dedupe keys).
 */
const steps = middy()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event: unknown): Promise<{ status: RegistrationStatus | 'gone' }> => {
    const { step, networkId, registrationId } = StepInput.parse(event);
    const registration = await getRegistration(networkId, registrationId);
    if (!registration) return { status: 'gone' };
    logger.appendKeys({ step, networkId, registrationId });
    if (registration.status !== 'pending_confirmation') return { status: registration.status };

    switch (step) {
      case 'send-confirmation':
        await sendConfirmation(registration, false);
        return { status: registration.status };
      case 'remind':
        await sendConfirmation(registration, true);
        return { status: registration.status };
      case 'expire':
        await expireRegistration(networkId, registrationId, new Date());
        return { status: 'expired' };
    }
  });

/** A workflow step: an email someone else is sending right now is retried, not skipped (notify.ts). */
export const handler = asWorkflowStep(steps);
