import { decideOnConfirm, type Registration, receiptDedupeKey } from '../../shared/domain/registration.ts';
import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { logger, redactError } from '../../shared/logger.ts';
import { sendOnce } from '../../shared/notify.ts';
import { confirmedPage, confirmPage } from '../../shared/pages/pages.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { recordConfirmedConsent } from '../../shared/store/people.ts';
import { confirmRegistrationWithToken, getRegistration } from '../../shared/store/registrations.ts';

/** The receipt follows the confirmation; if SES fails now, pressing the button again sends it. */
async function sendReceipt(registration: Registration, networkName: string, timeZone: string): Promise<void> {
  try {
    await sendOnce({
      dedupeKey: receiptDedupeKey(registration),
      to: registration.email,
      language: registration.language,
      member: { networkId: registration.networkId, category: 'transactional' },
      message: () => ({
        kind: 'registration-receipt',
        recipientName: registration.name,
        networkName,
        topics: registration.topics,
        timeZone,
      }),
    });
  } catch (error) {
    logger.warn('receipt not sent; it is sent when the link is used again', redactError(error as Error));
  }
}

function confirmed(request: ApiRequest, networkId: string, networkName: string, already: boolean) {
  if (prefersJson(request.event.headers?.accept))
    return json(200, { status: already ? 'already_confirmed' : 'confirmed', networkId });
  return html(
    200,
    confirmedPage({ language: request.language ?? 'sv', networkName, alreadyConfirmed: already }),
  );
}

/** Confirming an interest registration: idempotent, so a second press shows "already confirmed". */
export async function registrationLink(
  request: ApiRequest,
  { link, token, tokenHash }: OpenedLink<'confirm-registration'>,
  now: Date,
): Promise<ApiResult> {
  const [network, registration] = await Promise.all([
    getNetwork(link.networkId),
    getRegistration(link.networkId, link.subjectId),
  ]);
  if (!network || !registration) throw notFound('link_not_found');

  if (isGet(request)) {
    const decision = decideOnConfirm(registration, now);
    if (decision === 'already-confirmed') return confirmed(request, network.id, network.name, true);
    if (decision === 'expired') throw gone('registration_expired');
    if (link.usedAt || Date.parse(link.validUntil) <= now.getTime()) throw gone('link_expired');
    // Relative, so the button posts back to wherever the page was opened (any host, any stage path).
    return html(200, confirmPage({ language: link.language, networkName: network.name, actionUrl: token }));
  }

  const outcome = await confirmRegistrationWithToken(tokenHash, network.id, registration.id, now);
  if (outcome === 'confirmed') {
    logger.info('registration confirmed', { networkId: network.id, registrationId: registration.id });
    await recordConfirmedConsent(registration, 'interest', now);
    await sendReceipt(registration, network.name, network.timeZone);
    return confirmed(request, network.id, network.name, false);
  }
  const current = (await getRegistration(network.id, registration.id)) ?? registration;
  const decision = decideOnConfirm(current, now);
  if (decision === 'already-confirmed') {
    await sendReceipt(current, network.name, network.timeZone);
    return confirmed(request, network.id, network.name, true);
  }
  throw gone(decision === 'expired' ? 'registration_expired' : 'link_expired');
}
