/**
 * The configuration reference (docs/configuration.md), generated from the zod schema in infra/config.ts:
 * its JSON Schema for the input side (what a person writes in cdk.json) gives types, limits, defaults
 * and which keys are required; each key's `.meta({ description, examples })` gives the rest. A key added
 * to the schema appears here without any change to this file.
 */
import { join } from 'node:path';
import * as z from 'zod';
import { samlaConfigSchema } from '../config.ts';

export const CONFIG_REFERENCE_PATH = join(import.meta.dirname, '..', '..', 'docs', 'configuration.md');

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** One key of the configuration, e.g. `networks[].memberDomains`. */
export interface ConfigKey {
  /** Segments from the `samla` object down; `[]` stands for every entry of a list. */
  readonly segments: readonly string[];
  readonly path: string;
  readonly description: string | undefined;
  readonly examples: readonly unknown[];
  /** The type as a person reads it, e.g. "list of strings" or "whole number". */
  readonly type: string;
  /** Limits the JSON Schema knows (ranges, lengths, patterns); the description has the rest. */
  readonly constraints: readonly string[];
  readonly required: boolean;
  readonly hasDefault: boolean;
  readonly default: unknown;
  /** The key's object, e.g. `networks[]` or `cognito`; undefined at the top level. */
  readonly parent: string | undefined;
  /** Whether the parent object is itself optional (a key required inside it is then needed only with it). */
  readonly parentOptional: boolean;
}

export const EACH = '[]';

export function formatPath(segments: readonly string[]): string {
  return segments.reduce(
    (out, segment) => (segment === EACH ? `${out}[]` : out ? `${out}.${segment}` : segment),
    '',
  );
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The input side drops a default or example wherever a transform sits underneath (zod cannot know the
 * output would be the same). Ours are written as input, so they are put back from the zod schema. It
 * also shows a normalising pipe (`trim` into `z.email()`) as a plain string: keep the format it checks.
 */
function keepDefaultsAndExamples(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }): void {
  const def = ctx.zodSchema._zod.def;
  if (def.type === 'default') ctx.jsonSchema.default = JSON.parse(JSON.stringify(def.defaultValue));
  if (def.type === 'pipe' && ctx.jsonSchema.format === undefined) {
    const out = def.out._zod.def;
    if (out.type === 'string' && 'format' in out && typeof out.format === 'string')
      ctx.jsonSchema.format = out.format;
  }
  const examples = z.globalRegistry.get(ctx.zodSchema)?.examples;
  if (Array.isArray(examples)) ctx.jsonSchema.examples = examples;
}

export function configJsonSchema(schema: z.ZodType = samlaConfigSchema): JsonSchema {
  return z.toJSONSchema(schema, {
    io: 'input',
    // Refinements and transforms have no JSON Schema; their rules are in the descriptions.
    unrepresentable: 'any',
    override: keepDefaultsAndExamples,
  });
}

/** A schema's object form, when it (or one branch of an optional/nullable union) is an object. */
function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (isSchema(schema.properties)) return schema;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (isSchema(branch)) {
      const found = objectOf(branch);
      if (found) return found;
    }
  }
  return undefined;
}

function plural(noun: string): string {
  if (noun.endsWith('ss')) return `${noun}es`;
  return noun.endsWith('s') ? noun : `${noun}s`;
}

function literal(value: unknown): string {
  return JSON.stringify(value);
}

function alternatives(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export function describeType(schema: JsonSchema): string {
  if (schema.enum) return `one of ${alternatives(schema.enum.map(literal))}`;
  if (schema.const !== undefined) return literal(schema.const);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter(isSchema);
  if (branches.length > 0) return alternatives(branches.map(describeType));
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'any value';
  return alternatives(
    types.map((type) => {
      switch (type) {
        case 'integer':
          return 'whole number';
        case 'array': {
          const items = isSchema(schema.items) ? describeType(schema.items) : 'any value';
          return items.startsWith('one of ') ? `list of ${items.slice(7)}` : `list of ${plural(items)}`;
        }
        case 'string':
          return schema.format === 'email' ? 'email address' : 'string';
        case 'object':
          if (isSchema(schema.additionalProperties) && !isSchema(schema.properties))
            return `object of ${plural(describeType(schema.additionalProperties))}`;
          return 'object';
        default:
          return type;
      }
    }),
  );
}

function range(min: number | undefined, max: number | undefined, unit: string): string | undefined {
  const bound = max ?? min;
  const suffix = unit ? ` ${bound === 1 ? unit.replace(/ies$/, 'y').replace(/s$/, '') : unit}` : '';
  if (min !== undefined && max !== undefined) return `${min} to ${max}${suffix}`;
  if (min !== undefined) return `at least ${min}${suffix}`;
  if (max !== undefined) return `at most ${max}${suffix}`;
  return undefined;
}

function numberBound(inclusive: unknown, exclusive: unknown): number | undefined {
  if (typeof inclusive === 'number') return inclusive;
  return typeof exclusive === 'number' ? exclusive : undefined;
}

export function describeConstraints(schema: JsonSchema): string[] {
  const out: string[] = [];
  const numeric = range(
    numberBound(schema.minimum, schema.exclusiveMinimum),
    numberBound(schema.maximum, schema.exclusiveMaximum),
    '',
  );
  if (numeric) out.push(numeric);
  const length = range(schema.minLength, schema.maxLength, 'characters');
  if (length) out.push(length);
  if (schema.pattern) out.push(`matches \`${schema.pattern}\``);
  if (schema.format && schema.format !== 'email') out.push(`format ${schema.format}`);
  const items = range(schema.minItems, schema.maxItems, 'entries');
  if (items) out.push(items);
  if (isSchema(schema.items) && !isSchema(schema.items.properties)) {
    out.push(...describeConstraints(schema.items).map((c) => `each ${c}`));
  }
  return out;
}

function collect(
  object: JsonSchema,
  segments: readonly string[],
  parentOptional: boolean,
  out: ConfigKey[],
): void {
  const required = new Set(object.required ?? []);
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    if (!isSchema(property)) continue;
    const keySegments = [...segments, name];
    const isRequired = required.has(name);
    out.push({
      segments: keySegments,
      path: formatPath(keySegments),
      description: property.description,
      examples: property.examples ?? [],
      type: describeType(property),
      constraints: describeConstraints(property),
      required: isRequired,
      hasDefault: 'default' in property,
      default: property.default,
      parent: segments.length === 0 ? undefined : formatPath(segments),
      parentOptional,
    });
    const nested = objectOf(property);
    if (nested) {
      collect(nested, keySegments, !isRequired, out);
      continue;
    }
    const items = isSchema(property.items) ? objectOf(property.items) : undefined;
    if (items) collect(items, [...keySegments, EACH], !isRequired, out);
  }
}

