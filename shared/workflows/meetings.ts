import { env } from '../config.ts';
import type { JoinRequest } from '../domain/group.ts';
import type { Meeting } from '../domain/meeting.ts';
import { startOnce } from './start.ts';

export interface MeetingWorkflowInput {
  groupId: string;
  meetingId: string;
  version: number;
}

/** The same workflow, for one member placed after its meetings were scheduled. */
export interface MemberInvitationsInput {
  groupId: string;
  requestId: string;
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

/**
 * Invites a member just placed to the group's meetings still ahead, from the meeting workflow. One
 * execution per placement: a retried request (or a repeated press of the link) finds it started, while a
 * member who left and was placed again (the same join request id, a new approvedAt) gets a new one.
 */
export function startMemberInvitations(
  member: Pick<JoinRequest, 'groupId' | 'id'>,
  approvedAt: string,
): Promise<void> {
  const input: MemberInvitationsInput = { groupId: member.groupId, requestId: member.id };
  return startOnce(env.meetingWorkflowArn(), `member-${member.id}-${Date.parse(approvedAt)}`, input);
}
