import { env } from '../config.ts';
import type { OptInRecord, OptInSubject } from '../domain/opt-in.ts';
import { startOnce } from './start.ts';

/** Where a step finds the record: ids only, since execution history is visible in the console. */
export interface OptInRef {
  type: OptInSubject;
  networkId: string;
  id: string;
  /** A join request is stored under its group. */
  groupId?: string;
}

export interface OptInWorkflowInput {
  subject: OptInRef;
  kind: 'new' | 'resend';
  remindAt: string;
  expireAt: string;
}

/**
 * Starts the opt-in workflow, once per record, round (when it was made) and confirmation count: a retried
 * request starts it once, and a record made again after it lapsed gets a workflow of its own.
 */
export function startOptInWorkflow(
  subject: OptInRef,
  record: Pick<OptInRecord, 'id' | 'createdAt' | 'confirmationCount' | 'expireAt'>,
  kind: 'new' | 'resend',
  remindAt: string,
): Promise<void> {
  const input: OptInWorkflowInput = { subject, kind, remindAt, expireAt: record.expireAt };
  // Ids are hashes that differ between the three forms (their inputs are prefixed), so names never clash.
  const name = `${record.id}-${Date.parse(record.createdAt)}-${record.confirmationCount}`;
  return startOnce(env.optInWorkflowArn(), name, input);
}
