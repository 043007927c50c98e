import { env } from '../config.ts';
import type { Registration } from '../domain/registration.ts';
import { startOnce } from './start.ts';

export interface RegistrationWorkflowInput {
  networkId: string;
  registrationId: string;
  kind: 'new' | 'resend';
  remindAt: string;
  expireAt: string;
}

/** Starts the registration workflow, once per registration round and confirmation count. */
export function startRegistrationWorkflow(registration: Registration, kind: 'new' | 'resend'): Promise<void> {
  const input: RegistrationWorkflowInput = {
    networkId: registration.networkId,
    registrationId: registration.id,
    kind,
    remindAt: registration.remindAt,
    expireAt: registration.expireAt,
  };
  const name = `${registration.id}-${Date.parse(registration.createdAt)}-${registration.confirmationCount}`;
  return startOnce(env.registrationWorkflowArn(), name, input);
}
