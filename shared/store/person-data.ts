import { BatchGetCommand, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { EvaluationAnswer } from '../domain/evaluation.ts';
import { batchBackoff, chunks, queryAll, writeInBatches } from './common.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { type ItemKey, keys } from './keys.ts';

/**
 * Everything the table holds about one person, found by key: their own partition (profile, consent log,
 * opt-outs) and the person index (registrations, join requests, proposals, link tokens). Participation
 * and evaluation answers are reached through the person's groups by the privacy service.
 */

export type StoredItem = Record<string, unknown> & ItemKey;

const GSI2 = 'gsi2';

export async function personItemKeys(personId: string): Promise<ItemKey[]> {
  const { pk } = keys.personPartition(personId);
  const [own, indexed] = await Promise.all([
    queryAll({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ProjectionExpression: 'pk, sk',
    }),
    queryAll({
      TableName: env.tableName(),
      IndexName: GSI2,
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.personIndex(personId, '').gsi2pk },
    }),
  ]);
  const seen = new Map<string, ItemKey>();
  for (const item of [...own, ...indexed]) {
    const key = { pk: String(item.pk), sk: String(item.sk) };
    seen.set(`${key.pk}\n${key.sk}`, key);
  }
  return [...seen.values()];
}

/** Reads the items whole (the index projects keys only), retrying what DynamoDB leaves unprocessed. */
export async function getItems(itemKeys: readonly ItemKey[]): Promise<StoredItem[]> {
  const found: StoredItem[] = [];
  for (const chunk of chunks(itemKeys, 100)) {
    let pending: Record<string, unknown>[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 0) await batchBackoff(attempt);
      const { Responses, UnprocessedKeys } = await dynamo.send(
        new BatchGetCommand({
          RequestItems: { [env.tableName()]: { Keys: pending, ConsistentRead: true } },
        }),
      );
      found.push(...((Responses?.[env.tableName()] ?? []) as StoredItem[]));
      pending = UnprocessedKeys?.[env.tableName()]?.Keys ?? [];
      if (attempt > 8 && pending.length > 0) throw new Error('DynamoDB kept items unprocessed');
    }
  }
  return found;
}

export async function deleteItems(itemKeys: readonly ItemKey[]): Promise<void> {
  await writeInBatches(
    itemKeys.map((key) => ({ DeleteRequest: { Key: key } })),
    'deletes',
  );
}

/** A meeting's evaluation answers with their keys, so one can be rewritten in place. */
export async function listAnswerItems(meetingId: string): Promise<StoredItem[]> {
  const prefix = keys.answerPrefix(meetingId);
  return (await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  })) as StoredItem[];
}

/** Replaces an answer by its anonymous form, under the same key (so it still counts once). */
export async function replaceAnswer(
  key: ItemKey,
  meetingId: string,
  answer: EvaluationAnswer,
): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: env.tableName(),
      Item: { ...key, type: 'evaluation-answer', meetingId, ...answer },
      ConditionExpression: 'attribute_exists(pk)',
    }),
  );
}

export async function deleteParticipation(meetingId: string, memberId: string): Promise<void> {
  await dynamo.send(
    new DeleteCommand({ TableName: env.tableName(), Key: keys.participation(meetingId, memberId) }),
  );
}

/** Takes the person off a meeting as its introducer; the rotation picks someone else for a coming one. */
export async function clearIntroducer(groupId: string, meetingId: string, memberId: string): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.meeting(groupId, meetingId),
        UpdateExpression: 'REMOVE introducerId, introducerOverride',
        ConditionExpression: 'introducerId = :member',
        ExpressionAttributeValues: { ':member': memberId },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** The address behind a person id, from any item that holds it (a link carries only the id). */
export async function emailOfPerson(personId: string): Promise<string | undefined> {
  const itemKeys = await personItemKeys(personId);
  for (const item of await getItems(itemKeys.filter((key) => !keys.isToken(key)).slice(0, 10)))
    if (typeof item.email === 'string') return item.email;
  return undefined;
}
