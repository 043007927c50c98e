import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseConfig, samlaConfigSchema } from '../../infra/config.ts';
import {
  CONFIG_REFERENCE_PATH,
  type ConfigKey,
  configJsonSchema,
  configKeys,
  fullExample,
  minimalExample,
  renderConfigReference,
  undocumentedKeys,
  withValueAt,
} from '../../infra/tools/config-reference.ts';
import { configProblems } from '../support/infra.ts';

const keys = configKeys();
const byPath = new Map(keys.map((key) => [key.path, key]));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function key(path: string): ConfigKey {
  const found = byPath.get(path);
  if (!found) throw new Error(`${path} is not in the reference; it has ${[...byPath.keys()].join(', ')}`);
  return found;
}

function runDocsConfig(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'infra/tools/docs-config.ts', ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the configuration reference (docs/configuration.md)', () => {
  it('is the checked-in file, exactly as `npm run docs:config` generates it', () => {
    const checkedIn = readFileSync(CONFIG_REFERENCE_PATH, 'utf8');
    expect(
      checkedIn === renderConfigReference(),
      'docs/configuration.md is out of date with infra/config.ts: run `npm run docs:config`',
    ).toBe(true);
  });

  it('lists every key of the schema, nested ones included, each with a description and an example', () => {
    expect(undocumentedKeys(keys)).toEqual([]);
    const topLevel = keys.filter((k) => k.parent === undefined).map((k) => k.path);
    expect(topLevel).toEqual(Object.keys(samlaConfigSchema.shape));
    for (const path of [
      'registration.reminderAfterHours',
      'networks[].memberDomains',
      'networks[].coordinators',
      'cognito.userPoolId',
      'cognito.region',
    ]) {
      expect(key(path).description, path).toMatch(/\w{3,}/);
    }
  });

  it('says what is required and what each default is, as parsing does it', () => {
    expect(key('senderAddress')).toMatchObject({ required: true, type: 'email address' });
    expect(key('networks')).toMatchObject({ required: true, type: 'list of objects' });
    expect(key('registration.reminderAfterHours')).toMatchObject({
      required: false,
      default: 48,
      type: 'whole number',
      constraints: ['1 to 720'],
    });
    // A default hidden behind a transform (each domain is normalised) is still shown.
    expect(key('networks[].memberDomains')).toMatchObject({ required: false, hasDefault: true, default: [] });
    expect(key('networks[].id')).toMatchObject({ required: true, parent: 'networks[]' });
    expect(key('cognito.userPoolId')).toMatchObject({
      required: true,
      parent: 'cognito',
      parentOptional: true,
    });
    expect(key('publicBaseUrl')).toMatchObject({ required: false, hasDefault: false });
    // Every default in the reference is what parsing fills in for a missing key.
    const parsed = parseConfig(minimalExample()) as unknown as Record<string, unknown>;
    for (const k of keys.filter((k) => k.hasDefault && k.parent === undefined)) {
      expect(parsed[k.path], k.path).toEqual(k.default);
    }
    const network = (parsed.networks as Record<string, unknown>[])[0] ?? {};
    for (const k of keys.filter((k) => k.hasDefault && k.parent === 'networks[]')) {
      expect(network[k.segments.at(-1) ?? ''], k.path).toEqual(k.default);
    }
    const doc = renderConfigReference();
    expect(doc).toContain('### `cognito.userPoolId`');
    expect(doc).toContain('required when `cognito` is given');
    expect(doc).toContain('| `networks[].memberDomains` | list of strings | optional, default `[]` |');
  });

  it('has examples that the deploy configuration accepts, each in its place', () => {
    expect(configProblems(minimalExample())).toEqual([]);
    const full = fullExample(keys);
    expect(configProblems(full)).toEqual([]);
    for (const k of keys) {
      for (const example of k.examples) {
        expect(
          configProblems(withValueAt(full, k.segments, example)),
          `${k.path}: ${JSON.stringify(example)}`,
        ).toEqual([]);
      }
    }
  });

  it('refuses to render a key without a description or an example, naming it', () => {
    const schema = z
      .strictObject({
        documented: z.string().meta({ description: 'Has both.', examples: ['x'] }),
        settings: z
          .strictObject({ days: z.number().default(3).meta({ description: 'No example.' }) })
          .optional()
          .meta({ description: 'Nested.', examples: [{}] }),
      })
      .meta({ description: 'Test.', examples: [{ documented: 'x' }] });
    expect(() => renderConfigReference(configJsonSchema(schema))).toThrow(/settings\.days \(no example\)/);
  });

  it('`--check` passes on the checked-in file, and fails with the fix on a stale one', () => {
    expect(runDocsConfig(['--check']).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'samla-docs-'));
    dirs.push(dir);
    const file = join(dir, 'configuration.md');
    writeFileSync(file, '# Configuration reference\n\nstale\n');
    const stale = runDocsConfig(['--check', '--file', file]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(
      /out of date with the schema in infra\/config\.ts: run `npm run docs:config`/,
    );
    expect(runDocsConfig(['--file', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(renderConfigReference());
  }, 60_000);
});
