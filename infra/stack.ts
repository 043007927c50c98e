import { join } from 'node:path';
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { type FunctionName, functionNames } from '../shared/functions.ts';
import { routes } from '../shared/http/routes.ts';
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
import { access, grantAccess } from './functions.ts';

export interface SamlaStackProps extends StackProps {
  readonly config: SamlaConfig;
}

/**
 * Ids a function keeps from an older name. opt-in-steps was registration-steps: a new id would replace the
 * function, and executions already waiting for a reminder or an expiry would call one that is gone.
 */
const keptIds: Partial<Record<string, string>> = { 'opt-in-steps': 'RegistrationSteps' };

function constructId(fn: string): string {
  return keptIds[fn] ?? fn.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

export class SamlaStack extends Stack {
  readonly functions: Readonly<Record<FunctionName, SamlaFunction>>;

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
    const functions = Object.fromEntries(
      functionNames.map((fn) => [
        fn,
        new SamlaFunction(functionsScope, constructId(fn), { fn, environment }),
      ]),
    ) as Record<FunctionName, SamlaFunction>;
    this.functions = functions;

    // Workflow ARNs go only to the functions that start them: a steps function is in its workflow's
    // definition, so its own environment referring back to the workflow would be a cycle.
    const workflows = new Workflows(this, 'Workflows', {
      optInSteps: functions['opt-in-steps'],
      offerSteps: functions['offer-steps'],
      meetingSteps: functions['meeting-steps'],
    });
    api.addRoutes(routes, functions);
    new Schedules(this, 'Schedules', {
      digest: functions.digest,
      retentionSweep: functions['retention-sweep'],
    });
    email.subscribe(functions['ses-notifications'].function);

    const grantables = {
      table: data.table,
      email,
      workflows: { 'opt-in': workflows.optIn, offer: workflows.offer, meeting: workflows.meeting },
    };
    for (const fn of functionNames) grantAccess(functions[fn], access[fn], grantables);

    new Monitoring(this, 'Monitoring', {
      functions: Object.values(functions),
      stateMachines: {
        OptIn: workflows.optIn,
        Offer: workflows.offer,
        Meeting: workflows.meeting,
      },
      httpApi: api.httpApi,
      table: data.table,
      alarmEmail: config.alarmEmail,
      dashboard: config.monitoring.dashboard,
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
    new CfnOutput(this, 'OptInWorkflowArn', {
      value: workflows.optIn.stateMachineArn,
      description: 'The double opt-in of registrations, join requests and group proposals',
    });
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
