import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Language } from '../i18n.ts';
import { writeInBatches } from './common.ts';
import { isConditionalCheckFailed } from './errors.ts';
import { keys } from './keys.ts';

export type TokenPurpose =
  | 'confirm-registration'
  | 'confirm-join-request'
  | 'approve-join-request'
  | 'decline-join-request'
  | 'leave-group'
  | 'accept-offer'
  | 'rsvp-yes'
  | 'rsvp-no'
  | 'rsvp-no-series'
  | 'unsubscribe-reminders'
  | 'unsubscribe-all'
  | 'unsubscribe-digest'
  | 'unsubscribe-stay'
  | 'feedback'
  | 'confirm-group-proposal'
  | 'privacy-export'
  | 'privacy-erase'
  | 'privacy-stay';

export interface LinkToken {
  purpose: TokenPurpose;
  networkId: string;
  /** The record the link acts on: a registration id, a join request id (with its group), or a proposal id. */
  subjectId: string;
  groupId?: string;
  /** For an RSVP link: the meeting it answers. */
  meetingId?: string;
  /** The recipient's language, so the pages behind the link speak it. */
  language: Language;
  validUntil: string;
  usedAt?: string;
}

/**
 * A spent or lapsed token is kept for a month so its page can say "already used" or "expired" instead
 * of "unknown"; DynamoDB's TTL removes it after that.
 */
const keepAfterValidity = 30 * 24 * 3600;

export interface NewToken {
  tokenHash: string;
  token: LinkToken;
  /** Whose data the link acts on, for the person index (export and erasure find it). */
  personId: string;
}

function tokenItem({ tokenHash, token, personId }: NewToken) {
  return {
    ...keys.token(tokenHash),
    ...keys.personIndex(personId, 'token'),
    type: 'token',
    ...token,
    expiresAt: Math.floor(Date.parse(token.validUntil) / 1000) + keepAfterValidity,
  };
}

export async function putToken(tokenHash: string, token: LinkToken, personId: string): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: env.tableName(),
      Item: tokenItem({ tokenHash, token, personId }),
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/**
 * Stores several new tokens in one round trip (the links of one mail). BatchWriteItem has no condition
 * like putToken's attribute_not_exists(pk), which only a colliding key could fail: a key is the hash of
 * 256 random bits, so none will.
 */
export async function putTokens(tokens: readonly NewToken[]): Promise<void> {
  await writeInBatches(
    tokens.map((token) => ({ PutRequest: { Item: tokenItem(token) } })),
    'link tokens',
  );
}

export async function getToken(tokenHash: string): Promise<LinkToken | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: env.tableName(), Key: keys.token(tokenHash) }),
  );
  if (!Item) return undefined;
  const { purpose, networkId, subjectId, groupId, meetingId, language, validUntil, usedAt } =
    Item as LinkToken;
  return {
    purpose,
    networkId,
    subjectId,
    language,
    validUntil,
    ...(groupId ? { groupId } : {}),
    ...(meetingId ? { meetingId } : {}),
    ...(usedAt ? { usedAt } : {}),
  };
}

/**
 * The part of a transaction that spends a link token: it succeeds once, before the token's end, and makes
 * the rest of the transaction fail with it if the token was used or has lapsed.
 */
export function spendToken(tableName: string, tokenHash: string, at: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.token(tokenHash),
      UpdateExpression: 'SET usedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND validUntil > :at',
      ExpressionAttributeValues: { ':at': at },
    },
  };
}

/**
 * Spends again a token spent at `usedBefore`, for a link that another action has reopened since (an RSVP
 * answer replaced by the other one): the condition pins the use read, so two clicks spend it once.
 */
export function respendToken(tableName: string, tokenHash: string, at: string, usedBefore: string) {
  return {
    Update: {
      TableName: tableName,
      Key: keys.token(tokenHash),
      UpdateExpression: 'SET usedAt = :at',
      ConditionExpression: 'usedAt = :usedBefore AND validUntil > :at',
      ExpressionAttributeValues: { ':at': at, ':usedBefore': usedBefore },
    },
  };
}

/** Spends a token on its own, for an action with nothing else to write in the same transaction. */
export async function spendLinkToken(tokenHash: string, now: Date): Promise<boolean> {
  try {
    await dynamo.send(new UpdateCommand(spendToken(env.tableName(), tokenHash, now.toISOString()).Update));
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
