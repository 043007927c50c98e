import * as z from 'zod';
import { normaliseDomain } from '../domain/network.ts';
import { languages } from '../i18n.ts';

/*
 * Schemas of the admin API (coordinators, Bearer JWT). JSON only; each validates a request, types the
 * handler and becomes the OpenAPI document, like schemas.ts for the public routes.
 */

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

const singleLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line');

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'invalid_email' }));

/** https, or plain http for this machine only (npm start), as in the deploy configuration. */
const webUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
      );
    } catch {
      return false;
    }
  }, 'invalid_url');

const timeZone = z
  .string()
  .max(64)
  .refine((value) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'invalid')
  .meta({ description: 'IANA time zone', example: 'Europe/Stockholm' });

const memberDomain = z
  .string()
  .max(253)
  .transform((value) => normaliseDomain(value))
  .refine(
    (value) => /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(value),
    'invalid_domain',
  );

const networkLanguages = z
  .array(z.enum(languages))
  .min(1)
  .max(languages.length)
  .refine(unique, 'duplicate')
  .meta({ description: 'Languages in order of preference; the first is the default', example: ['sv', 'en'] });
const coordinators = z
  .array(email)
  .min(1)
  .max(50)
  .refine(unique, 'duplicate')
  .meta({ description: 'Who receives the coordinators’ emails (digests, decisions)' });
const memberDomains = z
  .array(memberDomain)
  .max(500)
  .refine(unique, 'duplicate')
  .meta({
    description:
      'Email domains of the member organisations (subdomains count too); internationalised names are stored as punycode',
    example: ['ale.se', 'skolverket.se'],
  });

const hour = z
  .number()
  .int()
  .min(0)
  .max(23)
  .meta({ description: 'Hour of the day, 0–23, in the network’s time zone' });

/** When the coordinators' digest goes out; `off` sends none (a digest can still be asked for). */
export const DigestScheduleSchema = z
  .discriminatedUnion('frequency', [
    z.object({ frequency: z.literal('off') }).strict(),
    z.object({ frequency: z.literal('daily'), hour }).strict(),
    z
      .object({
        frequency: z.literal('weekly'),
        weekday: z.literal([1, 2, 3, 4, 5, 6, 7]).meta({ description: '1 = Monday … 7 = Sunday' }),
        hour,
      })
      .strict(),
  ])
  .meta({
    id: 'DigestSchedule',
    description: 'The coordinators’ digest: daily or weekly at an hour in the network’s time zone, or off',
    example: { frequency: 'weekly', weekday: 1, hour: 7 },
  });

const coordinatorLanguages = z.record(email, z.enum(languages)).meta({
  description: 'A coordinator’s own language for digests and decisions',
  example: { 'anna@ale.se': 'sv' },
});

const meetingReminders = z
  .object({
    days: z
      .array(z.number().int().min(1).max(60))
      .max(5)
      .meta({ description: 'Days before a meeting; default [7, 1]' }),
    introducerDays: z
      .number()
      .int()
      .min(1)
      .max(60)
      .meta({ description: 'The introducer’s reminder; default 14' }),
  })
  .strict()
  .meta({ description: 'When meeting reminders go out' });

const evaluation = z
  .object({
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .optional()
      .meta({ description: 'After the meeting ends; default 60' }),
    reminderAfterDays: z.number().int().min(1).max(30).optional().meta({ description: 'Default 3' }),
    closeAfterDays: z.number().int().min(2).max(60).optional().meta({ description: 'Default 7' }),
  })
  .strict()
  .refine((e) => (e.reminderAfterDays ?? 3) < (e.closeAfterDays ?? 7), {
    path: ['reminderAfterDays'],
    message: 'invalid',
  })
  .meta({ description: 'When evaluations go out after a meeting, are reminded and close' });

/*
 * The settings a network can be created with as well as changed later, so an admin need not follow the
 * create with a PATCH (and a network is never, even briefly, on the defaults it was not meant to have).
 */
const networkSchedules = {
  meetingReminders: meetingReminders.optional(),
  evaluation: evaluation.optional(),
  digest: DigestScheduleSchema.optional(),
  coordinatorLanguages: coordinatorLanguages.optional(),
};

