import { type Coordinator, coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { notFound } from '../../shared/http/errors.ts';
import { UpdateFollowUp } from '../../shared/http/group-schemas.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { listFollowUps, setFollowUpStatus } from '../../shared/store/follow-ups.ts';
import { getGroup } from '../../shared/store/groups.ts';

async function groupOf(request: ApiRequest, coordinator: Coordinator) {
  const group = await getGroup(request.params.groupId ?? '');
  if (!group) throw notFound('group_not_found');
  requireNetwork(coordinator, group.networkId);
  return group;
}

const options = { body: 'optional', access: 'any' } as const;

/**
 * What the evaluations left for the next meetings (parked questions, "one point better" suggestions).
 * Coordinators mark them done or remove them, so the next meeting's emails quote only what is still open.
 */
export const handler = byRoute({
  'GET /v1/admin/groups/{groupId}/follow-ups': coordinatorHandler(async (request, coordinator) => {
    const group = await groupOf(request, coordinator);
    return json(200, { followUps: await listFollowUps(group.id) });
  }, options),
  'PATCH /v1/admin/groups/{groupId}/follow-ups/{followUpId}': coordinatorHandler(
    async (request, coordinator) => {
      const group = await groupOf(request, coordinator);
      const { status } = validate(UpdateFollowUp, request.body, request.language ?? 'en');
      const updated = await setFollowUpStatus(group.id, request.params.followUpId ?? '', status);
      if (!updated) throw notFound();
      return json(200, updated);
    },
    options,
  ),
});
