import { newRegistration } from '../../shared/domain/registration.ts';
import { notFound } from '../../shared/http/errors.ts';
import { optInAccepted, readNetworkForm } from '../../shared/http/public-form.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { routes } from '../../shared/http/routes/register-interest.ts';
import { InterestRequest } from '../../shared/http/schemas.ts';
import { optInTiming, registrationOptIn, submitOptIn } from '../../shared/services/opt-in.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * `POST /v1/networks/{networkId}/interest`: registers interest, pending its double opt-in. Answers the
 * same whatever happened, so it never tells who is registered.
 */
export const handler = publicHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    const { input, language } = readNetworkForm(request, InterestRequest, network);
    const now = new Date();
    const registration = newRegistration(network.id, input, language, optInTiming(), now);
    await submitOptIn(registrationOptIn, registration, {
      honeypot: Boolean(input.homepage),
      now,
      context: { networkId: network.id },
    });
    return optInAccepted(request, network, registration.id);
  },
  { body: 'json-or-form', routes },
);
