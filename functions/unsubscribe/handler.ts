import { type OptOutScope, personId } from '../../shared/domain/person.ts';
import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, openLink } from '../../shared/http/link-request.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { prefersJson } from '../../shared/http/request.ts';
import { html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/unsubscribe.ts';
import { UnsubscribeBody } from '../../shared/http/unsubscribe-schemas.ts';
import { validate } from '../../shared/http/validation.ts';
import {
  digestSubscriptionPage,
  resubscribedPage,
  stayUnsubscribePage,
  unsubscribedPage,
  unsubscribePage,
} from '../../shared/pages/privacy.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import {
  getOptOut,
  hasDigestOptOut,
  optOutWithToken,
  setDigestOptOut,
  setMailChoice,
} from '../../shared/store/people.ts';
import { getItems, personItemKeys } from '../../shared/store/person-data.ts';

const purposes = [
  'unsubscribe-reminders',
  'unsubscribe-all',
  'unsubscribe-digest',
  'unsubscribe-stay',
] as const;

/**
 * `/v1/unsubscribe/{token}`: the personal link in the footer of every mail to a member. GET offers the two
 * choices (reminders only, or everything from the network), or, once one is recorded, says so and offers
 * to turn the mail back on; a POST with `scope` (`none` turns it back on), or a mail client's RFC 8058
 * one-click POST (`List-Unsubscribe=One-Click`, which takes the kind of mail it came with), records it.
 * Mails the person asks for themselves still go. The link stays the member's way back until it lapses.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, purposes, now);
    const { link } = opened;
    if (link.purpose === 'unsubscribe-stay') {
      // The stay question is the person's, not a network's: every network they are in stops mailing them.
      if (Date.parse(link.validUntil) <= now.getTime()) throw gone('link_expired');
      const page = { language: link.language, actionUrl: opened.token };
      if (isGet(request)) return html(200, stayUnsubscribePage(page));
      const items = await getItems(await personItemKeys(link.subjectId));
      const networkIds = [
        ...new Set(
          items.map((i) => i.networkId).filter((id): id is string => typeof id === 'string' && id !== ''),
        ),
      ];
      const networks = (await Promise.all(networkIds.map((id) => getNetwork(id)))).filter(
        (n) => n !== undefined,
      );
      for (const network of networks) await setMailChoice(link.subjectId, network.id, 'all', now);
      return prefersJson(request.event.headers?.accept)
        ? json(200, { result: 'unsubscribed', scope: 'all' })
        : html(200, stayUnsubscribePage({ ...page, networkNames: networks.map((n) => n.name) }));
    }
    const network = await getNetwork(link.networkId);
    if (!network) throw notFound('link_not_found');
    // Links from before person ids name the member's join request instead.
    const person = link.groupId
      ? await getJoinRequest(link.groupId, link.subjectId).then((m) => m && personId(m.email))
      : link.subjectId;
    if (!person) throw notFound('link_not_found');
    const page = { language: link.language, networkName: network.name };
    const asJson = prefersJson(request.event.headers?.accept);
    if (link.purpose === 'unsubscribe-digest') {
      // A coordinator's own digest: any POST but `scope=none` (a one-click included) turns it off.
      if (Date.parse(link.validUntil) <= now.getTime()) throw gone('link_expired');
      const showPage = (off: boolean) =>
        html(200, digestSubscriptionPage({ ...page, actionUrl: opened.token, off }));
      if (isGet(request)) return showPage(await hasDigestOptOut(person, network.id));
      const body = validate(UnsubscribeBody, request.body ?? {}, link.language);
      const off = body.scope !== 'none';
      await setDigestOptOut(person, network.id, off, now);
      if (!asJson) return showPage(off);
      return json(
        200,
        off ? { result: 'unsubscribed', scope: 'digest' } : { result: 'resubscribed', scope: 'none' },
      );
    }
    const done = (scope: OptOutScope) =>
      asJson
        ? json(200, { result: 'unsubscribed', scope })
        : html(200, unsubscribedPage({ ...page, scope, actionUrl: opened.token }));
    const back = () =>
      asJson ? json(200, { result: 'resubscribed', scope: 'none' }) : html(200, resubscribedPage(page));
    const suggested: OptOutScope = link.purpose === 'unsubscribe-reminders' ? 'reminders' : 'all';
    // A "stop reminders" link in a mail that is not itself a reminder shows that choice first; what a
    // POST without a choice (a mail client's one-click) takes stays the link's own.
    const first = request.event.queryStringParameters?.first === 'reminders' ? 'reminders' : suggested;
    const choices = () => html(200, unsubscribePage({ ...page, actionUrl: opened.token, suggested: first }));

    if (!opened.usable && !(link.usedAt && Date.parse(link.validUntil) > now.getTime())) {
      // Lapsed: what is recorded is still shown, but nothing changes any more.
      if (link.usedAt) return done((await getOptOut(person, network.id)) ?? 'reminders');
      throw gone('link_expired');
    }
    const current = await getOptOut(person, network.id);
    if (isGet(request)) return current ? done(current) : choices();

    const body = validate(UnsubscribeBody, request.body ?? {}, link.language);
    const choice = body.scope ?? suggested;
    if (choice === 'none') {
      if (current) await setMailChoice(person, network.id, 'none', now);
      return back();
    }
    if (link.usedAt) {
      // The link's first use opted out; a later press (a one-click again, or opting out after turning the
      // mail back on) records what it asks for, and repeats nothing that is recorded already.
      if (current !== choice && current !== 'all') await setMailChoice(person, network.id, choice, now);
      return done(current === 'all' ? 'all' : choice);
    }
    const outcome = await optOutWithToken(person, network.id, choice, opened.tokenHash, now);
    // Pressed twice at once: the other press recorded it; show what is recorded now.
    return done(outcome === 'done' ? choice : ((await getOptOut(person, network.id)) ?? choice));
  },
  { body: 'optional', routes },
);
