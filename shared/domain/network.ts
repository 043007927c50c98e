import { domainToASCII } from 'node:url';
import type { Language } from '../i18n.ts';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * When the coordinators get their digest: a network's setting, so it lives here and digest.ts imports it
 * (the other way round, network → digest → group → network, was an import cycle).
 */
export type DigestSchedule =
  | { frequency: 'off' }
  | { frequency: 'daily'; hour: number }
  | { frequency: 'weekly'; weekday: Weekday; hour: number };

/** A network: the community members register interest in and coordinators run. */
export interface Network {
  id: string;
  name: string;
  /** In order of preference: the first is used when a member's language is not known. */
  languages: Language[];
  /** Coordinators' email addresses (normalised). */
  coordinators: string[];
  /** Where a plain HTML form post is redirected after success; a localised receipt page otherwise. */
  thankYouUrl?: string;
  timeZone: string;
  /**
   * Email domains of the member organisations (lower case, ASCII/punycode). Only people with an address
   * under one of them may join a group directly; others wait for a coordinator. Stored items written
   * before this field existed have none: read them as [].
   */
  memberDomains: string[];
  /** When meeting reminders go out, in days before a meeting: [7, 1] and 14 for the introducer unless set. */
  meetingReminders?: { days: number[]; introducerDays: number };
  /** When evaluations go out after a meeting: 60 minutes after its end, a reminder after 3 days, closed after 7. */
  evaluation?: { delayMinutes?: number; reminderAfterDays?: number; closeAfterDays?: number };
  /** When coordinators get their digest, in the network's time zone: weekly on Monday at 7 unless set. */
  digest?: DigestSchedule;
  /** A coordinator's own language for the digest and decisions; the network's first otherwise. */
  coordinatorLanguages?: Record<string, Language>;
  /** State, not a setting: when the coordinators last got a digest (the next covers what came after). */
  lastDigestAt?: string;
}

export function defaultLanguage(network: Network): Language {
  return network.languages[0] ?? 'sv';
}

/**
 * A coordinator's language (or a facilitator's, who is mailed as one): their own choice if the network
 * has one for them, else the network's first. Every mail to a coordinator goes through this, so the
 * setting holds for decisions and summaries as it does for the digest.
 */
export function coordinatorLanguage(
  network: { languages: readonly Language[]; coordinatorLanguages?: Readonly<Record<string, Language>> },
  coordinator: string,
): Language {
  return network.coordinatorLanguages?.[coordinator.toLowerCase()] ?? network.languages[0] ?? 'sv';
}

/** The member's own choice if the network offers it, else the network's first language. */
export function languageFor(network: Network, wanted: Language | undefined): Language {
  return wanted !== undefined && network.languages.includes(wanted) ? wanted : defaultLanguage(network);
}

/** A domain as compared: lower case, punycode for internationalised names, no trailing dot. */
export function normaliseDomain(domain: string): string {
  const trimmed = domain.trim().toLowerCase().replace(/\.$/, '');
  return domainToASCII(trimmed) || trimmed;
}

/**
 * Whether an address belongs to one of the network's member organisations: its domain is a member domain
 * or a subdomain of one (`rektor@skola.ale.se` under `ale.se`), never a look-alike (`notale.se`).
 */
export function isMemberAddress(network: Pick<Network, 'memberDomains'>, email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at < 0) return false;
  const domain = normaliseDomain(email.slice(at + 1));
  if (domain === '') return false;
  return (network.memberDomains ?? []).some((raw) => {
    const member = normaliseDomain(raw);
    return member !== '' && (domain === member || domain.endsWith(`.${member}`));
  });
}
