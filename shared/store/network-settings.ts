import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Network } from '../domain/network.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';
import { networkFromItem, networkItem } from './network-item.ts';
import { updateExpression } from './update-expression.ts';

/**
 * Networks as coordinators manage them through the admin API. Every write is conditional: creating
 * never overwrites, updating never resurrects a network that is not there.
 */

export type CreateNetworkOutcome = 'created' | 'exists';

export async function createNetwork(network: Network, now: Date): Promise<CreateNetworkOutcome> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: { ...networkItem(network, now.toISOString()), updatedAt: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return 'created';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'exists';
    throw error;
  }
}

/** The settings a coordinator may change; `thankYouUrl: null` removes the redirect. */
export type NetworkSettingsPatch = Partial<
  Pick<
    Network,
    | 'name'
    | 'languages'
    | 'coordinators'
    | 'memberDomains'
    | 'timeZone'
    | 'meetingReminders'
    | 'evaluation'
    | 'digest'
    | 'coordinatorLanguages'
  >
> & { thankYouUrl?: string | null };

const settable = [
  'name',
  'languages',
  'coordinators',
  'memberDomains',
  'timeZone',
  'thankYouUrl',
  'meetingReminders',
  'evaluation',
  'digest',
  'coordinatorLanguages',
] as const;

/** Applies the fields given, in one conditional update; undefined when there is no such network. */
export async function updateNetworkSettings(
  networkId: string,
  patch: NetworkSettingsPatch,
  now: Date,
): Promise<Network | undefined> {
  // Only the settable fields: a patch is never a way to write the network's id or keys.
  const changes: Record<string, unknown> = { updatedAt: now.toISOString() };
  for (const field of settable) changes[field] = patch[field];
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.network(networkId),
        ...updateExpression(changes, { expression: 'attribute_exists(pk)' }),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? networkFromItem(Attributes) : undefined;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}

/** Notes when the coordinators last got a digest: the next one covers what happened after. */
export async function recordDigestSent(networkId: string, at: Date): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.network(networkId),
      UpdateExpression: 'SET lastDigestAt = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':at': at.toISOString() },
    }),
  );
}
