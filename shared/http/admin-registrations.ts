import type * as z from 'zod/mini';
import { isMemberAddress, type Network } from '../domain/network.ts';
import type { Registration } from '../domain/registration.ts';
import { effectiveStatus } from '../domain/registration-list.ts';
import type { Language } from '../i18n.ts';
import { toCsv } from './csv.ts';
import { validationFailed } from './errors.ts';
import { fieldMessages } from './messages.ts';
import type { RegistrationListItem } from './registration-schemas.ts';

/** How the admin API shows registrations: list items, opaque cursors, and the CSV export. */

export function registrationListItem(
  registration: Registration,
  network: Network,
  now: Date,
): z.output<typeof RegistrationListItem> {
  return {
    id: registration.id,
    name: registration.name,
    email: registration.email,
    organisation: registration.organisation,
    role: registration.role,
    topics: registration.topics,
    language: registration.language,
    status: effectiveStatus(registration, now),
    createdAt: registration.createdAt,
    ...(registration.confirmedAt ? { confirmedAt: registration.confirmedAt } : {}),
    fromMemberOrganisation: isMemberAddress(network, registration.email),
  };
}

/*
 * A cursor is the id to continue after, wrapped so callers treat it as opaque. It names no network: the
 * network comes from the path the caller is authorised for, so a cursor cannot reach another one.
 */
const CURSOR_VERSION = 'r1.';

export function encodeCursor(registrationId: string): string {
  return Buffer.from(`${CURSOR_VERSION}${registrationId}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined, language: Language): string | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.slice(CURSOR_VERSION.length);
  if (!text.startsWith(CURSOR_VERSION) || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw validationFailed({ cursor: fieldMessages[language].invalid() });
  return id;
}

const headers: Record<Language, readonly string[]> = {
  sv: [
    'Namn',
    'E-post',
    'Organisation',
    'Roll',
    'Ämnen',
    'Språk',
    'Status',
    'Medlemsorganisation',
    'Anmäld',
    'Bekräftad',
  ],
  nb: [
    'Navn',
    'E-post',
    'Organisasjon',
    'Rolle',
    'Temaer',
    'Språk',
    'Status',
    'Medlemsorganisasjon',
    'Påmeldt',
    'Bekreftet',
  ],
  en: [
    'Name',
    'Email',
    'Organisation',
    'Role',
    'Topics',
    'Language',
    'Status',
    'Member organisation',
    'Registered',
    'Confirmed',
  ],
};

const statusLabels: Record<Language, Record<Registration['status'], string>> = {
  sv: { pending_confirmation: 'Ej bekräftad', confirmed: 'Bekräftad', expired: 'Utgången' },
  nb: { pending_confirmation: 'Ikke bekreftet', confirmed: 'Bekreftet', expired: 'Utløpt' },
  en: { pending_confirmation: 'Not confirmed', confirmed: 'Confirmed', expired: 'Expired' },
};

const yesNo: Record<Language, [string, string]> = { sv: ['Ja', 'Nej'], nb: ['Ja', 'Nei'], en: ['Yes', 'No'] };

/** `2026-11-22 10:15` in the network's time zone: what Excel reads as a date and time. */
function localTime(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The export: one row per registration, oldest first, headings in the coordinator's language. */
export function registrationsCsv(
  registrations: readonly Registration[],
  network: Network,
  language: Language,
  now: Date,
): string {
  const sorted = [...registrations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const [yes, no] = yesNo[language];
  const rows = sorted.map((r) => [
    r.name,
    r.email,
    r.organisation,
    r.role,
    r.topics.join(', '),
    r.language,
    statusLabels[language][effectiveStatus(r, now)],
    isMemberAddress(network, r.email) ? yes : no,
    localTime(r.createdAt, network.timeZone),
    localTime(r.confirmedAt, network.timeZone),
  ]);
  return toCsv(headers[language], rows);
}

/** `registrations-demo-2026-11-22.csv`: network ids are [a-z0-9-], so the name needs no escaping. */
export function exportFileName(networkId: string, now: Date): string {
  return `registrations-${networkId}-${now.toISOString().slice(0, 10)}.csv`;
}
