import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-digest.ts';
import { sendDigest } from '../../shared/services/digest.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * POST /v1/admin/networks/{networkId}/digest: the digest now, to every coordinator of the network, if
 * there is anything to show; it counts as the last digest, so the next scheduled one starts from here.
 */
export const handler = coordinatorHandler(
  async (request) => {
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    return json(200, await sendDigest(network, new Date(), 'on-demand'));
  },
  { body: 'none', access: 'network', routes },
);
