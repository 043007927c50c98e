import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { routes, workflowFunctions } from '../shared/http/routes.ts';
import type { SamlaConfig } from './config.ts';
import { Api } from './constructs/api.ts';
import { Data } from './constructs/data.ts';
import { Email } from './constructs/email.ts';
import { SamlaFunction } from './constructs/function.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Workflows } from './constructs/workflows.ts';

export interface SamlaStackProps extends StackProps {
  readonly config: SamlaConfig;
}

interface Resources {
  readonly table: ITableV2;
  readonly email: Email;
  readonly registrationWorkflow: IStateMachine;
}

/**
 * What each function may do, and nothing more. A function missing here fails synth: locally nothing
 * enforces IAM, so a forgotten grant would otherwise only show up as AccessDenied in AWS.
 */
const permissions: Readonly<Record<string, (fn: SamlaFunction, r: Resources) => void>> = {
  'register-interest': (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
    fn.grantStartExecution(r.registrationWorkflow);
    fn.addEnvironment('REGISTRATION_WORKFLOW_ARN', r.registrationWorkflow.stateMachineArn);
  },
  confirm: (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
    fn.grantSendEmail(r.email);
  },
  'registration-steps': (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
    fn.grantSendEmail(r.email);
  },
  openapi: () => {},
};

function constructId(fn: string): string {
  return fn.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

export class SamlaStack extends Stack {
  readonly functions: ReadonlyMap<string, SamlaFunction>;

  constructor(scope: Construct, id: string, props: SamlaStackProps) {
    super(scope, id, props);
    const { config } = props;

    const data = new Data(this, 'Data', { networks: config.networks });
    const email = new Email(this, 'Email', { senderAddress: config.senderAddress });
    // Created before the functions: they need its URL, and it needs them only for its routes.
    const api = new Api(this, 'Api', { allowedOrigins: config.allowedOrigins });

    const publicBaseUrl = config.publicBaseUrl ?? api.endpoint;
    const environment: Record<string, string> = {
      TABLE_NAME: data.table.tableName,
      SENDER_ADDRESS: config.senderAddress,
      PUBLIC_BASE_URL: publicBaseUrl,
      REGISTRATION_REMINDER_AFTER_SECONDS: String(config.registration.reminderAfterHours * 3600),
      REGISTRATION_EXPIRE_AFTER_SECONDS: String(config.registration.expireAfterDays * 24 * 3600),
    };
    const functionsScope = new Construct(this, 'Functions');
    const names = [...new Set([...routes.map((route) => route.fn), ...workflowFunctions])];
    const functions = new Map(
      names.map((fn) => [fn, new SamlaFunction(functionsScope, constructId(fn), { fn, environment })]),
    );
    this.functions = functions;

    const registrationSteps = functions.get('registration-steps');
    if (!registrationSteps)
      throw new Error('workflowFunctions in shared/http/routes.ts must list registration-steps');
    // The workflow's ARN goes only to register-interest: registration-steps is in the workflow's
    // definition, so its own environment referring back to the workflow would be a cycle.
    const workflows = new Workflows(this, 'Workflows', { registrationSteps });

    api.addRoutes(routes, functions);

    const resources: Resources = { table: data.table, email, registrationWorkflow: workflows.registration };
    for (const [fn, samlaFunction] of functions) {
      const grant = permissions[fn];
      if (!grant) throw new Error(`functions/${fn} has no entry in the permissions table in infra/stack.ts`);
      grant(samlaFunction, resources);
    }

    new Monitoring(this, 'Monitoring', {
      functions: functions.values(),
      stateMachines: { Registration: workflows.registration },
      httpApi: api.httpApi,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.endpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'PublicBaseUrl', { value: publicBaseUrl, description: 'Base of links in emails' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'RegistrationWorkflowArn', { value: workflows.registration.stateMachineArn });
  }
}
