import { type OptOutScope, personId } from '../../shared/domain/person.ts';
import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, openLink } from '../../shared/http/link-request.ts';
import { httpHandler } from '../../shared/http/middleware.ts';
import { prefersJson } from '../../shared/http/request.ts';
import { html, json } from '../../shared/http/responses.ts';
import { UnsubscribeBody } from '../../shared/http/schemas.ts';
import { validate } from '../../shared/http/validation.ts';
import { unsubscribedPage, unsubscribePage } from '../../shared/pages/privacy.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { getOptOut, optOutWithToken } from '../../shared/store/people.ts';

const purposes = ['unsubscribe-reminders', 'unsubscribe-all'] as const;

/**
 * `/v1/unsubscribe/{token}`: the personal link in the footer of every mail to a member. GET offers the two
 * choices (reminders only, or everything from the network); a POST with `scope`, or a mail client's
 * RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, which takes the kind of mail it came with),
 * records it. Mails the person asks for themselves still go.
 */
export const handler = httpHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, purposes, now);
    const { link } = opened;
    const network = await getNetwork(link.networkId);
    if (!network) throw notFound('link_not_found');
    // Links from before person ids name the member's join request instead.
    const person = link.groupId
      ? await getJoinRequest(link.groupId, link.subjectId).then((m) => m && personId(m.email))
      : link.subjectId;
    if (!person) throw notFound('link_not_found');
    const page = { language: link.language, networkName: network.name };
    const done = (scope: OptOutScope) =>
      prefersJson(request.event.headers?.accept)
        ? json(200, { result: 'unsubscribed', scope })
        : html(200, unsubscribedPage({ ...page, scope }));

    if (link.usedAt) return done((await getOptOut(person, network.id)) ?? 'reminders');
    if (!opened.usable) throw gone('link_expired');
    const suggested: OptOutScope = link.purpose === 'unsubscribe-reminders' ? 'reminders' : 'all';
    if (isGet(request)) return html(200, unsubscribePage({ ...page, actionUrl: opened.token, suggested }));

    const body = validate(UnsubscribeBody, request.body ?? {}, link.language);
    const scope = body.scope ?? suggested;
    const outcome = await optOutWithToken(person, network.id, scope, opened.tokenHash, now);
    // Pressed twice at once: the other press recorded it; show what is recorded now.
    return done(outcome === 'done' ? scope : ((await getOptOut(person, network.id)) ?? scope));
  },
  { body: 'optional' },
);
