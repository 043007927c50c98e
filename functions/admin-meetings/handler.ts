import { randomBytes } from 'node:crypto';
import {
  defaultDurationMinutes,
  defaultMeetingTimeZone,
  localToUtc,
  type Meeting,
  parseLocal,
  seriesDates,
} from '../../shared/domain/meeting.ts';
import { type Coordinator, coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { HttpError, notFound, validationFailed } from '../../shared/http/errors.ts';
import { AttendanceBody, CreateMeetings, UpdateMeeting } from '../../shared/http/meeting-schemas.ts';
import { fieldMessages } from '../../shared/http/messages.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { listJoinRequests } from '../../shared/store/join-requests.ts';
import {
  createMeetings,
  getMeeting,
  listMeetings,
  listParticipation,
  type MeetingChanges,
  recordAttendance,
  updateMeeting,
} from '../../shared/store/meetings.ts';
import { startMeetingWorkflow } from '../../shared/workflows/meetings.ts';

const newMeetingId = () => randomBytes(12).toString('base64url');

/** A date the calendar cannot have, or a zone that does not exist: the person's mistake, so a 400. */
function datesOr400<T>(language: 'sv' | 'nb' | 'en', field: string, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof RangeError) throw validationFailed({ [field]: fieldMessages[language].invalid() });
    throw error;
  }
}

