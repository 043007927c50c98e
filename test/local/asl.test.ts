import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { resolveStateMachines, taskTargets } from '../../infra/local/asl.ts';
import { tableDefinition } from '../../infra/local/dynamodb.ts';
import { deriveRuntime, functionEnvironment } from '../../infra/local/runtime.ts';
import {
  type CfnTemplate,
  lambdaEntries,
  localLambdaArn,
  localStateMachineArn,
  resolveValue,
} from '../../infra/local/template.ts';
import { functionNames } from '../../shared/functions.ts';
import { FIXTURE_IDS, fixtureTemplate } from '../support/fixture-template.ts';

const urls = {
  tableName: 'local-table',
  apiUrl: 'http://127.0.0.1:3999/',
  dynamoEndpoint: 'http://127.0.0.1:1',
  sesUrl: 'http://127.0.0.1:2',
  sfnEndpoint: 'http://127.0.0.1:3',
};

describe('ASL resolver on a fixture template', () => {
  const template = fixtureTemplate();
  const [machine] = resolveStateMachines(template, { tableName: 'local-table' });

  it('joins the definition with local ARNs and parses it', () => {
    expect(machine?.arn).toBe(localStateMachineArn(FIXTURE_IDS.workflow));
    const states = machine?.definition.States ?? {};
    expect(machine?.definition.StartAt).toBe('Resend?');
    expect(states.SendConfirmation?.Resource).toBe(localLambdaArn(FIXTURE_IDS.steps));
    expect(states.SendReminder?.Resource).toBe('arn:aws:states:::lambda:invoke');
    expect(states.SendReminder?.Parameters).toMatchObject({
      FunctionName: localLambdaArn(FIXTURE_IDS.steps),
    });
  });

  it('maps every Task, also inside Parallel branches, to its module by state name', () => {
    const targets = taskTargets(machine?.definition ?? { StartAt: '', States: {} }, template);
    const entry = 'functions/opt-in-steps/handler.ts';
    expect(Object.fromEntries(targets)).toEqual({
      SendConfirmation: { kind: 'lambda', logicalId: FIXTURE_IDS.steps, entry, integration: 'direct' },
      SendReminder: { kind: 'lambda', logicalId: FIXTURE_IDS.steps, entry, integration: 'invoke' },
      BranchTask: { kind: 'lambda', logicalId: FIXTURE_IDS.steps, entry, integration: 'direct' },
      Expire: { kind: 'lambda', logicalId: FIXTURE_IDS.steps, entry, integration: 'direct' },
      SendConfirmationAgain: { kind: 'lambda', logicalId: FIXTURE_IDS.steps, entry, integration: 'direct' },
    });
  });

  it('reports a task it cannot run instead of calling AWS', () => {
    const definition = {
      StartAt: 'Put',
      States: { Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', End: true } },
    };
    const target = taskTargets(definition, template).get('Put');
    expect(target).toMatchObject({ kind: 'unsupported' });
  });

  it('refuses two different tasks under one state name (overrides are keyed by name)', () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: localLambdaArn(FIXTURE_IDS.steps), Next: 'P' },
        P: {
          Type: 'Parallel',
          End: true,
          Branches: [
            {
              StartAt: 'A',
              States: { A: { Type: 'Task', Resource: localLambdaArn(FIXTURE_IDS.register), End: true } },
            },
          ],
        },
      },
    };
    expect(() => taskTargets(definition, template)).toThrow(/Two Task states named "A"/);
  });
});

