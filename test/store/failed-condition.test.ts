/**
 * What the store relies on from a failed conditional write (shared/store/errors.ts, oldItemOf): with
 * ReturnValuesOnConditionCheckFailure ALL_OLD, DynamoDB (and DynamoDB Local, which these tests run) hands
 * back the item that failed the condition, so no second read is needed to learn what was in the way.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { env } from '../../shared/config.ts';
import { oldItemOf } from '../../shared/store/errors.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

async function failure(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write went through');
}

describe('a failed conditional write with ALL_OLD', () => {
  const item = { status: 'approved', nested: { a: 1 }, list: ['x'] };

  it('gives back the item that was there, on a Put and on an Update', async () => {
    const Key = { pk: `TEST#${randomUUID()}`, sk: 'TEST' };
    await dynamo.send(new PutCommand({ TableName: env.tableName(), Item: { ...Key, ...item } }));
    const put = await failure(() =>
      dynamo.send(
        new PutCommand({
          TableName: env.tableName(),
          Item: { ...Key, status: 'new' },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    expect(oldItemOf(put)).toEqual({ ...Key, ...item });
    const update = await failure(() =>
      dynamo.send(
        new UpdateCommand({
          TableName: env.tableName(),
          Key,
          UpdateExpression: 'SET #status = :new',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':new': 'new', ':pending': 'pending' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    expect(oldItemOf(update)).toEqual({ ...Key, ...item });
  });

  it('gives back nothing when there was no item, and when it was not asked for', async () => {
    const Key = { pk: `TEST#${randomUUID()}`, sk: 'TEST' };
    const missing = await failure(() =>
      dynamo.send(
        new UpdateCommand({
          TableName: env.tableName(),
          Key,
          UpdateExpression: 'SET #status = :new',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':new': 'new' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      ),
    );
    expect(oldItemOf(missing)).toBeUndefined();
    await dynamo.send(new PutCommand({ TableName: env.tableName(), Item: { ...Key, ...item } }));
    const unasked = await failure(() =>
      dynamo.send(
        new PutCommand({
          TableName: env.tableName(),
          Item: Key,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    expect(oldItemOf(unasked)).toBeUndefined();
  });
});
