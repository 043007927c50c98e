import { linkPath } from '../links.ts';
import type { LinkToken, TokenPurpose } from '../store/tokens.ts';
import { getToken } from '../store/tokens.ts';
import { hashToken, isTokenShaped } from '../tokens.ts';
import { gone, notFound } from './errors.ts';
import type { ApiRequest } from './request.ts';

export interface OpenedLink<P extends TokenPurpose> {
  link: LinkToken & { purpose: P };
  token: string;
  tokenHash: string;
  /** Neither used nor past its end: the GET page may offer its button. */
  usable: boolean;
}

/**
 * The token of an emailed link, looked up by its hash. Unknown, malformed or another route's token: 404,
 * in the same words, so a guess learns nothing. From here on errors speak the recipient's language.
 */
export async function openLink<P extends TokenPurpose>(
  request: ApiRequest,
  purposes: readonly P[],
  now: Date,
): Promise<OpenedLink<P>> {
  const token = request.params.token ?? '';
  const tokenHash = hashToken(token);
  const link = isTokenShaped(token) ? await getToken(tokenHash) : undefined;
  // A token works on its own route only: a leave link posted to /v1/decisions/ is no decision.
  const routePath = request.event.routeKey.split(' ')[1] ?? '';
  if (
    !link ||
    !(purposes as readonly TokenPurpose[]).includes(link.purpose) ||
    !routePath.startsWith(linkPath(link.purpose))
  )
    throw notFound('link_not_found');
  request.language = link.language;
  const usable = !link.usedAt && Date.parse(link.validUntil) > now.getTime();
  return { link: link as LinkToken & { purpose: P }, token, tokenHash, usable };
}

/** For flows with no idempotent "already done" answer: a used or lapsed link is gone. */
export function requireUsable(opened: OpenedLink<TokenPurpose>): void {
  if (!opened.usable) throw gone('link_expired');
}

export const isGet = (request: ApiRequest) => request.event.requestContext.http.method === 'GET';
