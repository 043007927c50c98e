import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import { isConditionalCheckFailed, oldItemOf } from './errors.ts';
import type { ItemKey } from './keys.ts';

/*
 * The writes every double opt-in record (registration, join request, group proposal) shares: made once per
 * person and subject, re-sent at a limited rate, and lapsed when never confirmed.
 */

export type CreateOutcome<T> = { created: true } | { created: false; existing: T };

/**
 * Writes a new pending record unless a live one is in the way: one that is gone, lapsed (pending past its
 * expiry) or in one of `replaceable` is replaced, so a person may send the form again later. One
 * conditional write, so no race makes two of one; what was in the way comes back with the failure, with
 * no second read.
 */
export async function createOrReturnExisting<T>(
  item: Record<string, unknown>,
  replaceable: readonly string[],
  fromItem: (item: Record<string, unknown>) => T,
  now: Date,
): Promise<CreateOutcome<T>> {
  const statuses = Object.fromEntries(replaceable.map((status, i) => [`:replaceable${i}`, status]));
  const anyOf = Object.keys(statuses);
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: item,
        ConditionExpression: [
          'attribute_not_exists(pk)',
          ...(anyOf.length > 0 ? [`#status IN (${anyOf.join(', ')})`] : []),
          '(#status = :pending AND expireAt <= :now)',
        ].join(' OR '),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ...statuses,
          ':pending': 'pending_confirmation',
          ':now': now.toISOString(),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { created: true };
  } catch (error) {
    const old = oldItemOf(error);
    if (!old) throw error;
    return { created: false, existing: fromItem(old) };
  }
}

/**
 * Counts one more confirmation email for a pending record, only if the last was asked for before
 * `notAfter`: of two concurrent repeats, one wins. Returns the new count, or undefined when another
 * request was first or the record is not pending.
 */
export async function claimConfirmationResend(
  key: ItemKey,
  now: Date,
  notAfter: Date,
): Promise<number | undefined> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: key,
        UpdateExpression: 'SET confirmationRequestedAt = :now ADD confirmationCount :one',
        ConditionExpression: '#status = :pending AND confirmationRequestedAt <= :notAfter',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':one': 1,
          ':pending': 'pending_confirmation',
          ':notAfter': notAfter.toISOString(),
        },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Attributes?.confirmationCount as number | undefined;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}

/**
 * Marks a pending record expired. Confirmed in the meantime, or already expired: nothing left to do, and
 * nothing changes.
 */
export async function expirePending(key: ItemKey, now: Date): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: key,
        UpdateExpression: 'SET #status = :expired, expiredAt = :now',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':expired': 'expired',
          ':pending': 'pending_confirmation',
          ':now': now.toISOString(),
        },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
