import * as z from 'zod/mini';

/* Reading a plain HTML form post into what a schema expects (the field types are in form-fields.ts). */

const truthy = new Set(['true', 'on', 'yes', '1']);

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  return schema;
}

/**
 * A plain HTML form sends only strings. Shape them by what the schema expects, so one schema serves JSON
 * and forms alike: a checkbox ("on") for a boolean, a number field for a number, several fields or the
 * lines of a textarea for a list, and `parent.child` names for a nested object.
 */
export function fromForm(
  schema: z.core.$ZodObject,
  fields: Record<string, string | string[]>,
): Record<string, unknown> {
  // Field names come from the client: "__proto__" or "constructor" must be fields like any other (the
  // strict schema then names them as unknown), never the prototype's own properties.
  const shaped: Record<string, unknown> = {};
  const put = (target: Record<string, unknown>, name: string, value: unknown) => {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  };
  const shape = schema._zod.def.shape;
  const fieldOf = (name: string) => (Object.hasOwn(shape, name) ? shape[name] : undefined);
  const nested = new Map<string, Record<string, string | string[]>>();
  for (const [name, value] of Object.entries(fields)) {
    const dot = name.indexOf('.');
    if (dot > 0) {
      const parent = name.slice(0, dot);
      const children = nested.get(parent) ?? {};
      put(children, name.slice(dot + 1), value);
      nested.set(parent, children);
      continue;
    }
    const field = fieldOf(name);
    const def = field ? (unwrap(field)._zod.def as { type: string; values?: unknown[] }) : undefined;
    const values = Array.isArray(value) ? value : [value];
    const last = values.at(-1) ?? '';
    if (def?.type === 'array') {
      put(
        shaped,
        name,
        values.flatMap((v) => v.split(/\r?\n/)).filter((v) => v.trim() !== ''),
      );
    } else if (def?.type === 'boolean' || (def?.type === 'literal' && typeof def.values?.[0] === 'boolean')) {
      put(shaped, name, truthy.has(last.trim().toLowerCase()));
    } else if (value === '' && field && z.safeParse(field, undefined).success) {
      // An empty optional input means "not given", as it would be absent from a JSON body.
    } else if (def?.type === 'number' && last.trim() !== '' && Number.isFinite(Number(last))) {
      put(shaped, name, Number(last));
    } else {
      put(shaped, name, last);
    }
  }
  for (const [parent, children] of nested) {
    const field = fieldOf(parent);
    const inner = field ? unwrap(field) : undefined;
    const object =
      inner && (inner._zod.def as { type: string }).type === 'object'
        ? (inner as z.core.$ZodObject)
        : undefined;
    // An unknown parent stays as it came, so the strict schema names it as an unknown field.
    const value = object ? fromForm(object, children) : children;
    if (Object.keys(value).length > 0) put(shaped, parent, value);
  }
  return shaped;
}
