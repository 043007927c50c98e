import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

/** Narrowing for the DynamoDB errors the store turns into outcomes; anything else propagates. */
export interface ConditionalCheckFailed extends Error {
  name: 'ConditionalCheckFailedException';
  /** The item as it was, when the write asked for it (see oldItemOf). */
  Item?: Record<string, AttributeValue>;
}

export interface TransactionCancelled extends Error {
  name: 'TransactionCanceledException';
  CancellationReasons?: { Code?: string }[];
}

export function isConditionalCheckFailed(error: unknown): error is ConditionalCheckFailed {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/**
 * The item a conditional write failed on, when the write asked for it (ReturnValuesOnConditionCheckFailure
 * ALL_OLD): what was in the way, without a second read. It comes in DynamoDB's own attribute format, not
 * the document client's. Undefined when there was no item or the write did not ask.
 */
export function oldItemOf(error: unknown): Record<string, unknown> | undefined {
  if (!isConditionalCheckFailed(error)) return undefined;
  return error.Item ? unmarshall(error.Item) : undefined;
}

export function isTransactionCancelled(error: unknown): error is TransactionCancelled {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}

/**
 * A write that kept losing to concurrent writes on the same items for longer than a caller should wait.
 * Nothing was changed, so the caller may try again; the HTTP layer answers 503 with Retry-After and a
 * workflow step retries, rather than telling anyone something that did not happen.
 */
export class StillContended extends Error {
  constructor(what: string) {
    super(`still contended after retries: ${what}`);
    this.name = 'StillContendedException';
  }
}
