import type { Meeting } from '../../shared/domain/meeting.ts';
import {
  feedbackCsv,
  feedbackFileName,
  groupFeedback,
  type MeetingAnswers,
  meetingFeedback,
  previousMean,
} from '../../shared/http/admin-feedback.ts';
import { type Coordinator, coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { notFound } from '../../shared/http/errors.ts';
import { coordinatorGroup } from '../../shared/http/group-access.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-feedback.ts';
import { logger } from '../../shared/logger.ts';
import { listAnswers } from '../../shared/store/evaluations.ts';
import { listJoinRequests } from '../../shared/store/join-requests.ts';
import { listMeetings } from '../../shared/store/meetings.ts';

async function memberNames(groupId: string): Promise<Map<string, string>> {
  return new Map((await listJoinRequests(groupId)).map((member) => [member.id, member.name]));
}

/** The group, if the coordinator runs its network, with its meetings and its members' names. */
async function groupOf(request: ApiRequest, coordinator: Coordinator) {
  const group = await coordinatorGroup(request, coordinator);
  const [meetings, names] = await Promise.all([listMeetings(group.id), memberNames(group.id)]);
  return { group, meetings, names };
}

async function series(meetings: readonly Meeting[]): Promise<MeetingAnswers[]> {
  return Promise.all(meetings.map(async (meeting) => ({ meeting, answers: await listAnswers(meeting.id) })));
}

const options = { body: 'none', access: 'any', routes } as const;

/**
 * The coordinators' view of a group's evaluations (read only): one meeting's figures and answers, the
 * trend across the series, and every answer as CSV. Anonymous answers come without identity.
 */
export const handler = byRoute({
  'GET /v1/admin/groups/{groupId}/meetings/{meetingId}/feedback': coordinatorHandler(
    async (request, coordinator) => {
      const { meetings, names } = await groupOf(request, coordinator);
      const meeting = meetings.find((m) => m.id === request.params.meetingId);
      if (!meeting) throw notFound();
      const answers = await listAnswers(meeting.id);
      return json(200, meetingFeedback(meeting, answers, names, previousMean(meeting, meetings)));
    },
    options,
  ),
  'GET /v1/admin/groups/{groupId}/feedback': coordinatorHandler(async (request, coordinator) => {
    const { meetings } = await groupOf(request, coordinator);
    return json(200, groupFeedback(await series(meetings)));
  }, options),
  'GET /v1/admin/groups/{groupId}/feedback.csv': coordinatorHandler(async (request, coordinator) => {
    const { group, meetings, names } = await groupOf(request, coordinator);
    const answered = await series(meetings);
    const now = new Date();
    logger.info('feedback exported', {
      groupId: group.id,
      count: answered.reduce((sum, { answers }) => sum + answers.length, 0),
    });
    return {
      ...json(200, null, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${feedbackFileName(group.id, now)}"`,
      }),
      body: feedbackCsv(answered, names, request.language ?? 'en'),
    };
  }, options),
});
