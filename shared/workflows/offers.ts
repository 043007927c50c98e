import { env } from '../config.ts';
import { startOnce } from './start.ts';

export interface OfferWorkflowInput {
  groupId: string;
  requestId: string;
  offerExpiresAt: string;
}

/** Starts the workflow that waits for an offer's end and passes the seat on if it was not taken. */
export function startOfferWorkflow(input: OfferWorkflowInput): Promise<void> {
  return startOnce(
    env.offerWorkflowArn(),
    `offer-${input.requestId}-${Date.parse(input.offerExpiresAt)}`,
    input,
  );
}
