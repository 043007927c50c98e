/**
 * What an organisation's next `cdk deploy` must never do: replace a resource that holds their data.
 * CloudFormation replaces a resource when its logical id changes or when a create-only property does;
 * the new one starts empty. These tests pin what the deployed stacks have now, and say, when they fail,
 * why the change would lose data and what to do instead.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CfnResource,
  type CfnTemplate,
  cdkJsonContext,
  type Json,
  synthTemplate,
} from '../../infra/synth.ts';

const TABLE_ID = 'DataTableFDBAD0F2';
const USER_POOL_ID = 'CoordinatorAuthCoordinators9DCB1002';
const ADMINS_GROUP_ID = 'CoordinatorAuthAdminsGroupDEDE70F5';
/** The group of each network in cdk.json, by network id. */
const NETWORK_GROUP_IDS: Readonly<Record<string, string>> = {
  demo: 'CoordinatorAuthNetworkGroupdemoEEF22ADB',
};
const STATE_MACHINE_IDS = {
  registration: 'WorkflowsRegistrationStateMachine48E148A0',
  offer: 'WorkflowsOfferStateMachineC8C8434F',
  meeting: 'WorkflowsMeetingStateMachineF8C5727F',
} as const;

const KEY_SCHEMA = [
  { AttributeName: 'pk', KeyType: 'HASH' },
  { AttributeName: 'sk', KeyType: 'RANGE' },
];
const INDEXED_ATTRIBUTES: Readonly<Record<string, string>> = {
  pk: 'S',
  sk: 'S',
  gsi1pk: 'S',
  gsi1sk: 'S',
  gsi2pk: 'S',
  gsi2sk: 'S',
};
const GSIS: Readonly<Record<string, { keys: [string, string]; projection: string }>> = {
  gsi1: { keys: ['gsi1pk', 'gsi1sk'], projection: 'ALL' },
  gsi2: { keys: ['gsi2pk', 'gsi2sk'], projection: 'KEYS_ONLY' },
};
const TTL_ATTRIBUTE = 'expiresAt';

const REPLACED_TABLE =
  'CloudFormation would create a new, empty table and point every function at it; the old one, with ' +
  'every registration, member and meeting, is kept (Retain) but no longer part of the stack. For the ' +
  'organisation that is data loss.';
const MOVED_INDEX =
  'CloudFormation deletes the index and builds the new one from scratch (it does not replace the table): ' +
  'every query on it in shared/store fails during the deploy and sees partial results until DynamoDB ' +
  'has backfilled it. Adding a GSI is fine. To change one, add the new index under a new name in one ' +
  'deploy, move the code to it, and remove the old index in a later deploy.';
const REPLACED_POOL =
  'Replacing the user pool loses every coordinator account, password, MFA device and group membership, ' +
  'and every token stops working (the issuer changes). Cognito cannot change sign-in attributes, case ' +
  'sensitivity or existing schema attributes of a pool, so such a change fails the deploy or replaces ' +
  'the pool. To change them, create a new pool, move the coordinators over (or point samla.cognito at ' +
  'one), then retire the old pool.';
const REPLACED_GROUP =
  'GroupName is create-only: a renamed or re-created group starts with no members, so every coordinator ' +
  'in it loses access until someone adds them again (`npm run coordinator -- add`).';
const REPLACED_WORKFLOW =
  'A replaced state machine is deleted, and Step Functions terminates its running executions at their ' +
  'next transition: registration reminders, waitlist offers and meeting reminders already waiting ' +
  '(some weeks ahead) would silently never happen. Keep the construct ids in infra/constructs/workflows.ts ' +
  'and the STANDARD type (EXPRESS executions cannot wait longer than five minutes).';

function isRecord(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function idsOfType(template: CfnTemplate, type: string): string[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === type)
    .map(([id]) => id);
}

