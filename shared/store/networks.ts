import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Network } from '../domain/network.ts';
import { keys } from './keys.ts';

/** The stored form of a network; also used by the stack to seed the networks named in cdk.json. */
export function networkItem(network: Network, now = new Date()): Record<string, unknown> {
  return { ...keys.network(network.id), type: 'network', ...network, createdAt: now.toISOString() };
}

export async function getNetwork(networkId: string): Promise<Network | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: env.tableName(), Key: keys.network(networkId) }),
  );
  if (!Item) return undefined;
  const { id, name, languages, coordinators, thankYouUrl, timeZone } = Item as Network;
  return { id, name, languages, coordinators, thankYouUrl, timeZone };
}

/** Creates the network unless it exists, so a seed never overwrites what a coordinator changed. */
export async function createNetworkIfMissing(network: Network): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: networkItem(network),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
