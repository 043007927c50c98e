import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import { isConditionalCheckFailed, oldItemOf } from './errors.ts';
import { keys } from './keys.ts';

/** Long enough to outlive any retry of any workflow step; short enough to keep the table small. */
const keepFor = 45 * 24 * 3600;

/**
 * How long a claim in state `sending` keeps others off. Every sender is a Lambda with a 15 s timeout
 * (infra/constructs/function.ts), so a claim older than that belongs to an invocation that is gone
 * (killed, timed out, or a local runtime stopped with kill -9). 60 s is four timeouts: room for clock
 * skew between hosts and for a locally run handler, which nothing stops at 15 s, while a mail left
 * half-sent still goes out within a couple of minutes (the workflows' Retry for OutboxClaimHeld waits
 * past it). Raising the functions' timeout means raising this too.
 */
export const OUTBOX_LEASE_SECONDS = 60;

/** OUTBOX_LEASE_SECONDS unless the environment shortens it (the restart tests do, to finish sooner). */
export function outboxLeaseMs(): number {
  const raw = process.env.OUTBOX_LEASE_SECONDS;
  const seconds = raw === undefined || raw === '' ? OUTBOX_LEASE_SECONDS : Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`OUTBOX_LEASE_SECONDS must be a positive number of seconds, got "${raw}"`);
  return seconds * 1000;
}

/**
 * `claimed`: this caller sends it (`claimId` identifies the claim for release). `sent`: it went out.
 * `held`: someone else claimed it less than a lease ago and may be sending it right now.
 */
export type OutboxClaim =
  | { readonly outcome: 'claimed'; readonly claimId: string }
  | { readonly outcome: 'sent' | 'held'; readonly claimedAt?: string };

/**
 * Claims the right to send the email with this dedupe key: a new key, or a `sending` claim older than
 * the lease (its holder died before it marked the mail sent or gave the claim back). The condition makes
 * it one winner even when several callers find the same stale claim: the first Put refreshes
 * `claimedAt`, so the others' condition fails. The lease runs on the wall clock, not on the caller's
 * `now` (which may be a scheduled time).
 */
export async function claimOutbox(dedupeKey: string, now: Date): Promise<OutboxClaim> {
  const claimedAt = new Date();
  const claimId = randomUUID();
  try {
    await dynamo.send(
      new PutCommand({
        TableName: env.tableName(),
        Item: {
          ...keys.outbox(dedupeKey),
          type: 'outbox',
          state: 'sending',
          claimId,
          claimedAt: claimedAt.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + keepFor,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :staleBefore)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':staleBefore': new Date(claimedAt.getTime() - outboxLeaseMs()).toISOString(),
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return { outcome: 'claimed', claimId };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const old =
      oldItemOf(error) ??
      (
        await dynamo.send(
          new GetCommand({ TableName: env.tableName(), Key: keys.outbox(dedupeKey), ConsistentRead: true }),
        )
      ).Item;
    const previous = typeof old?.claimedAt === 'string' ? { claimedAt: old.claimedAt } : {};
    return { outcome: old?.state === 'sending' ? 'held' : 'sent', ...previous };
  }
}

export async function markOutboxSent(dedupeKey: string, messageId: string): Promise<void> {
  await dynamo.send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.outbox(dedupeKey),
      UpdateExpression: 'SET #state = :sent, messageId = :id',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId },
    }),
  );
}

/**
 * Gives the claim back after a failed send, so the retry of the step can send it. Only this caller's
 * own claim: one that outlived its lease may have been taken over, and the new holder keeps it.
 */
export async function releaseOutbox(dedupeKey: string, claimId: string): Promise<void> {
  try {
    await dynamo.send(
      new DeleteCommand({
        TableName: env.tableName(),
        Key: keys.outbox(dedupeKey),
        ConditionExpression: 'claimId = :claim AND #state = :sending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':claim': claimId, ':sending': 'sending' },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