/** Every key, depth first in the schema's order. */
export function configKeys(schema: JsonSchema = configJsonSchema()): ConfigKey[] {
  const keys: ConfigKey[] = [];
  collect(schema, [], false, keys);
  return keys;
}

/** Keys a person would not understand from the reference: each needs a description and an example. */
export function undocumentedKeys(keys: readonly ConfigKey[]): string[] {
  return keys.flatMap((key) => {
    const missing = [
      ...(key.description?.trim() ? [] : ['description']),
      ...(key.examples.length > 0 ? [] : ['example']),
    ];
    return missing.length > 0 ? [`${key.path} (no ${missing.join(' and no ')})`] : [];
  });
}

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `root` with `value` at `segments` (the first entry for `[]`); intermediate objects and lists are made. */
export function withValueAt(root: unknown, segments: readonly string[], value: unknown): unknown {
  const copy = cloneJson(root);
  let container: unknown = copy;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const nextIsList = segments[index + 1] === EACH;
    if (segment === EACH) {
      if (!Array.isArray(container)) throw new Error(`${formatPath(segments)}: not a list at ${index}`);
      if (last) container[0] = cloneJson(value);
      else {
        container[0] ??= nextIsList ? [] : {};
        container = container[0];
      }
      return;
    }
    if (!isSchema(container)) throw new Error(`${formatPath(segments)}: not an object at ${segment}`);
    const record = container as Record<string, unknown>;
    if (last) record[segment] = cloneJson(value);
    else {
      record[segment] ??= nextIsList ? [] : {};
      container = record[segment];
    }
  });
  return copy;
}

/** The schema's own example: the configuration a first deploy needs. */
export function minimalExample(schema: JsonSchema = configJsonSchema()): unknown {
  const [example] = schema.examples ?? [];
  if (example === undefined) throw new Error('infra/config.ts: samlaConfigSchema needs an example');
  return example;
}

/** Every key's first example, in the schema's order, outer keys before their inner ones. */
export function fullExample(keys: readonly ConfigKey[]): unknown {
  return keys.reduce<unknown>(
    (config, key) => (key.examples.length > 0 ? withValueAt(config, key.segments, key.examples[0]) : config),
    {},
  );
}

function code(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|');
}

function requirement(key: ConfigKey): string {
  if (!key.required) return key.hasDefault ? `optional, default ${code(key.default)}` : 'optional';
  if (key.parent === undefined) return 'required';
  if (key.parent.endsWith(EACH)) return `required in each \`${key.parent}\` entry`;
  return key.parentOptional ? `required when \`${key.parent}\` is given` : `required in \`${key.parent}\``;
}

function exampleBlock(value: unknown): string {
  const inline = JSON.stringify(value);
  if (inline.length <= 72) return `Example: \`${inline}\``;
  return ['Example:', '', '```json', JSON.stringify(value, null, 2), '```'].join('\n');
}

function jsonBlock(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
}

/** docs/configuration.md. Throws naming every key that lacks a description or an example. */
export function renderConfigReference(schema: JsonSchema = configJsonSchema()): string {
  const keys = configKeys(schema);
  const undocumented = undocumentedKeys(keys);
  if (undocumented.length > 0) {
    throw new Error(
      `infra/config.ts: give these keys .meta({ description, examples }):\n  ${undocumented.join('\n  ')}`,
    );
  }
  const minimal = minimalExample(schema);
  const lines: string[] = [
    '# Configuration reference',
    '',
    '<!-- Generated from infra/config.ts by `npm run docs:config`: edit the schema, not this file. -->',
    '',
    `${schema.description ?? ''} \`cdk synth\` and \`cdk deploy\` validate it first and name every wrong or`,
    'missing key with its path (`samla.networks[0].id: …`), so a typo never reaches AWS. Instead of editing',
    "cdk.json you can pass the whole object on the command line: `-c samla='{…}'`.",
    '',
    'The smallest configuration:',
    '',
    jsonBlock({ context: { samla: minimal } }),
    '',
    'The `samla` object with every key, each set to its example below:',
    '',
    jsonBlock(fullExample(keys)),
    '',
    '## Keys',
    '',
    '| key | type | required |',
    '| --- | --- | --- |',
    ...keys.map((key) => `| \`${key.path}\` | ${cell(key.type)} | ${cell(requirement(key))} |`),
    '',
  ];
  for (const key of keys) {
    lines.push(`### \`${key.path}\``, '');
    const facts = [key.type, ...key.constraints, requirement(key)];
    lines.push(`${facts.join(' · ')}`, '');
    lines.push(key.description ?? '', '');
    lines.push(...key.examples.map(exampleBlock).flatMap((block) => [block, '']));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