/** The resource under `logicalId`, or a problem saying it moved (which is itself a replacement). */
function pinned(
  template: CfnTemplate,
  logicalId: string,
  type: string,
  what: string,
  consequence: string,
  problems: string[],
): CfnResource | undefined {
  const resource = template.Resources[logicalId];
  if (resource === undefined) {
    const now = idsOfType(template, type);
    problems.push(
      `${what}: the logical id ${logicalId} is gone${now.length > 0 ? ` (the template now has ${now.join(', ')})` : ''}. ` +
        `A new logical id is a new resource to CloudFormation. ${consequence} Keep the construct ids on ` +
        `its path, or pin the id with overrideLogicalId('${logicalId}') on its CfnResource.`,
    );
    return undefined;
  }
  if (resource.Type !== type) {
    problems.push(
      `${what} (${logicalId}) is now ${resource.Type}, was ${type}: a new type is a replacement. ${consequence}`,
    );
    return undefined;
  }
  return resource;
}

function retained(resource: CfnResource, what: string, consequence: string, problems: string[]): void {
  if (resource.DeletionPolicy !== 'Retain')
    problems.push(
      `${what}: DeletionPolicy is ${resource.DeletionPolicy ?? 'unset (Delete)'}, must stay Retain: ` +
        `\`cdk destroy\`, or a refactoring that drops the construct, would delete it. ${consequence}`,
    );
  if (resource.UpdateReplacePolicy !== 'Retain')
    problems.push(
      `${what}: UpdateReplacePolicy is ${resource.UpdateReplacePolicy ?? 'unset (Delete)'}, must stay Retain: ` +
        'if a change ever forces a replacement, the old resource and its data must survive it.',
    );
}

function tableProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  const what = 'The DynamoDB table';
  const table = pinned(template, TABLE_ID, 'AWS::DynamoDB::GlobalTable', what, REPLACED_TABLE, problems);
  if (!table) return problems;
  const props = table.Properties ?? {};
  retained(table, what, REPLACED_TABLE, problems);

  if (!same(props.KeySchema, KEY_SCHEMA))
    problems.push(
      `${what}: the key schema is ${JSON.stringify(props.KeySchema)}, was ${JSON.stringify(KEY_SCHEMA)}. ` +
        `Changing a table's key schema replaces the table. ${REPLACED_TABLE} A new access pattern belongs in a new GSI (adding a GSI is fine).`,
    );
  if (props.TableName !== undefined)
    problems.push(
      `${what}: TableName is set (${JSON.stringify(props.TableName)}). A table's name is create-only, so naming an existing table replaces it. ${REPLACED_TABLE} It would also collide between two stages in one account.`,
    );
  if (props.LocalSecondaryIndexes !== undefined)
    problems.push(
      `${what}: LocalSecondaryIndexes appeared. A local index can only be created with its table, so adding one replaces the table. ${REPLACED_TABLE} Use a GSI (adding one is fine).`,
    );

  const definitions = new Map(
    (Array.isArray(props.AttributeDefinitions) ? props.AttributeDefinitions : [])
      .filter(isRecord)
      .map((d) => [String(d.AttributeName), d.AttributeType]),
  );
  for (const [name, type] of Object.entries(INDEXED_ATTRIBUTES)) {
    const now = definitions.get(name);
    if (now !== undefined && now !== type)
      problems.push(
        `${what}: the key attribute ${name} is now of type ${String(now)}, was ${type}. Items already stored keep ${type} values: ` +
          `for pk/sk this is a key schema change (${REPLACED_TABLE}); for an index key, the index is rebuilt and the old items drop out of it.`,
      );
  }

  const indexes = new Map(
    (Array.isArray(props.GlobalSecondaryIndexes) ? props.GlobalSecondaryIndexes : [])
      .filter(isRecord)
      .map((gsi) => [String(gsi.IndexName), gsi]),
  );
  for (const [name, expected] of Object.entries(GSIS)) {
    const gsi = indexes.get(name);
    if (gsi === undefined) {
      problems.push(
        `${what}: the GSI ${name} is gone (indexes now: ${[...indexes.keys()].join(', ') || 'none'}); renaming an index is removing it and adding another. ${MOVED_INDEX}`,
      );
      continue;
    }
    const keys = [
      { AttributeName: expected.keys[0], KeyType: 'HASH' },
      { AttributeName: expected.keys[1], KeyType: 'RANGE' },
    ];
    if (!same(gsi.KeySchema, keys))
      problems.push(
        `${what}: the key schema of GSI ${name} is ${JSON.stringify(gsi.KeySchema)}, was ${JSON.stringify(keys)}. ${MOVED_INDEX}`,
      );
    const projection = isRecord(gsi.Projection) ? gsi.Projection.ProjectionType : undefined;
    if (projection !== expected.projection)
      problems.push(
        `${what}: the projection of GSI ${name} is ${String(projection)}, was ${expected.projection}. A projection cannot be changed in place. ${MOVED_INDEX}`,
      );
  }

  const ttl = props.TimeToLiveSpecification;
  if (!isRecord(ttl) || ttl.AttributeName !== TTL_ATTRIBUTE || ttl.Enabled !== true)
    problems.push(
      `${what}: time to live is ${JSON.stringify(ttl)}, was ${TTL_ATTRIBUTE} (enabled). Items samla writes with an expiry carry ` +
        `${TTL_ATTRIBUTE}: with another attribute they would never expire (personal data kept past its time), and switched off nothing does. ` +
        'DynamoDB also allows one TTL change per hour, so a retried deploy can fail. Keep the attribute; migrate items first if it must change.',
    );

  const replicas = Array.isArray(props.Replicas) ? props.Replicas.filter(isRecord) : [];
  if (replicas.length === 0 || replicas.some((r) => r.DeletionProtectionEnabled !== true))
    problems.push(
      `${what}: deletion protection is off on a replica. It is the second lock after Retain: nothing, not even a mistaken console click, deletes the table.`,
    );
  if (
    replicas.some(
      (r) =>
        !isRecord(r.PointInTimeRecoverySpecification) ||
        r.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled !== true,
    )
  )
    problems.push(
      `${what}: point-in-time recovery is off on a replica. Turning it off deletes the continuous backups, the only way back from a bad write.`,
    );
  return problems;
}

