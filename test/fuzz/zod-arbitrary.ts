/**
 * Arbitraries from the request schemas of the route table: a small walker over the zod types the
 * schemas use (object, string with its length, format and pattern checks, email, url, enum, literal,
 * array, number, boolean, optional, default, pipe). A type it does not know gets any JSON value, so a
 * schema added later is still fuzzed, only more blindly.
 */
import fc from 'fast-check';
import type * as z from 'zod';
import { anyString, pollutingKey, wrongTypes } from './hostile.ts';

type Schema = z.core.$ZodType;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  keyType?: Schema;
  valueType?: Schema;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;
const checksOf = (def: Def) => (def.checks ?? []).map((check) => check._zod.def);

/** Optional, defaulted and wrapped schemas are the same field for generation: the wrapped one. */
function unwrap(schema: Schema): Schema {
  const def = defOf(schema);
  if (
    def.innerType &&
    ['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch'].includes(def.type)
  )
    return unwrap(def.innerType);
  return schema;
}

const mayBeAbsent = (schema: Schema) => ['optional', 'default', 'prefault'].includes(defOf(schema).type);

/** Letters of several scripts, digits, punctuation and emoji: what real names and texts contain. */
const wordChars = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöæøéü'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÆØ'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(' ', ' ', '-', "'", '.', ',', '&', '/', '(', ')', '?', '!') },
  { weight: 1, arbitrary: fc.constantFrom('0', '1', '7', '9') },
  { weight: 1, arbitrary: fc.constantFrom('ש', 'ل', 'ك', 'Ж', 'ж', '中', '文', 'ß', 'ł', 'ő') },
  { weight: 1, arbitrary: fc.constantFrom('😀', '👩‍👩‍👧', '🏳️‍🌈', '\u202E', '\u200B', '<', '>', '"', '`') },
);

let emailSerial = 0;
/**
 * Addresses that pass the schema; every one distinct (a serial number in it), so a test can tell which
 * request an address in the table or the inbox came from.
 */
export const validEmail: fc.Arbitrary<string> = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,10}([._+-][a-z0-9]{1,6})?$/),
    fc.constantFrom('fuzz.example.org', 'ekskolan.se', 'skola.fuzz.example', 'EXAMPLE.ORG'),
    fc.boolean(),
  )
  .map(([local, domain, upper]) => {
    emailSerial += 1;
    const address = `${local}.f${emailSerial}@${domain}`;
    return upper ? address.toUpperCase() : address;
  });

/** Values that pass the schema, or very nearly (a trimmed-empty string may slip through the filter). */
export function validArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return validArbitrary(def.innerType as Schema);
    case 'nullable':
      return fc.option(validArbitrary(def.innerType as Schema), { nil: null });
    case 'pipe': {
      // The output side names the format (an email after trimming and lower-casing the input).
      const out = def.out ? defOf(def.out) : undefined;
      if (out?.type === 'string' && out.format) return validArbitrary(def.out as Schema);
      return validArbitrary(def.in as Schema);
    }
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [key, validArbitrary(field)]),
      );
      const required = Object.keys(shape).filter((key) => !mayBeAbsent(shape[key] as Schema));
      return fc.record(fields, { requiredKeys: required });
    }
    case 'array': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 10;
      return fc.array(validArbitrary(def.element as Schema), {
        minLength: min,
        maxLength: Math.min(max, Math.max(min, 4)),
      });
    }
    case 'string':
      return stringArbitrary(schema, def);
    case 'number': {
      const checks = checksOf(def);
      const min = checks.find((c) => c.check === 'greater_than')?.value ?? -1_000_000;
      const max = checks.find((c) => c.check === 'less_than')?.value ?? 1_000_000;
      const integer = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
      return integer
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'union':
      return fc.oneof(...(def.options ?? []).map(validArbitrary));
    case 'record':
      return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), validArbitrary(def.valueType as Schema), {
        maxKeys: 3,
      });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringArbitrary(schema: Schema, def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format =
    def.format ?? checks.find((c) => c.check === 'string_format' && c.format !== 'regex')?.format;
  if (format === 'email') return validEmail;
  if (format === 'url')
    return fc
      .tuple(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z0-9/]{0,20}$/))
      .map(([host, path]) => `https://${host}.example.org/${path}`);
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 200;
  const patterns = checks
    .filter((c) => c.check === 'string_format' && c.pattern)
    .map((c) => c.pattern as RegExp);
  // A pattern this walker cannot invert (e.g. a local date-time): its own strings, matched or not.
  const known = patterns.every((pattern) => pattern.source.startsWith('^[^'));
  const base = known
    ? fc.string({ unit: wordChars, minLength: Math.max(min, 1), maxLength: Math.min(max, 60) })
    : fc.oneof(...patterns.map((pattern) => fc.stringMatching(pattern)));
  return base.filter((value) => (schema as z.ZodType).safeParse(value).success || !known);
}

export interface HostileOptions {
  /** Probability that a field keeps a valid value (the rest get hostile ones). */
  readonly keepValid?: number;
}

/**
 * Values shaped like the schema with hostile contents: fields replaced by hostile strings or wrong types,
 * required fields dropped, unknown and prototype-polluting keys added. Some of them still pass.
 */
export function hostileArbitrary(schema: Schema, options: HostileOptions = {}): fc.Arbitrary<unknown> {
  const keep = options.keepValid ?? 0.6;
  const def = defOf(unwrap(schema));
  const leaf = (field: Schema): fc.Arbitrary<unknown> => {
    const inner = defOf(unwrap(field));
    if (inner.type === 'object' || inner.type === 'array') return hostileArbitrary(field, options);
    return fc.oneof(
      { weight: Math.round(keep * 10), arbitrary: validArbitrary(field) },
      { weight: Math.round((1 - keep) * 6), arbitrary: anyString },
      { weight: Math.round((1 - keep) * 4), arbitrary: wrongTypes },
    );
  };
  if (def.type === 'array') {
    const element = def.element as Schema;
    return fc.oneof(
      fc.array(leaf(element), { maxLength: 6 }),
      fc.array(validArbitrary(element), { minLength: 21, maxLength: 40 }),
      wrongTypes,
    );
  }
  if (def.type !== 'object') return leaf(schema);
  const shape = def.shape ?? {};
  const fields = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, leaf(field)]));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.option(fc.tuple(fc.oneof(pollutingKey, fc.string({ maxLength: 20 })), wrongTypes), { freq: 3 }),
    )
    .map(([record, extra]) => {
      if (!extra) return record;
      // An own property even for "__proto__", as JSON.parse would make it.
      Object.defineProperty(record, extra[0], { value: extra[1], enumerable: true, writable: true });
      return record;
    });
}
