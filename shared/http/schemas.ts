// A namespace import, not `{ z }`: esbuild then drops what is unused (zod's 40 locales among it), which
// takes zod in a bundle from ~450 KB to ~90 KB.
import * as z from 'zod';
import { languages } from '../i18n.ts';

/*
 * One schema per request: it validates, gives the handler its type and becomes the OpenAPI document.
 * Messages that are names of field problems (see messages.ts) are turned into the request's language.
 */

/** Names, organisations and roles end up in email headers and greetings: one line, no control characters. */
export const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line');

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'invalid_email' }));

export const InterestRequest = z
  .object({
    name: singleLine(120).meta({ description: 'Full name', example: 'Anna Lindqvist' }),
    email: email.meta({
      description: 'Work email address; it identifies the member',
      example: 'anna@skola.se',
    }),
    organisation: singleLine(160).meta({ description: 'School or organisation', example: 'Ekskolan' }),
    role: singleLine(120).meta({ description: 'Role, e.g. principal, board member', example: 'Rektor' }),
    topics: z
      .array(singleLine(120))
      .max(20)
      .meta({ description: 'Topics the person wants to discuss', example: ['Skolans ekonomi'] }),
    message: z
      .string()
      .trim()
      .max(4000)
      .optional()
      .meta({ description: 'Anything else the coordinators should know' }),
    language: z
      .enum(languages)
      .optional()
      .meta({ description: 'Language of the emails; default the network’s first' }),
    consent: z
      .literal(true, 'consent_required')
      .meta({ description: 'Agreement to store the details (must be true)' }),
    homepage: z.string().max(500).optional().meta({
      description: 'Leave empty. A hidden field that only bots fill in; such requests are dropped.',
    }),
  })
  .strict()
  .meta({ id: 'InterestRequest' });
export type InterestRequest = z.output<typeof InterestRequest>;

export const RegistrationAccepted = z
  .object({ id: z.string(), status: z.literal('pending_confirmation') })
  .meta({ id: 'RegistrationAccepted' });

/** One path confirms three things; the JSON says where each stands. */
export const ConfirmResult = z
  .union([
    z
      .object({ status: z.enum(['confirmed', 'already_confirmed']), networkId: z.string() })
      .meta({ description: 'A registration of interest' }),
    z
      .object({
        status: z.enum(['approved', 'waitlisted', 'pending_approval']),
        waitlistPosition: z.number().int().optional(),
      })
      .meta({ description: 'A request to join a group: a seat, the waitlist, or a coordinator decides' }),
    z
      .object({
        status: z.enum(['proposed', 'accepted', 'declined']),
        proposalId: z.string(),
      })
      .meta({ description: 'A group proposal' }),
  ])
  .meta({ id: 'ConfirmResult' });

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()),
    }),
  })
  .meta({ id: 'Error' });

/** What API Gateway itself answers, before or instead of a function: `{"message":"Unauthorized"}`. */
export const GatewayMessage = z
  .object({ message: z.string().meta({ example: 'Unauthorized' }) })
  .meta({ id: 'GatewayMessage' });

/** GET /v1/openapi.json: this document (OpenAPI 3.0), whose every part is described by OpenAPI itself. */
export const OpenApiDocumentSchema = z
  .looseObject({
    openapi: z.string().meta({ example: '3.0.3' }),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'OpenApiDocument' });

export const TokenParams = z.object({
  token: z.string().meta({ description: 'The token from the emailed link' }),
});
export const NetworkParams = z.object({ networkId: z.string().meta({ example: 'demo' }) });

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
  schema: z.ZodObject,
  fields: Record<string, string | string[]>,
): Record<string, unknown> {
  // Field names come from the client: "__proto__" or "constructor" must be fields like any other (the
  // strict schema then names them as unknown), never the prototype's own properties.
  const shaped: Record<string, unknown> = {};
  const put = (target: Record<string, unknown>, name: string, value: unknown) => {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  };
  const fieldOf = (name: string) => (Object.hasOwn(schema.shape, name) ? schema.shape[name] : undefined);
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
    } else if (value === '' && field?.safeParse(undefined).success) {
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
    const shape =
      inner && (inner._zod.def as { type: string }).type === 'object' ? (inner as z.ZodObject) : undefined;
    // An unknown parent stays as it came, so the strict schema names it as an unknown field.
    const value = shape ? fromForm(shape, children) : children;
    if (Object.keys(value).length > 0) put(shaped, parent, value);
  }
  return shaped;
}

/**
 * The POST behind an unsubscribe link: a choice from its page, or a mail client's RFC 8058 one-click
 * (`List-Unsubscribe=One-Click`), which takes the kind of mail the link came with.
 */
export const UnsubscribeBody = z
  .object({
    scope: z.enum(['reminders', 'all', 'none']).optional().meta({
      description:
        'reminders: only the reminders; all: every mail from the network except answers to requests; none: turn them back on',
    }),
    'List-Unsubscribe': z
      .literal('One-Click')
      .optional()
      .meta({ description: 'Sent by mail clients (RFC 8058)' }),
  })
  .meta({ id: 'UnsubscribeBody' });

export const PrivacyRequest = z
  .object({
    email: email.meta({ description: 'The address the data is held under', example: 'anna@skola.se' }),
    kind: z.enum(['export', 'erase']).meta({ description: 'export: email me my data; erase: delete it' }),
    language: z.enum(languages).optional().meta({
      description:
        'Language of the emails and pages; without it Accept-Language, and without that the language the person last used',
    }),
  })
  .strict()
  .meta({ id: 'PrivacyRequest' });
export type PrivacyRequest = z.output<typeof PrivacyRequest>;

export const PrivacyAccepted = z.object({ status: z.literal('accepted') }).meta({
  id: 'PrivacyAccepted',
  description: 'Always the same answer: it reveals nothing about the address',
});
