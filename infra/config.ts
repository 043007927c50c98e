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

/*
 * Every key carries `.meta({ description, examples })`: docs/configuration.md is generated from it
 * (`npm run docs:config`), and a test parses every example, so the reference cannot drift from what
 * synth accepts. Metadata never changes what validates.
 */

const network = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9-]{3,40}$/, 'must be 3–40 characters of a-z, 0-9 and -')
      .meta({
        description:
          "The network's id: in its API paths (`/v1/networks/<id>/…`) and its coordinators' Cognito group (`network-<id>`). Changing it later makes a new, empty network: the old one, and its members, stay under the old id.",
        examples: ['skolledare-vast'],
      }),
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .meta({
        description: 'The name members see in emails and on pages.',
        examples: ['Nätverk för skolledare'],
      }),
    languages: z
      .array(z.enum(languages, { error: `must be one of ${languages.join(', ')}` }))
      .min(1, 'must list at least one language')
      .refine(unique, 'must not repeat a language')
      .default(['sv', 'nb', 'en'])
      .meta({
        description:
          'The languages the network offers (sv Swedish, nb Norwegian Bokmål, en English), in order of preference: a member gets emails and pages in their own language if it is here, otherwise in the first. No repeats.',
        examples: [['sv', 'en']],
      }),
    coordinators: z
      .array(email)
      .min(1, 'must list at least one coordinator')
      .refine(unique, 'must not repeat an address')
      .meta({
        description:
          "Email addresses of the coordinators, who get the network's emails for coordinators (join requests to approve, evaluation summaries). Signing in to the admin API is separate: see `npm run coordinator`.",
        examples: [['anna.lindqvist@example.org']],
      }),
    thankYouUrl: webUrl.optional().meta({
      description:
        "Where a plain HTML form post (registering interest, asking to join a group, proposing a group) is redirected after success, instead of samla's own receipt page. https only (http only for 127.0.0.1 or localhost).",
      examples: ['https://example.org/natverk/tack'],
    }),
    timeZone: timeZone.default('Europe/Stockholm').meta({
      description:
        "The network's IANA time zone: dates and times in its receipts and CSV exports are shown in it. (Meetings carry their own time zone, given when they are scheduled.)",
      examples: ['Europe/Oslo'],
    }),
    memberDomains: z
      .array(memberDomain)
      .refine(unique, 'must not repeat a domain')
      .default([])
      .meta({
        description:
          "Email domains of the member organisations (subdomains count too): someone with such an address gets a seat in a group straight away, others wait for a coordinator's approval. Domains only (no @, no https://); internationalised names are stored as punycode.",
        examples: [['ekskolan.se', 'kommun.example']],
      }),
  })
  .meta({
    description:
      'A network created on the first deploy. Later changes here do not overwrite it: coordinators edit networks through the admin API, and their edits win.',
  });

const appClientId = z
  .string()
  .trim()
  .regex(/^[0-9a-z]{1,128}$/, 'must be an app client id (lower-case letters and digits)');

/** A DNS host name, lower case, at least one dot; no scheme, port or path. */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/,
    'must be a host name such as login.example.org (no https://, no path)',
  );

/**
 * An existing Cognito user pool for coordinators, instead of the one the stack creates. The region is
 * the pool id's prefix unless given (and must agree with it).
 */
const cognito = z
  .strictObject({
    userPoolId: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d_[0-9A-Za-z]+$/, 'must be a user pool id such as eu-north-1_AbC123xyz')
      .meta({
        description: 'The id of the existing user pool whose ID tokens the admin API accepts.',
        examples: ['eu-north-1_AbC123xyz'],
      }),
    userPoolClientId: appClientId.meta({
      description:
        'The app client of that pool whose ID tokens are accepted (their `aud`). Coordinators need groups named `network-<id>` (and `samla-admins` to create networks) in that pool.',
      examples: ['1example23456789abcdefghijk'],
    }),
    region: z
      .string()
      .trim()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region such as eu-north-1')
      .optional()
      .meta({
        description:
          "The pool's region. Defaults to the prefix of `userPoolId`, and must agree with it when given.",
        examples: ['eu-north-1'],
      }),
    consoleClientId: appClientId.optional().meta({
      description:
        "The pool's app client for the coordinators' web console: no secret, the authorization code grant with the scopes openid, email and profile, the callback URL `<ConsoleUrl>callback` and the sign-out URL `<ConsoleUrl>` (add both once the first deploy has printed `ConsoleUrl`). Its ID tokens are accepted too. Give it together with `signInDomain`; without the two the stack hosts no console.",
      examples: ['5console6789abcdefghijklmn'],
    }),
    signInDomain: hostName.optional().meta({
      description:
        "The host name of the pool's managed login (its user pool domain), where the console sends coordinators to sign in: a Cognito prefix domain or the pool's custom domain, without https://. Give it together with `consoleClientId`.",
      examples: ['natverket.auth.eu-north-1.amazoncognito.com'],
    }),
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
    // The console needs both: a client to sign in with, and the domain whose managed login serves it.
    if ((value.consoleClientId === undefined) !== (value.signInDomain === undefined)) {
      const missing = value.consoleClientId === undefined ? 'consoleClientId' : 'signInDomain';
      const given = missing === 'consoleClientId' ? 'signInDomain' : 'consoleClientId';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `is required with ${given}: the console signs in through both`,
      });
      return z.NEVER;
    }
    return { ...value, region: value.region ?? poolRegion };
  });

