import {
  type EvaluationAnswer,
  evaluationTextMaxLength,
  isRating,
  parkedQuestionMaxLength,
  parkedQuestionsMax,
  type ReflectionField,
  ratings,
  reflectionFields,
} from '../domain/evaluation.ts';
import type { Language } from '../i18n.ts';
import { evaluationCopy } from '../mail/evaluations.ts';
import { formatMeetingTime } from '../mail/format.ts';
import { html, type SafeHtml } from '../mail/html.ts';
import { type FieldName, fieldCopy } from './copy.ts';
import { renderPage } from './layout.ts';

/*
 * The evaluation form behind the ten numbers of the evaluation mail: the check-out of the networks'
 * minutes (a rating from 1 to 10, and what has to happen for the next meeting to score one point higher),
 * the reflections of a municipality's written feedback, and questions "parked" for a set time later. A
 * plain form that posts back to its own link: no JavaScript, and only the page's own style block.
 */

export interface FeedbackCopy {
  title: string;
  lead(groupTitle: string, when: string): string;
  changeable: string;
  optional: string;
  legend: string;
  reflectionsLegend: string;
  reflectionsHint(max: number): string;
  textHint(max: number): string;
  parkedLabel: string;
  parkedHint(count: number, max: number): string;
  anonymousLabel: string;
  anonymousHint: string;
  submit: string;
  errorsIntro: string;
}

export const feedbackCopy: Record<Language, FeedbackCopy> = {
  sv: {
    title: 'Hur var träffen?',
    lead: (group, when) =>
      `Tack för träffen i gruppen ”${group}”, ${when}. Dina svar hjälper gruppen att göra nästa träff ännu bättre.`,
    changeable: 'Du kan ändra ditt svar så länge utvärderingen är öppen.',
    optional: 'Bara siffran behövs – allt annat är frivilligt.',
    legend: 'Ditt betyg från 1 till 10',
    reflectionsLegend: 'Reflektioner (frivilligt)',
    reflectionsHint: (max) => `Skriv så mycket eller så lite du vill, högst ${max} tecken per fråga.`,
    textHint: (max) => `Frivilligt, högst ${max} tecken.`,
    parkedLabel: 'Parkera frågor',
    parkedHint: (count, max) =>
      `Kom det upp frågor som inte hörde till ämnet? Skriv dem här, en fråga per rad (högst ${count} frågor på högst ${max} tecken var), så tas de upp vid en tid som är avsatt för det.`,
    anonymousLabel: 'Skicka utan mitt namn',
    anonymousHint:
      'Svaret sparas då utan koppling till dig. Vi noterar bara att du har svarat, så att du inte får någon påminnelse. Skickar du med ditt namn ser samordnarna vem svaret kommer från.',
    submit: 'Skicka',
    errorsIntro: 'Något i formuläret behöver rättas. Se markeringarna nedan.',
  },
  nb: {
    title: 'Hvordan var møtet?',
    lead: (group, when) =>
      `Takk for møtet i gruppen «${group}», ${when}. Svarene dine hjelper gruppen med å gjøre neste møte enda bedre.`,
    changeable: 'Du kan endre svaret ditt så lenge evalueringen er åpen.',
    optional: 'Bare tallet trengs – alt annet er frivillig.',
    legend: 'Din vurdering fra 1 til 10',
    reflectionsLegend: 'Refleksjoner (frivillig)',
    reflectionsHint: (max) => `Skriv så mye eller så lite du vil, høyst ${max} tegn per spørsmål.`,
    textHint: (max) => `Frivillig, høyst ${max} tegn.`,
    parkedLabel: 'Parker spørsmål',
    parkedHint: (count, max) =>
      `Dukket det opp spørsmål som ikke hørte til temaet? Skriv dem her, ett spørsmål per linje (høyst ${count} spørsmål på høyst ${max} tegn hver), så tas de opp på et tidspunkt som er satt av til det.`,
    anonymousLabel: 'Send uten navnet mitt',
    anonymousHint:
      'Svaret lagres da uten kobling til deg. Vi noterer bare at du har svart, slik at du ikke får noen påminnelse. Sender du med navnet ditt, ser koordinatorene hvem svaret kommer fra.',
    submit: 'Send',
    errorsIntro: 'Noe i skjemaet må rettes. Se merknadene nedenfor.',
  },
  en: {
    title: 'How was the meeting?',
    lead: (group, when) =>
      `Thank you for the meeting of the group “${group}” on ${when}. Your answers help the group make the next meeting even better.`,
    changeable: 'You can change your answer while the evaluation is open.',
    optional: 'Only the number is needed – everything else is optional.',
    legend: 'Your rating from 1 to 10',
    reflectionsLegend: 'Reflections (optional)',
    reflectionsHint: (max) => `Write as much or as little as you like, at most ${max} characters a question.`,
    textHint: (max) => `Optional, at most ${max} characters.`,
    parkedLabel: 'Park questions',
    parkedHint: (count, max) =>
      `Did questions come up that were off the topic? Write them here, one question per line (at most ${count} questions of at most ${max} characters each), and they will be taken up at a time set aside for them.`,
    anonymousLabel: 'Send without my name',
    anonymousHint:
      'The answer is then stored without any link to you. We only note that you have answered, so that you get no reminder. If you send it with your name, the coordinators can see whose answer it is.',
    submit: 'Send',
    errorsIntro: 'Something in the form needs fixing. See the notes below.',
  },
};

