import { UpdateNetworkRequest } from '../../shared/http/admin-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { updateNetworkSettings } from '../../shared/store/network-settings.ts';

/** PATCH /v1/admin/networks/{networkId}: changes the fields given, only if the network exists. */
export const handler = coordinatorHandler(
  async (request) => {
    const networkId = request.params.networkId ?? '';
    const patch = validate(UpdateNetworkRequest, request.body, request.language ?? 'en');
    const network = await updateNetworkSettings(networkId, patch, new Date());
    if (!network) throw notFound('network_not_found');
    logger.info('network settings changed', { networkId, fields: Object.keys(patch) });
    return json(200, network);
  },
  { body: 'json-or-form', access: 'network' },
);
