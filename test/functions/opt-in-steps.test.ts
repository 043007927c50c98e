import { describe, expect, it } from 'vitest';
import { StepInput } from '../../functions/opt-in-steps/handler.ts';

describe('the opt-in steps input', () => {
  it('names the record of any of the three forms; a join request with its group', () => {
    const join = { type: 'join-request', networkId: 'demo', groupId: 'g1', id: 'r1' };
    expect(StepInput.parse({ step: 'remind', subject: join })).toEqual({ step: 'remind', subject: join });
    const proposal = { type: 'group-proposal', networkId: 'demo', id: 'p1' };
    expect(StepInput.parse({ step: 'expire', subject: proposal }).subject).toEqual(proposal);
    expect(() =>
      StepInput.parse({ step: 'remind', subject: { type: 'join-request', networkId: 'demo', id: 'r1' } }),
    ).toThrow();
    expect(() => StepInput.parse({ step: 'forget', subject: proposal })).toThrow();
  });

  it('still reads the tasks of executions started before the workflow served all three forms', () => {
    expect(StepInput.parse({ step: 'expire', networkId: 'demo', registrationId: 'abc' })).toEqual({
      step: 'expire',
      subject: { type: 'registration', networkId: 'demo', id: 'abc' },
    });
  });
});
