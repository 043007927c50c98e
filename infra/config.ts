import type { Construct } from 'constructs';
import * as z from 'zod';
import { type Network, normaliseDomain } from '../shared/domain/network.ts';
import { languages } from '../shared/i18n.ts';

/**
 * The deploy-time configuration: the `samla` object in cdk.json's context (or `-c samla='{…}'`).
 * Validated at synth time so a typo fails `cdk synth` with the key's path instead of a broken deploy.
 */

const CONTEXT_KEY = 'samla';

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }));

/** Plain http is accepted only for the local machine, so a real deployment cannot leak links or forms. */
function isAllowedUrl(url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const SECURE_URL = 'must be an https URL (http only for 127.0.0.1 or localhost)';

const webUrl = z
  .string()
  .trim()
  .refine((value) => {
    const url = parseUrl(value);
    return url !== undefined && isAllowedUrl(url);
  }, SECURE_URL);

/** CORS compares origins byte for byte, so `https://example.org/` or a path would silently never match. */
const origin = z
  .string()
  .trim()
  .refine((value) => {
    const url = parseUrl(value);
    return url !== undefined && isAllowedUrl(url) && url.origin === value;
  }, `must be an origin such as https://example.org (no path or trailing slash); ${SECURE_URL}`);

const timeZone = z.string().refine((value) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Stockholm');

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

/** A domain name (letters, digits, hyphens, at least one dot); internationalised names become punycode. */
const memberDomain = z
  .string()
  .transform((value) => normaliseDomain(value))
  .refine(
    (value) => /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(value),
    'must be a domain such as skola.se (no @, no https://)',
  );

const network = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/, 'must be 3–40 characters of a-z, 0-9 and -'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  languages: z
    .array(z.enum(languages, { error: `must be one of ${languages.join(', ')}` }))
    .min(1, 'must list at least one language')
    .refine(unique, 'must not repeat a language')
    .default(['sv', 'nb', 'en']),
  coordinators: z
    .array(email)
    .min(1, 'must list at least one coordinator')
    .refine(unique, 'must not repeat an address'),
  thankYouUrl: webUrl.optional(),
  timeZone: timeZone.default('Europe/Stockholm'),
  /** Email domains of the member organisations; subdomains count too. */
  memberDomains: z.array(memberDomain).refine(unique, 'must not repeat a domain').default([]),
});

/**
 * An existing Cognito user pool for coordinators, instead of the one the stack creates. The region is
 * the pool id's prefix unless given (and must agree with it).
 */
const cognito = z
  .strictObject({
    userPoolId: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/, 'must be a user pool id such as eu-north-1_AbC123xyz'),
    userPoolClientId: z
      .string()
      .trim()
      .regex(/^[0-9a-z]{1,128}$/, 'must be an app client id (lower-case letters and digits)'),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as eu-north-1')
      .optional(),
  })
  .transform((value, ctx) => {
    const poolRegion = value.userPoolId.split('_')[0] ?? '';
    if (value.region !== undefined && value.region !== poolRegion) {
      ctx.addIssue({
        code: 'custom',
        path: ['region'],
        message: `must be the region of the user pool (${poolRegion})`,
      });
      return z.NEVER;
    }
    return { ...value, region: value.region ?? poolRegion };
  });

const registration = z
  .strictObject({
    reminderAfterHours: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(24 * 30, 'must be at most 720 (30 days)')
      .default(48),
    expireAfterDays: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(90, 'must be at most 90')
      .default(7),
  })
  .refine((r) => r.expireAfterDays * 24 > r.reminderAfterHours, {
    path: ['expireAfterDays'],
    message: 'must be later than reminderAfterHours, or the reminder would never be sent',
  });

const groups = z.strictObject({
  /** How long a seat offered from the waitlist is held before it passes to the next in line. */
  offerHours: z
    .number()
    .min(1, 'must be at least 1')
    .max(24 * 14, 'must be at most 336 (14 days)')
    .default(48),
});

export const samlaConfigSchema = z.strictObject({
  senderAddress: email,
  /** Websites whose scripts may call the API. Plain HTML form posts need no entry here. */
  allowedOrigins: z.array(origin).refine(unique, 'must not repeat an origin').default([]),
  /** Base of links in emails; defaults to the HTTP API's own endpoint. */
  publicBaseUrl: webUrl.transform((value) => value.replace(/\/+$/, '')).optional(),
  registration: registration.default({ reminderAfterHours: 48, expireAfterDays: 7 }),
  groups: groups.default({ offerHours: 48 }),
  networks: z
    .array(network)
    .min(1, 'must list at least one network')
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((item, index) => {
        const first = seen.get(item.id);
        if (first === undefined) seen.set(item.id, index);
        else ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats networks[${first}].id` });
      });
    }),
  /** Who is told when something fails; no subscription without it. */
  alarmEmail: email.optional(),
  /** Coordinators sign in to an existing user pool; without this the stack creates one. */
  cognito: cognito.optional(),
});

export type SamlaConfig = z.output<typeof samlaConfigSchema>;

// A compile-time check that a configured network is exactly what the store seeds.
const networkMatchesDomain: (n: SamlaConfig['networks'][number]) => Network = (n) => n;
void networkMatchesDomain;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid deploy configuration (context in cdk.json or -c):\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, segment) => (typeof segment === 'number' ? `${out}[${segment}]` : `${out}.${String(segment)}`),
    CONTEXT_KEY,
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** Validates a raw `samla` context value; throws a ConfigError naming every wrong or missing key. */
export function parseConfig(raw: unknown): SamlaConfig {
  let input = raw;
  // `-c samla='{…}'` on the command line arrives as a string.
  if (typeof raw === 'string') {
    try {
      input = JSON.parse(raw);
    } catch {
      throw new ConfigError([`${CONTEXT_KEY}: is not valid JSON`]);
    }
  }
  if (input === undefined) {
    throw new ConfigError([
      `${CONTEXT_KEY}: is missing; add a "${CONTEXT_KEY}" object to "context" in cdk.json`,
    ]);
  }
  const result = samlaConfigSchema.safeParse(input, {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined;
      return issue.input === undefined
        ? 'is required'
        : `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}, got ${describeType(issue.input)}`;
    },
  });
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => `${formatPath([...issue.path, key])}: is not a known key`)
      : [`${formatPath(issue.path)}: ${issue.message}`],
  );
  throw new ConfigError(problems);
}

export function loadConfig(scope: Construct): SamlaConfig {
  return parseConfig(scope.node.tryGetContext(CONTEXT_KEY));
}

/** The stage names a stack (`samla-<stage>`), so it must be usable in CloudFormation and resource names. */
export function loadStage(scope: Construct): string {
  const raw: unknown = scope.node.tryGetContext('stage') ?? 'dev';
  if (typeof raw !== 'string' || !/^[a-z][a-z0-9-]{0,19}$/.test(raw)) {
    throw new ConfigError([
      `stage: must be 1–20 characters of a-z, 0-9 and -, starting with a letter (got ${JSON.stringify(raw)})`,
    ]);
  }
  return raw;
}
