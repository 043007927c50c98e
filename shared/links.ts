import { AsyncLocalStorage } from 'node:async_hooks';
import { env } from './config.ts';
import { personId } from './domain/person.ts';
import type { Language } from './i18n.ts';
import { type NewToken, putToken, putTokens, type TokenPurpose } from './store/tokens.ts';
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

/** The tokens of links issued inside holdingLinks, not stored yet; closed once `build` has ended. */
interface HeldTokens {
  tokens: NewToken[];
  open: boolean;
}

const heldTokens = new AsyncLocalStorage<HeldTokens>();

/** What holdingLinks built, and the write that makes the links it issued work. */
export interface HeldLinks<T> {
  readonly value: T;
  /** Stores the tokens of every link `build` issued, in one write. Until then none of them works. */
  store(): Promise<void>;
}

/**
 * Runs `build` (a mail's message and headers) with the tokens of the links it issues held back, to be
 * stored all in one write when the caller says: one round trip per mail instead of one per link, and
 * none at all for a mail that is not sent after all. If `build` fails, none is stored. A link issued
 * after `build` ended (nothing awaited it) is stored on its own, as outside.
 */
export async function holdingLinks<T>(build: () => Promise<T>): Promise<HeldLinks<T>> {
  const held: HeldTokens = { tokens: [], open: true };
  const value = await heldTokens.run(held, build);
  held.open = false;
  return { value, store: () => putTokens(held.tokens) };
}

/** A fresh single-use link for one recipient; only the hash of its token is stored. */
export async function issueLink(
  purpose: TokenPurpose,
  subject: LinkSubject,
  validUntil: string,
): Promise<string> {
  const token = newToken();
  const { person, ...stored } = subject;
  const issued = {
    tokenHash: hashToken(token),
    token: { purpose, ...stored, validUntil },
    personId: personId(person),
  };
  const held = heldTokens.getStore();
  if (held?.open) held.tokens.push(issued);
  else await putToken(issued.tokenHash, issued.token, issued.personId);
  return `${env.publicBaseUrl()}${paths[purpose]}${token}`;
}
