import middy from '@middy/core';
import * as z from 'zod/mini';
import { noticeFor } from '../../shared/domain/meeting.ts';
import { logContext, logger } from '../../shared/logger.ts';
import { asWorkflowStep } from '../../shared/notify.ts';
import { loadMeetingContext } from '../../shared/services/meeting-context.ts';
import { nextStep, postponed, type Step, sendStep } from '../../shared/services/meeting-steps.ts';
import {
  ensureIntroducer,
  inviteToUpcomingMeetings,
  sendMeetingMail,
} from '../../shared/services/meetings.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getMeeting } from '../../shared/store/meetings.ts';
import { getNetwork } from '../../shared/store/networks.ts';

const StepSchema = z.union([
  z.object({ kind: z.literal('reminder'), daysBefore: z.number().check(z.positive()), at: z.iso.datetime() }),
  z.object({
    kind: z.enum(['introducer', 'evaluation-request', 'evaluation-reminder', 'evaluation-close']),
    at: z.iso.datetime(),
  }),
]);

const meetingIds = {
  groupId: z.string().check(z.minLength(1)),
  meetingId: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.gte(1)),
};

/** A meeting version's tasks, and the member-invitations task: a member just placed, invited to the meetings ahead. */
const StepInput = z.discriminatedUnion('step', [
  z.object({ step: z.literal('invite'), ...meetingIds }),
  z.object({ step: z.literal('remind'), ...meetingIds, reminder: z.optional(StepSchema) }),
  z.object({
    step: z.literal('invite-member'),
    groupId: z.string().check(z.minLength(1)),
    requestId: z.string().check(z.minLength(1)),
  }),
]);

/**
 * The meeting workflow's tasks. Each re-reads the meeting and acts only for the version it was started
 * for: a moved or cancelled meeting has a newer version (with its own execution), so this one stops and
 * no stale reminder goes out. Returns the next reminder to wait for, if any. The member-invitations
 * workflow's task ('invite-member') is served here too: it sends the same invitation.
 */
const steps = middy()
  .use(logContext())
  .handler(async (event: unknown): Promise<{ next?: Step }> => {
    const input = StepInput.parse(event);
    if (input.step === 'invite-member') {
      logger.appendKeys({ step: input.step, groupId: input.groupId });
      await inviteToUpcomingMeetings(input.groupId, input.requestId, new Date());
      return {};
    }
    logger.appendKeys({ step: input.step, meetingId: input.meetingId, version: input.version });
    const meeting = await getMeeting(input.groupId, input.meetingId);
    if (!meeting || meeting.version !== input.version) {
      logger.info('meeting changed since this execution started: stopping');
      return {};
    }
    const [group, network] = await Promise.all([getGroup(meeting.groupId), getNetwork(meeting.networkId)]);
    if (!group || !network) return {};
    const now = new Date();
    let ctx = await loadMeetingContext(network, group, meeting);

    if (input.step === 'invite') {
      const notice = noticeFor(meeting);
      if (notice === 'cancellation') {
        for (const member of ctx.members) await sendMeetingMail(ctx, member, notice);
        return {};
      }
      ctx = { ...ctx, meeting: await ensureIntroducer(ctx, now) };
      for (const member of ctx.members) await sendMeetingMail(ctx, member, notice);
      const next = nextStep(network, ctx.meeting, now);
      return next ? { next } : {};
    }

    if (meeting.status === 'cancelled' || input.step !== 'remind' || !input.reminder) return {};
    const later = postponed(network, meeting, input.reminder);
    if (later) return { next: later };
    ctx = { ...ctx, meeting: await ensureIntroducer(ctx, now) };
    await sendStep(ctx, input.reminder, now);
    const next = nextStep(network, ctx.meeting, now, input.reminder);
    return next ? { next } : {};
  });

/** A workflow step: an email someone else is sending right now is retried, not skipped (notify.ts). */
export const handler = asWorkflowStep(steps);
