import { env } from '../config.ts';
import type { Meeting } from '../domain/meeting.ts';
import { startOnce } from './start.ts';

export interface MeetingWorkflowInput {
  groupId: string;
  meetingId: string;
  version: number;
}

/**
 * One execution per meeting version: a change makes a new version with its own execution, and the old
 * one stops at its next step because the version it carries is no longer the meeting's.
 */
export function startMeetingWorkflow(meeting: Pick<Meeting, 'groupId' | 'id' | 'version'>): Promise<void> {
  const input: MeetingWorkflowInput = {
    groupId: meeting.groupId,
    meetingId: meeting.id,
    version: meeting.version,
  };
  return startOnce(env.meetingWorkflowArn(), `meeting-${meeting.id}-v${meeting.version}`, input);
}
