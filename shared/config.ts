/**
 * Environment the functions need. Read lazily and once, so a handler module can be imported (for the
 * OpenAPI document, for tests) without every variable set, and a missing one fails with its name.
 */
export class MissingConfigError extends Error {
  constructor(name: string) {
    super(
      `Environment variable ${name} is not set. It is set by the CDK stack in AWS and by npm start locally.`,
    );
    this.name = 'MissingConfigError';
  }
}

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new MissingConfigError(name);
  return value;
}

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`Environment variable ${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export const env = {
  tableName: () => requireEnv('TABLE_NAME'),
  senderAddress: () => requireEnv('SENDER_ADDRESS'),
  publicBaseUrl: () => requireEnv('PUBLIC_BASE_URL').replace(/\/+$/, ''),
  optInWorkflowArn: () => requireEnv('OPT_IN_WORKFLOW_ARN'),
  offerWorkflowArn: () => requireEnv('OFFER_WORKFLOW_ARN'),
  meetingWorkflowArn: () => requireEnv('MEETING_WORKFLOW_ARN'),
  /** The SES configuration set that reports bounces and complaints; unset where there is none to report to. */
  sesConfigurationSet: () => process.env.SES_CONFIGURATION_SET || undefined,
  /** How long a seat offered from the waitlist is held (default 48 h). */
  offerHours: () => numberEnv('OFFER_HOURS', 48),
  registrationReminderAfterSeconds: () => numberEnv('REGISTRATION_REMINDER_AFTER_SECONDS', 48 * 3600),
  registrationExpireAfterSeconds: () => numberEnv('REGISTRATION_EXPIRE_AFTER_SECONDS', 7 * 24 * 3600),
  /** How far back a digest's span ends (shared/domain/digest.ts `digestSettleMs`, 120 s). */
  digestSettleSeconds: () => numberEnv('DIGEST_SETTLE_SECONDS', 120),
};

/** Retention: members inactive this long are asked whether they want to stay (default 24 months). */
export const retentionEnv = {
  inactiveMonths: () => numberEnv('RETENTION_INACTIVE_MONTHS', 24),
  /** How long they have to answer before they are erased (default 30 days). */
  stayAnswerDays: () => numberEnv('RETENTION_STAY_ANSWER_DAYS', 30),
};
