import { groupDedupeKey, type JoinRequest, newJoinRequest } from '../../shared/domain/group.ts';
import { defaultLanguage } from '../../shared/domain/network.ts';
import { decideOnRepeat, resendInterval } from '../../shared/domain/registration.ts';
import { HttpError, notFound } from '../../shared/http/errors.ts';
import { JoinRequestBody } from '../../shared/http/group-schemas.ts';
import { requestLanguage } from '../../shared/http/language.ts';
import { httpHandler } from '../../shared/http/middleware.ts';
import { html, json, seeOther } from '../../shared/http/responses.ts';
import { fromForm } from '../../shared/http/schemas.ts';
import { validate } from '../../shared/http/validation.ts';
import { issueLink } from '../../shared/links.ts';
import { logger } from '../../shared/logger.ts';
import { sendOnce } from '../../shared/notify.ts';
import { receiptPage } from '../../shared/pages/pages.ts';
import { withMailAllowance } from '../../shared/services/mail-allowance.ts';
import { claimConfirmationResend } from '../../shared/store/common.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { createJoinRequest } from '../../shared/store/join-requests.ts';
import { keys } from '../../shared/store/keys.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** The double opt-in email; its link is valid until the request lapses. */
async function sendConfirmation(
  request: JoinRequest,
  networkName: string,
  groupTitle: string,
  timeZone: string,
) {
  await sendOnce({
    dedupeKey: groupDedupeKey(request, `confirmation:${request.confirmationCount}`),
    to: request.email,
    language: request.language,
    member: { networkId: request.networkId, category: 'transactional' },
    message: async () => ({
      kind: 'confirm-join-request',
      recipientName: request.name,
      networkName,
      groupTitle,
      confirmUrl: await issueLink(
        'confirm-join-request',
        {
          networkId: request.networkId,
          subjectId: request.id,
          groupId: request.groupId,
          language: request.language,
          person: request.email,
        },
        request.expireAt,
      ),
      expiresAt: new Date(request.expireAt),
      timeZone,
    }),
  });
}

/**
 * Stores the request and mails its confirmation, or for a repeat re-sends it (rate limited). True when it
 * sent a new confirmation, which is what the address's allowance counts.
 */
async function ask(
  joinRequest: JoinRequest,
  networkName: string,
  groupTitle: string,
  timeZone: string,
  now: Date,
): Promise<boolean> {
  const outcome = await createJoinRequest(joinRequest, now);
  if (outcome.created) {
    await sendConfirmation(joinRequest, networkName, groupTitle, timeZone);
    return true;
  }
  const repeat = decideOnRepeat(outcome.existing, now);
  if (repeat === 'retry-last') {
    // Its own dedupe key: nothing if it went out, the email if an earlier attempt failed half-way; either
    // way the mail counted when the request was made.
    await sendConfirmation(outcome.existing, networkName, groupTitle, timeZone);
    return false;
  }
  if (repeat !== 'resend-confirmation') return false;
  const count = await claimConfirmationResend(
    keys.joinRequest(outcome.existing.groupId, outcome.existing.id),
    now,
    new Date(now.getTime() - resendInterval),
  );
  if (count === undefined) return false;
  await sendConfirmation(
    { ...outcome.existing, confirmationCount: count },
    networkName,
    groupTitle,
    timeZone,
  );
  return true;
}

/**
 * A request to join a group: one per person and group, confirmed by email before a seat is considered.
 * Answers the same whatever happened, so it tells nobody who asked before.
 */
export const handler = httpHandler(
  async (request) => {
    const group = await getGroup(request.params.groupId ?? '');
    const network = group ? await getNetwork(group.networkId) : undefined;
    if (!group || !network) throw notFound('group_not_found');
    const body = request.form
      ? fromForm(JoinRequestBody, request.body as Record<string, string | string[]>)
      : request.body;
    const explicit =
      typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
    request.language = requestLanguage(
      explicit,
      request.acceptLanguage,
      network.languages,
      defaultLanguage(network),
    );
    if (group.status === 'closed') throw new HttpError(409, 'group_closed');
    const input = validate(JoinRequestBody, body, request.language);

    const now = new Date();
    const joinRequest = newJoinRequest(group, input, request.language, now);

    if (input.homepage) logger.info('honeypot filled in: dropped', { groupId: group.id });
    else
      await withMailAllowance(
        joinRequest.email,
        'join-request',
        now,
        () => ask(joinRequest, network.name, group.title, network.timeZone, now),
        { networkId: network.id, groupId: group.id },
      );
    if (!request.form) return json(202, { id: joinRequest.id, status: 'pending_confirmation' });
    if (network.thankYouUrl) return seeOther(network.thankYouUrl);
    return html(200, receiptPage({ language: request.language, networkName: network.name }));
  },
  { body: 'json-or-form' },
);