/** Words Cognito refuses in a prefix domain (https://<prefix>.auth.<region>.amazoncognito.com). */
export const RESERVED_DOMAIN_PREFIX_WORDS = ['aws', 'amazon', 'cognito'] as const;

const consoleSettings = z.strictObject({
  signInDomainPrefix: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
      'must be 1–63 characters of a-z, 0-9 and -, not starting or ending with -',
    )
    .refine(
      (value) => !RESERVED_DOMAIN_PREFIX_WORDS.some((word) => value.includes(word)),
      `must not contain ${RESERVED_DOMAIN_PREFIX_WORDS.join(', ')} (Cognito refuses them)`,
    )
    .optional()
    .meta({
      description:
        "The prefix of the managed login's domain (`https://<prefix>.auth.<region>.amazoncognito.com`) of the user pool the stack creates, where coordinators sign in to the console. Prefixes are unique across all of AWS in a region, so the default is the stack name and the account id (`samla-prod-123456789012`); set one if that is taken or the account id should not show. Changing it replaces the domain (the old address stops working). Ignored with `cognito` (an existing pool).",
      examples: ['natverket-samla'],
    }),
});

const registration = z
  .strictObject({
    reminderAfterHours: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(24 * 30, 'must be at most 720 (30 days)')
      .default(48)
      .meta({
        description:
          'Hours after sending a public form (interest, a request to join a group, a group proposal) that someone who has not confirmed their address gets one reminder. Must come before `expireAfterDays`.',
        examples: [24],
      }),
    expireAfterDays: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(90, 'must be at most 90')
      .default(7)
      .meta({
        description:
          "Days after sending a public form that an unconfirmed registration, join request or group proposal expires: its confirmation link stops working, and DynamoDB's time to live removes it a day later.",
        examples: [14],
      }),
  })
  .refine((r) => r.expireAfterDays * 24 > r.reminderAfterHours, {
    path: ['expireAfterDays'],
    message: 'must be later than reminderAfterHours, or the reminder would never be sent',
  });

const groups = z.strictObject({
  offerHours: z
    .number()
    .min(1, 'must be at least 1')
    .max(24 * 14, 'must be at most 336 (14 days)')
    .default(48)
    .meta({
      description:
        "Hours a seat offered from a group's waitlist is held for the person offered it before it passes to the next in line.",
      examples: [72],
    }),
});

const retention = z.strictObject({
  inactiveMonths: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(120, 'must be at most 120')
    .default(24)
    .meta({
      description:
        'Months without activity (confirming, answering an invitation, answering an evaluation, being recorded present at a meeting, taking an offered seat, saying they want to stay) after which a member is asked whether they want to stay.',
      examples: [36],
    }),
  stayAnswerDays: z
    .number()
    .int('must be a whole number')
    .min(7, 'must be at least 7')
    .max(90, 'must be at most 90')
    .default(30)
    .meta({
      description: 'Days a member has to answer "do you want to stay?" before their data is erased.',
      examples: [30],
    }),
});

/** The configuration a first deploy needs; the reference shows it, and a test parses it. */
const minimalExample = {
  senderAddress: 'samla@example.org',
  networks: [{ id: 'demo', name: 'Nätverk för skolledare', coordinators: ['coordinator@example.org'] }],
};

