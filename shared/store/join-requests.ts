import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { JoinRequest } from '../domain/group.ts';
import { personId } from '../domain/person.ts';
import { queryAll, readRecord, recordOf } from './common.ts';
import { isTransactionCancelled, type TransactionCancelled } from './errors.ts';
import { addPlacesMap, isMissingPlaces } from './groups.ts';
import { keys } from './keys.ts';
import { type CreateOutcome, createOrReturnExisting } from './opt-in.ts';
import { spendToken } from './tokens.ts';
import { updateExpression } from './update-expression.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const ttlGrace = 24 * 3600;
/** How long a run-out offer stays visible to coordinators before its TTL. */
const expiredOfferKept = 30 * 24 * 3600;

function toItem(request: JoinRequest): Record<string, unknown> {
  return {
    ...keys.joinRequest(request.groupId, request.id),
    ...keys.personIndex(personId(request.email), 'join-request'),
    type: 'join-request',
    ...request,
    expiresAt: Math.floor(Date.parse(request.expireAt) / 1000) + ttlGrace,
  };
}

/** A stored join request without the table's internals; the privacy service reads a person's items whole. */
export function joinRequestFromItem(item: Record<string, unknown>): JoinRequest {
  return readRecord<JoinRequest>(recordOf(item), 'join request', ['id', 'groupId', 'email', 'status']);
}

/**
 * The Put of a membership that starts approved (the proposer of a new group), for a transaction that
 * creates the group with it: only if no request exists, and without the TTL of an unconfirmed request.
 */
export function putApprovedMember(request: JoinRequest): TransactItem {
  const { expiresAt: _ttl, ...item } = toItem({ ...request, status: 'approved' });
  return {
    Put: { TableName: env.tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

export async function getJoinRequest(groupId: string, requestId: string): Promise<JoinRequest | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.joinRequest(groupId, requestId),
      ConsistentRead: true,
    }),
  );
  return Item ? joinRequestFromItem(Item) : undefined;
}

/**
 * One request per person and group: a live one stays (the second ask changes nothing); a lapsed,
 * declined or finished one is replaced, so a person may ask again later.
 */
export async function createJoinRequest(
  request: JoinRequest,
  now: Date,
): Promise<CreateOutcome<JoinRequest>> {
  return createOrReturnExisting(
    toItem(request),
    ['declined', 'left', 'offer_expired', 'expired'],
    joinRequestFromItem,
    now,
  );
}

/** Every join request of a group, oldest first. */
export async function listJoinRequests(groupId: string): Promise<JoinRequest[]> {
  const prefix = keys.joinRequestPrefix(groupId);
  const items = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  });
  return items.map(joinRequestFromItem).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The waitlist in order, first in line first. */
export async function listWaitlist(groupId: string, limit?: number): Promise<JoinRequest[]> {
  const { gsi1pk } = keys.waitlist(groupId);
  if (limit !== undefined) {
    const page = await dynamo.send(
      new QueryCommand({
        TableName: env.tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': gsi1pk },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(joinRequestFromItem);
  }
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': gsi1pk },
  });
  return items.map(joinRequestFromItem);
}

/** Join requests of a network waiting for a coordinator's decision, oldest first. */
export async function listPendingApproval(networkId: string): Promise<JoinRequest[]> {
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.pendingApproval(networkId).gsi1pk },
  });
  return items.map(joinRequestFromItem);
}

/* ---- Transitions. Each is one transaction: the seat count and the request change together or not at all. */

export type TransitionOutcome = 'done' | 'token-not-usable' | 'request-changed' | 'group-full-or-closed';

function requestUpdate(
  request: JoinRequest,
  from: JoinRequest['status'][],
  set: Record<string, unknown>,
  options: { index?: { gsi1pk: string; gsi1sk: string } | 'remove'; removeTtl?: boolean } = {},
): TransactItem {
  const index = options.index === 'remove' ? { gsi1pk: null, gsi1sk: null } : options.index;
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.joinRequest(request.groupId, request.id),
      ...updateExpression(
        { ...set, ...index, ...(options.removeTtl ? { expiresAt: null } : {}) },
        {
          expression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
          names: { '#status': 'status' },
          values: Object.fromEntries(from.map((status, i) => [`:from${i}`, status])),
        },
      ),
    },
  };
}

