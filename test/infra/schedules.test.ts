import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CfnResource, type CfnTemplate, type Json, synthTemplate } from '../../infra/synth.ts';
import { functionIdFor as functionIdForIn, isRecord, referencedId } from '../support/cfn.ts';

// One synth for the whole file: it is the slow part, and slower still on a busy machine.
let cfn: CfnTemplate;
let template: Template;
beforeAll(() => {
  cfn = synthTemplate();
  template = Template.fromJSON(cfn);
}, 120_000);

function resourcesOfType(type: string): [string, CfnResource][] {
  return Object.entries(cfn.Resources).filter(([, resource]) => resource.Type === type);
}

function resource(logicalId: string): CfnResource {
  const found = cfn.Resources[logicalId];
  if (!found) throw new Error(`No resource ${logicalId}`);
  return found;
}

const functionIdFor = (fn: string) => functionIdForIn(cfn, fn);

type Statement = { [key: string]: Json };

/** Every statement of every policy attached to a role. */
function statementsOfRole(roleId: string): Statement[] {
  return resourcesOfType('AWS::IAM::Policy').flatMap(([, policy]) => {
    const roles = policy.Properties?.Roles;
    if (!Array.isArray(roles) || !roles.some((r) => referencedId(r) === roleId)) return [];
    const doc = policy.Properties?.PolicyDocument;
    const statements = isRecord(doc) && Array.isArray(doc.Statement) ? doc.Statement : [];
    return statements.filter(isRecord);
  });
}

function statementsOf(fn: string): Statement[] {
  return statementsOfRole(referencedId(resource(functionIdFor(fn)).Properties?.Role));
}

const asList = (value: Json | undefined): Json[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The statements of `fn` that allow `action`. */
function allowing(fn: string, action: string): Statement[] {
  return statementsOf(fn).filter((s) => s.Effect === 'Allow' && asList(s.Action).includes(action));
}

function offerStateMachineId(): string {
  const offer = resourcesOfType('AWS::StepFunctions::StateMachine').filter(
    ([, r]) => r.Metadata?.['samla:workflow'] === 'offer',
  );
  expect(offer).toHaveLength(1);
  return (offer[0] as [string, CfnResource])[0];
}

function schedules(): [string, CfnResource][] {
  return resourcesOfType('AWS::Scheduler::Schedule');
}

function scheduleTargeting(fn: string): CfnResource {
  const fnId = functionIdFor(fn);
  const matching = schedules().filter(([, s]) => {
    const target = s.Properties?.Target;
    return isRecord(target) && referencedId(target.Arn) === fnId;
  });
  expect(matching, `one schedule for ${fn}`).toHaveLength(1);
  return (matching[0] as [string, CfnResource])[1];
}

describe('the schedules', () => {
  it('are exactly two: the hourly digest tick and the nightly retention sweep', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', 2);
    expect(scheduleTargeting('digest').Properties?.ScheduleExpression).toBe('cron(0 * * * ? *)');
    const nightly = String(scheduleTargeting('retention-sweep').Properties?.ScheduleExpression);
    const [, minute, hour] = /^cron\((\d{1,2}) (\d{1,2}) \* \* \? \*\)$/.exec(nightly) ?? [];
    expect(minute, nightly).toBeDefined();
    // Once a night, while nobody is using the service.
    expect(Number(hour)).toBeLessThan(6);
  });

  it('run on time, with a bounded retry, as the scheduler’s own role; the sweep at night in Sweden', () => {
    // The hourly tick is in UTC: a zone with daylight saving fires its repeated autumn hour once, and a
    // network in another zone would lose that tick. Each network's own time is decided in code.
    expect(scheduleTargeting('digest').Properties?.ScheduleExpressionTimezone).toBe('UTC');
    expect(scheduleTargeting('retention-sweep').Properties?.ScheduleExpressionTimezone).toBe(
      'Europe/Stockholm',
    );
    const roles = new Set<string>();
    for (const fn of ['digest', 'retention-sweep']) {
      const props = scheduleTargeting(fn).Properties ?? {};
      expect(props.FlexibleTimeWindow, fn).toEqual({ Mode: 'OFF' });
      const target = isRecord(props.Target) ? props.Target : {};
      expect(target.RetryPolicy, fn).toEqual({
        MaximumRetryAttempts: expect.any(Number),
        MaximumEventAgeInSeconds: expect.any(Number),
      });
      const retry = isRecord(target.RetryPolicy) ? target.RetryPolicy : {};
      // A retry after the next tick would overlap it: the retries end within the hour.
      expect(Number(retry.MaximumEventAgeInSeconds), fn).toBeLessThan(3600);
      expect(Number(retry.MaximumRetryAttempts), fn).toBeGreaterThan(0);
      const roleId = referencedId(target.RoleArn);
      expect(resource(roleId).Type).toBe('AWS::IAM::Role');
      roles.add(roleId);
    }
    expect(roles.size).toBe(1);
    const [roleId] = [...roles] as [string];
    expect(roleId).toMatch(/InvokeRole/);
    // Only EventBridge Scheduler may assume it.
    expect(resource(roleId).Properties?.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' } },
      ],
    });
  });

  it('may invoke exactly the two functions, by their plain ARNs, and nothing else', () => {
    const target = scheduleTargeting('digest').Properties?.Target;
    const roleId = referencedId(isRecord(target) ? target.RoleArn : undefined);
    const statements = statementsOfRole(roleId);
    expect(statements).toHaveLength(1);
    const [statement] = statements as [Statement];
    expect(statement.Effect).toBe('Allow');
    expect(asList(statement.Action)).toEqual(['lambda:InvokeFunction']);
    const resources = asList(statement.Resource);
    // Only GetAtt Arn, no `${Arn}:*` join: not every version and alias.
    expect(resources).toHaveLength(2);
    expect(resources.map((r) => referencedId(r)).sort()).toEqual(
      [functionIdFor('digest'), functionIdFor('retention-sweep')].sort(),
    );
    expect(JSON.stringify(statement)).not.toContain('*');
    // No managed policy to widen it either.
    expect(resource(roleId).Properties?.ManagedPolicyArns).toBeUndefined();
  });
});

