import { fromAcceptLanguage } from '../../shared/http/language.ts';
import { PrivacyRequest } from '../../shared/http/privacy-schemas.ts';
import { formBody, namedLanguage } from '../../shared/http/public-form.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/privacy-requests.ts';
import { validate } from '../../shared/http/validation.ts';
import { isLanguage, languages } from '../../shared/i18n.ts';
import { privacyRequestedPage } from '../../shared/pages/privacy.ts';
import { withMailAllowance } from '../../shared/services/mail-allowance.ts';
import { requestPrivacy } from '../../shared/services/privacy.ts';

/**
 * `POST /v1/privacy/requests`: a copy of one's data, or its erasure. Always 202 (or the same page for a
 * form post), known address or not; the link that carries it out goes to the address.
 */
export const handler = publicHandler(
  async (request) => {
    const body = formBody(request, PrivacyRequest);
    const explicit = namedLanguage(body);
    // The page and the field messages need a language now; the mail only if the request names one,
    // else it goes in the language samla holds for the person rather than in a guessed Swedish.
    const named = isLanguage(explicit) ? explicit : fromAcceptLanguage(request.acceptLanguage, languages);
    const language = named ?? 'sv';
    request.language = language;
    const input = validate(PrivacyRequest, body, language);
    const now = new Date();
    await withMailAllowance(
      input.email,
      'privacy',
      now,
      async () => (await requestPrivacy({ ...input, language: input.language ?? named }, now)) === 'sent',
    );
    return request.form ? html(200, privacyRequestedPage(language)) : json(202, { status: 'accepted' });
  },
  { body: 'json-or-form', routes },
);
