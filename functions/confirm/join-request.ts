import { gone, HttpError, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import { confirmJoinRequest, stoppedAllMail } from '../../shared/services/membership.ts';

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
  const found = await confirmJoinRequest(
    { networkId: link.networkId, groupId: link.groupId ?? '', requestId: link.subjectId, tokenHash, usable },
    !isGet(request),
    now,
  );
  if (!found) throw notFound('link_not_found');
  const { network, group, confirmation } = found;
  const language = link.language;

  if (confirmation.outcome === 'link-expired') throw gone('link_expired');
  if (confirmation.outcome === 'group-closed') throw new HttpError(409, 'group_closed');
  if (confirmation.outcome === 'awaiting-confirmation')
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

  const { placement } = confirmation;
  const position = placement.status === 'waitlisted' ? placement.position : undefined;
  if (prefersJson(request.event.headers?.accept))
    return json(200, { status: placement.status, ...(position ? { waitlistPosition: position } : {}) });
  return html(
    200,
    resultPage({
      language,
      networkName: network.name,
      kind: resultKinds[placement.status],
      groupTitle: group.title,
      ...(position ? { position } : {}),
      ...(placement.status === 'approved' && (await stoppedAllMail(found.request)) ? { mailOff: true } : {}),
    }),
  );
}
