import * as z from 'zod/mini';
import { languages } from '../i18n.ts';

/* The coordinators' list and export of registrations: the query and the page. */

const registrationStatus = z.enum(['pending_confirmation', 'confirmed', 'expired']);

/** A query parameter's text: trimmed, 1 to `max` characters. */
const queryText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const RegistrationQuery = z.strictObject({
  status: z.optional(registrationStatus),
  topic: z.optional(queryText(120)).check(z.meta({ description: 'One of the topics (any case)' })),
  organisation: z
    .optional(queryText(160))
    .check(z.meta({ description: 'Part of the organisation’s name (any case)' })),
  search: z
    .optional(queryText(160))
    .check(
      z.meta({ description: 'Part of the name, the email address or the organisation’s name (any case)' }),
    ),
  cursor: z
    .optional(z.string().check(z.maxLength(200)))
    .check(
      z.meta({ description: 'From the previous page’s `cursor`; the same filters must be given again' }),
    ),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});
export type RegistrationQuery = z.output<typeof RegistrationQuery>;

/** The filters only: the CSV export has every page in one file. */
export const RegistrationExportQuery = z.pick(RegistrationQuery, {
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
    status: registrationStatus.check(
      z.meta({ description: 'As it stands now: a pending registration past its expiry is expired' }),
    ),
    createdAt: z.string(),
    confirmedAt: z.optional(z.string()),
    fromMemberOrganisation: z
      .boolean()
      .check(z.meta({ description: 'The address is under one of the network’s member domains' })),
  })
  .check(z.meta({ id: 'RegistrationListItem' }));

export const RegistrationList = z
  .object({
    items: z.array(RegistrationListItem),
    cursor: z
      .optional(z.string())
      .check(z.meta({ description: 'Present when there may be more: pass it back' })),
  })
  .check(z.meta({ id: 'RegistrationList' }));
