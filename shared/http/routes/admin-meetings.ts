import * as z from 'zod/mini';
import { ErrorResponse, GroupParams } from '../common-schemas.ts';
import {
  AdminMeeting,
  AttendanceBody,
  CreateMeetings,
  MeetingParams,
  MeetingParticipants,
  UpdateMeeting,
} from '../meeting-schemas.ts';
import { invalid, type RouteDef } from './common.ts';

/** The routes functions/admin-meetings/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/admin/groups/{groupId}/meetings',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'scheduleMeetings',
    summary:
      'Schedule a series of 1–6 meetings (default every 6 weeks, 90 minutes, Europe/Stockholm); each gets its invitation workflow',
    params: GroupParams,
    body: CreateMeetings,
    responses: {
      201: { description: 'The meetings', json: z.object({ meetings: z.array(AdminMeeting) }) },
      400: invalid,
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/meetings',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'listMeetings',
    summary: 'A group’s meetings with RSVP counts and the introducer',
    params: GroupParams,
    responses: { 200: { description: 'The meetings', json: z.object({ meetings: z.array(AdminMeeting) }) } },
  },
  {
    method: 'PATCH',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'changeMeeting',
    summary:
      'Move, switch online/in person, cancel, or choose the introducer; members get an updated or cancelled calendar entry',
    params: MeetingParams,
    body: UpdateMeeting,
    responses: {
      200: { description: 'The meeting as it is now', json: AdminMeeting },
      400: invalid,
      409: { description: 'Cancelled already, or changed at the same time', json: ErrorResponse },
    },
  },
  {
    method: 'GET',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'meetingParticipants',
    summary: 'Each member’s RSVP and attendance for a meeting',
    params: MeetingParams,
    responses: { 200: { description: 'The meeting and its members', json: MeetingParticipants } },
  },
  {
    method: 'PUT',
    path: '/v1/admin/groups/{groupId}/meetings/{meetingId}/attendance',
    fn: 'admin-meetings',
    auth: 'coordinator',
    operationId: 'recordAttendance',
    summary: 'Record attendance: present, absent or present half the time',
    params: MeetingParams,
    body: AttendanceBody,
    responses: {
      200: { description: 'The meeting and its members, as recorded now', json: MeetingParticipants },
      400: invalid,
    },
  },
];
