import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Group } from '../domain/group.ts';
import { queryAll } from './common.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';

export function groupItem(group: Group): Record<string, unknown> {
  return {
    ...keys.group(group.id),
    ...keys.groupIndex(group.networkId, group.status, group.createdAt, group.id),
    type: 'group',
    ...group,
  };
}

function fromItem(item: Record<string, unknown>): Group {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, waitlistCounter: _w, ...group } = item;
  return group as unknown as Group;
}

export async function createGroup(group: Group): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: env.tableName(),
      Item: groupItem(group),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The Put of a new group, for a transaction that creates it together with its first member. */
export function putNewGroup(group: Group) {
  return {
    Put: {
      TableName: env.tableName(),
      Item: groupItem(group),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getGroup(groupId: string): Promise<Group | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: env.tableName(), Key: keys.group(groupId), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** A network's groups, newest first; only the open ones when `status` says so (the public list). */
export async function listGroups(networkId: string, status?: Group['status']): Promise<Group[]> {
  const prefix = keys.groupIndexPrefix(networkId, status);
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    // DynamoDB refuses an empty prefix, so "all groups" is the partition alone.
    KeyConditionExpression: status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)' : 'gsi1pk = :pk',
    ExpressionAttributeValues: status
      ? { ':pk': prefix.gsi1pk, ':sk': prefix.gsi1sk }
      : { ':pk': prefix.gsi1pk },
  });
  const groups = items.map(fromItem);
  return groups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export type GroupChanges = Partial<
  Pick<Group, 'title' | 'question' | 'facilitator' | 'capacity' | 'mode' | 'location' | 'status' | 'sharing'>
>;

/**
 * Applies a coordinator's changes. Capacity may not drop below the seats already taken: members are
 * never removed by a number.
 */
export async function updateGroup(
  group: Group,
  changes: GroupChanges,
  now: Date,
): Promise<Group | 'below-seats'> {
  const next: Group = { ...group, ...changes, updatedAt: now.toISOString() };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':capacity': next.capacity };
  const sets = ['gsi1sk = :gsi1sk'];
  values[':gsi1sk'] = keys.groupIndex(next.networkId, next.status, next.createdAt, next.id).gsi1sk;
  for (const [field, value] of Object.entries({ ...changes, updatedAt: next.updatedAt })) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    sets.push(`#${field} = :${field}`);
  }
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.group(group.id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(pk) AND seatsTaken <= :capacity',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'below-seats';
    throw error;
  }
}

/** The next place on a group's waitlist; an atomic counter, so concurrent joiners never share a place. */
export async function nextWaitlistSeq(groupId: string): Promise<number> {
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.group(groupId),
      UpdateExpression: 'ADD waitlistCounter :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.waitlistCounter);
}