/** What the form can show again: an earlier answer, or what was just sent with a mistake in it. */
export type FeedbackPrefill = Partial<
  Pick<EvaluationAnswer, 'rating' | 'nextTimeBetter' | 'reflections' | 'parkedQuestions' | 'anonymous'>
>;

export interface FeedbackPageInput {
  language: Language;
  networkName: string;
  groupTitle: string;
  meetingStartsAt: Date;
  /** The network's IANA time zone: every date is shown in it. */
  timeZone: string;
  /** Where the form posts: the member's own link. */
  actionUrl: string;
  /** The number tapped in the mail; it wins over an earlier answer's. */
  rating?: number | undefined;
  answer?: FeedbackPrefill | undefined;
  closesAt: Date;
  /**
   * Field → what is wrong with it, already in the page's language (as the API's validation gives them):
   * 'rating', 'nextTimeBetter', 'reflections.takeHome', 'parkedQuestions' or 'parkedQuestions.2'.
   * Each is shown beside its field; one for no field of the form is shown at the top.
   */
  errors?: Readonly<Record<string, string>> | undefined;
}

/** The form's fields by name, in order, each with the id of its input. */
const textFields = [
  { name: 'nextTimeBetter', id: 'nextTimeBetter' },
  ...reflectionFields.map((field) => ({ name: `reflections.${field}`, id: `reflections-${field}` })),
  { name: 'parkedQuestions', id: 'parkedQuestions' },
] as const;
const formFields: readonly string[] = ['rating', ...textFields.map((field) => field.name), 'anonymous'];

/** The field of the form an error belongs to: 'parkedQuestions.2' is the parked questions' box. */
function fieldOf(key: string): string | undefined {
  if (formFields.includes(key)) return key;
  return formFields.find((field) => key.startsWith(`${field}.`) || key.startsWith(`${field}[`));
}

/** The first message for each field of the form, and those for no field of it. */
function sortErrors(errors: Readonly<Record<string, string>>): {
  byField: Map<string, string>;
  other: [string, string][];
} {
  const byField = new Map<string, string>();
  const other: [string, string][] = [];
  for (const [key, message] of Object.entries(errors)) {
    const field = fieldOf(key);
    if (field === undefined) other.push([key, message]);
    else if (!byField.has(field)) byField.set(field, message);
  }
  return { byField, other };
}

