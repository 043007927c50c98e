import { attended } from '../../shared/domain/evaluation.ts';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import { asSeenNow } from '../../shared/domain/meeting.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { HttpError, notFound, validationFailed } from '../../shared/http/errors.ts';
import { coordinatorGroup } from '../../shared/http/group-access.ts';
import { AttendanceBody, CreateMeetings, UpdateMeeting } from '../../shared/http/meeting-schemas.ts';
import { fieldMessages } from '../../shared/http/messages.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-meetings.ts';
import { validate } from '../../shared/http/validation.ts';
import { changeMeeting, scheduleSeries } from '../../shared/services/meeting-schedule.ts';
import { listJoinRequests } from '../../shared/store/join-requests.ts';
import {
  getMeeting,
  listMeetings,
  listParticipation,
  recordAttendance,
} from '../../shared/store/meetings.ts';
import { touchPerson, unreachable } from '../../shared/store/people.ts';

async function createSeries(request: ApiRequest, group: Group, language: 'sv' | 'nb' | 'en') {
  const input = validate(CreateMeetings, request.body, language);
  const result = await scheduleSeries(group, input, new Date());
  // A date the calendar cannot have, or a zone that does not exist: the person's mistake.
  if (result.outcome === 'invalid-time')
    throw validationFailed({ firstLocal: fieldMessages[language].invalid() });
  return json(201, { meetings: result.meetings });
}

async function change(request: ApiRequest, groupId: string, meetingId: string, language: 'sv' | 'nb' | 'en') {
  const input = validate(UpdateMeeting, request.body, language);
  const result = await changeMeeting(groupId, meetingId, input, new Date());
  if (result.outcome === 'changed') return json(200, result.meeting);
  if (result.outcome === 'not-found') throw notFound();
  if (result.outcome === 'cancelled') throw new HttpError(409, 'meeting_cancelled');
  if (result.outcome === 'changed-meanwhile') throw new HttpError(409, 'meeting_changed');
  if (result.outcome === 'invalid-time')
    throw validationFailed({ startsLocal: fieldMessages[language].invalid() });
  throw validationFailed({ introducerId: fieldMessages[language].invalid_choice() });
}

const seatedIn = (requests: readonly JoinRequest[]) =>
  new Set(requests.filter((r) => r.status === 'approved').map((r) => r.id));

async function list(groupId: string) {
  const now = new Date();
  const [meetings, requests] = await Promise.all([listMeetings(groupId), listJoinRequests(groupId)]);
  const seated = seatedIn(requests);
  const withAnswers = await Promise.all(
    meetings.map(async (meeting) => asSeenNow(meeting, await listParticipation(meeting.id), seated, now)),
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
  // Counted and named as the list does: the page's header said no one answered, whatever they had.
  const seen = asSeenNow(meeting, participation, seatedIn(requests), new Date());
  const shown = requests.filter((r) => r.status === 'approved' || byMember.has(r.id));
  // Invitations, changes and the evaluation request are the network's news to its members.
  const noMail = await unreachable(
    meeting.networkId,
    shown.map((r) => r.email),
    'news',
  );
  const members = shown.map((r) => ({
    memberId: r.id,
    name: r.name,
    organisation: r.organisation,
    rsvp: byMember.get(r.id)?.rsvp ?? null,
    attendance: byMember.get(r.id)?.attendance ?? null,
    introducer: seen.introducerId === r.id,
    noMail: noMail.has(r.email),
  }));
  return json(200, { meeting: seen, members });
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
  const members = new Map(requests.map((r) => [r.id, r]));
  for (const entry of input.attendance) {
    await recordAttendance(meeting.id, entry.memberId, entry.status, now);
    // Being there is taking part: the retention sweep must not ask a member who comes whether they want
    // to stay, only because they never answered by a link.
    const member = members.get(entry.memberId);
    if (member && attended(entry.status)) await touchPerson(member.email, member.language, now);
  }
  return participants(groupId, meetingId);
}

const options = { body: 'optional', access: 'any', routes } as const;
const base = '/v1/admin/groups/{groupId}/meetings';

/** Coordinators' routes for a group's meetings: series, changes, answers and attendance. */
export const handler = byRoute({
  [`POST ${base}`]: coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    return createSeries(request, group, request.language ?? 'en');
  }, options),
  [`GET ${base}`]: coordinatorHandler(async (request, coordinator) => {
    return list((await coordinatorGroup(request, coordinator)).id);
  }, options),
  [`PATCH ${base}/{meetingId}`]: coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    return change(request, group.id, request.params.meetingId ?? '', request.language ?? 'en');
  }, options),
  [`GET ${base}/{meetingId}`]: coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    return participants(group.id, request.params.meetingId ?? '');
  }, options),
  [`PUT ${base}/{meetingId}/attendance`]: coordinatorHandler(async (request, coordinator) => {
    const group = await coordinatorGroup(request, coordinator);
    return attendance(request, group.id, request.params.meetingId ?? '', request.language ?? 'en');
  }, options),
});
