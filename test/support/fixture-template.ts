import type { CfnTemplate } from '../../infra/local/template.ts';

/**
 * A small template in the shape `cdk synth` writes (DefinitionString as Fn::Join with Fn::GetAtt ARNs,
 * `samla:entry` metadata, TableV2's GlobalTable), so the local runtime can be tested without the CDK app.
 */
export const FIXTURE_IDS = {
  table: 'DataTable1234ABCD',
  steps: 'StepsFunction1234ABCD',
  register: 'RegisterFunction1234ABCD',
  workflow: 'WorkflowStateMachine1234ABCD',
  api: 'HttpApi1234ABCD',
} as const;

const stepsArn = { 'Fn::GetAtt': [FIXTURE_IDS.steps, 'Arn'] };
const retry = '"Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":2}]';

/** `step` as in opt-in-steps (before its subject); `lambda:invoke` and Parallel show the other shapes CDK can write. */
const definitionParts: unknown[] = [
  '{"StartAt":"Resend?","States":{',
  '"Resend?":{"Type":"Choice","Choices":[{"Variable":"$.kind","StringEquals":"resend","Next":"SendConfirmationAgain"}],"Default":"SendConfirmation"},',
  `"SendConfirmation":{"Next":"WaitForConfirmation",${retry},"Type":"Task","ResultPath":null,"Resource":"`,
  stepsArn,
  '","Parameters":{"step":"send-confirmation","networkId.$":"$.networkId","registrationId.$":"$.registrationId"}},',
  '"WaitForConfirmation":{"Type":"Wait","TimestampPath":"$.remindAt","Next":"SendReminder"},',
  `"SendReminder":{"Next":"Both",${retry},"Type":"Task","ResultPath":"$.reminder","Resource":"arn:`,
  { Ref: 'AWS::Partition' },
  ':states:::lambda:invoke","Parameters":{"FunctionName":"',
  stepsArn,
  '","Payload":{"step":"remind","networkId.$":"$.networkId","registrationId.$":"$.registrationId"}},',
  '"ResultSelector":{"status.$":"$.Payload.status"}},',
  '"Both":{"Type":"Parallel","ResultPath":"$.parallel","Next":"StillPending?","Branches":[',
  '{"StartAt":"BranchTask","States":{"BranchTask":{"Type":"Task","End":true,"Resource":"',
  stepsArn,
  '","Parameters":{"step":"branch"}}}}]},',
  '"StillPending?":{"Type":"Choice","Choices":[{"Variable":"$.reminder.status","StringEquals":"pending_confirmation","Next":"Expire"}],"Default":"Done"},',
  `"Expire":{"Next":"Done",${retry},"Type":"Task","ResultPath":null,"Resource":"`,
  stepsArn,
  '","Parameters":{"step":"expire","networkId.$":"$.networkId","registrationId.$":"$.registrationId"}},',
  '"SendConfirmationAgain":{"End":true,"Type":"Task","Resource":"',
  stepsArn,
  '","Parameters":{"step":"send-confirmation","networkId.$":"$.networkId","registrationId.$":"$.registrationId"}},',
  '"Done":{"Type":"Succeed"}}}',
];

const environment = {
  Variables: {
    TABLE_NAME: { Ref: FIXTURE_IDS.table },
    SENDER_ADDRESS: 'samla@example.org',
    PUBLIC_BASE_URL: { 'Fn::GetAtt': [FIXTURE_IDS.api, 'ApiEndpoint'] },
    REGISTRATION_REMINDER_AFTER_SECONDS: '172800',
  },
};

export function fixtureTemplate(): CfnTemplate {
  return {
    Resources: {
      [FIXTURE_IDS.table]: {
        Type: 'AWS::DynamoDB::GlobalTable',
        Properties: {
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'gsi1pk', AttributeType: 'S' },
            { AttributeName: 'gsi1sk', AttributeType: 'S' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [
            {
              IndexName: 'gsi1',
              KeySchema: [
                { AttributeName: 'gsi1pk', KeyType: 'HASH' },
                { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          ],
          TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        },
      },
      [FIXTURE_IDS.steps]: {
        Type: 'AWS::Lambda::Function',
        Properties: { Environment: environment },
        Metadata: { 'samla:entry': 'functions/opt-in-steps/handler.ts' },
      },
      [FIXTURE_IDS.register]: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Environment: {
            Variables: { ...environment.Variables, OPT_IN_WORKFLOW_ARN: { Ref: FIXTURE_IDS.workflow } },
          },
        },
        Metadata: { 'samla:entry': 'functions/register-interest/handler.ts' },
      },
      [FIXTURE_IDS.workflow]: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: { 'Fn::Join': ['', definitionParts] } },
      },
      [FIXTURE_IDS.api]: {
        Type: 'AWS::ApiGatewayV2::Api',
        Properties: {
          ProtocolType: 'HTTP',
          CorsConfiguration: {
            AllowOrigins: ['https://example.org'],
            AllowMethods: ['GET', 'POST'],
            AllowHeaders: ['content-type'],
            MaxAge: 3600,
          },
        },
      },
    },
  };
}
