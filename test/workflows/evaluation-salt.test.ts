import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { closeEvaluation, recordEvaluationAsked } from '../../shared/store/evaluations.ts';
import { keys } from '../../shared/store/keys.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { allItems } from '../support/table.ts';

/*
 * An anonymous answer is keyed by a hash salted per meeting. Whoever holds the salt and the member ids can
 * recompute every key and so tell who wrote each answer: the salt must never leave, and must be gone once
 * the evaluation closes.
 */

let stack: TestStack;
let headers: Record<string, string>;
const networkId = `salt-${randomUUID().slice(0, 6)}`;
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;

beforeAll(async () => {
  stack = await useLocalStack();
  await createNetworkIfMissing({
    id: networkId,
    name: 'Saltnätverket',
    languages: ['sv'],
    coordinators: [coordinator],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
  });
  headers = {
    authorization: `Bearer ${await stack.token({ email: coordinator, networks: [networkId] })}`,
    'content-type': 'application/json',
  };
});
afterAll(() => stack.stop());

async function meetingItem(groupId: string, meetingId: string) {
  const { pk, sk } = keys.meeting(groupId, meetingId);
  return (await allItems(stack.tableName)).find((item) => item.pk === pk && item.sk === sk);
}

async function scheduled(count: number) {
  const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
  const created = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      firstLocal: inDays(30),
      count,
      mode: 'online',
      onlineUrl: 'https://meet.example.org/salt',
    }),
  });
  expect(created.status).toBe(201);
  const { meetings } = (await created.json()) as { meetings: { id: string }[] };
  return { group, members: members as [JoinRequest, JoinRequest], meetingIds: meetings.map((m) => m.id) };
}

/** An evaluation asked, as the workflow's request step leaves it: open, with its salt. */
async function askEvaluation(groupId: string, meetingId: string): Promise<string> {
  const salt = randomUUID();
  await recordEvaluationAsked(groupId, meetingId, 2, salt, new Date().toISOString());
  expect(await meetingItem(groupId, meetingId)).toMatchObject({ evaluationSalt: salt });
  return salt;
}

describe('the evaluation salt', () => {
  it('leaves by no admin route that answers with a meeting, open or closed', async () => {
    const { group, members, meetingIds } = await scheduled(1);
    const [meetingId = ''] = meetingIds;
    const salt = await askEvaluation(group.id, meetingId);
    const base = `/v1/admin/groups/${group.id}/meetings`;
    const answers = async () => [
      await stack.api(base, { headers }),
      await stack.api(`${base}/${meetingId}`, { headers }),
      await stack.api(`${base}/${meetingId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ introducerId: members[0].id }),
      }),
      await stack.api(`${base}/${meetingId}/attendance`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ attendance: [{ memberId: members[1].id, status: 'present' }] }),
      }),
      await stack.api(`${base}/${meetingId}/feedback`, { headers }),
      await stack.api(`/v1/admin/groups/${group.id}/feedback`, { headers }),
      await stack.api(`/v1/admin/groups/${group.id}/feedback.csv`, { headers }),
    ];
    for (const phase of ['open', 'closed']) {
      for (const response of await answers()) {
        expect(response.status, `${phase}: ${response.url}`).toBe(200);
        const body = await response.text();
        expect(body, `${phase}: ${response.url}`).not.toContain('evaluationSalt');
        expect(body, `${phase}: ${response.url}`).not.toContain(salt);
      }
      if (phase === 'open') expect(await closeEvaluation(group.id, meetingId, new Date())).toBe(true);
    }
  });

  it('is removed in the write that closes the evaluation, and by a close that is retried', async () => {
    const { group, meetingIds } = await scheduled(1);
    const [meetingId = ''] = meetingIds;
    await askEvaluation(group.id, meetingId);

    expect(await closeEvaluation(group.id, meetingId, new Date())).toBe(true);
    const closed = await meetingItem(group.id, meetingId);
    expect(closed).toHaveProperty('evaluationClosedAt');
    expect(closed).not.toHaveProperty('evaluationSalt');

    // A meeting closed before the close removed the salt: the retried close finds it closed, and still
    // takes the salt away.
    await dynamo.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.meeting(group.id, meetingId),
        UpdateExpression: 'SET evaluationSalt = :salt',
        ExpressionAttributeValues: { ':salt': 'left-behind' },
      }),
    );
    expect(await closeEvaluation(group.id, meetingId, new Date())).toBe(false);
    const retried = await meetingItem(group.id, meetingId);
    expect(retried).not.toHaveProperty('evaluationSalt');
    expect(retried?.evaluationClosedAt).toBe(closed?.evaluationClosedAt);

    // An evaluation that cannot open again gets no new salt.
    await expect(
      recordEvaluationAsked(group.id, meetingId, 2, 'again', new Date().toISOString()),
    ).rejects.toThrow();
    expect(await meetingItem(group.id, meetingId)).not.toHaveProperty('evaluationSalt');
  });

  it('goes with a cancellation, whose workflow never reaches the close', async () => {
    const { group, meetingIds } = await scheduled(2);
    const [cancelled = '', kept = ''] = meetingIds;
    await askEvaluation(group.id, cancelled);
    const keptSalt = await askEvaluation(group.id, kept);
    const response = await stack.api(`/v1/admin/groups/${group.id}/meetings/${cancelled}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(response.status).toBe(200);
    expect(await meetingItem(group.id, cancelled)).not.toHaveProperty('evaluationSalt');
    // The other meeting's evaluation is open: its answers keep their keys.
    expect(await meetingItem(group.id, kept)).toMatchObject({ evaluationSalt: keptSalt });
  });

  it('is in no table item once every evaluation has closed', async () => {
    const { group, meetingIds } = await scheduled(2);
    for (const meetingId of meetingIds) {
      await askEvaluation(group.id, meetingId);
      await closeEvaluation(group.id, meetingId, new Date());
    }
    const items = (await allItems(stack.tableName)).filter((item) => item.pk === `GROUP#${group.id}`);
    expect(items.filter((item) => item.type === 'meeting')).toHaveLength(2);
    expect(items.filter((item) => 'evaluationSalt' in item)).toEqual([]);
  });

  it('left on evaluations closed before an upgrade, is taken by the nightly sweep; an open one keeps it', async () => {
    const { group, meetingIds } = await scheduled(2);
    const [closedEarlier = '', open = ''] = meetingIds;
    await askEvaluation(group.id, closedEarlier);
    const openSalt = await askEvaluation(group.id, open);
    // How a close wrote it before the salt went in the same write: closed, salt still there.
    await dynamo.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: keys.meeting(group.id, closedEarlier),
        UpdateExpression: 'SET evaluationClosedAt = :at',
        ExpressionAttributeValues: { ':at': new Date().toISOString() },
      }),
    );
    const { handler } = await import('../../functions/retention-sweep/handler.ts');
    const swept = (await handler({}, {} as never)) as { saltsRemoved: number };
    expect(swept.saltsRemoved).toBeGreaterThanOrEqual(1);
    expect(await meetingItem(group.id, closedEarlier)).not.toHaveProperty('evaluationSalt');
    expect(await meetingItem(group.id, open)).toMatchObject({ evaluationSalt: openSalt });
    // The next night finds nothing left to take.
    expect(((await handler({}, {} as never)) as { saltsRemoved: number }).saltsRemoved).toBe(0);
    expect(await meetingItem(group.id, open)).toMatchObject({ evaluationSalt: openSalt });
  });
});
