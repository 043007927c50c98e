import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { EvaluationAnswer } from '../domain/evaluation.ts';
import { queryAll, readRecord } from './common.ts';
import { isConditionalCheckFailed, isTransactionCancelled } from './errors.ts';
import { keys } from './keys.ts';

/** A stored answer as given, without its keys; erasure rewrites one from its item. */
export function answerFromItem(item: Record<string, unknown>): EvaluationAnswer {
  const { pk: _pk, sk: _sk, type: _t, meetingId: _m, ...answer } = item;
  return readRecord<EvaluationAnswer>(answer, 'evaluation answer', ['rating']);
}

/**
 * Stores (or replaces) one member's answer while the evaluation is open, and notes on the member's
 * participation that they answered, so the reminder skips them. For an anonymous answer the two items
 * share nothing: the answer's key comes from the member's link, and it holds no id or name.
 */
export async function putAnswer(
  groupId: string,
  meetingId: string,
  answerKey: string,
  answer: EvaluationAnswer,
  memberId: string,
  now: Date,
): Promise<'stored' | 'closed'> {
  const at = now.toISOString();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: env.tableName(),
              Key: keys.meeting(groupId, meetingId),
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(evaluationClosedAt)',
            },
          },
          {
            Put: {
              TableName: env.tableName(),
              Item: { ...keys.answer(meetingId, answerKey), type: 'evaluation-answer', meetingId, ...answer },
            },
          },
          {
            Update: {
              TableName: env.tableName(),
              Key: keys.participation(meetingId, memberId),
              UpdateExpression:
                'SET answeredAt = :at, meetingId = :meetingId, memberId = :memberId, #type = :type',
              ExpressionAttributeNames: { '#type': 'type' },
              ExpressionAttributeValues: {
                ':at': at,
                ':meetingId': meetingId,
                ':memberId': memberId,
                ':type': 'participation',
              },
            },
          },
        ],
      }),
    );
    return 'stored';
  } catch (error) {
    if (isTransactionCancelled(error)) return 'closed';
    throw error;
  }
}

export async function getAnswer(meetingId: string, answerKey: string): Promise<EvaluationAnswer | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.answer(meetingId, answerKey),
      ConsistentRead: true,
    }),
  );
  return Item ? answerFromItem(Item) : undefined;
}

export async function listAnswers(meetingId: string): Promise<EvaluationAnswer[]> {
  const prefix = keys.answerPrefix(meetingId);
  const items = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  });
  return items.map(answerFromItem);
}

/** How many answered, without reading what they answered (a digest needs the number only). */
export async function countAnswers(meetingId: string): Promise<number> {
  const prefix = keys.answerPrefix(meetingId);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * Closes the evaluation once, and removes the salt of the answers' keys in the same write: from then on
 * nobody who reads the table (or an answer that leaked it) can recompute whose key an anonymous answer
 * has. Returns false if it was closed already (a retried step), which still ends with no salt.
 */
export async function closeEvaluation(groupId: string, meetingId: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.meeting(groupId, meetingId),
        UpdateExpression: 'SET evaluationClosedAt = :at REMOVE evaluationSalt',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(evaluationClosedAt)',
        ExpressionAttributeValues: { ':at': now.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    await forgetSalt(groupId, meetingId);
    return false;
  }
}

/**
 * The closed evaluation's mean, for the next summary's change and the coordinators' views. Written after
 * the close from the answers read then, which no later answer can change: a retried close writes the same.
 */
export async function recordEvaluationMean(groupId: string, meetingId: string, mean: number): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.meeting(groupId, meetingId),
      UpdateExpression: 'SET evaluationMean = :mean',
      ConditionExpression: 'attribute_exists(evaluationClosedAt)',
      ExpressionAttributeValues: { ':mean': mean },
    }),
  );
}

/**
 * Takes the salt from a closed evaluation that still holds one: one closed before the close removed it
 * in its own write (found by a retried close, or by the nightly sweep after an upgrade). Only a closed
 * evaluation loses it, so an open one's answers keep their keys. True if there was one to take.
 */
export async function forgetSalt(groupId: string, meetingId: string): Promise<boolean> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.meeting(groupId, meetingId),
        UpdateExpression: 'REMOVE evaluationSalt',
        ConditionExpression: 'attribute_exists(evaluationClosedAt) AND attribute_exists(evaluationSalt)',
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return false;
  }
}

/**
 * Opens the evaluation when the request goes out: how many were asked (the summary's response rate
 * needs it), the salt of the answers' keys and the close the request announces.
 */
export async function recordEvaluationAsked(
  groupId: string,
  meetingId: string,
  asked: number,
  salt: string,
  closeAt: string,
): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.meeting(groupId, meetingId),
      // A retried request keeps the salt it set first: answers already given must keep their keys.
      UpdateExpression:
        'SET evaluationAsked = :asked, evaluationSalt = if_not_exists(evaluationSalt, :salt), evaluationCloseAt = :closeAt',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(evaluationClosedAt)',
      ExpressionAttributeValues: { ':asked': asked, ':salt': salt, ':closeAt': closeAt },
    }),
  );
}

/** How many were asked, once someone is asked after the request (marked present afterwards). */
export async function recordEvaluationAskedCount(
  groupId: string,
  meetingId: string,
  asked: number,
): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.meeting(groupId, meetingId),
      UpdateExpression: 'SET evaluationAsked = :asked',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(evaluationClosedAt)',
      ExpressionAttributeValues: { ':asked': asked },
    }),
  );
}

/**
 * The close the reminder announces, kept when it is later than the one recorded: the evaluation then
 * closes no earlier (see evaluationTimes).
 */
export async function recordEvaluationCloseAnnounced(
  groupId: string,
  meetingId: string,
  closeAt: string,
): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.meeting(groupId, meetingId),
        UpdateExpression: 'SET evaluationCloseAt = :closeAt',
        // ISO instants of one format compare as strings.
        ConditionExpression:
          'attribute_exists(pk) AND attribute_not_exists(evaluationClosedAt) AND (attribute_not_exists(evaluationCloseAt) OR evaluationCloseAt < :closeAt)',
        ExpressionAttributeValues: { ':closeAt': closeAt },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
