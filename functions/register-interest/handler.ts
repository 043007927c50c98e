import { env } from '../../shared/config.ts';
import { defaultLanguage, type Network } from '../../shared/domain/network.ts';
import {
  decideOnRepeat,
  newRegistration,
  type Registration,
  resendInterval,
} from '../../shared/domain/registration.ts';
import { notFound } from '../../shared/http/errors.ts';
import { requestLanguage } from '../../shared/http/language.ts';
import { httpHandler } from '../../shared/http/middleware.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { html, json, seeOther } from '../../shared/http/responses.ts';
import { fromForm, InterestRequest } from '../../shared/http/schemas.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { receiptPage } from '../../shared/pages/pages.ts';
import { withMailAllowance } from '../../shared/services/mail-allowance.ts';
import { claimConfirmationResend } from '../../shared/store/common.ts';
import { keys } from '../../shared/store/keys.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { createRegistration } from '../../shared/store/registrations.ts';
import { startRegistrationWorkflow } from '../../shared/workflows/registration.ts';

/**
 * Creates the registration, or for a known address re-sends its confirmation (rate limited). True when it
 * started a new confirmation mail, which is what the address's allowance counts.
 */
async function register(registration: Registration, now: Date): Promise<boolean> {
  const outcome = await createRegistration(registration, now);
  if (outcome.created) {
    await startRegistrationWorkflow(registration, 'new');
    return true;
  }
  const { existing } = outcome;
  const decision = decideOnRepeat(existing, now);
  // The same execution name: a no-op if the workflow started, the start itself if it had failed. Either
  // way the mail is the one counted when the record was made, so this is not a new one.
  if (decision === 'retry-last') {
    await startRegistrationWorkflow(existing, existing.confirmationCount === 1 ? 'new' : 'resend');
    return false;
  }
  if (decision !== 'resend-confirmation') return false;
  const count = await claimConfirmationResend(
    keys.registration(existing.networkId, existing.id),
    now,
    new Date(now.getTime() - resendInterval),
  );
  if (count === undefined) return false;
  await startRegistrationWorkflow({ ...existing, confirmationCount: count }, 'resend');
  return true;
}

/** The same answer whatever happened, so the endpoint never tells who is registered. */
function accepted(request: ApiRequest, network: Network, id: string) {
  if (!request.form) return json(202, { id, status: 'pending_confirmation' });
  if (network.thankYouUrl) return seeOther(network.thankYouUrl);
  return html(
    200,
    receiptPage({ language: request.language ?? defaultLanguage(network), networkName: network.name }),
  );
}

export const handler = httpHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    const body = request.form
      ? fromForm(InterestRequest, request.body as Record<string, string | string[]>)
      : request.body;
    const explicit =
      typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
    const language = requestLanguage(
      explicit,
      request.acceptLanguage,
      network.languages,
      defaultLanguage(network),
    );
    request.language = language;
    const input = validate(InterestRequest, body, language);
    const now = new Date();
    const timing = {
      reminderAfterSeconds: env.registrationReminderAfterSeconds(),
      expireAfterSeconds: env.registrationExpireAfterSeconds(),
    };
    const registration = newRegistration(network.id, input, language, timing, now);
    if (input.homepage) logger.info('honeypot filled in: dropped', { networkId: network.id });
    else
      await withMailAllowance(registration.email, 'interest', now, () => register(registration, now), {
        networkId: network.id,
      });
    return accepted(request, network, registration.id);
  },
  { body: 'json-or-form' },
);