describe('the digest and privacy functions', () => {
  it('send email (only as the sender identity) where they need to, and not where they do not', () => {
    for (const fn of ['digest', 'admin-digest', 'privacy-requests', 'privacy-links', 'retention-sweep']) {
      const send = allowing(fn, 'ses:SendRawEmail');
      expect(send, fn).toHaveLength(1);
      const rendered = JSON.stringify(send);
      expect(rendered, fn).toContain(':identity/example.org');
      expect(rendered, fn).not.toMatch(/identity\/\*/);
    }
    for (const fn of ['unsubscribe', 'ses-notifications']) {
      const ses = statementsOf(fn).filter((s) => asList(s.Action).some((a) => String(a).startsWith('ses:')));
      expect(ses, fn).toEqual([]);
    }
  });

  it('start the offer workflow where erasing someone frees a seat, and only there', () => {
    const offer = offerStateMachineId();
    for (const fn of ['privacy-links', 'retention-sweep']) {
      const start = allowing(fn, 'states:StartExecution');
      expect(start, fn).toHaveLength(1);
      expect(
        asList(start[0]?.Resource).map((r) => referencedId(r)),
        fn,
      ).toEqual([offer]);
      const variables = resource(functionIdFor(fn)).Properties?.Environment;
      expect(variables, fn).toMatchObject({ Variables: { OFFER_WORKFLOW_ARN: { Ref: offer } } });
    }
    for (const fn of ['digest', 'admin-digest', 'privacy-requests', 'unsubscribe', 'ses-notifications'])
      expect(allowing(fn, 'states:StartExecution'), fn).toEqual([]);
  });

  it('ses-notifications only writes: no read, no mail', () => {
    const actions = statementsOf('ses-notifications').flatMap((s) => asList(s.Action).map(String));
    expect(actions.filter((a) => a.startsWith('dynamodb:'))).toContain('dynamodb:PutItem');
    expect(actions.filter((a) => /^dynamodb:(GetItem|Query|BatchGetItem|Scan)$/.test(a))).toEqual([]);
  });

  it('get the retention settings, 24 months and 30 days by default', () => {
    for (const fn of ['retention-sweep', 'privacy-links', 'digest']) {
      const environment = resource(functionIdFor(fn)).Properties?.Environment;
      const variables = isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
      expect(variables, fn).toMatchObject({
        RETENTION_INACTIVE_MONTHS: '24',
        RETENTION_STAY_ANSWER_DAYS: '30',
      });
    }
  });
});
