import type { Group } from '../domain/group.ts';
import { getGroup } from '../store/groups.ts';
import { type Coordinator, requireNetwork } from './auth.ts';
import { notFound } from './errors.ts';
import type { ApiRequest } from './request.ts';

/**
 * The group in the path, if the coordinator runs its network: 404 for an unknown group, 403 for another
 * network's (the group's network is known only once it is read). Not in auth.ts: the coordinator tool
 * loads that, and must not load the table's client with it.
 */
export async function coordinatorGroup(request: ApiRequest, coordinator: Coordinator): Promise<Group> {
  const group = await getGroup(request.params.groupId ?? '');
  if (!group) throw notFound('group_not_found');
  requireNetwork(coordinator, group.networkId);
  return group;
}
