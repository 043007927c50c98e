import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import { personId } from '../domain/person.ts';
import type { Registration } from '../domain/registration.ts';
import { queryAll, readRecord, recordOf } from './common.ts';
import { isTransactionCancelled } from './errors.ts';
import { keys } from './keys.ts';
import { type CreateOutcome, createOrReturnExisting } from './opt-in.ts';
import { spendToken } from './tokens.ts';

/** Unconfirmed registrations linger a day past their expiry so the workflow's last step still finds them. */
const ttlGrace = 24 * 3600;

const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function toItem(registration: Registration): Record<string, unknown> {
  return {
    ...keys.registration(registration.networkId, registration.id),
    ...keys.personIndex(personId(registration.email), 'registration'),
    type: 'registration',
    ...registration,
    expiresAt: epochSeconds(registration.expireAt) + ttlGrace,
  };
}

function fromItem(item: Record<string, unknown>): Registration {
  return readRecord<Registration>(recordOf(item), 'registration', ['id', 'networkId', 'email', 'status']);
}

export async function getRegistration(
  networkId: string,
  registrationId: string,
): Promise<Registration | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.registration(networkId, registrationId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromItem(Item) : undefined;
}

/**
 * Creates the registration unless one is live for the same address. A lapsed one (expired, or pending past
 * its expiry) is replaced, so a person can register again later. One conditional write: no race can
 * make two members of one address.
 */
export async function createRegistration(
  registration: Registration,
  now: Date,
): Promise<CreateOutcome<Registration>> {
  return createOrReturnExisting(toItem(registration), ['expired'], fromItem, now);
}

export type ConfirmOutcome = 'confirmed' | 'token-not-usable' | 'registration-not-pending';

/**
 * Spends the token and confirms the registration in one transaction: a token is used at most once, and a
 * registration is confirmed exactly once however many times the button is pressed at the same moment.
 */
export async function confirmRegistrationWithToken(
  tokenHash: string,
  networkId: string,
  registrationId: string,
  now: Date,
): Promise<ConfirmOutcome> {
  const at = now.toISOString();
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: [
          spendToken(env.tableName(), tokenHash, at),
          {
            Update: {
              TableName: env.tableName(),
              Key: keys.registration(networkId, registrationId),
              UpdateExpression:
                'SET #status = :confirmed, confirmedAt = :at, gsi1pk = :gpk, gsi1sk = :gsk REMOVE expiresAt',
              ConditionExpression: '#status = :pending AND expireAt > :at',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':confirmed': 'confirmed',
                ':pending': 'pending_confirmation',
                ':at': at,
                ':gpk': keys.registrationIndex(networkId, at).gsi1pk,
                ':gsk': keys.registrationIndex(networkId, at).gsi1sk,
              },
            },
          },
        ],
      }),
    );
    return 'confirmed';
  } catch (error) {
    if (!isTransactionCancelled(error)) throw error;
    const [tokenReason, registrationReason] = error.CancellationReasons ?? [];
    if (tokenReason?.Code === 'ConditionalCheckFailed') return 'token-not-usable';
    if (registrationReason?.Code === 'ConditionalCheckFailed') return 'registration-not-pending';
    // Cancelled for another reason (a conflict, throttling): not an answer about the link, so 503.
    throw error;
  }
}

export interface RegistrationPage {
  /** At most this many registrations (after filtering). */
  limit: number;
  /** Continue after this registration id (from the previous page's `next`). */
  after?: string;
}

/**
 * The registrations of a network, in key order, a page at a time: one Query on the network's partition
 * (sk begins with the registration prefix), never a Scan. `keep` filters in memory — DynamoDB bills a
 * FilterExpression for every item it reads all the same, and this way matching can ignore case. `next`
 * is the id to continue after; a page may come back short (or empty) with a `next` when the filter
 * leaves out the rest of what was read.
 */
export async function listRegistrations(
  networkId: string,
  page: RegistrationPage,
  keep?: (registration: Registration) => boolean,
): Promise<{ items: Registration[]; next?: string }> {
  const { pk, sk: prefix } = keys.registration(networkId, '');
  const items: Registration[] = [];
  let start: Record<string, unknown> | undefined =
    page.after === undefined ? undefined : keys.registration(networkId, page.after);
  for (let reads = 0; reads < 20; reads += 1) {
    const remaining = page.limit - items.length;
    const result = await dynamo.send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ExclusiveStartKey: start,
        // Unfiltered, read one more than is needed: DynamoDB hands back a LastEvaluatedKey whenever it
        // stops at the Limit, so a page ending with the last registration would claim there are more.
        // Filtered, read ahead so few round trips are needed.
        Limit: keep === undefined ? remaining + 1 : Math.min(1000, Math.max(remaining, 200)),
      }),
    );
    const read = result.Items ?? [];
    for (const [index, item] of read.entries()) {
      const registration = fromItem(item);
      if (keep !== undefined && !keep(registration)) continue;
      items.push(registration);
      if (items.length === page.limit) {
        const more = index < read.length - 1 || result.LastEvaluatedKey !== undefined;
        return more ? { items, next: registration.id } : { items };
      }
    }
    if (result.LastEvaluatedKey === undefined) return { items };
    start = result.LastEvaluatedKey;
  }
  // A bounded amount of work per request: hand back what was found and where to go on.
  const next = keys.registrationIdOf(start?.sk);
  return next === undefined ? { items } : { items, next };
}

/**
 * The confirmed registrations of a network in the order they were confirmed: one Query on the network's
 * registration index, for the digest (what is new, and the topics everyone named).
 */
export async function listConfirmedRegistrations(networkId: string): Promise<Registration[]> {
  const { gsi1pk } = keys.registrationIndex(networkId, '');
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi1pk },
  });
  return items.map(fromItem);
}
