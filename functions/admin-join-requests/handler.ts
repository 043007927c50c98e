import { coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { DeclineBody, JoinRequestListQuery } from '../../shared/http/group-schemas.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { approveRequest, declinePendingRequest } from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest, listJoinRequests } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/**
 * Coordinators' view of a group's join requests, and their decisions on the ones that wait for them
 * (people from organisations that are not members). The same seat rule as the emailed links.
 */
export const handler = coordinatorHandler(
  async (request, coordinator) => {
    const group = await getGroup(request.params.groupId ?? '');
    if (!group) throw notFound('group_not_found');
    requireNetwork(coordinator, group.networkId);
    const language = request.language ?? 'en';

    if (request.event.requestContext.http.method === 'GET') {
      const { status } = validate(JoinRequestListQuery, request.event.queryStringParameters ?? {}, language);
      const requests = (await listJoinRequests(group.id)).filter((r) => !status || r.status === status);
      const waiting = requests
        .filter((r) => r.status === 'waitlisted')
        .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0));
      return json(200, {
        joinRequests: requests.map(({ waitlistSeq: _seq, consent: _c, confirmationCount: _n, ...r }) => ({
          ...r,
          ...(r.status === 'waitlisted'
            ? { waitlistPosition: waiting.findIndex((w) => w.id === r.id) + 1 }
            : {}),
        })),
      });
    }

    const [network, joinRequest] = await Promise.all([
      getNetwork(group.networkId),
      getJoinRequest(group.id, request.params.requestId ?? ''),
    ]);
    if (!network || !joinRequest) throw notFound();
    if (joinRequest.status !== 'pending_approval') throw new HttpError(409, 'already_decided');
    const now = new Date();
    if (request.event.rawPath.endsWith('/approve')) {
      const result = await approveRequest(network, group, joinRequest, now);
      if (!result.placement) throw new HttpError(409, 'already_decided');
      return json(200, {
        status: result.placement.status,
        ...(result.placement.status === 'waitlisted' ? { waitlistPosition: result.placement.position } : {}),
      });
    }
    const { message } = validate(DeclineBody, request.body ?? {}, language);
    const outcome = await declinePendingRequest(network, group, joinRequest, message, now);
    if (outcome !== 'done') throw new HttpError(409, 'already_decided');
    return json(200, { status: 'declined' });
  },
  { body: 'optional', access: 'any' },
);