const USERNAME_SETTINGS: Readonly<Record<string, Json>> = {
  UsernameAttributes: ['email'],
  UsernameConfiguration: { CaseSensitive: false },
};
const SCHEMA_ATTRIBUTES: Readonly<Record<string, Json>> = {
  email: { Mutable: true, Name: 'email', Required: true },
};

function userPoolProblems(template: CfnTemplate, networkIds: readonly string[]): string[] {
  const problems: string[] = [];
  const what = 'The coordinators’ user pool';
  const pool = pinned(template, USER_POOL_ID, 'AWS::Cognito::UserPool', what, REPLACED_POOL, problems);
  if (pool) {
    const props = pool.Properties ?? {};
    retained(pool, what, REPLACED_POOL, problems);
    if (props.DeletionProtection !== 'ACTIVE')
      problems.push(
        `${what}: DeletionProtection is ${String(props.DeletionProtection)}, must stay ACTIVE. ${REPLACED_POOL}`,
      );
    for (const [property, expected] of Object.entries(USERNAME_SETTINGS)) {
      if (!same(props[property], expected))
        problems.push(
          `${what}: ${property} is ${JSON.stringify(props[property])}, was ${JSON.stringify(expected)}. ${REPLACED_POOL}`,
        );
    }
    if (props.AliasAttributes !== undefined)
      problems.push(
        `${what}: AliasAttributes appeared (${JSON.stringify(props.AliasAttributes)}); sign-in attributes are fixed when a pool is created. ${REPLACED_POOL}`,
      );
    const schema = new Map(
      (Array.isArray(props.Schema) ? props.Schema : []).filter(isRecord).map((a) => [String(a.Name), a]),
    );
    for (const [name, expected] of Object.entries(SCHEMA_ATTRIBUTES)) {
      if (!same(schema.get(name), expected))
        problems.push(
          `${what}: the schema attribute ${name} is ${JSON.stringify(schema.get(name))}, was ${JSON.stringify(expected)}. ` +
            `Adding a custom attribute is fine; changing or removing one is not possible in place. ${REPLACED_POOL}`,
        );
    }
  }

  const groups: [string, string, string][] = [
    [ADMINS_GROUP_ID, 'samla-admins', 'The samla-admins group'],
    ...networkIds.flatMap((id): [string, string, string][] => {
      const logicalId = NETWORK_GROUP_IDS[id];
      return logicalId ? [[logicalId, `network-${id}`, `The group of network ${id}`]] : [];
    }),
  ];
  for (const [logicalId, name, groupWhat] of groups) {
    const group = pinned(
      template,
      logicalId,
      'AWS::Cognito::UserPoolGroup',
      groupWhat,
      REPLACED_GROUP,
      problems,
    );
    if (group && group.Properties?.GroupName !== name)
      problems.push(
        `${groupWhat}: GroupName is ${JSON.stringify(group.Properties?.GroupName)}, was "${name}". ${REPLACED_GROUP}`,
      );
  }
  return problems;
}

