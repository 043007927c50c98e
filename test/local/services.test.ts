import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { describe, expect, inject, it } from 'vitest';
import {
  createTableFromTemplate,
  localDynamoClient,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb.ts';
import { freePort, isPortFree, LocalSetupError } from '../../infra/local/ports.ts';
import { runTemplateSeeds } from '../../infra/local/seeds.ts';
import { inbox, sentTo, waitForEmail } from '../../infra/local/ses.ts';
import type { CfnTemplate } from '../../infra/local/template.ts';
import { FIXTURE_IDS, fixtureTemplate } from '../support/fixture-template.ts';
import { uniqueEmail } from '../support/local-stack.ts';

const { dynamoEndpoint, sesUrl } = inject('samlaLocal');

describe('DynamoDB Local', () => {
  it('creates the table from the template once, with its GSI and TTL', async () => {
    const tableName = `svc-${Date.now()}`;
    expect(await createTableFromTemplate(fixtureTemplate(), tableName, dynamoEndpoint)).toBe(true);
    expect(await createTableFromTemplate(fixtureTemplate(), tableName, dynamoEndpoint)).toBe(false);
    const client = localDynamoClient(dynamoEndpoint);
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      expect(Table?.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(Table?.GlobalSecondaryIndexes?.[0]).toMatchObject({
        IndexName: 'gsi1',
        Projection: { ProjectionType: 'ALL' },
      });
      expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
      const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      expect(ttl.TimeToLiveDescription).toMatchObject({
        AttributeName: 'expiresAt',
        TimeToLiveStatus: 'ENABLED',
      });
    } finally {
      client.destroy();
    }
  });

  it('says in one line that a port is taken', async () => {
    const port = Number(new URL(dynamoEndpoint).port);
    expect(await isPortFree(port)).toBe(false);
    const attempt = startDynamoDbLocal({ port });
    await expect(attempt).rejects.toBeInstanceOf(LocalSetupError);
    await expect(attempt).rejects.toThrow(
      `Port ${port} (DynamoDB Local) is taken: stop what uses it or set DYNAMODB_PORT`,
    );
    expect(await isPortFree(await freePort())).toBe(true);
  });
});

describe('template seeds', () => {
  it('runs the stack’s PutItem custom resources once, as the deployment would', async () => {
    const tableName = `seed-${Date.now()}`;
    const base = fixtureTemplate();
    await createTableFromTemplate(base, tableName, dynamoEndpoint);
    const item = { pk: { S: 'NETWORK#seeded' }, sk: { S: 'NETWORK' }, name: { S: 'Seeded' } };
    const create = (name: string) => ({
      'Fn::Join': [
        '',
        [
          '{"service":"DynamoDB","action":"PutItem","parameters":{"TableName":"',
          { Ref: FIXTURE_IDS.table },
          `","Item":${JSON.stringify({ ...item, name: { S: name } })},"ConditionExpression":"attribute_not_exists(pk)"},`,
          '"ignoreErrorCodesMatching":"ConditionalCheckFailedException"}',
        ],
      ],
    });
    const template = (name: string): CfnTemplate => ({
      Resources: {
        ...base.Resources,
        Seed: { Type: 'Custom::SamlaNetwork', Properties: { Create: create(name) } },
      },
    });
    expect(await runTemplateSeeds(template('Seeded'), { tableName }, dynamoEndpoint)).toEqual({
      seeded: ['Seed'],
      warnings: [],
    });
    // A second run (npm start again) keeps what is there, as the condition says.
    expect((await runTemplateSeeds(template('Changed'), { tableName }, dynamoEndpoint)).seeded).toEqual([]);
    const client = localDynamoClient(dynamoEndpoint);
    try {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
      expect(Item?.name?.S).toBe('Seeded');
    } finally {
      client.destroy();
    }
  });
});

describe('SES inbox helpers', () => {
  it('finds an email the SES client sent, by recipient', async () => {
    const to = uniqueEmail('ses');
    const client = new SESClient({
      endpoint: sesUrl,
      region: 'eu-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      await client.send(
        new SendEmailCommand({
          Source: 'samla@example.org',
          Destination: { ToAddresses: [`Åsa Test <${to.toUpperCase()}>`] },
          Message: { Subject: { Data: 'Bekräfta din anmälan' }, Body: { Text: { Data: 'Hej!' } } },
        }),
      );
    } finally {
      client.destroy();
    }
    const email = await waitForEmail(sesUrl, sentTo(to), 5000);
    expect(email.subject).toBe('Bekräfta din anmälan');
    expect(email.body.text).toBe('Hej!');
    expect((await inbox(sesUrl)).filter(sentTo(to))).toHaveLength(1);
    await expect(waitForEmail(sesUrl, sentTo(uniqueEmail('nobody')), 200)).rejects.toThrow(
      /No matching email within 200 ms/,
    );
  });
});
