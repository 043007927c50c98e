import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Group, JoinRequest } from '../domain/group.ts';
import type { GroupProposal, GroupProposalStatus } from '../domain/group-proposal.ts';
import { personId } from '../domain/person.ts';
import { queryAll, readRecord, recordOf } from './common.ts';
import { isTransactionCancelled } from './errors.ts';
import { putNewGroup } from './groups.ts';
import { putApprovedMember } from './join-requests.ts';
import { keys } from './keys.ts';
import { type CreateOutcome, createOrReturnExisting } from './opt-in.ts';
import { spendToken } from './tokens.ts';
import { updateExpression } from './update-expression.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Unconfirmed proposals linger a day past their expiry, then DynamoDB's TTL removes them. */
const ttlGrace = 24 * 3600;

function toItem(proposal: GroupProposal): Record<string, unknown> {
  return {
    ...keys.groupProposal(proposal.networkId, proposal.id),
    ...keys.personIndex(personId(proposal.email), 'group-proposal'),
    type: 'group-proposal',
    ...proposal,
    expiresAt: Math.floor(Date.parse(proposal.expireAt) / 1000) + ttlGrace,
  };
}

function fromItem(item: Record<string, unknown>): GroupProposal {
  return readRecord<GroupProposal>(recordOf(item), 'group proposal', ['id', 'networkId', 'email', 'status']);
}

export async function getGroupProposal(
  networkId: string,
  proposalId: string,
): Promise<GroupProposal | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.groupProposal(networkId, proposalId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromItem(Item) : undefined;
}

/**
 * One proposal per person, network and title: a live one stays (the second time changes nothing); a
 * lapsed or declined one is replaced, so a person may propose it again later. One conditional write, so
 * no race makes two of one.
 */
export async function createGroupProposal(
  proposal: GroupProposal,
  now: Date,
): Promise<CreateOutcome<GroupProposal>> {
  return createOrReturnExisting(toItem(proposal), ['declined', 'expired'], fromItem, now);
}

/**
 * The confirmed proposals of a network (unconfirmed ones are never listed), oldest first; only those
 * with `status` when given. One Query on the network's proposal index.
 */
export async function listProposals(
  networkId: string,
  status?: GroupProposalStatus,
): Promise<GroupProposal[]> {
  const { gsi1pk } = keys.proposalIndex(networkId);
  const items = await queryAll({
    TableName: env.tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ...(status
      ? {
          FilterExpression: '#status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pk': gsi1pk, ':status': status },
        }
      : { ExpressionAttributeValues: { ':pk': gsi1pk } }),
  });
  return items.map(fromItem);
}

export type ProposalOutcome = 'done' | 'token-not-usable' | 'proposal-changed';

/** Runs a transition; the position of the failed condition tells what was in the way. */
async function transact(items: TransactItem[], roles: ('token' | 'proposal' | 'other')[]) {
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: items }));
    return 'done' as const;
  } catch (error) {
    if (!isTransactionCancelled(error)) throw error;
    const failed = (error.CancellationReasons ?? []).findIndex(
      (reason) => reason.Code === 'ConditionalCheckFailed',
    );
    const role = roles[failed];
    if (role === 'token') return 'token-not-usable' as const;
    if (role === 'proposal') return 'proposal-changed' as const;
    throw error;
  }
}

function proposalUpdate(
  proposal: GroupProposal,
  from: GroupProposalStatus,
  set: Record<string, unknown>,
  options: { index?: { gsi1pk: string; gsi1sk: string }; removeTtl?: boolean; notLapsedAt?: string } = {},
): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.groupProposal(proposal.networkId, proposal.id),
      ...updateExpression(
        { ...set, ...options.index, ...(options.removeTtl ? { expiresAt: null } : {}) },
        {
          expression: `#status = :from${options.notLapsedAt ? ' AND expireAt > :notLapsedAt' : ''}`,
          names: { '#status': 'status' },
          values: { ':from': from, ...(options.notLapsedAt ? { ':notLapsedAt': options.notLapsedAt } : {}) },
        },
      ),
    },
  };
}

/**
 * Spends the token and confirms the proposal in one transaction, before it lapses. From then on it is in
 * the network's proposal index, where coordinators list it, and no TTL removes it.
 */
export function confirmProposalWithToken(
  proposal: GroupProposal,
  tokenHash: string,
  now: Date,
): Promise<ProposalOutcome> {
  const at = now.toISOString();
  return transact(
    [
      spendToken(env.tableName(), tokenHash, at),
      proposalUpdate(
        proposal,
        'pending_confirmation',
        { status: 'proposed', confirmedAt: at },
        {
          index: keys.proposalIndex(proposal.networkId, proposal.createdAt),
          removeTtl: true,
          notLapsedAt: at,
        },
      ),
    ],
    ['token', 'proposal'],
  );
}

/**
 * A coordinator turns the proposal into a group. One transaction: the proposal becomes accepted, the
 * group is created with one seat taken, and the proposer's membership is created approved. Nothing is
 * half written; a second accept finds the proposal changed and creates nothing.
 */
export function acceptProposal(
  proposal: GroupProposal,
  group: Group,
  member: JoinRequest,
  now: Date,
): Promise<Exclude<ProposalOutcome, 'token-not-usable'>> {
  return transact(
    [
      proposalUpdate(proposal, 'proposed', {
        status: 'accepted',
        decidedAt: now.toISOString(),
        groupId: group.id,
      }),
      putNewGroup(group),
      putApprovedMember(member),
    ],
    ['proposal', 'other', 'other'],
  ) as Promise<'done' | 'proposal-changed'>;
}

/** A coordinator declines the proposal, with an optional message that goes into the email. */
export function declineProposal(
  proposal: GroupProposal,
  message: string | undefined,
  now: Date,
): Promise<Exclude<ProposalOutcome, 'token-not-usable'>> {
  return transact(
    [
      proposalUpdate(proposal, 'proposed', {
        status: 'declined',
        decidedAt: now.toISOString(),
        ...(message ? { decisionMessage: message } : {}),
      }),
    ],
    ['proposal'],
  ) as Promise<'done' | 'proposal-changed'>;
}
