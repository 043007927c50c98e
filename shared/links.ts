import { env } from './config.ts';
import { personId } from './domain/person.ts';
import type { Language } from './i18n.ts';
import { putToken, type TokenPurpose } from './store/tokens.ts';
import { hashToken, newToken } from './tokens.ts';

/** The route each kind of link belongs to: a token works only on its own (openLink checks). */
const paths: Record<TokenPurpose, string> = {
  'confirm-registration': '/v1/confirm/',
  'confirm-join-request': '/v1/confirm/',
  'approve-join-request': '/v1/decisions/',
  'decline-join-request': '/v1/decisions/',
  'leave-group': '/v1/leave/',
  'accept-offer': '/v1/offers/',
  'rsvp-yes': '/v1/rsvp/',
  'rsvp-no': '/v1/rsvp/',
  'rsvp-no-series': '/v1/rsvp/',
  'unsubscribe-reminders': '/v1/unsubscribe/',
  'unsubscribe-all': '/v1/unsubscribe/',
  'unsubscribe-digest': '/v1/unsubscribe/',
  'unsubscribe-stay': '/v1/unsubscribe/',
  feedback: '/v1/feedback/',
  'confirm-group-proposal': '/v1/confirm/',
  'privacy-export': '/v1/privacy/',
  'privacy-erase': '/v1/privacy/',
  'privacy-stay': '/v1/privacy/',
};

export function linkPath(purpose: TokenPurpose): string {
  return paths[purpose];
}

export interface LinkSubject {
  networkId: string;
  subjectId: string;
  groupId?: string;
  meetingId?: string;
  language: Language;
  /** The address of the person whose data the link acts on (the member, also in a coordinator's link). */
  person: string;
}

/** A fresh single-use link for one recipient; only the hash of its token is stored. */
export async function issueLink(
  purpose: TokenPurpose,
  subject: LinkSubject,
  validUntil: string,
): Promise<string> {
  const token = newToken();
  const { person, ...stored } = subject;
  await putToken(hashToken(token), { purpose, ...stored, validUntil }, personId(person));
  return `${env.publicBaseUrl()}${paths[purpose]}${token}`;
}
