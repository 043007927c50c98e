import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';

/** The harness itself, with the real handlers and the synthesized template. */
let stack: TestStack;

beforeAll(async () => {
  stack = await useLocalStack({ env: { REGISTRATION_REMINDER_AFTER_SECONDS: '3600' } });
});

afterAll(() => stack.stop());

describe('useLocalStack', () => {
  it('gives this file its own table with the demo network, and the handlers its environment', async () => {
    expect(process.env.TABLE_NAME).toBe(stack.tableName);
    expect(process.env.PUBLIC_BASE_URL).toBe(stack.apiUrl);
    expect(process.env.REGISTRATION_REMINDER_AFTER_SECONDS).toBe('3600');
    expect(process.env.OPT_IN_WORKFLOW_ARN).toBe(stack.optInWorkflowArn);
    const client = localDynamoClient(stack.dynamoEndpoint);
    try {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: stack.tableName,
          Key: { pk: { S: 'NETWORK#demo' }, sk: { S: 'NETWORK' } },
        }),
      );
      expect(Item?.name?.S).toBe('Demonätverket');
    } finally {
      client.destroy();
    }
  });

  it('serves the routes with the real handlers', async () => {
    const response = await stack.api('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi?: string }).openapi).toMatch(/^3\./);
    expect(stack.requests.at(-1)).toMatch(/^GET \/v1\/openapi\.json 200 \d+ms$/);
  });

  it('runs a registration through the gateway, the workflow and the inbox', async () => {
    const email = uniqueEmail('harness');
    const response = await stack.api(`/v1/networks/${stack.demoNetworkId}/interest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Test Person',
        email,
        organisation: 'Ekskolan',
        role: 'Rektor',
        topics: ['Ekonomi'],
        consent: true,
      }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };

    const execution = await stack.waitForExecutionStarted(optInFor(id));
    expect(execution.stateMachineArn).toBe(stack.optInWorkflowArn);
    await stack.sfn.waitForState(execution.executionArn, 'WaitForConfirmation');
    const confirmation = await stack.waitForEmailTo(email);
    expect(confirmation.body.text ?? confirmation.body.html).toContain(`${stack.apiUrl}/v1/confirm/`);
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it('shares module instances with the test file, so a test can wrap an SDK client to inject faults', async () => {
    const { dynamo } = await import('../../shared/clients/dynamodb.ts');
    const send = vi
      .spyOn(dynamo, 'send')
      .mockRejectedValueOnce(
        Object.assign(new Error('injected'), { name: 'ProvisionedThroughputExceededException' }),
      );
    try {
      const response = await stack.api(`/v1/networks/${stack.demoNetworkId}/interest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'X',
          email: uniqueEmail(),
          organisation: 'O',
          role: 'R',
          topics: [],
          consent: true,
        }),
      });
      expect(send).toHaveBeenCalled();
      expect(response.status).toBeGreaterThanOrEqual(500);
    } finally {
      send.mockRestore();
    }
  });
});
