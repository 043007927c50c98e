import type { Network } from '../../shared/domain/network.ts';
import { CreateNetworkRequest, UpdateNetworkRequest } from '../../shared/http/admin-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-networks.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { createNetwork, updateNetworkSettings } from '../../shared/store/network-settings.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** A network's settings: created by samla-admins, read and changed by its coordinators. */
export const handler = byRoute({
  /** A new network, never over an existing one. */
  'POST /v1/admin/networks': coordinatorHandler(
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
    { body: 'json-or-form', access: 'admin', routes },
  ),
  'GET /v1/admin/networks/{networkId}': coordinatorHandler(
    async (request) => {
      const network = await getNetwork(request.params.networkId ?? '');
      if (!network) throw notFound('network_not_found');
      return json(200, network);
    },
    { body: 'none', access: 'network', routes },
  ),
  /** Changes the fields given, only if the network exists. */
  'PATCH /v1/admin/networks/{networkId}': coordinatorHandler(
    async (request) => {
      const networkId = request.params.networkId ?? '';
      const patch = validate(UpdateNetworkRequest, request.body, request.language ?? 'en');
      const network = await updateNetworkSettings(networkId, patch, new Date());
      if (!network) throw notFound('network_not_found');
      logger.info('network settings changed', { networkId, fields: Object.keys(patch) });
      return json(200, network);
    },
    { body: 'json-or-form', access: 'network', routes },
  ),
});
