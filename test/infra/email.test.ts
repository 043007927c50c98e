import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaEntries } from '../../infra/local/template.ts';
import {
  type CfnResource,
  type CfnTemplate,
  cdkJsonContext,
  type Json,
  synthTemplate,
} from '../../infra/synth.ts';
import { functionIdFor as functionIdForIn, isRecord, referencedId } from '../support/cfn.ts';

// Two synths: cdk.json as it is, and an account whose domain identity already exists.
let cfn: CfnTemplate;
let template: Template;
let existingIdentity: CfnTemplate;
beforeAll(() => {
  cfn = synthTemplate();
  template = Template.fromJSON(cfn);
  const samla = cdkJsonContext().samla as Record<string, unknown>;
  existingIdentity = synthTemplate({ samla: { ...samla, email: { createIdentity: false } } });
}, 120_000);

const ofType = (t: CfnTemplate, type: string): [string, CfnResource][] =>
  Object.entries(t.Resources).filter(([, resource]) => resource.Type === type);

function only(type: string, t: CfnTemplate = cfn): [string, CfnResource] {
  const found = ofType(t, type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, CfnResource];
}

const functionIdFor = (fn: string) => functionIdForIn(cfn, fn);

type Statement = { [key: string]: Json };

/** Every statement of every policy attached to the role of a function. */
function statementsOf(fn: string): Statement[] {
  const roleId = referencedId(cfn.Resources[functionIdFor(fn)]?.Properties?.Role);
  return ofType(cfn, 'AWS::IAM::Policy').flatMap(([, policy]) => {
    const roles = policy.Properties?.Roles;
    if (!Array.isArray(roles) || !roles.some((r) => referencedId(r) === roleId)) return [];
    const doc = policy.Properties?.PolicyDocument;
    const statements = isRecord(doc) && Array.isArray(doc.Statement) ? doc.Statement : [];
    return statements.filter(isRecord);
  });
}

/** A value with references rendered as `[Id]`, for comparing ARNs built with Fn::Join. */
function render(value: Json | undefined): string {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    if (typeof value.Ref === 'string') return `[${value.Ref}]`;
    const join = value['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1])) return join[1].map(render).join(String(join[0]));
  }
  return JSON.stringify(value);
}

const configurationSetArn = (setId: string) =>
  `arn:[AWS::Partition]:ses:[AWS::Region]:[AWS::AccountId]:configuration-set/[${setId}]`;

const list = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('the SES identity', () => {
  it("is the sender's domain, with Easy DKIM (2048 bits) and the stack's configuration set as its default", () => {
    const [setId] = only('AWS::SES::ConfigurationSet');
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
    // Easy DKIM: no key of our own in the template.
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      DkimSigningAttributes: Match.objectLike({ DomainSigningPrivateKey: Match.absent() }),
    });
    template.resourceCountIs('AWS::SES::EmailIdentity', 1);
  });

  it('is left out when the account has it, while sending still reports bounces and complaints', () => {
    expect(ofType(existingIdentity, 'AWS::SES::EmailIdentity')).toEqual([]);
    expect(Object.keys(existingIdentity.Outputs ?? {}).filter((k) => k.startsWith('Dkim'))).toEqual([]);
    only('AWS::SES::ConfigurationSet', existingIdentity);
    only('AWS::SES::ConfigurationSetEventDestination', existingIdentity);
    expect(JSON.stringify(existingIdentity)).toContain('"SES_CONFIGURATION_SET"');
  });
});

describe('the configuration set', () => {
  it('requires TLS, keeps reputation metrics, sends, and lets SES suppress bounces and complaints too', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('publishes bounces and complaints, nothing else, to the notifications topic', () => {
    const [setId] = only('AWS::SES::ConfigurationSet');
    const [topicId] = only('AWS::SNS::Topic');
    const [, destination] = only('AWS::SES::ConfigurationSetEventDestination');
    expect(destination.Properties).toEqual({
      ConfigurationSetName: { Ref: setId },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      },
    });
  });

  it('is named on every send: each function has it in SES_CONFIGURATION_SET, and senders may use it', () => {
    const [setId] = only('AWS::SES::ConfigurationSet');
    for (const [id, fn] of ofType(cfn, 'AWS::Lambda::Function')) {
      if (fn.Metadata?.['samla:entry'] === undefined) continue;
      const environment = fn.Properties?.Environment;
      const variables = isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
      expect(variables.SES_CONFIGURATION_SET, id).toEqual({ Ref: setId });
    }
    const sesStatements = statementsOf('confirm').filter((s) => list(s.Action).includes('ses:SendRawEmail'));
    expect(sesStatements).toHaveLength(1);
    const resources = list(sesStatements[0]?.Resource).map(render);
    expect(resources).toContain(
      'arn:[AWS::Partition]:ses:[AWS::Region]:[AWS::AccountId]:identity/example.org',
    );
    expect(resources).toContain(configurationSetArn(setId));
  });
});

