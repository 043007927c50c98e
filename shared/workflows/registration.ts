import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../clients/sfn.ts';
import { env } from '../config.ts';
import type { Registration } from '../domain/registration.ts';

export interface RegistrationWorkflowInput {
  networkId: string;
  registrationId: string;
  kind: 'new' | 'resend';
  remindAt: string;
  expireAt: string;
}

/**
 * Starts the registration workflow. The execution name is derived from the registration and the count
 * of confirmations asked for, so a retried request starts nothing twice. The input carries ids only:
 * execution history is visible in the console, so no personal data goes into it.
 */
export async function startRegistrationWorkflow(
  registration: Registration,
  kind: 'new' | 'resend',
): Promise<void> {
  const input: RegistrationWorkflowInput = {
    networkId: registration.networkId,
    registrationId: registration.id,
    kind,
    remindAt: registration.remindAt,
    expireAt: registration.expireAt,
  };
  const name = `${registration.id}-${Date.parse(registration.createdAt)}-${registration.confirmationCount}`;
  try {
    await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: env.registrationWorkflowArn(),
        name,
        input: JSON.stringify(input),
      }),
    );
  } catch (error) {
    // The same name with the same input is an idempotent no-op in AWS; a name clash can only be a retry.
    if (!(error instanceof Error && error.name === 'ExecutionAlreadyExists')) throw error;
  }
}
