import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ses } from '../../shared/clients/ses.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { allItems, linkIn } from '../support/table.ts';

// The real workflow with its waits shortened: reminder after 1 s, expiry after 3 s.
let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack({
    env: { REGISTRATION_REMINDER_AFTER_SECONDS: '1', REGISTRATION_EXPIRE_AFTER_SECONDS: '3' },
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

describe('the registration workflow', () => {
  it('reminds once, then expires an unconfirmed registration; its link then says so', async () => {
    const email = uniqueEmail('unconfirmed');
    const id = await register(email);
    const execution = await stack.waitForExecutionStarted((input) => input.registrationId === id);
    const done = await stack.sfn.waitForExecution(execution.executionArn, 15_000);
    expect(done.status).toBe('SUCCEEDED');

    const mails = await stack.emailsTo(email);
    expect(mails).toHaveLength(2);
    const [confirmation, reminder] = mails;
    expect(reminder?.subject).not.toBe(confirmation?.subject);
    expect(await registrationOf(id)).toMatchObject({ status: 'expired' });
    expect((await registrationOf(id))?.expiresAt).toEqual(expect.any(Number));

    const late = await fetch(linkIn(reminder?.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(late.status).toBe(410);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('registration_expired');

    // A lapsed registration may be made again, as the same member.
    expect(await register(email)).toBe(id);
    await stack.waitForEmailTo(
      email,
      (mail) => mail.messageId !== confirmation?.messageId && mail.messageId !== reminder?.messageId,
    );
    expect(await registrationOf(id)).toMatchObject({ status: 'pending_confirmation' });
  });

  it('retries a step whose email failed to send, and the email still goes out exactly once', async () => {
    let failures = 0;
    const failOnce = (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      if (failures === 0) {
        failures += 1;
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'Throttling',
          $retryable: { throttling: true },
        });
      }
      return next(args);
    };
    ses.middlewareStack.add(failOnce as never, { step: 'initialize', name: 'failOnce', override: true });
    try {
      const email = uniqueEmail('retried');
      const id = await register(email);
      const execution = await stack.waitForExecutionStarted((input) => input.registrationId === id);
      await stack.waitForEmailTo(email);
      await stack.sfn.waitForExecution(execution.executionArn, 15_000);
      expect(failures).toBe(1);
      // The confirmation (failed once, then retried) and the reminder: each exactly once.
      const subjects = (await stack.emailsTo(email)).map((mail) => mail.subject);
      expect(subjects).toHaveLength(2);
      expect(new Set(subjects).size).toBe(2);
    } finally {
      ses.middlewareStack.remove('failOnce');
    }
  });
});
