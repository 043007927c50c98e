import { coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { UpdateFollowUp } from '../../shared/http/group-schemas.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { listFollowUps, setFollowUpStatus } from '../../shared/store/follow-ups.ts';
import { getGroup } from '../../shared/store/groups.ts';

/**
 * What the evaluations left for the next meetings (parked questions, "one point better" suggestions).
 * Coordinators mark them done or remove them, so the next meeting's emails quote only what is still open.
 */
export const handler = coordinatorHandler(
  async (request, coordinator) => {
    const group = await getGroup(request.params.groupId ?? '');
    if (!group) throw notFound('group_not_found');
    requireNetwork(coordinator, group.networkId);
    const followUpId = request.params.followUpId;
    if (!followUpId) return json(200, { followUps: await listFollowUps(group.id) });
    const { status } = validate(UpdateFollowUp, request.body, request.language ?? 'en');
    const updated = await setFollowUpStatus(group.id, followUpId, status);
    if (!updated) throw notFound();
    return json(200, updated);
  },
  { body: 'optional', access: 'any' },
);
