import {
  feedbackCsv,
  feedbackFileName,
  groupFeedback,
  type MeetingAnswers,
  meetingFeedback,
  previousMean,
} from '../../shared/http/admin-feedback.ts';
import { coordinatorHandler, requireNetwork } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { logger } from '../../shared/logger.ts';
import { listAnswers } from '../../shared/store/evaluations.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { listJoinRequests } from '../../shared/store/join-requests.ts';
import { listMeetings } from '../../shared/store/meetings.ts';

async function memberNames(groupId: string): Promise<Map<string, string>> {
  return new Map((await listJoinRequests(groupId)).map((member) => [member.id, member.name]));
}

/**
 * The coordinators' view of a group's evaluations (read only): one meeting's figures and answers, the
 * trend across the series, and every answer as CSV. Anonymous answers come without identity.
 */
export const handler = coordinatorHandler(
  async (request, coordinator) => {
    const group = await getGroup(request.params.groupId ?? '');
    if (!group) throw notFound('group_not_found');
    requireNetwork(coordinator, group.networkId);
    const meetingId = request.params.meetingId;
    const [meetings, names] = await Promise.all([listMeetings(group.id), memberNames(group.id)]);

    if (meetingId !== undefined) {
      const meeting = meetings.find((m) => m.id === meetingId);
      if (!meeting) throw notFound();
      const answers = await listAnswers(meeting.id);
      return json(200, meetingFeedback(meeting, answers, names, previousMean(meeting, meetings)));
    }

    const series: MeetingAnswers[] = await Promise.all(
      meetings.map(async (meeting) => ({ meeting, answers: await listAnswers(meeting.id) })),
    );
    if (!request.event.routeKey.endsWith('.csv')) return json(200, groupFeedback(series));

    const now = new Date();
    logger.info('feedback exported', {
      groupId: group.id,
      count: series.reduce((sum, { answers }) => sum + answers.length, 0),
    });
    return {
      ...json(200, null, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${feedbackFileName(group.id, now)}"`,
      }),
      body: feedbackCsv(series, names, request.language ?? 'en'),
    };
  },
  { body: 'none', access: 'any' },
);