describe('function environment', () => {
  it('resolves Ref/GetAtt to local names and points PUBLIC_BASE_URL at the local API', () => {
    const { env, table } = deriveRuntime(fixtureTemplate(), {
      ...urls,
      overrides: { REGISTRATION_REMINDER_AFTER_SECONDS: '2' },
    });
    expect(env).toMatchObject({
      TABLE_NAME: 'local-table',
      OPT_IN_WORKFLOW_ARN: localStateMachineArn(FIXTURE_IDS.workflow),
      PUBLIC_BASE_URL: 'http://127.0.0.1:3999',
      SENDER_ADDRESS: 'samla@example.org',
      REGISTRATION_REMINDER_AFTER_SECONDS: '2',
      AWS_ENDPOINT_URL_DYNAMODB: urls.dynamoEndpoint,
      AWS_ENDPOINT_URL_SES: urls.sesUrl,
      AWS_ENDPOINT_URL_SFN: urls.sfnEndpoint,
      AWS_REGION: 'eu-north-1',
    });
    expect(table.globalSecondaryIndexes.map((gsi) => gsi.IndexName)).toEqual(['gsi1']);
    expect(table.timeToLiveAttribute).toBe('expiresAt');
  });

  it('says which functions disagree when one variable has two values', () => {
    const template = fixtureTemplate();
    const register = template.Resources[FIXTURE_IDS.register];
    const conflicting: CfnTemplate = {
      Resources: {
        ...template.Resources,
        [FIXTURE_IDS.register]: {
          Type: 'AWS::Lambda::Function',
          ...(register?.Metadata === undefined ? {} : { Metadata: register.Metadata }),
          Properties: { Environment: { Variables: { SENDER_ADDRESS: 'other@example.org' } } },
        },
      },
    };
    expect(() => functionEnvironment(conflicting, { tableName: 't' })).toThrow(/SENDER_ADDRESS differs/);
  });

  it('resolves Fn::Sub, pseudo parameters and Fn::Select', () => {
    const template = fixtureTemplate();
    const names = { tableName: 'tbl' };
    // CloudFormation's own placeholder syntax, built from `d` so it is not mistaken for a JS template.
    const d = '$';
    const sub = (text: string) => resolveValue(template, names, { 'Fn::Sub': text });
    expect(sub(`arn:${d}{AWS::Partition}:x:${d}{AWS::Region}:${d}{!Literal}`)).toBe(
      `arn:aws:x:eu-north-1:${d}{Literal}`,
    );
    expect(sub(`${d}{${FIXTURE_IDS.table}}`)).toBe('tbl');
    expect(sub(`${d}{${FIXTURE_IDS.workflow}.Arn}`)).toBe(localStateMachineArn(FIXTURE_IDS.workflow));
    expect(resolveValue(template, names, { 'Fn::Sub': [`${d}{X}-${d}{AWS::AccountId}`, { X: 'y' }] })).toBe(
      'y-000000000000',
    );
    expect(() => sub(`${d}{Missing}`)).toThrow(/unknown resource Missing/);
    expect(resolveValue(template, names, { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] })).toBe('b');
  });
});

describe('the synthesized template (infra/synth.ts) meets the local runtime contract', () => {
  const template = JSON.parse(readFileSync(inject('samlaLocal').templatePath, 'utf8')) as CfnTemplate;

  it('names a module for every routed and workflow function', () => {
    const entries = new Set(lambdaEntries(template).values());
    for (const fn of functionNames) {
      expect(entries, fn).toContain(`functions/${fn}/handler.ts`);
    }
  });

  it('has the one table with gsi1, gsi2 and TTL on expiresAt', () => {
    const table = tableDefinition(template);
    expect(table.keySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(table.globalSecondaryIndexes).toEqual([
      expect.objectContaining({ IndexName: 'gsi1', Projection: { ProjectionType: 'ALL' } }),
      expect.objectContaining({ IndexName: 'gsi2', Projection: { ProjectionType: 'KEYS_ONLY' } }),
    ]);
    expect(table.timeToLiveAttribute).toBe('expiresAt');
  });

  it('runs every workflow task with a local module', () => {
    const machines = resolveStateMachines(template, { tableName: 't' });
    expect(machines.length).toBeGreaterThan(0);
    for (const machine of machines) {
      for (const [state, target] of taskTargets(machine.definition, template)) {
        expect(target, `${machine.logicalId} / ${state}`).toMatchObject({ kind: 'lambda' });
      }
    }
  });
});
