/**
 * The store's one update builder, on the table DynamoDB Local serves: what it sets, removes and leaves,
 * and that a condition keeps its own placeholders.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { env } from '../../shared/config.ts';
import { updateExpression } from '../../shared/store/update-expression.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

const key = () => ({ pk: `TEST#${randomUUID()}`, sk: 'TEST' });

async function stored(item: Record<string, unknown>, changes: Record<string, unknown>) {
  const Key = key();
  await dynamo.send(new PutCommand({ TableName: env.tableName(), Item: { ...Key, ...item } }));
  await dynamo.send(new UpdateCommand({ TableName: env.tableName(), Key, ...updateExpression(changes) }));
  const { Item } = await dynamo.send(new GetCommand({ TableName: env.tableName(), Key }));
  const { pk: _pk, sk: _sk, ...rest } = Item ?? {};
  return rest;
}

describe('updateExpression', () => {
  it('sets what is given, removes what is null and leaves what is undefined, reserved words included', async () => {
    expect(
      await stored(
        { status: 'open', capacity: 4, mode: 'online', location: 'Aula', title: 'Kvar' },
        { status: 'closed', capacity: 6, mode: undefined, location: null, previous: { at: 'x' } },
      ),
    ).toEqual({ status: 'closed', capacity: 6, mode: 'online', title: 'Kvar', previous: { at: 'x' } });
  });

  it('builds a REMOVE alone, and leaves out the values map DynamoDB would refuse empty', () => {
    expect(updateExpression({ expiresAt: null, gsi1pk: null })).toEqual({
      UpdateExpression: 'REMOVE #expiresAt, #gsi1pk',
      ExpressionAttributeNames: { '#expiresAt': 'expiresAt', '#gsi1pk': 'gsi1pk' },
    });
  });

  it('keeps the condition and its placeholders, and refuses a change that would redefine one', () => {
    const condition = {
      expression: '#status = :from',
      names: { '#status': 'status' },
      values: { ':from': 'a' },
    };
    expect(updateExpression({ status: 'b' }, condition)).toEqual({
      UpdateExpression: 'SET #status = :status',
      ConditionExpression: '#status = :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':from': 'a', ':status': 'b' },
    });
    expect(() => updateExpression({ from: 'b' }, condition)).toThrow(':from');
    expect(() => updateExpression({ a: undefined })).toThrow('nothing to change');
  });
});
