import { gone, HttpError, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import {
  currentPlacement,
  type Placement,
  placeConfirmedRequest,
  tellPlacement,
} from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { recordConfirmedConsent } from '../../shared/store/people.ts';

const resultKinds = {
  approved: 'join-approved',
  waitlisted: 'join-waitlisted',
  pending_approval: 'join-pending-approval',
} as const;

/** Confirming a request to join a group: then a seat, the waitlist, or a coordinator's decision. */
export async function joinRequestLink(
  request: ApiRequest,
  { link, token, tokenHash, usable }: OpenedLink<'confirm-join-request'>,
  now: Date,
): Promise<ApiResult> {
  const groupId = link.groupId ?? '';
  const [network, group, joinRequest] = await Promise.all([
    getNetwork(link.networkId),
    getGroup(groupId),
    getJoinRequest(groupId, link.subjectId),
  ]);
  if (!network || !group || !joinRequest) throw notFound('link_not_found');
  const language = link.language;

  const answer = (placement: Placement) => {
    const position = placement.status === 'waitlisted' ? placement.position : undefined;
    if (prefersJson(request.event.headers?.accept))
      return json(200, { status: placement.status, ...(position ? { waitlistPosition: position } : {}) });
    const kind = resultKinds[placement.status];
    return html(
      200,
      resultPage({
        language,
        networkName: network.name,
        kind,
        groupTitle: group.title,
        ...(position ? { position } : {}),
      }),
    );
  };

  if (isGet(request) || joinRequest.status !== 'pending_confirmation') {
    const placement = await currentPlacement(joinRequest);
    // Pressed again after a failure cut the welcome short (a throttled write, SES down): send what is
    // missing. A GET changes nothing, so it only shows.
    if (placement && !isGet(request)) await tellPlacement(network, group, joinRequest, placement, now);
    if (placement) return answer(placement);
    if (!isGet(request) || !usable || joinRequest.status !== 'pending_confirmation')
      throw gone('link_expired');
    return html(
      200,
      actionPage({
        language,
        networkName: network.name,
        kind: 'confirm-join-request',
        groupTitle: group.title,
        actionUrl: token,
      }),
    );
  }

  const result = await placeConfirmedRequest(network, group, joinRequest, tokenHash, now);
  if (result.placement) {
    await recordConfirmedConsent(joinRequest, 'join', now);
    return answer(result.placement);
  }
  // Someone else pressed the button at the same moment, or the link ran out: say where things stand.
  const current = await getJoinRequest(groupId, joinRequest.id);
  const placement = current ? await currentPlacement(current) : undefined;
  if (placement) return answer(placement);
  throw group.status === 'closed' ? new HttpError(409, 'group_closed') : gone('link_expired');
}
