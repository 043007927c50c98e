import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../clients/sfn.ts';
import { env } from '../config.ts';

export interface OfferWorkflowInput {
  groupId: string;
  requestId: string;
  offerExpiresAt: string;
}

/**
 * Starts the workflow that waits for an offer's end and passes the seat on if it was not taken. The name
 * is the offer itself (request and end), so starting it twice starts it once.
 */
export async function startOfferWorkflow(input: OfferWorkflowInput): Promise<void> {
  const name = `offer-${input.requestId}-${Date.parse(input.offerExpiresAt)}`;
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: env.offerWorkflowArn(),
        name,
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
  }
}
