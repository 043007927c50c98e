import { randomBytes } from 'node:crypto';
import { type Group, withCloseStamp } from '../../shared/domain/group.ts';
import { CreateGroup, UpdateGroup } from '../../shared/http/admin-group-edit-schemas.ts';
import { type Coordinator, coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { coordinatorGroup } from '../../shared/http/group-access.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-groups.ts';
import { validate } from '../../shared/http/validation.ts';
import { promoteFromWaitlist, tellWaitlistClosed } from '../../shared/services/membership.ts';
import { createGroup, getGroup, listGroups, updateGroup } from '../../shared/store/groups.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** A group id is short enough for a URL and random enough that ids reveal nothing (96 bits). */
const newGroupId = () => randomBytes(12).toString('base64url');

async function network(request: ApiRequest, coordinator: Coordinator) {
  const networkId = request.params.networkId ?? '';
  requireNetwork(coordinator, networkId);
  const found = await getNetwork(networkId);
  if (!found) throw notFound('network_not_found');
  return found;
}

const options = { body: 'optional', access: 'any', routes } as const;

/** Coordinators' routes for groups: create and list in a network, update or close one group. */
export const handler = byRoute({
  'POST /v1/admin/networks/{networkId}/groups': coordinatorHandler(async (request, coordinator) => {
    const { id: networkId } = await network(request, coordinator);
    const input = validate(CreateGroup, request.body, request.language ?? 'en');
    const at = new Date().toISOString();
    const group: Group = {
      id: newGroupId(),
      networkId,
      ...input,
      seatsTaken: 0,
      status: 'open',
      createdAt: at,
      updatedAt: at,
    };
    await createGroup(group);
    return json(201, group);
  }, options),
  'GET /v1/admin/networks/{networkId}/groups': coordinatorHandler(async (request, coordinator) => {
    const { id } = await network(request, coordinator);
    return json(200, { groups: await listGroups(id) });
  }, options),
  /** Raising the capacity moves the waitlist up at once; lowering it below the seats taken is refused. */
  'PATCH /v1/admin/groups/{groupId}': coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    const changes = validate(UpdateGroup, request.body, request.language ?? 'en');
    const now = new Date();
    const updated = await updateGroup(group, withCloseStamp(group, changes, now), now);
    if (updated === 'below-seats') throw new HttpError(409, 'capacity_below_seats');
    const net = await getNetwork(group.networkId);
    // Told on every PATCH of a closed group, once per close (deduplicated): a PATCH that failed after
    // closing and is sent again still tells those it did not reach.
    if (net && updated.status === 'closed') await tellWaitlistClosed(net, updated, now);
    const promoted = net && updated.status === 'open' ? await promoteFromWaitlist(net, updated, now) : 0;
    const current = promoted > 0 ? ((await getGroup(group.id)) ?? updated) : updated;
    return json(200, { ...current, promotedFromWaitlist: promoted });
  }, options),
});
