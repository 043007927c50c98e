/**
 * The outbox claim's lease: a claim left in `sending` by a process that died mid-send (a local kill -9,
 * a Lambda timeout) does not block the email for good. A workflow step that meets someone else's fresh
 * claim fails with OutboxClaimHeld and its Retry sends the mail once the claim lapses; an HTTP request
 * that meets one answers as for a duplicate. Real DynamoDB Local and SES inbox; the dead holder is
 * planted in the table, as it would have left its claim.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaHandler, moduleLoader } from '../../infra/local/lambda.ts';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { confirmationDedupeKey, receiptDedupeKey } from '../../shared/domain/registration.ts';
import { composeRegistrationReceipt } from '../../shared/mail/registration.ts';
import { mail } from '../../shared/mail/render.ts';
import { asWorkflowStep, OutboxClaimHeldError, sendOnce } from '../../shared/notify.ts';
import { keys } from '../../shared/store/keys.ts';
import { OUTBOX_LEASE_SECONDS, outboxLeaseMs } from '../../shared/store/outbox.ts';
import { getRegistration } from '../../shared/store/registrations.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { linkIn } from '../support/table.ts';

/** Addresses whose confirmation email gets a claim planted just before the real step runs: ms to lapse. */
const plantBeforeConfirmation = new Map<string, number>();

const real = moduleLoader();
const loadHandler = async (entry: string): Promise<LambdaHandler> => {
  const handler = await real(entry);
  if (entry !== 'functions/opt-in-steps/handler.ts') return handler;
  return async (event, context) => {
    const { step, subject } = event as { step?: string; subject?: { networkId: string; id: string } };
    const registration =
      step === 'send-confirmation' && subject !== undefined
        ? await getRegistration(subject.networkId, subject.id)
        : undefined;
    const lapsesInMs = registration && plantBeforeConfirmation.get(registration.email);
    if (registration && lapsesInMs !== undefined) {
      plantBeforeConfirmation.delete(registration.email);
      // Another invocation claimed this mail and died before sending it; its claim lapses in lapsesInMs.
      await plantClaim(
        confirmationDedupeKey(registration, registration.confirmationCount),
        Date.now() - outboxLeaseMs() + lapsesInMs,
      );
    }
    return handler(event, context);
  };
};

let stack: TestStack;
beforeAll(async () => {
  // Retries a second apart (the real ones are 15 s and up): the planted claims lapse within seconds.
  stack = await useLocalStack({ loadHandler, retryIntervalMs: 1000 });
});
afterAll(() => stack.stop());

async function plantClaim(dedupeKey: string, claimedAtMs: number): Promise<void> {
  await dynamo.send(
    new PutCommand({
      TableName: stack.tableName,
      Item: {
        ...keys.outbox(dedupeKey),
        type: 'outbox',
        state: 'sending',
        claimId: 'the-dead-holder',
        claimedAt: new Date(claimedAtMs).toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + 3600,
      },
    }),
  );
}

async function outboxState(dedupeKey: string): Promise<unknown> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName: stack.tableName, Key: keys.outbox(dedupeKey), ConsistentRead: true }),
  );
  return Item?.state;
}

