import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../clients/sfn.ts';

/**
 * Starts an execution whose name says what it is for, so starting it twice (a retried request) starts
 * it once: AWS answers ExecutionAlreadyExists for the second, which is the outcome wanted. Inputs carry
 * ids only: execution history is visible in the console, so no personal data goes into it.
 */
export async function startOnce(stateMachineArn: string, name: string, input: object): Promise<void> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
  } catch (error) {
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
  }
}
