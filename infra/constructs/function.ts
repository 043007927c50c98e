import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  type IGrantable,
  type IPrincipal,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  type CfnFunction,
  LoggingFormat,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { bundleOptions } from '../bundle-options.ts';
import { GSI1 } from './data.ts';
import type { Email } from './email.ts';

/** The repository root, found from this file so synth works from any working directory. */
export const projectRoot = join(import.meta.dirname, '..', '..');

/** Metadata key the local runtime uses to map a synthesized function back to its module. */
export const ENTRY_METADATA_KEY = 'samla:entry';

export function entryOf(fn: string): string {
  return `functions/${fn}/handler.ts`;
}

export interface SamlaFunctionProps {
  /** Folder name under functions/. */
  readonly fn: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly description?: string;
  /** @default 15 seconds: API Gateway gives up after 30 s, and a slow SES call should fail fast and retry. */
  readonly timeout?: Duration;
  /** @default one month: logs may hold request details, so they are not kept longer than needed to debug. */
  readonly logRetention?: RetentionDays;
}

/**
 * Every samla Lambda: one bundle per handler (SDK included, so the pinned versions ship), ESM, arm64,
 * its own log group, and a role that starts empty so each grant below is a deliberate choice.
 */
export class SamlaFunction extends Construct implements IGrantable {
  readonly fn: string;
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SamlaFunctionProps) {
    super(scope, id);
    this.fn = props.fn;
    const entry = entryOf(props.fn);
    const entryPath = join(projectRoot, entry);
    if (!existsSync(entryPath)) {
      throw new Error(
        `${entry} does not exist: every function in shared/functions.ts needs a handler module`,
      );
    }

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      // Logs are diagnostics, not records: they go with the stack, unlike the table.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role instead of the default one, which would attach the AWS managed AWSLambdaBasicExecutionRole.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: entryPath,
      projectRoot,
      depsLockFilePath: join(projectRoot, 'package-lock.json'),
      handler: 'handler',
      description: props.description ?? `samla ${props.fn}`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(15),
      role: this.role,
      logGroup: this.logGroup,
      // shared/logger.ts writes JSON lines with a level: in Lambda's JSON format they stay queryable
      // fields, and Lambda drops those below this level (it tells the function in AWS_LAMBDA_LOG_LEVEL).
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      environment: { ...props.environment },
      bundling: {
        format: OutputFormat.ESM,
        target: bundleOptions.target,
        mainFields: [...bundleOptions.mainFields],
        minify: bundleOptions.minify,
        sourceMap: false,
        // Bundled, not taken from the runtime: the runtime's SDK changes under us, the lock file does not.
        bundleAwsSDK: true,
        externalModules: [],
        banner: bundleOptions.banner,
        esbuildArgs: {
          '--alias': Object.entries(bundleOptions.alias).map(([module, shim]) => `${module}=${shim}`),
        },
      },
    });
    const cfn = this.function.node.defaultChild as CfnFunction;
    cfn.addMetadata(ENTRY_METADATA_KEY, entry);

    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime samla is built and tested for (Lambda Node 22); moving to a newer runtime is a deliberate upgrade, not a drift.',
    });
  }

  get grantPrincipal(): IPrincipal {
    return this.role;
  }

  addEnvironment(name: string, value: string): void {
    this.function.addEnvironment(name, value);
  }

  /** Item reads and Queries on the table and its GSI, named exactly so no wildcard is needed. */
  grantTableRead(table: ITableV2): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:BatchGetItem',
          'dynamodb:Query',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [table.tableArn, `${table.tableArn}/index/${GSI1}`],
      }),
    );
  }

  /** Item writes, also inside TransactWriteItems (which IAM authorises per contained action). */
  grantTableWrite(table: ITableV2): void {
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
        ],
        resources: [table.tableArn],
      }),
    );
  }

  grantSendEmail(email: Email): void {
    email.grantSend(this.role);
  }

  grantStartExecution(stateMachine: IStateMachine): void {
    stateMachine.grantStartExecution(this.role);
  }

  get functionArn(): string {
    return this.function.functionArn;
  }
}