function workflowProblems(template: CfnTemplate): string[] {
  const problems: string[] = [];
  for (const [workflow, logicalId] of Object.entries(STATE_MACHINE_IDS)) {
    const what = `The ${workflow} workflow`;
    const machine = pinned(
      template,
      logicalId,
      'AWS::StepFunctions::StateMachine',
      what,
      REPLACED_WORKFLOW,
      problems,
    );
    if (!machine) continue;
    const props = machine.Properties ?? {};
    if (props.StateMachineType !== undefined && props.StateMachineType !== 'STANDARD')
      problems.push(
        `${what}: StateMachineType is ${String(props.StateMachineType)}, was STANDARD (create-only). ${REPLACED_WORKFLOW}`,
      );
    if (props.StateMachineName !== undefined)
      problems.push(
        `${what}: StateMachineName is set (${JSON.stringify(props.StateMachineName)}); a name is create-only, so naming it replaces it. ${REPLACED_WORKFLOW}`,
      );
  }
  return problems;
}

/** The networks seeded from cdk.json: their custom resources must never delete what coordinators edit. */
function seedProblems(template: CfnTemplate): string[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'Custom::SamlaNetwork' && r.Properties?.Delete !== undefined)
    .map(
      ([id]) =>
        `${id} (a network from cdk.json) has an onDelete call. Removing a network from cdk.json, or destroying the ` +
        'stack, would then delete the network its coordinators have been editing through the admin API. Networks ' +
        'are created once and then belong to the coordinators: leave onDelete out.',
    );
}

/** Fails with every reason at once, in words, instead of a diff of two JSON documents. */
function expectSafe(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new Error(
      `This change would replace or endanger a resource that holds data:\n\n- ${problems.join('\n\n- ')}\n\n` +
        'If it is deliberate, plan the migration first, then update the pinned values in test/infra/upgrade-safety.test.ts.',
    );
  }
}

let cfn: CfnTemplate;
let networkIds: string[];
beforeAll(() => {
  cfn = synthTemplate();
  const samla = cdkJsonContext().samla as { networks?: { id: string }[] } | undefined;
  networkIds = (samla?.networks ?? []).map((n) => n.id);
}, 60_000);

/** A changed copy of the template, as a refactoring might produce it. */
function changed(edit: (t: CfnTemplate) => void): CfnTemplate {
  const copy = structuredClone(cfn);
  edit(copy);
  return copy;
}

function props(t: CfnTemplate, logicalId: string): Record<string, Json> {
  const resource = t.Resources[logicalId];
  if (!resource?.Properties) throw new Error(`no ${logicalId}`);
  return resource.Properties;
}

describe('upgrade safety: what the next deploy must keep', () => {
  it('the table: logical id, keys, GSIs, TTL, Retain and deletion protection', () => {
    expectSafe(tableProblems(cfn));
  });

  it('the coordinators’ user pool and its groups, when the stack creates them', () => {
    expect(
      idsOfType(cfn, 'AWS::Cognito::UserPool'),
      'cdk.json has no samla.cognito, so the stack creates the pool',
    ).toEqual([USER_POOL_ID]);
    expect(
      networkIds.every((id) => NETWORK_GROUP_IDS[id] !== undefined),
      'pin the group of every network in cdk.json',
    ).toBe(true);
    expectSafe(userPoolProblems(cfn, networkIds));
  });

  it('the workflows, whose executions wait for weeks', () => {
    expectSafe(workflowProblems(cfn));
  });

  it('the networks seeded from cdk.json are never deleted by the stack', () => {
    expect(idsOfType(cfn, 'Custom::SamlaNetwork').length).toBe(networkIds.length);
    expectSafe(seedProblems(cfn));
  });
});

