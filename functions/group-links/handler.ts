import * as z from 'zod/mini';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import type { Network } from '../../shared/domain/network.ts';
import { gone, HttpError, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink, openLink, requireUsable } from '../../shared/http/link-request.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/group-links.ts';
import { validate } from '../../shared/http/validation.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import {
  approveRequest,
  declinePendingRequest,
  leave,
  stoppedAllMail,
  welcomeMember,
} from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { acceptOffer, getJoinRequest } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { touchPerson } from '../../shared/store/people.ts';
import type { TokenPurpose } from '../../shared/store/tokens.ts';
import { startOfferWorkflow } from '../../shared/workflows/offers.ts';

type Purpose = Extract<
  TokenPurpose,
  'approve-join-request' | 'decline-join-request' | 'leave-group' | 'accept-offer'
>;
const purposes: Purpose[] = ['approve-join-request', 'decline-join-request', 'leave-group', 'accept-offer'];

const DeclineForm = z.object({ message: z.optional(z.string().check(z.trim(), z.maxLength(1000))) });

interface Context {
  request: ApiRequest;
  opened: OpenedLink<Purpose>;
  network: Network;
  group: Group;
  joinRequest: JoinRequest;
  now: Date;
}

type ResultKind = Parameters<typeof resultPage>[0]['kind'];
type ActionKind = Parameters<typeof actionPage>[0]['kind'];

function done(c: Context, kind: ResultKind, extra: { position?: number; mailOff?: boolean } = {}): ApiResult {
  // What the page adds for a person reading it; the JSON answer is the outcome alone.
  const { mailOff: _pageOnly, ...outcome } = extra;
  if (prefersJson(c.request.event.headers?.accept)) return json(200, { result: kind, ...outcome });
  return html(
    200,
    resultPage({
      language: c.opened.link.language,
      networkName: c.network.name,
      kind,
      groupTitle: c.group.title,
      requesterName: c.joinRequest.name,
      ...extra,
    }),
  );
}

function ask(c: Context, kind: ActionKind): ApiResult {
  return html(
    200,
    actionPage({
      language: c.opened.link.language,
      networkName: c.network.name,
      kind,
      groupTitle: c.group.title,
      requesterName: c.joinRequest.name,
      actionUrl: c.opened.token,
    }),
  );
}

/** A coordinator's approve or decline link: the first decision wins, later presses are told so. */
async function decide(c: Context): Promise<ApiResult> {
  const approve = c.opened.link.purpose === 'approve-join-request';
  if (c.joinRequest.status !== 'pending_approval') return done(c, 'already-decided');
  requireUsable(c.opened);
  // A closed group seats nobody: "already decided" would be untrue, and the request would wait for good.
  if (approve && c.group.status === 'closed') throw new HttpError(409, 'join_group_closed');
  if (isGet(c.request)) return ask(c, approve ? 'approve-join-request' : 'decline-join-request');
  if (approve) {
    const result = await approveRequest(c.network, c.group, c.joinRequest, c.now, c.opened.tokenHash);
    if (result.placement?.status === 'approved') return done(c, 'join-request-approved');
    if (result.placement?.status === 'waitlisted')
      return done(c, 'join-request-waitlisted', { position: result.placement.position });
    return done(c, 'already-decided');
  }
  const { message } = validate(DeclineForm, c.request.body ?? {}, c.opened.link.language);
  const outcome = await declinePendingRequest(
    c.network,
    c.group,
    c.joinRequest,
    message,
    c.now,
    c.opened.tokenHash,
  );
  return done(c, outcome === 'done' ? 'join-request-declined' : 'already-decided');
}

/** A member's "leave the group" link: also leaves the waitlist, or lets an offered seat pass. */
async function leaveGroup(c: Context): Promise<ApiResult> {
  const status = c.joinRequest.status;
  if (!['approved', 'waitlisted', 'offered'].includes(status)) return done(c, 'already-done');
  requireUsable(c.opened);
  const kind =
    status === 'waitlisted' ? 'leave-waitlist' : status === 'offered' ? 'decline-offer' : 'leave-group';
  if (isGet(c.request)) return ask(c, kind);
  const { outcome, offer } = await leave(c.network, c.group, c.joinRequest, c.opened.tokenHash, c.now);
  if (offer) await startOfferWorkflow(offer);
  if (outcome !== 'done') return done(c, 'already-done');
  return done(
    c,
    status === 'waitlisted' ? 'left-waitlist' : status === 'offered' ? 'offer-declined' : 'left-group',
  );
}

/** The seat is theirs: the page says so, and whether any invitation can reach them. */
const welcomed = async (c: Context) =>
  done(c, 'offer-accepted', (await stoppedAllMail(c.joinRequest)) ? { mailOff: true } : {});

/** Accepting an offered seat, before the offer ends. */
async function accept(c: Context): Promise<ApiResult> {
  if (c.joinRequest.status === 'approved') return welcomed(c);
  if (c.joinRequest.status !== 'offered') throw gone('offer_expired');
  requireUsable(c.opened);
  if (isGet(c.request)) return ask(c, 'accept-offer');
  const outcome = await acceptOffer(c.joinRequest, c.now, c.opened.tokenHash);
  if (outcome === 'done') {
    await welcomeMember(c.network, c.group, c.joinRequest, c.now);
    await touchPerson(c.joinRequest.email, c.joinRequest.language, c.now);
    return welcomed(c);
  }
  const current = await getJoinRequest(c.group.id, c.joinRequest.id);
  if (current?.status === 'approved') return welcomed(c);
  throw gone('offer_expired');
}

/**
 * `/v1/decisions/{token}`, `/v1/leave/{token}`, `/v1/offers/{token}`: the links in group emails. GET shows a
 * page with one button and changes nothing; POST acts.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, purposes, now);
    const groupId = opened.link.groupId ?? '';
    const [network, group, joinRequest] = await Promise.all([
      getNetwork(opened.link.networkId),
      getGroup(groupId),
      getJoinRequest(groupId, opened.link.subjectId),
    ]);
    if (!network || !group || !joinRequest) throw notFound('link_not_found');
    const c: Context = { request, opened, network, group, joinRequest, now };
    switch (opened.link.purpose) {
      case 'approve-join-request':
      case 'decline-join-request':
        return decide(c);
      case 'leave-group':
        return leaveGroup(c);
      case 'accept-offer':
        return accept(c);
    }
  },
  { body: 'optional', routes },
);
