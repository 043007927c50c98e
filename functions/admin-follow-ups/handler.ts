import { UpdateFollowUp } from '../../shared/http/admin-follow-up-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { notFound } from '../../shared/http/errors.ts';
import { coordinatorGroup } from '../../shared/http/group-access.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-follow-ups.ts';
import { validate } from '../../shared/http/validation.ts';
import { listFollowUps, setFollowUpStatus } from '../../shared/store/follow-ups.ts';

const options = { body: 'optional', access: 'any', routes } as const;

/**
 * What the evaluations left for the next meetings (parked questions, "one point better" suggestions).
 * Coordinators mark them done or remove them, so the next meeting's emails quote only what is still open.
 */
export const handler = byRoute({
  'GET /v1/admin/groups/{groupId}/follow-ups': coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    return json(200, { followUps: await listFollowUps(group.id) });
  }, options),
  'PATCH /v1/admin/groups/{groupId}/follow-ups/{followUpId}': coordinatorHandler(
    async (request, coordinator) => {
      const group = await coordinatorGroup(request, coordinator);
      const { status } = validate(UpdateFollowUp, request.body, request.language ?? 'en');
      const updated = await setFollowUpStatus(group.id, request.params.followUpId ?? '', status);
      if (!updated) throw notFound();
      return json(200, updated);
    },
    options,
  ),
});
