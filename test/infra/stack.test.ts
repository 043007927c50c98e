import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnResource, type CfnTemplate, functionEntries, synthTemplate } from '../../infra/synth.ts';
import { functionNames } from '../../shared/functions.ts';
import { routes } from '../../shared/http/routes.ts';
import { functionIdFor as functionIdForIn, isRecord, referencedId } from '../support/cfn.ts';

// One synth for the whole file: it is the slow part (a few seconds cold).
let cfn: CfnTemplate;
let template: Template;
beforeAll(() => {
  cfn = synthTemplate();
  template = Template.fromJSON(cfn);
}, 60_000);

function resourcesOfType(type: string): [string, CfnResource][] {
  return Object.entries(cfn.Resources).filter(([, resource]) => resource.Type === type);
}

function resource(logicalId: string): CfnResource {
  const found = cfn.Resources[logicalId];
  if (!found) throw new Error(`No resource ${logicalId}`);
  return found;
}

const functionIdFor = (fn: string) => functionIdForIn(cfn, fn);

const allFns = functionNames;

/** Every IAM action granted to the role of a function, from all policies attached to that role. */
function actionsOf(fn: string): Set<string> {
  const roleId = referencedId(resource(functionIdFor(fn)).Properties?.Role);
  const actions = new Set<string>();
  for (const [, policy] of resourcesOfType('AWS::IAM::Policy')) {
    const roles = policy.Properties?.Roles;
    if (!Array.isArray(roles) || !roles.some((r) => referencedId(r) === roleId)) continue;
    const doc = policy.Properties?.PolicyDocument;
    const statements = isRecord(doc) && Array.isArray(doc.Statement) ? doc.Statement : [];
    for (const statement of statements) {
      if (!isRecord(statement)) continue;
      const action = statement.Action;
      for (const a of Array.isArray(action) ? action : [action]) if (typeof a === 'string') actions.add(a);
    }
  }
  return actions;
}

describe('the table', () => {
  it('has the contract keys, gsi1, the person index gsi2, TTL, PITR, deletion protection, on-demand, and is retained', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'gsi1pk', AttributeType: 'S' },
          { AttributeName: 'gsi1sk', AttributeType: 'S' },
          { AttributeName: 'gsi2pk', AttributeType: 'S' },
          { AttributeName: 'gsi2sk', AttributeType: 'S' },
        ]),
        GlobalSecondaryIndexes: [
          {
            IndexName: 'gsi1',
            KeySchema: [
              { AttributeName: 'gsi1pk', KeyType: 'HASH' },
              { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
          {
            IndexName: 'gsi2',
            KeySchema: [
              { AttributeName: 'gsi2pk', KeyType: 'HASH' },
              { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('seeds each configured network once, never overwriting an existing item', () => {
    const seeds = resourcesOfType('Custom::SamlaNetwork');
    expect(seeds).toHaveLength(1);
    const [, seed] = seeds[0] as [string, CfnResource];
    for (const phase of ['Create', 'Update']) {
      const raw = seed.Properties?.[phase];
      // The call is a JSON string joined around the table's Ref.
      const join = isRecord(raw) ? raw['Fn::Join'] : undefined;
      const parts = Array.isArray(join) && Array.isArray(join[1]) ? join[1] : [];
      const call = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TABLE')).join(''));
      expect(call).toMatchObject({
        service: 'DynamoDB',
        action: 'PutItem',
        parameters: {
          TableName: 'TABLE',
          ConditionExpression: 'attribute_not_exists(pk)',
          Item: {
            pk: { S: 'NETWORK#demo' },
            sk: { S: 'NETWORK' },
            id: { S: 'demo' },
            languages: { L: [{ S: 'sv' }, { S: 'nb' }, { S: 'en' }] },
            coordinators: { L: [{ S: 'coordinator@example.org' }] },
            timeZone: { S: 'Europe/Stockholm' },
          },
        },
        ignoreErrorCodesMatching: 'ConditionalCheckFailedException',
      });
      // No synth-time timestamp: two synths of one commit give the same template, so no redeploy rewrites it.
      expect(call.parameters.Item).not.toHaveProperty('createdAt');
    }
    expect(
      template.findResources('Custom::SamlaNetwork', { Properties: { Delete: Match.anyValue() } }),
    ).toEqual({});
  });
});

describe('the HTTP API', () => {
  it('has exactly one route per route table entry, integrated with the function named by fn', () => {
    const routeResources = resourcesOfType('AWS::ApiGatewayV2::Route');
    expect(routeResources).toHaveLength(routes.length);
    for (const route of routes) {
      const matching = routeResources.filter(
        ([, r]) => r.Properties?.RouteKey === `${route.method} ${route.path}`,
      );
      expect(matching, `${route.method} ${route.path}`).toHaveLength(1);
      const [, routeResource] = matching[0] as [string, CfnResource];
      expect(routeResource.Properties?.AuthorizationType).toBe(route.auth === 'public' ? 'NONE' : 'JWT');
      // Target is "integrations/<Ref Integration>"; the integration's URI is the function's ARN.
      const target = routeResource.Properties?.Target;
      const join = isRecord(target) ? target['Fn::Join'] : undefined;
      const integrationRef = Array.isArray(join) && Array.isArray(join[1]) ? join[1][1] : undefined;
      const integration = resource(referencedId(integrationRef));
      expect(integration.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
      });
      expect(referencedId(integration.Properties?.IntegrationUri)).toBe(functionIdFor(route.fn));
    }
  });

  it('serves the default stage with access logs (no paths: they carry tokens) and throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
    });
    const [, stage] = resourcesOfType('AWS::ApiGatewayV2::Stage')[0] as [string, CfnResource];
    const settings = stage.Properties?.AccessLogSettings;
    expect(isRecord(settings) && String(settings.Format)).not.toContain('$context.path');
    expect(resource(referencedId(isRecord(settings) ? settings.DestinationArn : null)).Type).toBe(
      'AWS::Logs::LogGroup',
    );
  });

  it('allows CORS from the configured origins and the console only', () => {
    const [distributionId] = resourcesOfType('AWS::CloudFront::Distribution')[0] as [string, CfnResource];
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          'https://example.org',
          { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] },
        ],
      }),
    });
  });
});

