/**
 * An answer that arrives while the evaluation closes: whoever is told "recorded" is in the summary the
 * coordinators get, and whoever comes after the close is told it is closed. The close step's read of the
 * answers is held, and another member answers right then.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';
import { beforeDynamo } from './faults.ts';

let stack: TestStack;
let headers: Record<string, string>;
const networkId = `closing-${randomUUID().slice(0, 6)}`;
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;

beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: 2000 } });
  headers = await seedNetwork(stack, { id: networkId, name: 'Grundskolenätverket', coordinator });
});
afterAll(() => stack.stop());

const formUrl = (text: string | undefined) =>
  (text ?? '').match(/https?:\S+\/v1\/feedback\/[A-Za-z0-9_-]+/)?.[0] ?? '';

const answer = (url: string, rating: number) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ rating }),
  });

it('an answer given while the evaluation closes is either counted or told it came too late', async () => {
  const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
  const [anna, bertil] = members as [JoinRequest, JoinRequest];
  const created = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ firstLocal: inDays(2), mode: 'online', onlineUrl: 'https://meet.example.org/x' }),
  });
  const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
  if (!meeting) throw new Error('no meeting');

  const asked = (mail: { body: { text?: string } }) => formUrl(mail.body.text) !== '';
  const [annaMail, bertilMail] = await Promise.all([
    stack.waitForEmailTo(anna.email, asked, 30_000),
    stack.waitForEmailTo(bertil.email, asked, 30_000),
  ]);
  expect((await answer(formUrl(annaMail.body.text), 8)).status).toBe(200);

  // Bertil answers at the moment the close step reads the answers.
  const told: { status?: number } = {};
  const hold = beforeDynamo(
    (call) =>
      call.command === 'QueryCommand' &&
      call.input.Select !== 'COUNT' &&
      JSON.stringify(call.input.ExpressionAttributeValues ?? {}).includes('ANSWER#'),
    async () => {
      told.status = (await answer(formUrl(bertilMail.body.text), 6)).status;
    },
  );
  try {
    const summary = await stack.waitForEmailTo(
      coordinator,
      (mail) => /\d+ av 2/.test(mail.body.text ?? ''),
      40_000,
    );
    // Told "recorded" means counted; told "closed" means not counted.
    expect(summary.body.text).toMatch(told.status === 200 ? /2 av 2/ : /1 av 2/);
    // The close comes before the read, so here it is the second.
    expect(told.status).toBe(410);
  } finally {
    hold.stop();
  }
}, 90_000);
