import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ses } from '../../shared/clients/ses.ts';
import { failNextCall } from '../faults/faults.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { allItems, linkIn } from '../support/table.ts';

// The real workflow with its waits shortened: reminder after 1 s, expiry after 6 s. A reminder due at or
// after the expiry is not sent (its link would be dead), so the gap leaves room for a slow first step.
let stack: TestStack;
let groupId = '';
beforeAll(async () => {
  stack = await useLocalStack({
    env: { REGISTRATION_REMINDER_AFTER_SECONDS: '1', REGISTRATION_EXPIRE_AFTER_SECONDS: '6' },
  });
  groupId = (await seedGroup('demo', [])).group.id;
});
afterAll(() => stack.stop());

const person = { name: 'Kari', organisation: 'Skolen', role: 'Rektor', consent: true };

/** The three public forms with a double opt-in: where each posts, and where its record is stored. */
const forms = [
  {
    form: 'an interest registration',
    path: () => '/v1/networks/demo/interest',
    body: { ...person, topics: [] },
    sk: (id: string) => `REGISTRATION#${id}`,
    expiredCode: 'registration_expired',
  },
  {
    form: 'a request to join a group',
    path: () => `/v1/groups/${groupId}/join-requests`,
    body: person,
    sk: (id: string) => `JOIN#${id}`,
    expiredCode: 'link_expired',
  },
  {
    form: 'a group proposal',
    path: () => '/v1/networks/demo/group-proposals',
    body: { ...person, title: 'Rektors mandat', question: 'Hur tydliggör vi mandatet?' },
    sk: (id: string) => `PROPOSAL#${id}`,
    expiredCode: 'link_expired',
  },
] as const;

async function post(path: string, body: object, email: string): Promise<string> {
  const response = await stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ ...body, email }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

const itemOf = async (sk: string) => (await allItems(stack.tableName)).find((item) => item.sk === sk);

describe.each(forms)('the opt-in workflow for $form', ({ path, body, sk, expiredCode }) => {
  it('confirms, reminds once, then expires it unconfirmed; its link then says so, and it may be sent again', {
    timeout: 60_000,
  }, async () => {
    const email = uniqueEmail('unconfirmed');
    const id = await post(path(), body, email);
    const execution = await stack.waitForExecutionStarted(optInFor(id));
    const done = await stack.sfn.waitForExecution(execution.executionArn, 30_000);
    expect(done.status).toBe('SUCCEEDED');

    const mails = await stack.emailsTo(email);
    expect(mails).toHaveLength(2);
    const [confirmation, reminder] = mails;
    expect(confirmation?.subject).not.toMatch(/^Reminder/);
    expect(reminder?.subject).toMatch(/^Reminder: confirm your /);
    expect(reminder?.body.text).toContain('This is the only reminder we send.');
    expect(linkIn(reminder?.body.text).url).not.toBe(linkIn(confirmation?.body.text).url);
    expect(await itemOf(sk(id))).toMatchObject({ status: 'expired', expiredAt: expect.any(String) });

    const late = await fetch(linkIn(reminder?.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(late.status).toBe(410);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe(expiredCode);

    // A lapsed record may be made again, as the same one, with a workflow of its own.
    expect(await post(path(), body, email)).toBe(id);
    await stack.waitForEmailTo(
      email,
      (mail) => mail.messageId !== confirmation?.messageId && mail.messageId !== reminder?.messageId,
    );
    expect(await itemOf(sk(id))).toMatchObject({ status: 'pending_confirmation' });
  });
});

describe('the opt-in workflow', () => {
  it('retries a step whose email failed to send, and the email still goes out exactly once', async () => {
    const fault = failNextCall(ses);
    try {
      const email = uniqueEmail('retried');
      const id = await post(`/v1/groups/${groupId}/join-requests`, person, email);
      const execution = await stack.waitForExecutionStarted(optInFor(id));
      await stack.waitForEmailTo(email);
      await stack.sfn.waitForExecution(execution.executionArn, 15_000);
      expect(fault.failures).toBe(1);
      // The confirmation (failed once, then retried) and the reminder: each exactly once.
      const subjects = (await stack.emailsTo(email)).map((mail) => mail.subject);
      expect(subjects).toHaveLength(2);
      expect(new Set(subjects).size).toBe(2);
    } finally {
      fault.stop();
    }
  });
});
