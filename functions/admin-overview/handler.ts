import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-overview.ts';
import { collectOverview } from '../../shared/services/overview.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * GET /v1/admin/networks/{networkId}/overview: what the digest says, live, with the ids the admin API
 * acts on, for the console's first screen. Reads only.
 */
export const handler = coordinatorHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    return json(200, await collectOverview(network, new Date()));
  },
  { body: 'none', access: 'network', routes },
);
