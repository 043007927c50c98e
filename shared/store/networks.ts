import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Network } from '../domain/network.ts';
import { queryAll } from './common.ts';
import { keys } from './keys.ts';
import { networkFromItem, networkItem } from './network-item.ts';

export async function getNetwork(networkId: string): Promise<Network | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: env.tableName(), Key: keys.network(networkId) }),
  );
  if (!Item) return undefined;
  return networkFromItem(Item);
}

/** Creates the network unless it exists, so a seed never overwrites what a coordinator changed. */
export async function createNetworkIfMissing(network: Network): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: networkItem(network, new Date().toISOString()),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Every network, by the network index: the digest tick's list. */
export async function listNetworks(): Promise<Network[]> {
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.networkIndex().gsi1pk },
  });
  return items.map(networkFromItem);
}
