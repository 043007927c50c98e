import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { allItems, linkIn } from '../support/table.ts';

// A reminder 12 s after registering: time enough to confirm first, even on a machine running other
// tests beside this one (4 s was not, with a load of 13 on two cores).
let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack({
    env: { REGISTRATION_REMINDER_AFTER_SECONDS: '12', REGISTRATION_EXPIRE_AFTER_SECONDS: '14' },
  });
});
afterAll(() => stack.stop());

async function register(email: string): Promise<string> {
  const response = await stack.api('/v1/networks/demo/interest', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({
      name: 'Kari',
      email,
      organisation: 'Skolen',
      role: 'Rektor',
      topics: [],
      consent: true,
    }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

const registrationOf = async (id: string) =>
  (await allItems(stack.tableName)).find((item) => item.sk === `REGISTRATION#${id}`);

describe('the registration workflow, confirmed in time', () => {
  it('sends no reminder to someone who confirmed in time', async () => {
    const email = uniqueEmail('prompt');
    const id = await register(email);
    const confirmation = await stack.waitForEmailTo(email);
    const confirmed = await fetch(linkIn(confirmation.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(confirmed.status).toBe(200);
    const execution = await stack.waitForExecutionStarted(optInFor(id));
    const done = await stack.sfn.waitForExecution(execution.executionArn, 30_000);
    expect(done.status).toBe('SUCCEEDED');
    const subjects = (await stack.emailsTo(email)).map((mail) => mail.subject);
    expect(subjects).toHaveLength(2);
    expect(await registrationOf(id)).toMatchObject({ status: 'confirmed' });
  });
});
