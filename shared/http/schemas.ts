// zod/mini, not classic zod: its functions are separate exports, so esbuild keeps only those used (classic's
// methods keep all of it alive), and a Lambda initialises ~12 ms sooner. A namespace import, not `{ z }`:
// esbuild then drops what is unused, zod's 40 locales among it.
import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { meta } from './zod-meta.ts';

// Kept importable from here; they live apart so that answering an error builds no form schema.
export { ErrorResponse, GatewayMessage, NetworkParams, TokenParams } from './common-schemas.ts';

/*
 * One schema per request: it validates, gives the handler its type and becomes the OpenAPI document.
 * Messages that are names of field problems (see messages.ts) are turned into the request's language.
 */

/** Names, organisations and roles end up in email headers and greetings: one line, no control characters. */
export const singleLine = (max: number) =>
  z
    .string()
    .check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line'));

export const email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email({ error: 'invalid_email' }),
);

export const InterestRequest = meta(
  z.strictObject({
    name: meta(singleLine(120), { description: 'Full name', example: 'Anna Lindqvist' }),
    email: meta(email, {
      description: 'Work email address; it identifies the member',
      example: 'anna@skola.se',
    }),
    organisation: meta(singleLine(160), { description: 'School or organisation', example: 'Ekskolan' }),
    role: meta(singleLine(120), { description: 'Role, e.g. principal, board member', example: 'Rektor' }),
    topics: meta(z.array(singleLine(120)).check(z.maxLength(20)), {
      description: 'Topics the person wants to discuss',
      example: ['Skolans ekonomi'],
    }),
    message: meta(z.optional(z.string().check(z.trim(), z.maxLength(4000))), {
      description: 'Anything else the coordinators should know',
    }),
    language: meta(z.optional(z.enum(languages)), {
      description: 'Language of the emails; default the network’s first',
    }),
    consent: meta(z.literal(true, 'consent_required'), {
      description: 'Agreement to store the details (must be true)',
    }),
    homepage: meta(z.optional(z.string().check(z.maxLength(500))), {
      description: 'Leave empty. A hidden field that only bots fill in; such requests are dropped.',
    }),
  }),
  { id: 'InterestRequest' },
);
export type InterestRequest = z.output<typeof InterestRequest>;

export const RegistrationAccepted = meta(
  z.object({ id: z.string(), status: z.literal('pending_confirmation') }),
  { id: 'RegistrationAccepted' },
);

/** One path confirms three things; the JSON says where each stands. */
export const ConfirmResult = meta(
  z.union([
    meta(z.object({ status: z.enum(['confirmed', 'already_confirmed']), networkId: z.string() }), {
      description: 'A registration of interest',
    }),
    meta(
      z.object({
        status: z.enum(['approved', 'waitlisted', 'pending_approval']),
        waitlistPosition: z.optional(z.number().check(z.int())),
      }),
      { description: 'A request to join a group: a seat, the waitlist, or a coordinator decides' },
    ),
    meta(
      z.object({
        status: z.enum(['proposed', 'accepted', 'declined']),
        proposalId: z.string(),
      }),
      { description: 'A group proposal' },
    ),
  ]),
  { id: 'ConfirmResult' },
);

/** GET /v1/openapi.json: this document (OpenAPI 3.0), whose every part is described by OpenAPI itself. */
export const OpenApiDocumentSchema = meta(
  z.looseObject({
    openapi: meta(z.string(), { example: '3.0.3' }),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.optional(z.record(z.string(), z.unknown())),
  }),
  { id: 'OpenApiDocument' },
);

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

/**
 * The POST behind an unsubscribe link: a choice from its page, or a mail client's RFC 8058 one-click
 * (`List-Unsubscribe=One-Click`), which takes the kind of mail the link came with.
 */
export const UnsubscribeBody = meta(
  z.object({
    scope: meta(z.optional(z.enum(['reminders', 'all', 'none'])), {
      description:
        'reminders: only the reminders; all: every mail from the network except answers to requests; none: turn them back on',
    }),
    'List-Unsubscribe': meta(z.optional(z.literal('One-Click')), {
      description: 'Sent by mail clients (RFC 8058)',
    }),
  }),
  { id: 'UnsubscribeBody' },
);

export const PrivacyRequest = meta(
  z.strictObject({
    email: meta(email, { description: 'The address the data is held under', example: 'anna@skola.se' }),
    kind: meta(z.enum(['export', 'erase']), { description: 'export: email me my data; erase: delete it' }),
    language: meta(z.optional(z.enum(languages)), {
      description:
        'Language of the emails and pages; without it Accept-Language, and without that the language the person last used',
    }),
  }),
  { id: 'PrivacyRequest' },
);
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

export const PrivacyAccepted = meta(z.object({ status: z.literal('accepted') }), {
  id: 'PrivacyAccepted',
  description: 'Always the same answer: it reveals nothing about the address',
});
