import { randomUUID } from 'node:crypto';
import type { Group } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';

/**
 * A meeting of the group as the store keeps one (meeting 1 of its series, 90 minutes online in Stockholm
 * time, scheduled, never changed), for tests that write it straight to the table. The start is always
 * the test's own; whatever else matters to the test is named in `fields`.
 */
export function meetingOf(
  group: Pick<Group, 'id' | 'networkId'>,
  fields: Partial<Meeting> & Pick<Meeting, 'startsAt'>,
): Meeting {
  const at = new Date().toISOString();
  return {
    id: randomUUID().slice(0, 12),
    groupId: group.id,
    networkId: group.networkId,
    seq: 1,
    durationMinutes: 90,
    timeZone: 'Europe/Stockholm',
    mode: 'online',
    status: 'scheduled',
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}
