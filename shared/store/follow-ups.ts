import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { FollowUp, FollowUpStatus } from '../domain/follow-up.ts';
import { queryAll, readRecord } from './common.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';

function fromItem(item: Record<string, unknown>): FollowUp {
  const { pk: _pk, sk: _sk, type: _t, ...followUp } = item;
  return readRecord<FollowUp>(followUp, 'follow-up', ['id', 'groupId', 'status']);
}

/** Adds follow-ups once: a coordinator's "done" or "removed" is never reset by a retried close. */
export async function addFollowUps(followUps: readonly FollowUp[]): Promise<void> {
  for (const followUp of followUps) {
    try {
      await dynamo.send(
        new PutCommand({
          TableName: env.tableName(),
          Item: { ...keys.followUp(followUp.groupId, followUp.id), type: 'follow-up', ...followUp },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

export async function listFollowUps(groupId: string): Promise<FollowUp[]> {
  const prefix = keys.followUpPrefix(groupId);
  const items = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  });
  return items.map(fromItem).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function setFollowUpStatus(
  groupId: string,
  id: string,
  status: FollowUpStatus,
): Promise<FollowUp | undefined> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.followUp(groupId, id),
        UpdateExpression: 'SET #status = :status',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? fromItem(Attributes) : undefined;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}