export const samlaConfigSchema = z
  .strictObject({
    senderAddress: email.meta({
      description:
        'The From address of every email samla sends. SES sends only once its domain is verified in the account and region: the stack creates that identity (see `email.createIdentity`), and you add the DKIM records it outputs to the DNS.',
      examples: ['samla@natverket.example.org'],
    }),
    allowedOrigins: z
      .array(origin)
      .refine(unique, 'must not repeat an origin')
      .default([])
      .meta({
        description:
          'Websites whose scripts may call the API (CORS), as origins: scheme and host, no path or trailing slash. A plain HTML form that posts to the API needs no entry.',
        examples: [['https://example.org', 'https://www.example.org']],
      }),
    publicBaseUrl: webUrl
      .transform((value) => value.replace(/\/+$/, ''))
      .optional()
      .meta({
        description:
          "The base of the links in emails (confirm, leave, answer an evaluation), e.g. a custom domain in front of the API. Without it, links point at the HTTP API's own endpoint (the `ApiUrl` output). A trailing slash is dropped.",
        examples: ['https://samla.example.org'],
      }),
    registration: registration.default({ reminderAfterHours: 48, expireAfterDays: 7 }).meta({
      description:
        'The double opt-in of the public forms (interest registrations, join requests, group proposals): when to remind, and when to give up.',
      examples: [{ reminderAfterHours: 24, expireAfterDays: 14 }],
    }),
    groups: groups.default({ offerHours: 48 }).meta({
      description: 'Seats and waitlists of groups.',
      examples: [{ offerHours: 72 }],
    }),
    retention: retention.default({ inactiveMonths: 24, stayAnswerDays: 30 }).meta({
      description:
        'How long member data is kept without activity (GDPR storage limitation): inactive members are asked, then erased if they do not answer. A nightly schedule does it.',
      examples: [{ inactiveMonths: 24, stayAnswerDays: 30 }],
    }),
    networks: z
      .array(network)
      .min(1, 'must list at least one network')
      .superRefine((items, ctx) => {
        const seen = new Map<string, number>();
        items.forEach((item, index) => {
          const first = seen.get(item.id);
          if (first === undefined) seen.set(item.id, index);
          else
            ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `repeats networks[${first}].id` });
        });
      })
      .meta({
        description:
          'The networks to create on the first deploy, each with a unique `id`. More can be created later through the admin API (`POST /v1/admin/networks`) without a deploy.',
        examples: [minimalExample.networks],
      }),
    alarmEmail: email.optional().meta({
      description:
        "Who is emailed when something fails (a function's errors, a failed workflow, the API's 5xx answers). Without it the alarms exist but nobody is subscribed. SNS sends a confirmation email first.",
      examples: ['drift@example.org'],
    }),
    monitoring: z
      .strictObject({
        dashboard: z
          .boolean()
          .default(false)
          .meta({
            description:
              "Create a CloudWatch dashboard of the API, the functions, the workflows, the table and SES, to look at when an alarm fires. Off by default: a dashboard costs $3.00 a month (an account's three free ones hold 50 metrics each, and this one graphs more), three times what all the alarms cost. Without it the same metrics are in the CloudWatch console.",
            examples: [true],
          }),
      })
      .default({ dashboard: false })
      .meta({
        description: 'What the stack shows besides its alarms, which are always there (see `alarmEmail`).',
        examples: [{ dashboard: true }],
      }),
    cognito: cognito.optional().meta({
      description:
        'An existing Cognito user pool for the coordinators. Without it the stack creates its own pool (output `CoordinatorUserPoolId`), with a `network-<id>` group for each configured network.',
      examples: [{ userPoolId: 'eu-north-1_AbC123xyz', userPoolClientId: '1example23456789abcdefghijk' }],
    }),
    console: consoleSettings.default({}).meta({
      description:
        "The coordinators' web console, which the stack hosts on CloudFront (output `ConsoleUrl`) and signs in through the user pool's managed login. Nothing is needed here: the defaults work.",
      examples: [{ signInDomainPrefix: 'natverket-samla' }],
    }),
    email: z
      .strictObject({
        createIdentity: z
          .boolean()
          .default(true)
          .meta({
            description:
              "Create the SES domain identity of `senderAddress`'s domain, with Easy DKIM (outputs `DkimRecord1`–`3` are the DNS records to add). Set false when that identity already exists in the account and region: a second one fails the deploy. Sending still goes through the stack's configuration set, so bounces and complaints are suppressed either way.",
            examples: [false],
          }),
      })
      .default({ createIdentity: true })
      .meta({
        description: 'The SES identity samla sends as.',
        examples: [{ createIdentity: false }],
      }),
  })
  .meta({
    description: 'The `samla` object in the `context` of cdk.json.',
    examples: [minimalExample],
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