async function register(email: string): Promise<string> {
  const response = await stack.api(`/v1/networks/${stack.demoNetworkId}/interest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({
      name: 'Kari',
      email,
      organisation: 'Skolen',
      role: 'Rektor',
      topics: [],
      consent: true,
    }),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

const isConfirmation = (text: string | undefined) => text?.includes('/v1/confirm/') ?? false;

function notification(to: string, dedupeKey: string) {
  return {
    dedupeKey,
    to,
    language: 'en' as const,
    message: () =>
      mail(composeRegistrationReceipt, {
        recipientName: 'Kari',
        networkName: 'Demonätverket',
        topics: [],
        timeZone: 'Europe/Stockholm',
      }),
  };
}

describe('a claim whose holder died', () => {
  it('is taken over once older than the lease, and the mail is sent once', async () => {
    const to = uniqueEmail('stale');
    const dedupeKey = `test-stale:${to}`;
    await plantClaim(dedupeKey, Date.now() - (OUTBOX_LEASE_SECONDS + 1) * 1000);

    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => sendOnce(notification(to, dedupeKey))),
    );
    // Four takers at once: the conditional Put lets one of them refresh the claim, the rest see it held.
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(3);
    expect(await stack.emailsTo(to)).toHaveLength(1);
    expect(await outboxState(dedupeKey)).toBe('sent');
    expect(await sendOnce(notification(to, dedupeKey))).toBe('duplicate');
  });

  it('blocks only while fresh: an HTTP path answers duplicate, a workflow step throws a retryable error', async () => {
    const to = uniqueEmail('fresh');
    const dedupeKey = `test-fresh:${to}`;
    await plantClaim(dedupeKey, Date.now());
    expect(await sendOnce(notification(to, dedupeKey))).toBe('duplicate');
    const step = asWorkflowStep(async () => sendOnce(notification(to, dedupeKey)));
    await expect(step()).rejects.toBeInstanceOf(OutboxClaimHeldError);
    await expect(step()).rejects.toMatchObject({ name: 'OutboxClaimHeld' });
    // The step did not take the claim, nor give it back: the holder may still be sending.
    expect(await outboxState(dedupeKey)).toBe('sending');
    expect(await stack.emailsTo(to)).toHaveLength(0);
  });
});

describe('a workflow step meeting a fresh claim', () => {
  it('is retried by the state machine and sends the confirmation once, after the claim lapses', async () => {
    const email = uniqueEmail('retried');
    const lapsesInMs = 2500;
    plantBeforeConfirmation.set(email, lapsesInMs);
    const registrationId = await register(email);
    const execution = await stack.waitForExecutionStarted(optInFor(registrationId));
    await stack.sfn.waitForState(execution.executionArn, 'WaitForConfirmation', 20_000);

    const failures = execution.events.filter((e) => e.type === 'StateFailed');
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.every((e) => e.stateName === 'SendConfirmation' && e.error === 'OutboxClaimHeld')).toBe(
      true,
    );
    // Retried a second apart, so it cannot have taken the claim over before it lapsed.
    expect(execution.events.filter((e) => e.type === 'StateRetried')).toHaveLength(failures.length);
    const confirmations = (await stack.emailsTo(email)).filter((m) => isConfirmation(m.body.text));
    expect(confirmations).toHaveLength(1);
    const registration = await getRegistration(stack.demoNetworkId, registrationId);
    if (registration === undefined) throw new Error('the registration is gone');
    expect(await outboxState(confirmationDedupeKey(registration, registration.confirmationCount))).toBe(
      'sent',
    );
  });
});

describe('an HTTP path meeting a fresh claim', () => {
  async function registeredLink(label: string) {
    const email = uniqueEmail(label);
    const registrationId = await register(email);
    const mail = await stack.waitForEmailTo(email, (m) => isConfirmation(m.body.text));
    return { email, registrationId, token: linkIn(mail.body.text).token };
  }

  const pressAtOnce = (token: string, times: number) =>
    Promise.all(
      Array.from({ length: times }, async () => {
        const response = await stack.api(`/v1/confirm/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: '{}',
        });
        return response.status;
      }),
    );

  it('the confirm link pressed 8 times at once: every press answered 200, one receipt', async () => {
    const { email, token } = await registeredLink('pressed');
    expect(await pressAtOnce(token, 8)).toEqual(Array(8).fill(200));
    await stack.waitForEmailTo(email, (m) => !isConfirmation(m.body.text));
    // Give a straggling duplicate time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stack.emailsTo(email)).filter((m) => !isConfirmation(m.body.text))).toHaveLength(1);
  });

  it('a receipt someone else is sending right now: the presses answer 200, not 5xx, and send nothing', async () => {
    const { email, registrationId, token } = await registeredLink('held');
    const registration = await getRegistration(stack.demoNetworkId, registrationId);
    if (registration === undefined) throw new Error('the registration is gone');
    await plantClaim(receiptDedupeKey(registration), Date.now());
    expect(await pressAtOnce(token, 8)).toEqual(Array(8).fill(200));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stack.emailsTo(email)).filter((m) => !isConfirmation(m.body.text))).toHaveLength(0);
    expect(await outboxState(receiptDedupeKey(registration))).toBe('sending');
  });
});