/**
 * The group's side of a transition: its seat count moves, and a request leaving the waitlist gives up
 * its place there (see claimWaitlistPlace), so the places held always match the people on the list.
 */
function groupChange(
  groupId: string,
  change: { seats?: 1 | -1; leavingWaitlist?: Pick<JoinRequest, 'id' | 'createdAt'> },
): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const conditions = ['attribute_exists(pk)'];
  let expression = '';
  if (change.seats === 1) {
    expression = 'ADD seatsTaken :delta';
    values[':delta'] = 1;
    values[':open'] = 'open';
    // `capacity` is a reserved word in DynamoDB expressions.
    names['#status'] = 'status';
    names['#capacity'] = 'capacity';
    conditions.push('#status = :open', 'seatsTaken < #capacity');
  } else if (change.seats === -1) {
    expression = 'ADD seatsTaken :delta';
    values[':delta'] = -1;
    values[':zero'] = 0;
    conditions.push('seatsTaken > :zero');
  }
  if (change.leavingWaitlist) {
    names['#places'] = 'waitlistClaims';
    names['#place'] = keys.waitlistClaim(change.leavingWaitlist.id, change.leavingWaitlist.createdAt);
    expression = `${expression} REMOVE #places.#place`.trim();
  }
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.group(groupId),
      UpdateExpression: expression,
      ConditionExpression: conditions.join(' AND '),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/** Transactions that collided with another on one of their items are tried again this often. */
const conflictAttempts = 8;

const isConflict = (error: TransactionCancelled) =>
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'TransactionConflict');

/** Runs a transition; the position of the failed condition tells what was in the way. */
async function transact(
  items: TransactItem[],
  roles: ('token' | 'request' | 'group' | 'other')[],
  placesOf?: string,
): Promise<TransitionOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
      return 'done';
    } catch (error) {
      // A group stored before places were held on it: give it its map, then the same transaction (once).
      if (placesOf !== undefined && isMissingPlaces(error)) {
        await addPlacesMap(placesOf);
        return transact(items, roles);
      }
      if (!isTransactionCancelled(error)) throw error;
      const failed = (error.CancellationReasons ?? []).findIndex(
        (reason) => reason.Code === 'ConditionalCheckFailed',
      );
      // Seats of one group are changed by many people at once: a collision on the group item is no
      // answer yet (nothing was written), so try again after a short random pause.
      if (failed < 0 && isConflict(error) && attempt < conflictAttempts) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
        continue;
      }
      const role = roles[failed];
      if (role === 'token') return 'token-not-usable';
      if (role === 'group') return 'group-full-or-closed';
      if (failed < 0) throw error;
      return 'request-changed';
    }
  }
}

const withToken = (tokenHash: string | undefined, at: string): TransactItem[] =>
  tokenHash ? [spendToken(env.tableName(), tokenHash, at)] : [];
const tokenRoles = (tokenHash: string | undefined): 'token'[] => (tokenHash ? ['token'] : []);

/** A seat: the group's count goes up by one exactly when the request becomes approved. */
export function takeSeat(
  request: JoinRequest,
  from: JoinRequest['status'][],
  now: Date,
  tokenHash?: string,
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      ...withToken(tokenHash, at),
      groupChange(request.groupId, {
        seats: 1,
        ...(from.includes('waitlisted') ? { leavingWaitlist: request } : {}),
      }),
      requestUpdate(
        request,
        from,
        {
          status: 'approved',
          approvedAt: at,
          ...(from.includes('pending_confirmation') ? { confirmedAt: at } : {}),
        },
        { index: 'remove', removeTtl: true },
      ),
    ],
    [...tokenRoles(tokenHash), 'group', 'request'],
    from.includes('waitlisted') ? request.groupId : undefined,
  );
}

