import { newJoinRequest } from '../../shared/domain/group.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { JoinRequestBody } from '../../shared/http/join-request-schemas.ts';
import { optInAccepted, readNetworkForm } from '../../shared/http/public-form.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { routes } from '../../shared/http/routes/request-to-join.ts';
import { joinRequestOptIn, optInTiming, submitOptIn } from '../../shared/services/opt-in.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * `POST /v1/groups/{groupId}/join-requests`: a request to join a group, one per person and group,
 * confirmed by email before a seat is considered. Answers the same whatever happened, so it tells nobody
 * who asked before.
 */
export const handler = publicHandler(
  async (request) => {
    const group = await getGroup(request.params.groupId ?? '');
    const network = group ? await getNetwork(group.networkId) : undefined;
    if (!group || !network) throw notFound('group_not_found');
    const { input, language } = readNetworkForm(request, JoinRequestBody, network, () => {
      if (group.status === 'closed') throw new HttpError(409, 'group_closed');
    });
    const now = new Date();
    const joinRequest = newJoinRequest(group, input, language, optInTiming(), now);
    await submitOptIn(joinRequestOptIn, joinRequest, {
      honeypot: Boolean(input.homepage),
      now,
      context: { networkId: network.id, groupId: group.id },
    });
    return optInAccepted(request, network, joinRequest.id, 'join-request');
  },
  { body: 'json-or-form', routes },
);
