import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';

/** Long enough to outlive any retry of any workflow step; short enough to keep the table small. */
const keepFor = 45 * 24 * 3600;

/**
 * Claims the right to send the email with this dedupe key. Only one caller ever gets `true`, so a retried
 * step, a duplicate execution or two concurrent requests send it once.
 */
export async function claimOutbox(dedupeKey: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: {
          ...keys.outbox(dedupeKey),
          type: 'outbox',
          state: 'sending',
          claimedAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + keepFor,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function markOutboxSent(dedupeKey: string, messageId: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.outbox(dedupeKey),
      UpdateExpression: 'SET #state = :sent, messageId = :id',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
    }),
  );
}

/** Gives the claim back after a failed send, so the retry of the step can send it. */
export async function releaseOutbox(dedupeKey: string): Promise<void> {
  await dynamo.send(new DeleteCommand({ TableName: env.tableName(), Key: keys.outbox(dedupeKey) }));
}
