/** Narrowing for the DynamoDB errors the store turns into outcomes; anything else propagates. */
export interface ConditionalCheckFailed extends Error {
  name: 'ConditionalCheckFailedException';
}

export interface TransactionCancelled extends Error {
  name: 'TransactionCanceledException';
  CancellationReasons?: { Code?: string }[];
}

export function isConditionalCheckFailed(error: unknown): error is ConditionalCheckFailed {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
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