async function createSeries(request: ApiRequest, groupId: string, language: 'sv' | 'nb' | 'en') {
  const group = await getGroup(groupId);
  if (!group) throw notFound('group_not_found');
  const input = validate(CreateMeetings, request.body, language);
  const timeZone = input.timeZone ?? defaultMeetingTimeZone;
  const dates = datesOr400(language, 'firstLocal', () =>
    seriesDates({
      firstLocal: input.firstLocal,
      timeZone,
      count: input.count,
      ...(input.intervalWeeks ? { intervalWeeks: input.intervalWeeks } : {}),
    }),
  );
  const existing = (await listMeetings(group.id)).filter((m) => m.status === 'scheduled').length;
  const at = new Date().toISOString();
  const meetings: Meeting[] = dates.map((startsAt, index) => {
    const override = input.overrides?.find((o) => o.seq === index + 1);
    const mode = override?.mode ?? input.mode;
    const onlineUrl = override?.onlineUrl ?? input.onlineUrl;
    const address = override?.address ?? input.address;
    return {
      id: newMeetingId(),
      groupId: group.id,
      networkId: group.networkId,
      seq: existing + index + 1,
      startsAt,
      durationMinutes: input.durationMinutes ?? defaultDurationMinutes,
      timeZone,
      mode,
      ...(onlineUrl ? { onlineUrl } : {}),
      ...(address ? { address } : {}),
      status: 'scheduled',
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
  await createMeetings(meetings);
  for (const meeting of meetings) await startMeetingWorkflow(meeting);
  return json(201, { meetings });
}

/**
 * A change of time, place or mode, or a cancellation, makes a new version: its own workflow execution
 * sends the updated (or cancelled) calendar entry, and the old one stops before its next reminder. Only
 * choosing the introducer leaves the version alone.
 */
async function change(request: ApiRequest, groupId: string, meetingId: string, language: 'sv' | 'nb' | 'en') {
  const meeting = await getMeeting(groupId, meetingId);
  if (!meeting) throw notFound();
  if (meeting.status === 'cancelled') throw new HttpError(409, 'meeting_cancelled');
  const input = validate(UpdateMeeting, request.body, language);
  const changes: MeetingChanges = {};
  if (input.startsLocal)
    changes.startsAt = datesOr400(language, 'startsLocal', () =>
      localToUtc(parseLocal(input.startsLocal ?? ''), meeting.timeZone).toISOString(),
    );
  if (input.durationMinutes) changes.durationMinutes = input.durationMinutes;
  if (input.mode) changes.mode = input.mode;
  if (input.onlineUrl) changes.onlineUrl = input.onlineUrl;
  if (input.address) changes.address = input.address;
  if (input.status) changes.status = input.status;
  const calendarChange = Object.keys(changes).length > 0;
  if (input.introducerId) {
    const members = await listJoinRequests(groupId);
    if (!members.some((m) => m.id === input.introducerId && m.status === 'approved'))
      throw validationFailed({ introducerId: fieldMessages[language].invalid_choice() });
    changes.introducerId = input.introducerId;
    changes.introducerOverride = true;
  }
  if (calendarChange) {
    const { startsAt, durationMinutes, mode, onlineUrl, address } = meeting;
    changes.previous = {
      startsAt,
      durationMinutes,
      mode,
      ...(onlineUrl ? { onlineUrl } : {}),
      ...(address ? { address } : {}),
    };
  }
  const updated = await updateMeeting(meeting, changes, new Date(), { bumpVersion: calendarChange });
  if (updated === 'changed-meanwhile') throw new HttpError(409, 'meeting_changed');
  if (calendarChange) await startMeetingWorkflow(updated);
  return json(200, updated);
}

async function list(groupId: string) {
  const meetings = await listMeetings(groupId);
  const withAnswers = await Promise.all(
    meetings.map(async (meeting) => {
      const participation = await listParticipation(meeting.id);
      return {
        ...meeting,
        rsvp: {
          yes: participation.filter((p) => p.rsvp === 'yes').length,
          no: participation.filter((p) => p.rsvp === 'no').length,
        },
      };
    }),
  );
  return json(200, { meetings: withAnswers });
}

async function participants(groupId: string, meetingId: string) {
  const [meeting, participation, requests] = await Promise.all([
    getMeeting(groupId, meetingId),
    listParticipation(meetingId),
    listJoinRequests(groupId),
  ]);
  if (!meeting) throw notFound();
  const byMember = new Map(participation.map((p) => [p.memberId, p]));
  const members = requests
    .filter((r) => r.status === 'approved' || byMember.has(r.id))
    .map((r) => ({
      memberId: r.id,
      name: r.name,
      organisation: r.organisation,
      rsvp: byMember.get(r.id)?.rsvp ?? null,
      attendance: byMember.get(r.id)?.attendance ?? null,
      introducer: meeting.introducerId === r.id,
    }));
  return json(200, { meeting, members });
}

async function attendance(
  request: ApiRequest,
  groupId: string,
  meetingId: string,
  language: 'sv' | 'nb' | 'en',
) {
  const [meeting, requests] = await Promise.all([getMeeting(groupId, meetingId), listJoinRequests(groupId)]);
  if (!meeting) throw notFound();
  const input = validate(AttendanceBody, request.body, language);
  const known = new Set(requests.map((r) => r.id));
  const unknown = input.attendance.findIndex((entry) => !known.has(entry.memberId));
  if (unknown >= 0)
    throw validationFailed({ [`attendance.${unknown}.memberId`]: fieldMessages[language].invalid_choice() });
  const now = new Date();
  for (const entry of input.attendance) await recordAttendance(meeting.id, entry.memberId, entry.status, now);
  return participants(groupId, meetingId);
}

/** Coordinators' routes for a group's meetings: series, changes, answers and attendance. */
export const handler = coordinatorHandler(
  async (request, coordinator: Coordinator) => {
    const groupId = request.params.groupId ?? '';
    const group = await getGroup(groupId);
    if (!group) throw notFound('group_not_found');
    requireNetwork(coordinator, group.networkId);
    const language = request.language ?? 'en';
    const meetingId = request.params.meetingId;
    const method = request.event.requestContext.http.method;
    if (!meetingId) return method === 'POST' ? createSeries(request, groupId, language) : list(groupId);
    if (method === 'PATCH') return change(request, groupId, meetingId, language);
    if (method === 'PUT') return attendance(request, groupId, meetingId, language);
    return participants(groupId, meetingId);
  },
  { body: 'optional', access: 'any' },
);