describe('the notifications topic', () => {
  it('takes Publish only from SES for this configuration set, over TLS only', () => {
    const [topicId] = only('AWS::SNS::Topic');
    const [setId] = only('AWS::SES::ConfigurationSet');
    const [, policy] = only('AWS::SNS::TopicPolicy');
    expect(policy.Properties?.Topics).toEqual([{ Ref: topicId }]);
    const doc = policy.Properties?.PolicyDocument;
    const statements = (isRecord(doc) && Array.isArray(doc.Statement) ? doc.Statement : []).filter(isRecord);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 'sns:Publish',
        Principal: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 'sns:Publish',
      Principal: { Service: 'ses.amazonaws.com' },
      Resource: { Ref: topicId },
      Condition: { StringEquals: { 'AWS:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    const condition = allows[0]?.Condition;
    const equals = isRecord(condition) && isRecord(condition.StringEquals) ? condition.StringEquals : {};
    expect(render(equals['AWS:SourceArn'])).toBe(configurationSetArn(setId));
  });

  it('delivers to the ses-notifications function, and only SNS from this topic may invoke it', () => {
    const [topicId] = only('AWS::SNS::Topic');
    const fnId = functionIdFor('ses-notifications');
    const lambdaSubscriptions = ofType(cfn, 'AWS::SNS::Subscription').filter(
      ([, s]) => s.Properties?.Protocol === 'lambda',
    );
    expect(lambdaSubscriptions).toHaveLength(1);
    expect(lambdaSubscriptions[0]?.[1].Properties).toEqual({
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: topicId },
    });
  });
});

describe('the ses-notifications function', () => {
  it('may write items to the table and its logs, nothing more: no reads, no email, no workflows', () => {
    const [tableId] = only('AWS::DynamoDB::GlobalTable');
    const statements = statementsOf('ses-notifications');
    const actions = statements.flatMap((s) => list(s.Action)).filter((a) => typeof a === 'string');
    expect(actions.filter((a) => !a.startsWith('logs:')).sort()).toEqual(
      [
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
        'dynamodb:DeleteItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ].sort(),
    );
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const resources = list(statement.Resource);
      if (list(statement.Action).some((a) => String(a).startsWith('dynamodb:'))) {
        // The table itself, not its indexes: a write never goes through an index.
        expect(resources).toEqual([{ 'Fn::GetAtt': [tableId, 'Arn'] }]);
      }
      expect(resources).not.toContain('*');
    }
  });

  it('is one the local runtime can load: its Lambda names its module', () => {
    expect([...lambdaEntries(cfn).values()]).toContain('functions/ses-notifications/handler.ts');
  });
});

describe('outputs', () => {
  it('give the three DKIM CNAMEs, the configuration set and the topic', () => {
    const [identityId] = only('AWS::SES::EmailIdentity');
    const [setId] = only('AWS::SES::ConfigurationSet');
    const [topicId] = only('AWS::SNS::Topic');
    const outputs = cfn.Outputs ?? {};
    for (const n of [1, 2, 3]) {
      expect(outputs[`DkimRecord${n}`]?.Value, `DkimRecord${n}`).toEqual({
        'Fn::Join': [
          '',
          [
            { 'Fn::GetAtt': [identityId, `DkimDNSTokenName${n}`] },
            ' CNAME ',
            { 'Fn::GetAtt': [identityId, `DkimDNSTokenValue${n}`] },
          ],
        ],
      });
      expect(outputs[`DkimRecord${n}`]?.Description).toMatch(/example\.org/);
    }
    expect(outputs.SesConfigurationSet?.Value).toEqual({ Ref: setId });
    expect(outputs.SesNotificationsTopicArn?.Value).toEqual({ Ref: topicId });
  });
});
