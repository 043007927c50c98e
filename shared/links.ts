import { env } from './config.ts';
import type { Language } from './i18n.ts';
import { putToken, type TokenPurpose } from './store/tokens.ts';
import { hashToken, newToken } from './tokens.ts';

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
  feedback: '/v1/feedback/',
  'confirm-group-proposal': '/v1/confirm/',
};

/** A fresh single-use link for one recipient; only the hash of its token is stored. */
export async function issueLink(
  purpose: TokenPurpose,
  subject: { networkId: string; subjectId: string; groupId?: string; meetingId?: string; language: Language },
  validUntil: string,
): Promise<string> {
  const token = newToken();
  await putToken(hashToken(token), { purpose, ...subject, validUntil });
  return `${env.publicBaseUrl()}${paths[purpose]}${token}`;
}
