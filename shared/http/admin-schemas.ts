import * as z from 'zod/mini';
import { evaluationLimits as limits } from '../domain/evaluation.ts';
import { normaliseDomain } from '../domain/network.ts';
import { languages } from '../i18n.ts';
import { singleLine } from './form-fields.ts';

/*
 * Schemas of the admin API (coordinators, Bearer JWT). JSON only; each validates a request, types the
 * handler and becomes the OpenAPI document, like schemas.ts for the public routes. Written with zod/mini:
 * the functions that import these carry none of classic zod's methods.
 */

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

const email = z.pipe(
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)),
  z.email({ error: 'invalid_email' }),
);

/** https, or plain http for this machine only (npm start), as in the deploy configuration. */
const webUrl = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.refine((value: string) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' ||
        (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
      );
    } catch {
      return false;
    }
  }, 'invalid_url'),
);

const timeZone = z.string().check(
  z.maxLength(64),
  z.refine((value: string) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }, 'invalid'),
  z.meta({ description: 'IANA time zone', example: 'Europe/Stockholm' }),
);

const memberDomain = z
  .pipe(
    z.string().check(z.maxLength(253)),
    z.transform((value: string) => normaliseDomain(value)),
  )
  .check(
    z.refine(
      (value: string) =>
        /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(value),
      'invalid_domain',
    ),
  );

const networkLanguages = z.array(z.enum(languages)).check(
  z.minLength(1),
  z.maxLength(languages.length),
  z.refine(unique, 'duplicate'),
  z.meta({
    description: 'Languages in order of preference; the first is the default',
    example: ['sv', 'en'],
  }),
);
const coordinators = z
  .array(email)
  .check(
    z.minLength(1),
    z.maxLength(50),
    z.refine(unique, 'duplicate'),
    z.meta({ description: 'Who receives the coordinators’ emails (digests, decisions)' }),
  );
const memberDomains = z.array(memberDomain).check(
  z.maxLength(500),
  z.refine(unique, 'duplicate'),
  z.meta({
    description:
      'Email domains of the member organisations (subdomains count too); internationalised names are stored as punycode',
    example: ['ale.se', 'skolverket.se'],
  }),
);

const integer = () => z.number().check(z.int());

const hour = integer().check(
  z.gte(0),
  z.lte(23),
  z.meta({ description: 'Hour of the day, 0–23, in the network’s time zone' }),
);

/** When the coordinators' digest goes out; `off` sends none (a digest can still be asked for). */
export const DigestScheduleSchema = z
  .discriminatedUnion('frequency', [
    z.strictObject({ frequency: z.literal('off') }),
    z.strictObject({ frequency: z.literal('daily'), hour }),
    z.strictObject({
      frequency: z.literal('weekly'),
      weekday: z.literal([1, 2, 3, 4, 5, 6, 7]).check(z.meta({ description: '1 = Monday … 7 = Sunday' })),
      hour,
    }),
  ])
  .check(
    z.meta({
      id: 'DigestSchedule',
      description: 'The coordinators’ digest: daily or weekly at an hour in the network’s time zone, or off',
      example: { frequency: 'weekly', weekday: 1, hour: 7 },
    }),
  );

const coordinatorLanguages = z.record(email, z.enum(languages)).check(
  z.meta({
    description: 'A coordinator’s own language for digests and decisions',
    example: { 'anna@ale.se': 'sv' },
  }),
);

const meetingReminders = z
  .strictObject({
    days: z
      .array(integer().check(z.gte(1), z.lte(60)))
      .check(z.maxLength(5), z.meta({ description: 'Days before a meeting; default [7, 1]' })),
    introducerDays: integer().check(
      z.gte(1),
      z.lte(60),
      z.meta({ description: 'The introducer’s reminder; default 14' }),
    ),
  })
  .check(z.meta({ description: 'When meeting reminders go out' }));

