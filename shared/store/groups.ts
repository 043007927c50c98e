import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Group, JoinRequest } from '../domain/group.ts';
import { queryAll, readRecord } from './common.ts';
import { isConditionalCheckFailed, oldItemOf } from './errors.ts';
import { keys } from './keys.ts';
import { updateExpression } from './update-expression.ts';

export function groupItem(group: Group): Record<string, unknown> {
  return {
    ...keys.group(group.id),
    ...keys.groupIndex(group.networkId, group.status, group.createdAt, group.id),
    type: 'group',
    ...group,
    waitlistClaims: {},
  };
}

function fromItem(item: Record<string, unknown>): Group {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g2,
    type: _t,
    waitlistCounter: _w,
    waitlistClaims: _c,
    ...group
  } = item;
  return readRecord<Group>(group, 'group', ['id', 'networkId', 'status', 'capacity']);
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
  Pick<
    Group,
    | 'title'
    | 'question'
    | 'facilitator'
    | 'capacity'
    | 'mode'
    | 'location'
    | 'status'
    | 'sharing'
    | 'closedAt'
  >
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
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.group(group.id),
        ...updateExpression(
          {
            ...changes,
            updatedAt: next.updatedAt,
            gsi1sk: keys.groupIndex(next.networkId, next.status, next.createdAt, next.id).gsi1sk,
          },
          {
            expression: 'attribute_exists(pk) AND seatsTaken <= :newCapacity',
            values: { ':newCapacity': next.capacity },
          },
        ),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem(Attributes ?? {});
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'below-seats';
    throw error;
  }
}

/** A place held on a group's waitlist: from the claim until the person leaves the list. */
export interface WaitlistClaim {
  requestId: string;
  seq: number;
}

type ClaimFor = Pick<JoinRequest, 'id' | 'createdAt'>;

/**
 * The next place on a group's waitlist for this request. The group's counter goes up and the place is
 * noted on the group in the same write; it stays noted until the person leaves the list (a seat, an offer,
 * leaving: those transactions remove it). So concurrent joiners never share a place, the same request
 * claiming again (a second press of its link, a retry after a crash) gets the place it had, and who is
 * ahead of someone is one consistent read of one item, whoever is still between claim and list.
 */
export async function claimWaitlistPlace(
  groupId: string,
  request: ClaimFor,
  retried = false,
): Promise<number> {
  const claim = keys.waitlistClaim(request.id, request.createdAt);
  const names = { '#claims': 'waitlistClaims', '#claim': claim };
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.group(groupId),
        // Both operands read the counter as it was before this write: the claim gets the new value.
        UpdateExpression:
          'SET waitlistCounter = if_not_exists(waitlistCounter, :zero) + :one, #claims.#claim = if_not_exists(waitlistCounter, :zero) + :one',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#claims.#claim)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
        // The group as it was comes back with a failure: the place this request holds, no second read.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return Number(Attributes?.waitlistCounter);
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      const held = heldPlace(oldItemOf(error), claim);
      if (held !== undefined) return held;
      throw error;
    }
    // A group stored before claims were noted has no map to note them in: add it, then claim (once).
    if (isMissingPlaces(error) && !retried) {
      await addPlacesMap(groupId);
      return claimWaitlistPlace(groupId, request, true);
    }
    throw error;
  }
}

/** The place noted under `claim` on a stored group item; undefined without the group or the place. */
function heldPlace(group: Record<string, unknown> | undefined, claim: string): number | undefined {
  const claims = group?.waitlistClaims;
  if (typeof claims !== 'object' || claims === null) return undefined;
  const seq: unknown = (claims as Record<string, unknown>)[claim];
  return typeof seq === 'number' ? seq : undefined;
}

/** The group's map of held places, read consistently; undefined for a group stored before there was one. */
async function claimMap(groupId: string): Promise<Record<string, number> | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.group(groupId),
      ProjectionExpression: 'waitlistClaims',
      ConsistentRead: true,
    }),
  );
  return Item?.waitlistClaims as Record<string, number> | undefined;
}

/** The error DynamoDB gives for a path into a map that is not there (a group stored before places). */
export function isMissingPlaces(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationException' &&
    error.message.includes('document path provided in the update expression is invalid')
  );
}

/**
 * Gives a group stored before places were held on it its map, if it still has none: with a place for each
 * request already on its waitlist, so positions told from then on count them too.
 */
export async function addPlacesMap(groupId: string): Promise<void> {
  const prefix = keys.joinRequestPrefix(groupId);
  const waiting = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    FilterExpression: '#status = :waitlisted',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk, ':waitlisted': 'waitlisted' },
    ConsistentRead: true,
  });
  const places = Object.fromEntries(
    waiting.map((r) => [keys.waitlistClaim(String(r.id), String(r.createdAt)), Number(r.waitlistSeq)]),
  );
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.group(groupId),
        UpdateExpression: 'SET #claims = :places',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#claims)',
        ExpressionAttributeNames: { '#claims': 'waitlistClaims' },
        ExpressionAttributeValues: { ':places': places },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** A claim whose request went elsewhere (a seat, a decision) before it reached the list. */
export async function releaseWaitlistClaim(groupId: string, request: ClaimFor): Promise<void> {
  try {
    await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.group(groupId),
        UpdateExpression: 'REMOVE #claims.#claim',
        ConditionExpression: 'attribute_exists(#claims)',
        ExpressionAttributeNames: {
          '#claims': 'waitlistClaims',
          '#claim': keys.waitlistClaim(request.id, request.createdAt),
        },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** The places held on a group's waitlist, read consistently. */
export async function waitlistClaims(groupId: string): Promise<WaitlistClaim[]> {
  return Object.entries((await claimMap(groupId)) ?? {}).map(([claim, seq]) => ({
    requestId: keys.waitlistClaimRequest(claim),
    seq: Number(seq),
  }));
}
