import type { Language } from '../i18n.ts';
import { html } from '../mail/html.ts';
import { type ErrorKind, type FieldName, pageCopy } from './copy.ts';
import { renderPage } from './layout.ts';

export { pageContentSecurityPolicy } from './layout.ts';

/**
 * What a confirmation link shows on GET. Mail scanners and link previews follow GETs, so the GET
 * only offers the button; the POST it makes is what confirms.
 */
export function confirmPage(input: { language: Language; networkName: string; actionUrl: string }): string {
  const copy = pageCopy[input.language].confirm;
  return renderPage({
    language: input.language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.networkName)}</p>
<form method="post" action="${input.actionUrl}"><button type="submit">${copy.button}</button></form>
<p class="note">${copy.note}</p>`,
  });
}

export function confirmedPage(input: {
  language: Language;
  networkName: string;
  alreadyConfirmed: boolean;
}): string {
  const copy = input.alreadyConfirmed
    ? pageCopy[input.language].alreadyConfirmed
    : pageCopy[input.language].confirmed;
  return renderPage({
    language: input.language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.networkName)}</p>`,
  });
}

/** After a plain HTML form post, when the network has no thank-you page of its own. */
export function receiptPage(input: { language: Language; networkName: string }): string {
  const copy = pageCopy[input.language].receipt;
  return renderPage({
    language: input.language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.networkName)}</p>
<p class="note">${copy.note}</p>`,
  });
}

function errorKind(status: number): ErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'invalid';
    case 404:
      return 'notFound';
    case 410:
      return 'expired';
    case 413:
      return 'tooLarge';
    case 415:
      return 'unsupportedType';
    case 429:
      return 'tooManyRequests';
    default:
      return status >= 500 ? 'unavailable' : 'generic';
  }
}

function fieldLabel(language: Language, field: string): string {
  const labels = pageCopy[language].fields;
  // "topics.2" is the third topic: name the field, the message says what is wrong with it.
  const base = field.split(/[.[]/, 1)[0] ?? field;
  return Object.hasOwn(labels, base) ? labels[base as FieldName] : field;
}

/**
 * An error as a page, for requests from a plain HTML form or a link. `message` (already in the
 * reader's language, e.g. from the API's error body) replaces the default explanation for the
 * status; `fields` maps a field to what is wrong with it.
 */
export function errorPage(input: {
  language: Language;
  status: number;
  code: string;
  message?: string | undefined;
  fields?: Readonly<Record<string, string>> | undefined;
}): string {
  const copy = pageCopy[input.language];
  const { title, lead } = copy.errors[errorKind(input.status)];
  const fields = Object.entries(input.fields ?? {});
  const fieldList =
    fields.length > 0 &&
    html`<p>${copy.fieldsIntro}</p>
<ul>${fields.map(([field, problem]) => html`<li><strong>${fieldLabel(input.language, field)}</strong>: ${problem}</li>`)}</ul>`;
  return renderPage({
    language: input.language,
    title,
    body: html`<p>${input.message ?? lead}</p>
${fieldList}
<p class="code">${copy.errorCode}: ${input.code}</p>`,
  });
}
