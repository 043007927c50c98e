import type { Language } from '../i18n.ts';
import { html } from '../mail/html.ts';
import {
  type ActionPageKind,
  actionCopy,
  confirmCopy,
  confirmedCopy,
  type ErrorKind,
  errorCopy,
  type FieldName,
  fieldCopy,
  type ResultPageKind,
  receiptCopy,
  resultCopy,
} from './copy.ts';
import { renderPage } from './layout.ts';

export type { ActionPageKind, ResultPageKind } from './copy.ts';
export { actionPageKinds, resultPageKinds } from './copy.ts';
export { type FeedbackPageInput, type FeedbackPrefill, feedbackCopy, feedbackPage } from './feedback.ts';
export { pageContentSecurityPolicy } from './layout.ts';

/** The longest message a coordinator may send with a decline; the API enforces the same limit. */
export const declineMessageMaxLength = 1000;

/**
 * What a confirmation link shows on GET. Mail scanners and link previews follow GETs, so the GET
 * only offers the button; the POST it makes is what confirms.
 */
export function confirmPage(input: { language: Language; networkName: string; actionUrl: string }): string {
  const copy = confirmCopy[input.language];
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
    ? confirmedCopy[input.language].alreadyConfirmed
    : confirmedCopy[input.language].confirmed;
  return renderPage({
    language: input.language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.networkName)}</p>`,
  });
}

/**
 * After a plain HTML form post, when the network has no thank-you page of its own; `what` says what the
 * link in the email confirms, when it is not a registration or a request to join.
 */
export function receiptPage(input: {
  language: Language;
  networkName: string;
  what?: 'group-proposal' | 'join-request' | undefined;
}): string {
  const copies = receiptCopy[input.language];
  const copy =
    input.what === 'group-proposal'
      ? copies.proposalReceipt
      : input.what === 'join-request'
        ? copies.joinReceipt
        : copies.receipt;
  return renderPage({
    language: input.language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.networkName)}</p>
<p class="note">${copy.note}</p>`,
  });
}

/**
 * What a link from a group or meeting mail shows on GET: what the button will do, and the button. As
 * with the confirmation link, mail scanners follow GETs, so only the POST the button makes acts.
 * Declining a join request also takes an optional message, sent on in the decline email as `message`.
 */
export function actionPage(input: {
  language: Language;
  networkName: string;
  kind: ActionPageKind;
  groupTitle?: string | undefined;
  requesterName?: string | undefined;
  /** An RSVP names the meeting's date, in the network's time zone, when both are given. */
  meetingStartsAt?: Date | undefined;
  timeZone?: string | undefined;
  actionUrl: string;
}): string {
  const copy = actionCopy[input.language];
  const { title, lead, button, note } = copy.actions[input.kind];
  const message =
    input.kind === 'decline-join-request' &&
    html`<label for="message">${copy.declineMessage.label(input.requesterName)}</label>
<p class="hint" id="message-hint">${copy.declineMessage.hint(declineMessageMaxLength)}</p>
<textarea id="message" name="message" rows="5" maxlength="${declineMessageMaxLength}" aria-describedby="message-hint"></textarea>
`;
  return renderPage({
    language: input.language,
    title,
    networkName: input.networkName,
    body: html`<p>${lead(input)}</p>
<form method="post" action="${input.actionUrl}">
${message}<button type="submit">${button}</button>
</form>
<p class="note">${note}</p>`,
  });
}

/** What happened after the button on an action page was pressed (or had been pressed before). */
export function resultPage(input: {
  language: Language;
  networkName: string;
  kind: ResultPageKind;
  groupTitle?: string | undefined;
  position?: number | undefined;
  requesterName?: string | undefined;
  /** An RSVP names the meeting's date, in the network's time zone, when both are given. */
  meetingStartsAt?: Date | undefined;
  timeZone?: string | undefined;
  anonymous?: boolean | undefined;
}): string {
  const { title, lead } = resultCopy[input.language][input.kind];
  return renderPage({
    language: input.language,
    title: title(input),
    networkName: input.networkName,
    body: html`<p>${lead(input)}</p>`,
  });
}

/** Codes whose page says more than their status would. */
const codeKinds: Readonly<Record<string, ErrorKind>> = {
  forbidden: 'forbidden',
  group_not_found: 'groupNotFound',
  group_closed: 'groupClosed',
  offer_expired: 'offerExpired',
};

/**
 * Pages whose own explanation wins over the API's message: the API tells a program what went wrong
 * (a content type, a size in kB), while someone who sent a form needs what to do about it.
 */
const ownLead: ReadonlySet<ErrorKind> = new Set(['tooLarge', 'unsupportedType']);

function errorKind(status: number, code: string): ErrorKind {
  if (Object.hasOwn(codeKinds, code)) return codeKinds[code] ?? 'generic';
  switch (status) {
    case 400:
    case 422:
      return 'invalid';
    case 403:
      return 'forbidden';
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
  const labels = fieldCopy[language];
  // "topics.2" is the third topic: name the field, the message says what is wrong with it.
  const base = field.split(/[.[]/, 1)[0] ?? field;
  return Object.hasOwn(labels, base) ? labels[base as FieldName] : field;
}

/**
 * An error as a page, for requests from a plain HTML form or a link. `message` (already in the
 * reader's language, e.g. from the API's error body) replaces the default explanation for the
 * status, except on the pages in `ownLead`; `fields` maps a field to what is wrong with it.
 */
export function errorPage(input: {
  language: Language;
  status: number;
  code: string;
  message?: string | undefined;
  fields?: Readonly<Record<string, string>> | undefined;
}): string {
  const copy = errorCopy[input.language];
  const kind = errorKind(input.status, input.code);
  const { title, lead } = copy.errors[kind];
  const fields = Object.entries(input.fields ?? {});
  const fieldList =
    fields.length > 0 &&
    html`<p>${copy.fieldsIntro}</p>
<ul>${fields.map(([field, problem]) => html`<li><strong>${fieldLabel(input.language, field)}</strong>: ${problem}</li>`)}</ul>`;
  return renderPage({
    language: input.language,
    title,
    body: html`<p>${ownLead.has(kind) ? lead : (input.message ?? lead)}</p>
${fieldList}
<p class="code">${copy.errorCode}: ${input.code}</p>`,
  });
}
