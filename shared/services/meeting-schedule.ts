import { randomBytes } from 'node:crypto';
import type { Group } from '../domain/group.ts';
import {
  calendarChanges,
  type Meeting,
  type MeetingEdit,
  newSeries,
  type SeriesRequest,
} from '../domain/meeting.ts';
import { listJoinRequests } from '../store/join-requests.ts';
import {
  createMeetings,
  getMeeting,
  listMeetings,
  type MeetingChanges,
  updateMeeting,
} from '../store/meetings.ts';
import { startMeetingWorkflow } from '../workflows/meetings.ts';

/*
 * Coordinators scheduling and changing meetings: what the meetings are is decided in
 * shared/domain/meeting.ts, here they are stored and their workflows started, which send the emails. Apart
 * from meetings.ts, so the function that schedules does not carry the mail.
 */

const newMeetingId = () => randomBytes(12).toString('base64url');

/** A new series: numbered after the group's scheduled meetings, stored, and each one's workflow started. */
export async function scheduleSeries(
  group: Pick<Group, 'id' | 'networkId'>,
  request: SeriesRequest,
  now: Date,
): Promise<{ outcome: 'scheduled'; meetings: Meeting[] } | { outcome: 'invalid-time' }> {
  const lastSeq = Math.max(0, ...(await listMeetings(group.id)).map((m) => m.seq));
  let meetings: Meeting[];
  try {
    meetings = newSeries(group, request, { lastSeq, now, newId: newMeetingId });
  } catch (error) {
    if (error instanceof RangeError) return { outcome: 'invalid-time' };
    throw error;
  }
  await createMeetings(meetings);
  for (const meeting of meetings) await startMeetingWorkflow(meeting);
  return { outcome: 'scheduled', meetings };
}

export type MeetingChangeOutcome =
  | { outcome: 'changed'; meeting: Meeting }
  | { outcome: 'not-found' | 'cancelled' | 'invalid-time' | 'not-a-member' | 'changed-meanwhile' };

/**
 * A change of time, place or mode, or a cancellation, makes a new version: its own workflow execution
 * sends the updated (or cancelled) calendar entry, and the old one stops before its next reminder. Only
 * choosing the introducer (one of the members) leaves the version alone.
 */
export async function changeMeeting(
  groupId: string,
  meetingId: string,
  edit: MeetingEdit & { introducerId?: string | undefined },
  now: Date,
): Promise<MeetingChangeOutcome> {
  const meeting = await getMeeting(groupId, meetingId);
  if (!meeting) return { outcome: 'not-found' };
  if (meeting.status === 'cancelled') return { outcome: 'cancelled' };
  let calendar: MeetingChanges | undefined;
  try {
    calendar = calendarChanges(meeting, edit);
  } catch (error) {
    if (error instanceof RangeError) return { outcome: 'invalid-time' };
    throw error;
  }
  const changes: MeetingChanges = { ...calendar };
  if (edit.introducerId) {
    const members = await listJoinRequests(groupId);
    if (!members.some((m) => m.id === edit.introducerId && m.status === 'approved'))
      return { outcome: 'not-a-member' };
    changes.introducerId = edit.introducerId;
    changes.introducerOverride = true;
  }
  const updated = await updateMeeting(meeting, changes, now, { bumpVersion: calendar !== undefined });
  if (updated === 'changed-meanwhile') return { outcome: updated };
  if (calendar) await startMeetingWorkflow(updated);
  return { outcome: 'changed', meeting: updated };
}
