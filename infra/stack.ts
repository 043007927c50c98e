import { join } from 'node:path';
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { routes, workflowFunctions } from '../shared/http/routes.ts';
import type { SamlaConfig } from './config.ts';
import { Api } from './constructs/api.ts';
import { CoordinatorAuth } from './constructs/auth.ts';
import { ConsoleHosting } from './constructs/console.ts';
import { Data } from './constructs/data.ts';
import { Email } from './constructs/email.ts';
import { projectRoot, SamlaFunction } from './constructs/function.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Schedules } from './constructs/schedules.ts';
import { Workflows } from './constructs/workflows.ts';

export interface SamlaStackProps extends StackProps {
  readonly config: SamlaConfig;
}

interface Resources {
  readonly table: ITableV2;
  readonly email: Email;
  readonly registrationWorkflow: IStateMachine;
  readonly offerWorkflow: IStateMachine;
  readonly meetingWorkflow: IStateMachine;
}

function readWriteAndMail(fn: SamlaFunction, r: Resources): void {
  fn.grantTableRead(r.table);
  fn.grantTableWrite(r.table);
  fn.grantSendEmail(r.email);
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
  'admin-networks-create': (fn, r) => {
    fn.grantTableWrite(r.table);
  },
  'admin-networks-get': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  // The console's overview: the digest's reads (shared/services/network-state.ts); changes nothing.
  'admin-overview': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  'admin-networks-update': (fn, r) => {
    fn.grantTableWrite(r.table);
  },
  'admin-registrations-list': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  'admin-registrations-export': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  // Evaluations for coordinators: reads answers, meetings and member names; changes nothing.
  'admin-feedback': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  'offer-steps': (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
    fn.grantSendEmail(r.email);
  },
  'meeting-steps': readWriteAndMail,
  'admin-follow-ups': (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
  },
  feedback: (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
  },
  'admin-meetings': (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
    fn.grantStartExecution(r.meetingWorkflow);
    fn.addEnvironment('MEETING_WORKFLOW_ARN', r.meetingWorkflow.stateMachineArn);
  },
  'meeting-links': (fn, r) => {
    readWriteAndMail(fn, r);
    // "Can't come to the rest of the series" passes the seat on as an offer, like leaving.
    fn.grantStartExecution(r.offerWorkflow);
    fn.addEnvironment('OFFER_WORKFLOW_ARN', r.offerWorkflow.stateMachineArn);
  },
  'list-groups': (fn, r) => {
    fn.grantTableRead(r.table);
  },
  'request-to-join': readWriteAndMail,
  'admin-groups': readWriteAndMail,
  'admin-join-requests': readWriteAndMail,
  'propose-group': readWriteAndMail,
  'admin-group-proposals': readWriteAndMail,
  'group-links': (fn, r) => {
    readWriteAndMail(fn, r);
    // Leaving passes the seat on as an offer, whose workflow ends it if it is not taken in time.
    fn.grantStartExecution(r.offerWorkflow);
    fn.addEnvironment('OFFER_WORKFLOW_ARN', r.offerWorkflow.stateMachineArn);
  },
  // The digest reads a network's indexes and groups, issues decision links and notes when it was sent.
  digest: readWriteAndMail,
  'admin-digest': readWriteAndMail,
  unsubscribe: (fn, r) => {
    fn.grantTableRead(r.table);
    fn.grantTableWrite(r.table);
  },
  'privacy-requests': readWriteAndMail,
  // Erasure passes the person's seats on as offers, like leaving; so may the retention sweep's.
  'privacy-links': (fn, r) => {
    readWriteAndMail(fn, r);
    fn.grantStartExecution(r.offerWorkflow);
    fn.addEnvironment('OFFER_WORKFLOW_ARN', r.offerWorkflow.stateMachineArn);
  },
  'retention-sweep': (fn, r) => {
    readWriteAndMail(fn, r);
    fn.grantStartExecution(r.offerWorkflow);
    fn.addEnvironment('OFFER_WORKFLOW_ARN', r.offerWorkflow.stateMachineArn);
  },
  // Puts suppression items for bounced and complaining addresses; reads nothing, sends nothing.
  'ses-notifications': (fn, r) => {
    fn.grantTableWrite(r.table);
  },
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
    const email = new Email(this, 'Email', {
      senderAddress: config.senderAddress,
      createIdentity: config.email.createIdentity,
    });
    const auth = new CoordinatorAuth(this, 'CoordinatorAuth', {
      networkIds: config.networks.map((network) => network.id),
      signInDomainPrefix: config.console.signInDomainPrefix,
      ...(config.cognito === undefined ? {} : { existing: config.cognito }),
    });
    // The coordinators' console, when it has a managed login to sign in through: always with the pool
    // the stack creates; with an existing pool only if cdk.json names its console client and domain.
    // Without them a console could only fail at sign-in, so there is none (and a warning says why):
    // failing synth instead would break the upgrade of every stack that uses an existing pool.
    const consoleHosting =
      auth.signIn === undefined
        ? undefined
        : new ConsoleHosting(this, 'Console', {
            sourceDir: join(projectRoot, 'console'),
            signIn: auth.signIn,
          });
    if (consoleHosting) auth.addConsoleClient(consoleHosting.origin);
    else {
      Annotations.of(this).addWarningV2(
        'samla:no-console',
        "No coordinators' console: samla.cognito names an existing user pool without consoleClientId and signInDomain, so the console would have nothing to sign in with. Add both to host it (see docs/configuration.md).",
      );
    }
    // Created before the functions: they need its URL, and it needs them only for its routes.
    const api = new Api(this, 'Api', {
      allowedOrigins: config.allowedOrigins,
      ...(consoleHosting === undefined ? {} : { consoleOrigin: consoleHosting.origin }),
      coordinatorAuthorizer: auth.authorizer,
    });

    const publicBaseUrl = config.publicBaseUrl ?? api.endpoint;
    const environment: Record<string, string> = {
      TABLE_NAME: data.table.tableName,
      SENDER_ADDRESS: config.senderAddress,
      SES_CONFIGURATION_SET: email.configurationSetName,
      PUBLIC_BASE_URL: publicBaseUrl,
      REGISTRATION_REMINDER_AFTER_SECONDS: String(config.registration.reminderAfterHours * 3600),
      REGISTRATION_EXPIRE_AFTER_SECONDS: String(config.registration.expireAfterDays * 24 * 3600),
      OFFER_HOURS: String(config.groups.offerHours),
      RETENTION_INACTIVE_MONTHS: String(config.retention.inactiveMonths),
      RETENTION_STAY_ANSWER_DAYS: String(config.retention.stayAnswerDays),
    };
    const functionsScope = new Construct(this, 'Functions');
    const names = [...new Set([...routes.map((route) => route.fn), ...workflowFunctions])];
    const functions = new Map(
      names.map((fn) => [fn, new SamlaFunction(functionsScope, constructId(fn), { fn, environment })]),
    );
    this.functions = functions;

    const registrationSteps = functions.get('registration-steps');
    const offerSteps = functions.get('offer-steps');
    const meetingSteps = functions.get('meeting-steps');
    if (!registrationSteps || !offerSteps || !meetingSteps)
      throw new Error("workflowFunctions in shared/http/routes.ts must list every workflow's steps function");
    // Workflow ARNs go only to the functions that start them: a steps function is in its workflow's
    // definition, so its own environment referring back to the workflow would be a cycle.
    const workflows = new Workflows(this, 'Workflows', { registrationSteps, offerSteps, meetingSteps });

    api.addRoutes(routes, functions);

    const digest = functions.get('digest');
    const retentionSweep = functions.get('retention-sweep');
    if (!digest || !retentionSweep)
      throw new Error('workflowFunctions in shared/http/routes.ts must list digest and retention-sweep');
    new Schedules(this, 'Schedules', { digest, retentionSweep });

    const sesNotifications = functions.get('ses-notifications');
    if (!sesNotifications)
      throw new Error('workflowFunctions in shared/http/routes.ts must list ses-notifications');
    email.subscribe(sesNotifications.function);

    const resources: Resources = {
      table: data.table,
      email,
      registrationWorkflow: workflows.registration,
      offerWorkflow: workflows.offer,
      meetingWorkflow: workflows.meeting,
    };
    for (const [fn, samlaFunction] of functions) {
      const grant = permissions[fn];
      if (!grant) throw new Error(`functions/${fn} has no entry in the permissions table in infra/stack.ts`);
      grant(samlaFunction, resources);
    }

    new Monitoring(this, 'Monitoring', {
      functions: functions.values(),
      stateMachines: {
        Registration: workflows.registration,
        Offer: workflows.offer,
        Meeting: workflows.meeting,
      },
      httpApi: api.httpApi,
      table: data.table,
      alarmEmail: config.alarmEmail,
    });

    const consoleClientId = auth.consoleClientId;
    if (consoleHosting && auth.signIn && consoleClientId !== undefined) {
      const signInUrl = `https://${auth.signIn.domain}`;
      consoleHosting.deploy({
        apiUrl: api.endpoint,
        authority: auth.issuer,
        clientId: consoleClientId,
        logoutEndpoint: `${signInUrl}/logout`,
      });
      new CfnOutput(this, 'ConsoleUrl', {
        value: consoleHosting.url,
        description: "The coordinators' web console: sign in with a user of the coordinators' pool",
      });
      new CfnOutput(this, 'ConsoleSignInDomain', {
        value: signInUrl,
        description: "The user pool's managed login, where the console sends coordinators to sign in",
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.endpoint, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'PublicBaseUrl', { value: publicBaseUrl, description: 'Base of links in emails' });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    new CfnOutput(this, 'RegistrationWorkflowArn', { value: workflows.registration.stateMachineArn });
    new CfnOutput(this, 'CoordinatorUserPoolId', {
      value: auth.userPoolId,
      description: 'Cognito user pool of the coordinators (groups network-<id>, samla-admins)',
    });
    new CfnOutput(this, 'CoordinatorUserPoolClientId', {
      value: auth.userPoolClientId,
      description: 'App client whose ID tokens the admin API accepts (aud)',
    });
    email.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} ${record.type} ${record.value}`,
        description: `Easy DKIM record ${index + 1} of 3 for ${email.senderDomain}: add it to the domain's DNS, then SES verifies the domain`,
      });
    });
    new CfnOutput(this, 'SesConfigurationSet', {
      value: email.configurationSetName,
      description:
        'SES configuration set every email is sent with (reputation metrics, bounce and complaint events)',
    });
    new CfnOutput(this, 'SesNotificationsTopicArn', {
      value: email.notifications.topicArn,
      description:
        'SNS topic of SES bounce and complaint events; the ses-notifications function suppresses those addresses',
    });
    new CfnOutput(this, 'CoordinatorTokenIssuer', {
      value: auth.issuer,
      description: 'Issuer (iss) of the tokens the admin API accepts',
    });
  }
}
