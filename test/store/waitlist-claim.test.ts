/**
 * claimWaitlistPlace (shared/store/groups.ts): a request claiming again gets the place it holds, from the
 * group the failed write hands back; a group that is not there is an error, not a place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimWaitlistPlace } from '../../shared/store/groups.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

/** What a claim is made for: the request's id and when it was made. */
const request = (id: string) => ({ id, createdAt: new Date().toISOString() });

describe('claimWaitlistPlace', () => {
  it('gives a request claiming again the place it holds, and the next request the next place', async () => {
    const { group } = await seedGroup('demo', []);
    const first = request('forsta');
    const second = request('andra');
    expect(await claimWaitlistPlace(group.id, first)).toBe(1);
    expect(await claimWaitlistPlace(group.id, second)).toBe(2);
    expect(await claimWaitlistPlace(group.id, first)).toBe(1);
    expect(await claimWaitlistPlace(group.id, second)).toBe(2);
  });

  it('refuses a group that is not there', async () => {
    const { group } = await seedGroup('demo', []);
    await expect(claimWaitlistPlace(`${group.id}-gone`, request('ingen'))).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
  });
});
