import { DeclineBody } from '../../shared/http/admin-decline-schema.ts';
import { JoinRequestListQuery } from '../../shared/http/admin-join-request-schemas.ts';
import { type Coordinator, coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { coordinatorGroup } from '../../shared/http/group-access.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-join-requests.ts';
import { validate } from '../../shared/http/validation.ts';
import { approveRequest, declinePendingRequest } from '../../shared/services/membership.ts';
import { getJoinRequest, listJoinRequests } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** A request that waits for a coordinator's decision, with its group and network. */
async function waiting(request: ApiRequest, coordinator: Coordinator) {
  const group = await coordinatorGroup(request, coordinator);
  const [network, joinRequest] = await Promise.all([
    getNetwork(group.networkId),
    getJoinRequest(group.id, request.params.requestId ?? ''),
  ]);
  if (!network || !joinRequest) throw notFound();
  if (joinRequest.status !== 'pending_approval') throw new HttpError(409, 'already_decided');
  return { network, group, joinRequest };
}

const options = { body: 'optional', access: 'any', routes } as const;

/**
 * Coordinators' view of a group's join requests, and their decisions on the ones that wait for them
 * (people from organisations that are not members). The same seat rule as the emailed links.
 */
export const handler = byRoute({
  'GET /v1/admin/groups/{groupId}/join-requests': coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    const language = request.language ?? 'en';
    const { status } = validate(JoinRequestListQuery, request.event.queryStringParameters ?? {}, language);
    const requests = (await listJoinRequests(group.id)).filter((r) => !status || r.status === status);
    const waitlist = requests
      .filter((r) => r.status === 'waitlisted')
      .sort((a, b) => (a.waitlistSeq ?? 0) - (b.waitlistSeq ?? 0));
    return json(200, {
      joinRequests: requests.map(({ waitlistSeq: _seq, consent: _c, confirmationCount: _n, ...r }) => ({
        ...r,
        ...(r.status === 'waitlisted'
          ? { waitlistPosition: waitlist.findIndex((w) => w.id === r.id) + 1 }
          : {}),
      })),
    });
  }, options),
  'POST /v1/admin/groups/{groupId}/join-requests/{requestId}/approve': coordinatorHandler(
    async (request, coordinator) => {
      const { network, group, joinRequest } = await waiting(request, coordinator);
      if (group.status === 'closed') throw new HttpError(409, 'join_group_closed');
      const result = await approveRequest(network, group, joinRequest, new Date());
      if (!result.placement) throw new HttpError(409, 'already_decided');
      return json(200, {
        status: result.placement.status,
        ...(result.placement.status === 'waitlisted' ? { waitlistPosition: result.placement.position } : {}),
      });
    },
    options,
  ),
  'POST /v1/admin/groups/{groupId}/join-requests/{requestId}/decline': coordinatorHandler(
    async (request, coordinator) => {
      const { network, group, joinRequest } = await waiting(request, coordinator);
      const { message } = validate(DeclineBody, request.body ?? {}, request.language ?? 'en');
      const outcome = await declinePendingRequest(network, group, joinRequest, message, new Date());
      if (outcome !== 'done') throw new HttpError(409, 'already_decided');
      return json(200, { status: 'declined' });
    },
    options,
  ),
});
