import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { lambdaContext, moduleLoader } from '../../infra/local/lambda.ts';
import { type CfnTemplate, lambdaEntries } from '../../infra/local/template.ts';
import { ses } from '../../shared/clients/ses.ts';
import { suppressionHash } from '../../shared/domain/person.ts';
import { mailPermission } from '../../shared/store/people.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems } from '../support/table.ts';

/*
 * SES → SNS → ses-notifications, with SNS played by the test: the handler is loaded the way the local
 * runtime loads any function (the module its Lambda names in the template) and gets the event SNS would
 * deliver, against DynamoDB Local.
 */
let stack: TestStack;
let invoke: (event: SNSEvent) => Promise<unknown>;
beforeAll(async () => {
  stack = await useLocalStack();
  const template = JSON.parse(readFileSync(inject('samlaLocal').templatePath, 'utf8')) as CfnTemplate;
  const [logicalId, entry] =
    [...lambdaEntries(template)].find(([, e]) => e === 'functions/ses-notifications/handler.ts') ?? [];
  if (logicalId === undefined || entry === undefined) throw new Error('no ses-notifications Lambda');
  const handler = await moduleLoader()(entry);
  invoke = async (event) => handler(event, lambdaContext(logicalId));
});
afterAll(() => stack.stop());

const topicArn = 'arn:aws:sns:eu-north-1:000000000000:samla-dev-EmailNotifications';

/** What SNS hands a Lambda subscriber: one record, the SES event as a JSON string. */
function snsEvent(message: unknown): SNSEvent {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:7d1f3b8e-0000-4000-8000-000000000000`,
        Sns: {
          Type: 'Notification',
          MessageId: crypto.randomUUID(),
          TopicArn: topicArn,
          Subject: '',
          Message: typeof message === 'string' ? message : JSON.stringify(message),
          Timestamp: new Date().toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'https://sns.eu-north-1.amazonaws.com/SimpleNotificationService-example.pem',
          UnsubscribeUrl: 'https://sns.eu-north-1.amazonaws.com/?Action=Unsubscribe',
          MessageAttributes: {},
        },
      },
    ],
  };
}

const mail = (to: string) => ({
  timestamp: new Date().toISOString(),
  source: 'samla@example.org',
  messageId: '0100018c-1a2b3c4d-5e6f-7a8b-9c0d-112233445566-000000',
  destination: [to],
});

const bounce = (to: string, bounceType: 'Permanent' | 'Transient') => ({
  eventType: 'Bounce',
  bounce: {
    bounceType,
    bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull',
    bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1' }],
    timestamp: new Date().toISOString(),
    feedbackId: '0100018c-feedback',
  },
  mail: mail(to),
});

const complaint = (to: string) => ({
  eventType: 'Complaint',
  complaint: {
    complainedRecipients: [{ emailAddress: to }],
    timestamp: new Date().toISOString(),
    feedbackId: '0100018c-feedback',
    complaintFeedbackType: 'abuse',
  },
  mail: mail(to),
});

const suppressionOf = async (address: string) =>
  (await allItems(stack.tableName)).find((item) => item.pk === `SUPPRESSION#${suppressionHash(address)}`);

describe('SES notifications', () => {
  it('suppress a hard-bounced address: a hash in the table, never the address', async () => {
    const address = uniqueEmail('bounced');
    expect(await mailPermission(address, undefined)).toBe('send');

    expect(await invoke(snsEvent(bounce(address, 'Permanent')))).toEqual({
      suppressed: 1,
      ignored: 0,
      malformed: 0,
    });

    expect(await suppressionOf(address)).toMatchObject({ type: 'suppression', reason: 'bounce' });
    // However the address was written: the mailbox provider's case is not the member's.
    expect(await mailPermission(address.toUpperCase(), undefined)).toBe('suppressed');
    const [local] = address.split('@');
    expect(JSON.stringify(await allItems(stack.tableName))).not.toContain(local);
  });

  it('suppress a complaining address', async () => {
    const address = uniqueEmail('complained');
    await invoke(snsEvent(complaint(address)));
    expect(await suppressionOf(address)).toMatchObject({ reason: 'complaint' });
    expect(await mailPermission(address, { networkId: 'demo', category: 'transactional' })).toBe(
      'suppressed',
    );
  });

  it('leave a transiently bounced address alone', async () => {
    const address = uniqueEmail('mailbox-full');
    expect(await invoke(snsEvent(bounce(address, 'Transient')))).toEqual({
      suppressed: 0,
      ignored: 1,
      malformed: 0,
    });
    expect(await suppressionOf(address)).toBeUndefined();
    expect(await mailPermission(address, undefined)).toBe('send');
  });

  it('drop what cannot be read instead of failing, so SNS does not retry it', async () => {
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    expect(await invoke(snsEvent('{"eventType":"Bounce",'))).toEqual({
      suppressed: 0,
      ignored: 0,
      malformed: 1,
    });
    expect(await invoke(snsEvent({ eventType: 'Bounce', bounce: { bounceType: 'Permanent' } }))).toEqual({
      suppressed: 0,
      ignored: 0,
      malformed: 1,
    });
    expect(await allItems(stack.tableName)).toEqual(before);
  });
});

describe('a registration to a bounced address', () => {
  async function register(email: string): Promise<string> {
    const response = await stack.api('/v1/networks/demo/interest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'sv' },
      body: JSON.stringify({
        name: 'Anna Lindqvist',
        email,
        organisation: 'Ekskolan',
        role: 'Rektor',
        topics: [],
        consent: true,
      }),
    });
    // The same answer as for any address: the endpoint never reveals that one is suppressed.
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  /** Past the confirmation step: the workflow waits for the member from here on. */
  async function confirmationStepDone(registrationId: string): Promise<void> {
    const execution = await stack.waitForExecutionStarted(optInFor(registrationId));
    await stack.sfn.waitForState(execution.executionArn, 'WaitForConfirmation');
  }

  it('sends no email, while one to another address goes out through the configuration set', async () => {
    const configurationSets: (string | undefined)[] = [];
    const tap =
      (next: (args: { input: { ConfigurationSetName?: string } }) => Promise<unknown>) =>
      (args: { input: { ConfigurationSetName?: string } }) => {
        configurationSets.push(args.input.ConfigurationSetName);
        return next(args);
      };
    ses.middlewareStack.add(tap as never, {
      step: 'initialize',
      name: 'configurationSetTap',
      override: true,
    });
    try {
      const bounced = uniqueEmail('bounced-member');
      await invoke(snsEvent(bounce(bounced, 'Permanent')));
      await confirmationStepDone(await register(bounced));
      expect(await stack.emailsTo(bounced)).toEqual([]);
      expect(configurationSets).toEqual([]);

      const other = uniqueEmail('deliverable-member');
      await confirmationStepDone(await register(other));
      await stack.waitForEmailTo(other);
      expect(configurationSets).toEqual([process.env.SES_CONFIGURATION_SET]);
      expect(process.env.SES_CONFIGURATION_SET).toMatch(/^EmailConfigurationSet/);
    } finally {
      ses.middlewareStack.remove('configurationSetTap');
    }
  });
});
