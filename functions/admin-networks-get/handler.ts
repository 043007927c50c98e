import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** GET /v1/admin/networks/{networkId}: the network's settings, for its coordinators. */
export const handler = coordinatorHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    return json(200, network);
  },
  { body: 'none', access: 'network' },
);