/** The label of a field for the list at the top, as the error page names it. */
function otherLabel(language: Language, key: string): string | undefined {
  const base = key.split(/[.[]/, 1)[0] ?? key;
  const labels = fieldCopy[language];
  return Object.hasOwn(labels, base) ? labels[base as FieldName] : undefined;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A box to write in, with its label, hint and, when there is one, what is wrong with it. */
function textArea(input: {
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  rows: number;
}): SafeHtml {
  const hintId = input.hint ? `${input.id}-hint` : undefined;
  const errorId = input.error ? `${input.id}-error` : undefined;
  const described = describedBy(hintId, errorId);
  return html`<div class="field">
<label for="${input.id}">${input.label}</label>
${hintId ? html`<p class="hint" id="${hintId}">${input.hint ?? ''}</p>\n` : null}${
  errorId ? html`<p class="error" id="${errorId}">${input.error ?? ''}</p>\n` : null
}<textarea id="${input.id}" name="${input.name}" rows="${input.rows}" maxlength="${evaluationTextMaxLength}"${
    described ? html` aria-describedby="${described}"` : null
  }${input.error ? html` aria-invalid="true"` : null}>${input.value}</textarea>
</div>
`;
}

/**
 * The evaluation form: the rating as ten radio buttons (the tapped one chosen), the one-point question,
 * the five reflections, parked questions one per line, and "send without my name". Field names are the
 * API's (FeedbackBody), with the reflections as `reflections.programme` and so on.
 */
export function feedbackPage(input: FeedbackPageInput): string {
  const { language } = input;
  const copy = feedbackCopy[language];
  const shared = evaluationCopy[language];
  const answer = input.answer ?? {};
  const { byField, other } = sortErrors(input.errors ?? {});
  const chosen = isRating(input.rating) ? input.rating : isRating(answer.rating) ? answer.rating : undefined;
  const when = formatMeetingTime(input.meetingStartsAt, language, input.timeZone);
  const closes = formatMeetingTime(input.closesAt, language, input.timeZone);

  const ratingError = byField.get('rating');
  const ratingDescribedBy = describedBy('rating-hint', ratingError && 'rating-error');
  const rating = html`<fieldset aria-describedby="${ratingDescribedBy ?? ''}">
<legend>${copy.legend}</legend>
<p class="hint" id="rating-hint">${shared.scale}</p>
${ratingError ? html`<p class="error" id="rating-error">${ratingError}</p>\n` : null}<div class="scale">
${ratings.map(
  (value) =>
    html`<label><input type="radio" name="rating" value="${value}" required${
      value === chosen ? html` checked` : null
    }${ratingError ? html` aria-invalid="true"` : null}> ${value}</label>\n`,
)}</div>
</fieldset>
`;

  const values: Record<string, string> = {
    nextTimeBetter: typeof answer.nextTimeBetter === 'string' ? answer.nextTimeBetter : '',
    // A refused form comes back as it was sent, which need not be a list.
    parkedQuestions: Array.isArray(answer.parkedQuestions) ? answer.parkedQuestions.join('\n') : '',
  };
  for (const field of reflectionFields) {
    const text = answer.reflections?.[field];
    values[`reflections.${field}`] = typeof text === 'string' ? text : '';
  }
  const box = (name: string, id: string, label: string, hint: string | undefined, rows: number) =>
    textArea({ id, name, label, hint, value: values[name] ?? '', error: byField.get(name), rows });

  const reflectionBoxes = reflectionFields.map((field: ReflectionField) =>
    box(`reflections.${field}`, `reflections-${field}`, shared.reflections[field], undefined, 3),
  );

  const anonymousError = byField.get('anonymous');
  const anonymous = html`<div class="field">
<div class="check">
<input type="checkbox" id="anonymous" name="anonymous" value="true"${answer.anonymous ? html` checked` : null} aria-describedby="${
    describedBy('anonymous-hint', anonymousError && 'anonymous-error') ?? ''
  }"${anonymousError ? html` aria-invalid="true"` : null}>
<label for="anonymous">${copy.anonymousLabel}</label>
</div>
<p class="hint" id="anonymous-hint">${copy.anonymousHint}</p>
${anonymousError ? html`<p class="error" id="anonymous-error">${anonymousError}</p>\n` : null}</div>
`;

  const errorSummary =
    (byField.size > 0 || other.length > 0) &&
    html`<div class="errors" role="alert">
<p>${copy.errorsIntro}</p>
${
  other.length > 0 &&
  html`<ul>${other.map(([key, message]) => {
    const label = otherLabel(language, key);
    return html`<li>${label ? html`<strong>${label}</strong>: ` : null}${message}</li>`;
  })}</ul>
`
}</div>
`;

  return renderPage({
    language,
    title: copy.title,
    networkName: input.networkName,
    body: html`<p>${copy.lead(input.groupTitle, when)}</p>
<p class="note">${shared.closes(closes)} ${copy.changeable}</p>
${errorSummary}<form method="post" action="${input.actionUrl}">
<p class="hint">${copy.optional}</p>
${rating}${box('nextTimeBetter', 'nextTimeBetter', shared.nextTimeQuestion, copy.textHint(evaluationTextMaxLength), 4)}<fieldset aria-describedby="reflections-hint">
<legend>${copy.reflectionsLegend}</legend>
<p class="hint" id="reflections-hint">${copy.reflectionsHint(evaluationTextMaxLength)}</p>
${reflectionBoxes}</fieldset>
${box('parkedQuestions', 'parkedQuestions', copy.parkedLabel, copy.parkedHint(parkedQuestionsMax, parkedQuestionMaxLength), 4)}${anonymous}<button type="submit">${copy.submit}</button>
</form>`,
  });
}
