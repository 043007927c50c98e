import { createHash } from 'node:crypto';
import type { Language } from '../i18n.ts';
import { isLapsed, type OptInTiming, optInTimes } from './opt-in.ts';

/**
 * Interest registrations: double opt-in. A registration is pending until the person follows the emailed
 * link; one reminder goes out; after the expiry window it lapses and may be made again.
 */
export type RegistrationStatus = 'pending_confirmation' | 'confirmed' | 'expired';

export interface Registration {
  id: string;
  networkId: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  topics: string[];
  message?: string;
  language: Language;
  status: RegistrationStatus;
  /** What the person agreed to, and in which wording, for the consent log. */
  consent: { at: string; wording: string };
  createdAt: string;
  /** Last time a confirmation email was asked for: the resend rate limit counts from here. */
  confirmationRequestedAt: string;
  /** How many confirmation emails were asked for; each has its own dedupe key. */
  confirmationCount: number;
  remindAt: string;
  expireAt: string;
  confirmedAt?: string;
}

/** The wording version of the consent text on the interest form. Bump it when the text changes. */
export const interestConsentWording = 'interest-v1';

/** Emails key the member, so they are compared the way mail systems do in practice. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Stands for a recipient in a dedupe key, which is logged: never the address itself. */
export function recipientTag(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('base64url').slice(0, 16);
}

/**
 * The id is derived from network and address, so asking twice lands on the same record (no duplicate
 * member) and the answer is the same whether or not the address was known: the endpoint reveals nothing.
 */
export function registrationId(networkId: string, email: string): string {
  return createHash('sha256')
    .update(`registration\0${networkId}\0${normaliseEmail(email)}`)
    .digest('base64url')
    .slice(0, 22);
}

export interface RegistrationInput {
  name: string;
  email: string;
  organisation: string;
  role: string;
  topics: string[];
  message?: string | undefined;
}

export function newRegistration(
  networkId: string,
  input: RegistrationInput,
  language: Language,
  timing: OptInTiming,
  now: Date,
): Registration {
  const email = normaliseEmail(input.email);
  const at = now.toISOString();
  return {
    id: registrationId(networkId, email),
    networkId,
    name: input.name,
    email,
    organisation: input.organisation,
    role: input.role,
    topics: dedupeTopics(input.topics),
    ...(input.message ? { message: input.message } : {}),
    language,
    status: 'pending_confirmation',
    consent: { at, wording: interestConsentWording },
    createdAt: at,
    confirmationRequestedAt: at,
    confirmationCount: 1,
    ...optInTimes(timing, now),
  };
}

/** Topics as the person wrote them, without empty or repeated entries (case-insensitive). */
export function dedupeTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of topics) {
    const topic = raw.trim().replace(/\s+/g, ' ');
    const key = topic.toLocaleLowerCase('sv');
    if (topic === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(topic);
  }
  return result;
}

export type ConfirmDecision = 'confirm' | 'already-confirmed' | 'expired';

export function decideOnConfirm(registration: Registration, now: Date): ConfirmDecision {
  if (registration.status === 'confirmed') return 'already-confirmed';
  if (isLapsed(registration, now)) return 'expired';
  return 'confirm';
}

/*
 * Dedupe keys of a registration's emails: a retried step never sends twice. They name the registration's
 * round (when it was made), because a lapsed registration made again is the same record, and its emails
 * must go out again.
 */
type Round = Pick<Registration, 'id' | 'networkId' | 'createdAt'>;
const round = (r: Round) => `registration:${r.networkId}:${r.id}:${Date.parse(r.createdAt)}`;

/** The n-th confirmation email of a round: each re-send has its own. */
export function confirmationDedupeKey(registration: Round, n: number): string {
  return `${round(registration)}:confirmation:${n}`;
}

export function reminderDedupeKey(registration: Round): string {
  return `${round(registration)}:reminder`;
}

export function receiptDedupeKey(registration: Round): string {
  return `${round(registration)}:receipt`;
}
