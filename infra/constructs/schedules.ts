import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import type { SamlaFunction } from './function.ts';

export interface SchedulesProps {
  /** Runs every hour; each network's own digest time (weekday, hour, time zone) is decided in code. */
  readonly digest: SamlaFunction;
  /** Runs once a night. */
  readonly retentionSweep: SamlaFunction;
}

/**
 * The EventBridge schedules. The digest runs on one hourly tick rather than a schedule per network:
 * coordinators change a network's digest time through the API, and the table is then the only place it
 * lives (no schedule to keep in step with it, no AWS resources created from a request), while the
 * time-zone and daylight-saving rules stay in unit-tested code (shared/domain/digest.ts).
 */
export class Schedules extends Construct {
  readonly digest: CfnSchedule;
  readonly retentionSweep: CfnSchedule;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    // The scheduler's own role, allowed to invoke exactly these two functions. (The L2 LambdaInvoke
    // target would also allow every version and alias, `arn:…:*`.)
    const role = new Role(this, 'InvokeRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    const functions = [props.digest.function, props.retentionSweep.function];
    role.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: functions.map((f) => f.functionArn),
      }),
    );
    const schedule = (
      name: string,
      fn: SamlaFunction,
      expression: string,
      timeZone: string,
      description: string,
    ) =>
      new CfnSchedule(this, name, {
        description,
        scheduleExpression: expression,
        scheduleExpressionTimezone: timeZone,
        flexibleTimeWindow: { mode: 'OFF' },
        target: {
          arn: fn.function.functionArn,
          roleArn: role.roleArn,
          // A missed tick is not worth retrying an hour later: the next one covers what it would have said.
          retryPolicy: { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 50 * 60 },
        },
      });
    this.digest = schedule(
      'DigestHourly',
      props.digest,
      'cron(0 * * * ? *)',
      // UTC: in a zone with daylight saving, the scheduler fires a repeated hour once, and a network in
      // another zone would lose that night's tick.
      'UTC',
      'Sends the coordinators’ digest of every network whose digest time it is',
    );
    this.retentionSweep = schedule(
      'RetentionNightly',
      props.retentionSweep,
      'cron(30 3 * * ? *)',
      'Europe/Stockholm',
      'Asks long-inactive members whether they want to stay, and erases those who did not answer',
    );
  }
}