describe('upgrade safety: a dangerous change fails, saying why and what to do instead', () => {
  const fails = (problems: string[], ...reasons: RegExp[]) => {
    expect(() => expectSafe(problems)).toThrow(/would replace or endanger a resource that holds data/);
    for (const reason of reasons) expect(problems.join('\n')).toMatch(reason);
  };

  it('adding a GSI is fine', () => {
    const withGsi3 = changed((t) => {
      const p = props(t, TABLE_ID);
      (p.GlobalSecondaryIndexes as Json[]).push({
        IndexName: 'gsi3',
        KeySchema: [{ AttributeName: 'gsi3pk', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      });
      (p.AttributeDefinitions as Json[]).push({ AttributeName: 'gsi3pk', AttributeType: 'S' });
    });
    expect(tableProblems(withGsi3)).toEqual([]);
  });

  it('renaming a GSI, changing its keys or its projection', () => {
    const renamed = changed((t) => {
      const [gsi1] = props(t, TABLE_ID).GlobalSecondaryIndexes as { IndexName: string }[];
      if (gsi1) gsi1.IndexName = 'byNetwork';
    });
    fails(tableProblems(renamed), /GSI gsi1 is gone/, /Adding a GSI is fine/, /new name in one deploy/);
    const projected = changed((t) => {
      const gsis = props(t, TABLE_ID).GlobalSecondaryIndexes as { Projection: { ProjectionType: string } }[];
      if (gsis[1]) gsis[1].Projection.ProjectionType = 'ALL';
    });
    fails(
      tableProblems(projected),
      /projection of GSI gsi2 is ALL, was KEYS_ONLY/,
      /builds the new one from scratch/,
    );
  });

  it('changing the table’s key schema, naming it, or moving its construct', () => {
    const rekeyed = changed((t) => {
      props(t, TABLE_ID).KeySchema = [{ AttributeName: 'id', KeyType: 'HASH' }];
    });
    fails(tableProblems(rekeyed), /replaces the table/, /new, empty table/, /adding a GSI is fine/);
    const named = changed((t) => {
      props(t, TABLE_ID).TableName = 'samla';
    });
    fails(tableProblems(named), /TableName is set/, /collide between two stages/);
    const moved = changed((t) => {
      const table = t.Resources[TABLE_ID];
      if (table) t.Resources.StoreTable0123ABCD = table;
      delete t.Resources[TABLE_ID];
    });
    fails(
      tableProblems(moved),
      /logical id DataTableFDBAD0F2 is gone \(the template now has StoreTable0123ABCD\)/,
      /overrideLogicalId/,
    );
  });

  it('dropping Retain, deletion protection or the TTL attribute', () => {
    const unprotected = changed((t) => {
      const table = t.Resources[TABLE_ID];
      if (table) table.DeletionPolicy = 'Delete';
      const [replica] = props(t, TABLE_ID).Replicas as { DeletionProtectionEnabled: boolean }[];
      if (replica) replica.DeletionProtectionEnabled = false;
      props(t, TABLE_ID).TimeToLiveSpecification = { AttributeName: 'ttl', Enabled: true };
    });
    fails(
      tableProblems(unprotected),
      /DeletionPolicy is Delete, must stay Retain/,
      /deletion protection is off/,
      /never expire/,
    );
  });

  it('changing how coordinators sign in, or renaming a group', () => {
    const aliased = changed((t) => {
      const p = props(t, USER_POOL_ID);
      delete p.UsernameAttributes;
      p.AliasAttributes = ['email', 'preferred_username'];
    });
    fails(
      userPoolProblems(aliased, networkIds),
      /UsernameAttributes is undefined/,
      /AliasAttributes appeared/,
      /create a new pool/,
    );
    const renamed = changed((t) => {
      props(t, ADMINS_GROUP_ID).GroupName = 'admins';
    });
    fails(
      userPoolProblems(renamed, networkIds),
      /samla-admins group: GroupName is "admins"/,
      /starts with no members/,
    );
  });

  it('replacing a workflow, or letting a seeded network be deleted', () => {
    const express = changed((t) => {
      props(t, STATE_MACHINE_IDS.meeting).StateMachineType = 'EXPRESS';
    });
    fails(
      workflowProblems(express),
      /meeting workflow: StateMachineType is EXPRESS/,
      /terminates its running executions/,
    );
    const deleting = changed((t) => {
      for (const resource of Object.values(t.Resources))
        if (resource.Type === 'Custom::SamlaNetwork' && resource.Properties)
          resource.Properties.Delete = '{}';
    });
    fails(seedProblems(deleting), /has an onDelete call/);
  });
});
