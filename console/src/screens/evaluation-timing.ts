/**
 * Where a meeting's evaluation stands, worked out as the meeting workflow does it
 * (shared/services/evaluations.ts `evaluationTimes`): the request goes out `delayMinutes` after the
 * meeting ends (default 60), and the evaluation closes `closeAfterDays` whole days after the request
 * (default 7), by the network's settings as they are now, but never before the close the members were
 * told (`evaluationCloseAt`, once the request went). The API says when an evaluation did close
 * (`evaluationClosedAt`), not when an open one will: that is computed here. No DOM, no JSX (unit-tested
 * in test/console/evaluation-timing.test.ts).
 */

export interface EvaluationSettings {
  readonly delayMinutes?: number | undefined;
  readonly closeAfterDays?: number | undefined;
}

export interface TimedMeeting {
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly status?: 'scheduled' | 'cancelled' | undefined;
  /** The close the request or reminder announced. */
  readonly evaluationCloseAt?: string | undefined;
}

export type EvaluationState =
  | { readonly state: 'cancelled' }
  /** The meeting has not ended yet, or the request is still waiting for its delay. */
  | { readonly state: 'not-sent'; readonly requestAt: string; readonly closeAt: string }
  | { readonly state: 'open'; readonly closeAt: string }
  /** `closedAt` when the API says so; else the planned close, which has passed. */
  | { readonly state: 'closed'; readonly closedAt: string };

const minuteMs = 60_000;
const dayMs = 24 * 3600 * 1000;

export function evaluationTimes(
  meeting: TimedMeeting,
  settings: EvaluationSettings = {},
): { requestAt: string; closeAt: string } {
  const end = Date.parse(meeting.startsAt) + meeting.durationMinutes * minuteMs;
  const requestAt = end + (settings.delayMinutes ?? 60) * minuteMs;
  const closeAt = requestAt + (settings.closeAfterDays ?? 7) * dayMs;
  const announced =
    meeting.evaluationCloseAt === undefined ? Number.NaN : Date.parse(meeting.evaluationCloseAt);
  return {
    requestAt: new Date(requestAt).toISOString(),
    closeAt: new Date(announced > closeAt ? announced : closeAt).toISOString(),
  };
}

export function evaluationState(
  meeting: TimedMeeting,
  settings: EvaluationSettings | undefined,
  closedAt: string | undefined,
  now: Date,
  /** The API shows members asked or answers: the request went out, whatever the clock says. */
  sent = false,
): EvaluationState {
  if (meeting.status === 'cancelled') return { state: 'cancelled' };
  if (closedAt !== undefined) return { state: 'closed', closedAt };
  const { requestAt, closeAt } = evaluationTimes(meeting, settings);
  if (now.getTime() < Date.parse(requestAt))
    return sent ? { state: 'open', closeAt } : { state: 'not-sent', requestAt, closeAt };
  if (now.getTime() < Date.parse(closeAt)) return { state: 'open', closeAt };
  return { state: 'closed', closedAt: closeAt };
}
