import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import {
  allowanceHash,
  unsolicitedMailLimit,
  windowEndingAfter,
  windowIsOpen,
} from '../domain/mail-allowance.ts';
import { isConditionalCheckFailed, oldItemOf } from './errors.ts';
import { keys } from './keys.ts';

/**
 * The per-address allowance of unsolicited mail (see shared/domain/mail-allowance.ts) as one counter item:
 * `count` mails in the window that ends at `windowEndsAt`. Every change is one conditional UpdateItem, so
 * any number of concurrent posts, in any number of Lambdas, take at most `max` places between them.
 */

/** A place taken in an address's window; giving it back needs to know which window it was taken in. */
export interface MailPlace {
  readonly email: string;
  readonly windowEndsAt: number;
}

type CounterItem = { windowEndsAt?: number; count?: number };

function failedItem(error: unknown): CounterItem | undefined {
  const item = oldItemOf(error);
  return item && { windowEndsAt: numberOr(item.windowEndsAt), count: numberOr(item.count) };
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** One more in the running window, or the first of a new window when there is no counter yet. */
async function countInWindow(email: string, now: Date): Promise<MailPlace | 'full' | 'window-over'> {
  const windowEndsAt = windowEndingAfter(now);
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.mailAllowance(allowanceHash(email)),
        UpdateExpression:
          'SET windowEndsAt = if_not_exists(windowEndsAt, :end), expiresAt = if_not_exists(expiresAt, :end) ADD #count :one',
        ConditionExpression: 'attribute_not_exists(pk) OR (windowEndsAt > :now AND #count < :max)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':end': windowEndsAt,
          ':now': Math.floor(now.getTime() / 1000),
          ':one': 1,
          ':max': unsolicitedMailLimit.max,
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { email, windowEndsAt: Number(Attributes?.windowEndsAt ?? windowEndsAt) };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const old = failedItem(error);
    // DynamoDB may keep an item past its TTL for a while: an ended window no longer limits anything.
    return old?.windowEndsAt !== undefined && !windowIsOpen(old.windowEndsAt, now) ? 'window-over' : 'full';
  }
}

/** Starts a new window over one that has ended; of two requests doing this at once, one wins. */
async function startNewWindow(email: string, now: Date): Promise<MailPlace | undefined> {
  const windowEndsAt = windowEndingAfter(now);
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.mailAllowance(allowanceHash(email)),
        UpdateExpression: 'SET #count = :one, windowEndsAt = :end, expiresAt = :end',
        ConditionExpression: 'windowEndsAt <= :now',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':end': windowEndsAt,
          ':now': Math.floor(now.getTime() / 1000),
        },
      }),
    );
    return { email, windowEndsAt };
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}

/**
 * Takes a place for one unsolicited mail to `email`, before anything is written or sent; undefined when
 * the address has had its allowance for this window.
 */
export async function takeMailPlace(email: string, now: Date): Promise<MailPlace | undefined> {
  const first = await countInWindow(email, now);
  if (first !== 'window-over') return first === 'full' ? undefined : first;
  const renewed = await startNewWindow(email, now);
  if (renewed) return renewed;
  // Another request started the new window a moment ago: count in it like any other.
  const again = await countInWindow(email, now);
  return typeof again === 'string' ? undefined : again;
}

/**
 * Gives a place back when the post turned out to send nothing new (a repeat within ten minutes, a
 * confirmed record, an unknown address), only in the window it was taken in: a new window owes nothing.
 * The last place given back deletes the counter, so a post that sent nothing leaves nothing in the table.
 */
export async function returnMailPlace(place: MailPlace): Promise<void> {
  const Key = keys.mailAllowance(allowanceHash(place.email));
  const values = { ':end': place.windowEndsAt, ':one': 1 };
  // Each step is conditional on the count it saw; a concurrent post can change it in between, so look
  // again a few times. Giving up leaves the count one too high, which only ever sends less.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await dynamo.send(
        new DeleteCommand({
          TableName: env.tableName(),
          Key,
          ConditionExpression: 'windowEndsAt = :end AND #count = :one',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      if (failedItem(error)?.windowEndsAt !== place.windowEndsAt) return;
    }
    try {
      await dynamo.send(
        new UpdateCommand({
          TableName: env.tableName(),
          Key,
          UpdateExpression: 'ADD #count :minusOne',
          ConditionExpression: 'windowEndsAt = :end AND #count > :one',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ...values, ':minusOne': -1 },
        }),
      );
      return;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}