export const NetworkId = z
  .string()
  .regex(/^[a-z0-9-]{3,40}$/, 'invalid')
  .meta({ description: '3–40 characters of a-z, 0-9 and -', example: 'rektorer-vast' });

export const CreateNetworkRequest = z
  .object({
    id: NetworkId,
    name: singleLine(200),
    languages: networkLanguages,
    coordinators,
    memberDomains: memberDomains.default([]),
    thankYouUrl: webUrl.optional().meta({ description: 'Where a plain HTML form post is redirected' }),
    timeZone: timeZone.default('Europe/Stockholm'),
    ...networkSchedules,
  })
  .strict()
  .meta({ id: 'CreateNetworkRequest' });
export type CreateNetworkRequest = z.output<typeof CreateNetworkRequest>;

export const UpdateNetworkRequest = z
  .object({
    name: singleLine(200).optional(),
    languages: networkLanguages.optional(),
    coordinators: coordinators.optional(),
    memberDomains: memberDomains.optional(),
    thankYouUrl: webUrl.nullable().optional().meta({ description: 'null removes the redirect' }),
    timeZone: timeZone.optional(),
    ...networkSchedules,
  })
  .strict()
  .meta({ id: 'UpdateNetworkRequest', description: 'Only the fields given change' });
export type UpdateNetworkRequest = z.output<typeof UpdateNetworkRequest>;

export const NetworkSettings = z
  .object({
    id: z.string(),
    name: z.string(),
    languages: z.array(z.enum(languages)),
    coordinators: z.array(z.string()),
    memberDomains: z.array(z.string()),
    thankYouUrl: z.string().optional(),
    timeZone: z.string(),
    meetingReminders: z
      .object({ days: z.array(z.number().int()), introducerDays: z.number().int() })
      .optional()
      .meta({ description: 'When meeting reminders go out; absent: the defaults' }),
    evaluation: z
      .object({
        delayMinutes: z.number().int().optional(),
        reminderAfterDays: z.number().int().optional(),
        closeAfterDays: z.number().int().optional(),
      })
      .optional()
      .meta({ description: 'When evaluations go out, are reminded and close; absent: the defaults' }),
    digest: DigestScheduleSchema.optional(),
    coordinatorLanguages: z.record(z.string(), z.enum(languages)).optional(),
  })
  .meta({ id: 'NetworkSettings' });

const registrationStatus = z.enum(['pending_confirmation', 'confirmed', 'expired']);

export const RegistrationQuery = z
  .object({
    status: registrationStatus.optional(),
    topic: z.string().trim().min(1).max(120).optional().meta({ description: 'One of the topics (any case)' }),
    organisation: z
      .string()
      .trim()
      .min(1)
      .max(160)
      .optional()
      .meta({ description: 'Part of the organisation’s name (any case)' }),
    search: z
      .string()
      .trim()
      .min(1)
      .max(160)
      .optional()
      .meta({ description: 'Part of the name, the email address or the organisation’s name (any case)' }),
    cursor: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'From the previous page’s `cursor`; the same filters must be given again' }),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type RegistrationQuery = z.output<typeof RegistrationQuery>;

/** The filters only: the CSV export has every page in one file. */
export const RegistrationExportQuery = RegistrationQuery.pick({
  status: true,
  topic: true,
  organisation: true,
  search: true,
});

export const RegistrationListItem = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.string(),
    topics: z.array(z.string()),
    language: z.enum(languages),
    status: registrationStatus.meta({
      description: 'As it stands now: a pending registration past its expiry is expired',
    }),
    createdAt: z.string(),
    confirmedAt: z.string().optional(),
    fromMemberOrganisation: z
      .boolean()
      .meta({ description: 'The address is under one of the network’s member domains' }),
  })
  .meta({ id: 'RegistrationListItem' });

export const RegistrationList = z
  .object({
    items: z.array(RegistrationListItem),
    cursor: z.string().optional().meta({ description: 'Present when there may be more: pass it back' }),
  })
  .meta({ id: 'RegistrationList' });

export const DigestSent = z
  .object({
    sent: z.number().int().meta({ description: 'Coordinators who got it' }),
    reason: z
      .enum(['nothing_new', 'nothing_to_say'])
      .optional()
      .meta({ description: 'Why none was sent: nothing to show at all' }),
  })
  .meta({ id: 'DigestSent' });