const evaluation = z
  .strictObject({
    delayMinutes: z
      .optional(integer().check(z.gte(limits.delayMinutes.min), z.lte(limits.delayMinutes.max)))
      .check(z.meta({ description: 'After the meeting ends; default 60' })),
    reminderAfterDays: z
      .optional(integer().check(z.gte(limits.reminderAfterDays.min), z.lte(limits.reminderAfterDays.max)))
      .check(z.meta({ description: 'Default 3' })),
    closeAfterDays: z
      .optional(integer().check(z.gte(limits.closeAfterDays.min), z.lte(limits.closeAfterDays.max)))
      .check(z.meta({ description: 'Default 7' })),
  })
  .check(
    z.refine((e) => (e.reminderAfterDays ?? 3) < (e.closeAfterDays ?? 7), {
      path: ['reminderAfterDays'],
      message: 'invalid',
    }),
    z.meta({ description: 'When evaluations go out after a meeting, are reminded and close' }),
  );

/*
 * The settings a network can be created with as well as changed later, so an admin need not follow the
 * create with a PATCH (and a network is never, even briefly, on the defaults it was not meant to have).
 */
const networkSchedules = {
  meetingReminders: z.optional(meetingReminders),
  evaluation: z.optional(evaluation),
  digest: z.optional(DigestScheduleSchema),
  coordinatorLanguages: z.optional(coordinatorLanguages),
};

export const NetworkId = z
  .string()
  .check(
    z.regex(/^[a-z0-9-]{3,40}$/, 'invalid'),
    z.meta({ description: '3–40 characters of a-z, 0-9 and -', example: 'rektorer-vast' }),
  );

export const CreateNetworkRequest = z
  .strictObject({
    id: NetworkId,
    name: singleLine(200),
    languages: networkLanguages,
    coordinators,
    memberDomains: z._default(memberDomains, []),
    thankYouUrl: z
      .optional(webUrl)
      .check(z.meta({ description: 'Where a plain HTML form post is redirected' })),
    timeZone: z._default(timeZone, 'Europe/Stockholm'),
    ...networkSchedules,
  })
  .check(z.meta({ id: 'CreateNetworkRequest' }));
export type CreateNetworkRequest = z.output<typeof CreateNetworkRequest>;

export const UpdateNetworkRequest = z
  .strictObject({
    name: z.optional(singleLine(200)),
    languages: z.optional(networkLanguages),
    coordinators: z.optional(coordinators),
    memberDomains: z.optional(memberDomains),
    thankYouUrl: z.optional(z.nullable(webUrl)).check(z.meta({ description: 'null removes the redirect' })),
    timeZone: z.optional(timeZone),
    ...networkSchedules,
  })
  .check(z.meta({ id: 'UpdateNetworkRequest', description: 'Only the fields given change' }));
export type UpdateNetworkRequest = z.output<typeof UpdateNetworkRequest>;

export const NetworkSettings = z
  .object({
    id: z.string(),
    name: z.string(),
    languages: z.array(z.enum(languages)),
    coordinators: z.array(z.string()),
    memberDomains: z.array(z.string()),
    thankYouUrl: z.optional(z.string()),
    timeZone: z.string(),
    meetingReminders: z
      .optional(z.object({ days: z.array(integer()), introducerDays: integer() }))
      .check(z.meta({ description: 'When meeting reminders go out; absent: the defaults' })),
    evaluation: z
      .optional(
        z.object({
          delayMinutes: z.optional(integer()),
          reminderAfterDays: z.optional(integer()),
          closeAfterDays: z.optional(integer()),
        }),
      )
      .check(
        z.meta({ description: 'When evaluations go out, are reminded and close; absent: the defaults' }),
      ),
    digest: z.optional(DigestScheduleSchema),
    coordinatorLanguages: z.optional(z.record(z.string(), z.enum(languages))),
  })
  .check(z.meta({ id: 'NetworkSettings' }));