describe('the functions', () => {
  it('are one Node 22 arm64 ESM bundle per fn, each with its own log group and entry metadata', () => {
    expect(Object.values(functionEntries(cfn)).sort()).toEqual(
      allFns.map((fn) => `functions/${fn}/handler.ts`).sort(),
    );
    for (const fn of allFns) {
      const props = resource(functionIdFor(fn)).Properties ?? {};
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Handler: 'index.handler',
      });
      const loggingConfig = props.LoggingConfig;
      const logGroup = resource(referencedId(isRecord(loggingConfig) ? loggingConfig.LogGroup : null));
      expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
      expect(logGroup.Properties?.RetentionInDays).toEqual(expect.any(Number));
    }
  });

  it('get the environment of the contract; only the public forms know the opt-in workflow ARN', () => {
    const [stateMachineId] = resourcesOfType('AWS::StepFunctions::StateMachine')[0] as [string, CfnResource];
    for (const fn of allFns) {
      const environment = resource(functionIdFor(fn)).Properties?.Environment;
      const variables = isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
      // Nothing reads POWERTOOLS_SERVICE_NAME since shared/logger.ts replaced Powertools' logger.
      expect(variables).not.toHaveProperty('POWERTOOLS_SERVICE_NAME');
      expect(variables).toMatchObject({
        SENDER_ADDRESS: 'samla@example.org',
        REGISTRATION_REMINDER_AFTER_SECONDS: String(48 * 3600),
        REGISTRATION_EXPIRE_AFTER_SECONDS: String(7 * 24 * 3600),
      });
      expect(resource(referencedId(variables.TABLE_NAME)).Type).toBe('AWS::DynamoDB::GlobalTable');
      // No publicBaseUrl in cdk.json: links point at the API itself.
      expect(variables.PUBLIC_BASE_URL).toEqual({ 'Fn::GetAtt': [expect.any(String), 'ApiEndpoint'] });
      if (['register-interest', 'request-to-join', 'propose-group'].includes(fn))
        expect(variables.OPT_IN_WORKFLOW_ARN).toEqual({ Ref: stateMachineId });
      else expect(variables).not.toHaveProperty('OPT_IN_WORKFLOW_ARN');
    }
  });

  /** The functions that may send email or start a workflow; every other function may not. */
  const sendsEmail = [
    'confirm',
    'opt-in-steps',
    'offer-steps',
    'group-links',
    'admin-groups',
    'admin-join-requests',
    'admin-group-proposals',
    'meeting-steps',
    'meeting-links',
    'digest',
    'admin-digest',
    'privacy-requests',
    'privacy-links',
    'retention-sweep',
  ];
  const startsWorkflows = [
    // The public forms: their double opt-in mails come from the opt-in workflow, never from the request.
    'register-interest',
    'request-to-join',
    'propose-group',
    'group-links',
    // A member placed is invited to the meetings ahead by the meeting workflow, not in the request.
    'confirm',
    'admin-groups',
    'admin-join-requests',
    'admin-meetings',
    'meeting-links',
    // Erasing a member passes their seat on as an offer, which has its workflow.
    'privacy-links',
    'retention-sweep',
  ];

  it('have only the permissions they need', () => {
    const hasPrefix = (actions: Set<string>, prefix: string) =>
      [...actions].some((a) => a.startsWith(prefix));
    const openapi = actionsOf('openapi');
    for (const prefix of ['dynamodb:', 'ses:', 'states:'])
      expect(hasPrefix(openapi, prefix), prefix).toBe(false);
    for (const fn of allFns) {
      const actions = actionsOf(fn);
      expect(actions.has('states:StartExecution'), fn).toBe(startsWorkflows.includes(fn));
      expect(hasPrefix(actions, 'ses:'), fn).toBe(sendsEmail.includes(fn));
      expect(hasPrefix(actions, 'dynamodb:'), fn).toBe(fn !== 'openapi');
      // Nothing broader than item operations: no table management, no Scan.
      expect(
        [...actions].filter((a) => /^dynamodb:(Scan|Delete[A-Z]*Table|CreateTable|UpdateTable|\*)$/.test(a)),
      ).toEqual([]);
      expect(actions.has('*')).toBe(false);
    }
  });

  it('that only read get no write on the table', () => {
    const readOnly = ['admin-overview', 'admin-registrations', 'list-groups', 'admin-feedback'];
    for (const fn of readOnly) {
      const actions = [...actionsOf(fn)];
      expect(actions, fn).toContain('dynamodb:Query');
      expect(
        actions.filter((a) => /^dynamodb:(Put|Update|Delete|BatchWrite|TransactWrite)/.test(a)),
        fn,
      ).toEqual([]);
    }
  });

  it('send email only as the sender identity', () => {
    const statements = template.findResources('AWS::IAM::Policy', {
      Properties: {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Action: ['ses:SendEmail', 'ses:SendRawEmail'] })]),
        },
      },
    });
    expect(Object.keys(statements)).toHaveLength(sendsEmail.length);
    const rendered = JSON.stringify(statements);
    expect(rendered).toContain(':identity/example.org');
    expect(rendered).not.toMatch(/identity\/\*/);
  });

  it('use no AWS managed policies', () => {
    for (const [id, role] of resourcesOfType('AWS::IAM::Role')) {
      expect(role.Properties?.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('monitoring', () => {
  it('alarms on every function (one account-wide alarm), the workflow and API server errors', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.map((a) => `${a.Properties.Namespace}/${a.Properties.MetricName}`);
    expect(metrics.filter((m) => m === 'AWS/Lambda/Errors')).toHaveLength(1);
    expect(metrics).toContain('AWS/States/ExecutionsFailed');
    expect(metrics).toContain('AWS/ApiGateway/5xx');
    // cdk.json names no alarmEmail, so there is nobody to subscribe (SES's bounces go to a Lambda).
    expect(template.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } })).toEqual(
      {},
    );
  });
});