/** A place on the waitlist, at `seq` (claimed with claimWaitlistPlace). */
export function joinWaitlist(
  request: JoinRequest,
  from: JoinRequest['status'][],
  seq: number,
  now: Date,
  tokenHash?: string,
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      ...withToken(tokenHash, at),
      requestUpdate(
        request,
        from,
        {
          status: 'waitlisted',
          waitlistSeq: seq,
          ...(from.includes('pending_confirmation') ? { confirmedAt: at } : {}),
        },
        { index: keys.waitlist(request.groupId, seq), removeTtl: true },
      ),
    ],
    [...tokenRoles(tokenHash), 'request'],
  );
}

export function awaitApproval(
  request: JoinRequest,
  now: Date,
  tokenHash: string,
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      spendToken(env.tableName(), tokenHash, at),
      requestUpdate(
        request,
        ['pending_confirmation'],
        { status: 'pending_approval', confirmedAt: at },
        { index: keys.pendingApproval(request.networkId, at), removeTtl: true },
      ),
    ],
    ['token', 'request'],
  );
}

export function declineRequest(
  request: JoinRequest,
  message: string | undefined,
  now: Date,
  tokenHash?: string,
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      ...withToken(tokenHash, at),
      requestUpdate(
        request,
        ['pending_approval'],
        { status: 'declined', decidedAt: at, ...(message ? { decisionMessage: message } : {}) },
        { index: 'remove' },
      ),
    ],
    [...tokenRoles(tokenHash), 'request'],
  );
}

/**
 * Someone leaves a seat (or declines an offered one). In the same transaction the seat either goes to the
 * first in line as an offer (the seat stays counted, held for them) or is given back to the group.
 */
export function releaseSeat(
  request: JoinRequest,
  from: ('approved' | 'offered')[],
  next: JoinRequest | undefined,
  offerExpiresAt: string,
  now: Date,
  tokenHash?: string,
  leavingStatus: 'left' | 'offer_expired' = 'left',
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      ...withToken(tokenHash, at),
      requestUpdate(
        request,
        from,
        // An offer that ran out is of no use to anyone after a while: DynamoDB's TTL removes it.
        leavingStatus === 'offer_expired'
          ? {
              status: leavingStatus,
              leftAt: at,
              expiresAt: Math.floor(now.getTime() / 1000) + expiredOfferKept,
            }
          : { status: leavingStatus, leftAt: at },
        { index: 'remove' },
      ),
      ...(next
        ? [
            requestUpdate(
              next,
              ['waitlisted'],
              { status: 'offered', offerExpiresAt, offeredAt: at },
              { index: 'remove' },
            ),
            groupChange(request.groupId, { leavingWaitlist: next }),
          ]
        : [groupChange(request.groupId, { seats: -1 })]),
    ],
    [...tokenRoles(tokenHash), 'request', ...(next ? (['other', 'group'] as const) : (['group'] as const))],
    next ? request.groupId : undefined,
  );
}

/** Leaving the waitlist frees no seat: the request just leaves the list. */
export function leaveWaitlist(
  request: JoinRequest,
  now: Date,
  tokenHash?: string,
): Promise<TransitionOutcome> {
  const at = now.toISOString();
  return transact(
    [
      ...withToken(tokenHash, at),
      requestUpdate(request, ['waitlisted'], { status: 'left', leftAt: at }, { index: 'remove' }),
      groupChange(request.groupId, { leavingWaitlist: request }),
    ],
    [...tokenRoles(tokenHash), 'request', 'group'],
    request.groupId,
  );
}

/** The offered seat is already counted; accepting only makes the person a member, before the offer ends. */
export function acceptOffer(request: JoinRequest, now: Date, tokenHash: string): Promise<TransitionOutcome> {
  const at = now.toISOString();
  const item = requestUpdate(request, ['offered'], { status: 'approved', approvedAt: at });
  const update = item.Update;
  if (update) {
    update.ConditionExpression = `${update.ConditionExpression} AND offerExpiresAt > :now`;
    update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ':now': at };
  }
  return transact([spendToken(env.tableName(), tokenHash, at), item], ['token', 'request']);
}
