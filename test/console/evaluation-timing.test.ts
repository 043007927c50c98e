import { describe, expect, it } from 'vitest';
import { evaluationState, evaluationTimes } from '../../console/src/screens/evaluation-timing.ts';

/** The console's reading of when an evaluation goes out and closes, as the meeting workflow plans it. */
describe('where a meeting’s evaluation stands', () => {
  const meeting = { startsAt: '2026-03-10T16:00:00.000Z', durationMinutes: 90, status: 'scheduled' as const };

  it('goes out an hour after the meeting ends and closes seven days later by default', () => {
    expect(evaluationTimes(meeting)).toEqual({
      requestAt: '2026-03-10T18:30:00.000Z',
      closeAt: '2026-03-17T18:30:00.000Z',
    });
  });

  it('follows the network’s delay and close', () => {
    expect(evaluationTimes(meeting, { delayMinutes: 0, closeAfterDays: 14 })).toEqual({
      requestAt: '2026-03-10T17:30:00.000Z',
      closeAt: '2026-03-24T17:30:00.000Z',
    });
  });

  it('closes no earlier than the close the members were told, and later when the settings say so', () => {
    const told = { ...meeting, evaluationCloseAt: '2026-03-17T18:30:00.000Z' };
    // Down to two days after the request said seven: still the seventh day.
    expect(evaluationTimes(told, { closeAfterDays: 2 }).closeAt).toBe('2026-03-17T18:30:00.000Z');
    expect(evaluationState(told, { closeAfterDays: 2 }, undefined, new Date('2026-03-14T09:00:00Z'))).toEqual(
      {
        state: 'open',
        closeAt: '2026-03-17T18:30:00.000Z',
      },
    );
    // Up to fourteen: the later close.
    expect(evaluationTimes(told, { closeAfterDays: 14 }).closeAt).toBe('2026-03-24T18:30:00.000Z');
  });

  it('is not sent before the request, open until the close, closed after', () => {
    expect(evaluationState(meeting, undefined, undefined, new Date('2026-03-10T18:00:00Z'))).toEqual({
      state: 'not-sent',
      requestAt: '2026-03-10T18:30:00.000Z',
      closeAt: '2026-03-17T18:30:00.000Z',
    });
    expect(evaluationState(meeting, undefined, undefined, new Date('2026-03-12T09:00:00Z'))).toEqual({
      state: 'open',
      closeAt: '2026-03-17T18:30:00.000Z',
    });
    expect(evaluationState(meeting, undefined, undefined, new Date('2026-03-17T18:30:00Z'))).toEqual({
      state: 'closed',
      closedAt: '2026-03-17T18:30:00.000Z',
    });
  });

  it('is open once the API shows members asked, even before the planned request', () => {
    expect(evaluationState(meeting, undefined, undefined, new Date('2026-03-10T18:00:00Z'), true)).toEqual({
      state: 'open',
      closeAt: '2026-03-17T18:30:00.000Z',
    });
  });

  it('takes the API’s close when there is one, and says a cancelled meeting has none', () => {
    const closedAt = '2026-03-17T18:30:04.120Z';
    expect(evaluationState(meeting, undefined, closedAt, new Date('2026-03-12T09:00:00Z'))).toEqual({
      state: 'closed',
      closedAt,
    });
    expect(
      evaluationState(
        { ...meeting, status: 'cancelled' },
        undefined,
        undefined,
        new Date('2026-03-12T09:00:00Z'),
      ),
    ).toEqual({ state: 'cancelled' });
  });
});
