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
