import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink } from '../../shared/http/link-request.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { confirmedPage, confirmPage } from '../../shared/pages/pages.ts';
import { confirmRegistration } from '../../shared/services/registrations.ts';

/** Confirming an interest registration: idempotent, so a second press shows "already confirmed". */
export async function registrationLink(
  request: ApiRequest,
  { link, token, tokenHash }: OpenedLink<'confirm-registration'>,
  now: Date,
): Promise<ApiResult> {
  const found = await confirmRegistration(
    {
      networkId: link.networkId,
      registrationId: link.subjectId,
      tokenHash,
      validUntil: link.validUntil,
      ...(link.usedAt ? { usedAt: link.usedAt } : {}),
    },
    !isGet(request),
    now,
  );
  if (!found) throw notFound('link_not_found');
  const { network, confirmation } = found;

  switch (confirmation.outcome) {
    case 'registration-expired':
      throw gone('registration_expired');
    case 'link-expired':
      throw gone('link_expired');
    case 'awaiting-confirmation':
      // Relative, so the button posts back to wherever the page was opened (any host, any stage path).
      return html(200, confirmPage({ language: link.language, networkName: network.name, actionUrl: token }));
  }
  const already = confirmation.outcome === 'already-confirmed';
  if (prefersJson(request.event.headers?.accept))
    return json(200, { status: already ? 'already_confirmed' : 'confirmed', networkId: network.id });
  return html(
    200,
    confirmedPage({
      language: request.language ?? 'sv',
      networkName: network.name,
      alreadyConfirmed: already,
    }),
  );
}
