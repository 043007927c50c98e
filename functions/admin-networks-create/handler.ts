import type { Network } from '../../shared/domain/network.ts';
import { CreateNetworkRequest } from '../../shared/http/admin-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { HttpError } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { createNetwork } from '../../shared/store/network-settings.ts';

/** POST /v1/admin/networks (samla-admins only): a new network, never over an existing one. */
export const handler = coordinatorHandler(
  async (request) => {
    const input = validate(CreateNetworkRequest, request.body, request.language ?? 'en');
    const network: Network = {
      id: input.id,
      name: input.name,
      languages: input.languages,
      coordinators: input.coordinators,
      memberDomains: input.memberDomains,
      ...(input.thankYouUrl ? { thankYouUrl: input.thankYouUrl } : {}),
      timeZone: input.timeZone,
      ...(input.meetingReminders ? { meetingReminders: input.meetingReminders } : {}),
      ...(input.evaluation ? { evaluation: input.evaluation } : {}),
      ...(input.digest ? { digest: input.digest } : {}),
      ...(input.coordinatorLanguages ? { coordinatorLanguages: input.coordinatorLanguages } : {}),
    };
    if ((await createNetwork(network, new Date())) === 'exists') throw new HttpError(409, 'network_exists');
    logger.info('network created', { networkId: network.id });
    return json(201, network, { location: `/v1/admin/networks/${network.id}` });
  },
  { body: 'json-or-form', access: 'admin' },
);