describe('outputs', () => {
  it('name the API URL, the table and the opt-in workflow', () => {
    expect(Object.keys(cfn.Outputs ?? {})).toEqual(
      expect.arrayContaining(['ApiUrl', 'TableName', 'OptInWorkflowArn']),
    );
  });
});

describe('configuration reaches the template', () => {
  it('uses publicBaseUrl for links and subscribes alarmEmail to the alarms', () => {
    const configured = synthTemplate({
      samla: {
        senderAddress: 'noreply@skolor.example.se',
        allowedOrigins: [],
        publicBaseUrl: 'https://natverk.example.se/',
        registration: { reminderAfterHours: 24, expireAfterDays: 3 },
        networks: [{ id: 'rektorer', name: 'Rektorsnätverket', coordinators: ['Anna@Example.se'] }],
        alarmEmail: 'it@example.se',
      },
    });
    const t = Template.fromJSON(configured);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          PUBLIC_BASE_URL: 'https://natverk.example.se',
          SENDER_ADDRESS: 'noreply@skolor.example.se',
          REGISTRATION_REMINDER_AFTER_SECONDS: String(24 * 3600),
          REGISTRATION_EXPIRE_AFTER_SECONDS: String(3 * 24 * 3600),
        }),
      },
    });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'it@example.se' });
    // Without origins CORS allows the console alone.
    const [distributionId] = Object.entries(configured.Resources).find(
      ([, r]) => r.Type === 'AWS::CloudFront::Distribution',
    ) ?? [''];
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] }],
      }),
    });
    expect(JSON.stringify(configured)).toContain(':identity/skolor.example.se');
    expect(JSON.stringify(configured)).toContain('anna@example.se');
  }, 60_000);
});
