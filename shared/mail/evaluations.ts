import type { EvaluationSummary } from '../domain/evaluation.ts';
import { reflectionFields } from '../domain/evaluation.ts';
import type { Language } from '../i18n.ts';
import { greeting, signature } from './common.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type {
  EvaluationCopy,
  EvaluationReminderCopy,
  EvaluationRequestCopy,
  EvaluationSummaryCopy,
} from './copy/types.ts';
import { formatMeetingDay, formatMeetingTime, locales } from './format.ts';
import type { Block, MailContent } from './layout.ts';
import { type MeetingFacts, meetingCopy } from './meetings.ts';

/*
 * The evaluation of a meeting, as the networks' minutes end one: "sätt in dagens möte på en skala från
 * 1–10 … Du avgör vad och hur du bedömer" and "för att nästa möte minst skall bli en poäng högre, vad
 * behöver hända då?". The member taps a number in the mail, which opens a form with that number chosen;
 * there they may also answer the one-point question, reflect on the programme, the preparations and the
 * execution, say what they take home and how they continue at home (a municipality's feedback), and
 * "park" off-topic questions for a set time later. The coordinators and the facilitator get a summary
 * that names nobody. Every date is in the reader's language and the network's time zone.
 */

/** The request to evaluate a meeting, an hour or so after it ended; the reminder carries the same. */
export interface EvaluationRequestFields {
  recipientName: string;
  meeting: MeetingFacts;
  /** Ten links: index 0 opens the form with rating 1 chosen, index 9 with rating 10. */
  ratingUrls: readonly string[];
  /** The form with no rating chosen. */
  formUrl: string;
  /** When answers are no longer taken. */
  closesAt: Date;
  /** The network's IANA time zone: the closing time is shown in it. */
  timeZone: string;
}

/** The one gentle reminder, to those who have not answered. */
export type EvaluationReminderFields = EvaluationRequestFields;

/** To the coordinators and the facilitator once the evaluation has closed. */
export interface EvaluationSummaryFields {
  /** Greeted by name when given; the coordinators' shared address has none. */
  recipientName?: string | undefined;
  networkName: string;
  groupTitle: string;
  meetingStartsAt: Date;
  /** The network's IANA time zone: every date is shown in it. */
  timeZone: string;
  /** The meeting's place in the series, from 1, and how many the series has. */
  seq: number;
  count: number;
  /** What `summarise` (shared/domain/evaluation.ts) made of the answers. */
  summary: EvaluationSummary;
  closedAt: Date;
}

export const evaluationCopy: Record<Language, EvaluationCopy> = {
  sv: sv.evaluation,
  nb: nb.evaluation,
  en: en.evaluation,
};

export const evaluationRequestCopy: Record<Language, EvaluationRequestCopy> = {
  sv: sv.evaluationRequest,
  nb: nb.evaluationRequest,
  en: en.evaluationRequest,
};

export const evaluationReminderCopy: Record<Language, EvaluationReminderCopy> = {
  sv: sv.evaluationReminder,
  nb: nb.evaluationReminder,
  en: en.evaluationReminder,
};

export const evaluationSummaryCopy: Record<Language, EvaluationSummaryCopy> = {
  sv: sv.evaluationSummary,
  nb: nb.evaluationSummary,
  en: en.evaluationSummary,
};

// ---------------------------------------------------------------------------------------------------------

/** A secondary, quiet link: the form without a number chosen. */
function quietLink(text: string, label: string, url: string): Block {
  return { type: 'link', text, label, url };
}

/** "2 av 4", or nothing for a single meeting or a number outside the series. */
function position(seq: number, count: number, language: Language): string {
  const numbered = count > 1 && seq >= 1 && seq <= count;
  return numbered ? meetingCopy[language].position(String(seq), String(count)) : '';
}

/** Text someone typed, as one line of a list: line breaks become spaces. */
function oneLine(text: string): string {
  return text
    .split(/\s*(?:\r\n|\r|\n)\s*/)
    .filter((part) => part.trim() !== '')
    .join(' ')
    .trim();
}

function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return new Intl.NumberFormat(locales[language], options);
}

/** A mean with one decimal as the reader writes it: "7,4" in Swedish and Norwegian, "7.4" in English. */
export function formatMean(value: number, language: Language): string {
  return numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A change with its sign: "+0,8", "−0,3" (a real minus sign in Swedish and Norwegian). */
export function formatChange(value: number, language: Language): string {
  return numberFormat(language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
}

/** A share from 0 to 1 as a whole percentage: "78 %" in Swedish and Norwegian, "78%" in English. */
export function formatRate(value: number, language: Language): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

function assertRatingUrls(urls: readonly string[]): void {
  if (!Array.isArray(urls) || urls.length !== 10) {
    throw new RangeError(`Ten rating links are needed, one for each of 1 to 10, not ${urls?.length}`);
  }
}

/** The ten numbers as links in a row (a list in text), with what they mean and the one-point question. */
function ratingBlocks(m: EvaluationRequestFields, language: Language, heading: string): Block[] {
  const copy = evaluationCopy[language];
  assertRatingUrls(m.ratingUrls);
  return [
    { type: 'heading', text: heading },
    { type: 'paragraph', text: copy.scale },
    { type: 'choices', items: m.ratingUrls.map((url, i) => ({ label: String(i + 1), url })) },
    { type: 'paragraph', text: copy.nextTime },
    quietLink(copy.formText, copy.formLabel, m.formUrl),
  ];
}

function composeAsk(
  m: EvaluationRequestFields,
  language: Language,
  copy: EvaluationRequestCopy,
  once: string | undefined,
): MailContent {
  const common = evaluationCopy[language];
  const { networkName, groupTitle, startsAt, durationMinutes, timeZone, seq, count } = m.meeting;
  const when = formatMeetingTime(startsAt, language, timeZone, durationMinutes);
  const day = formatMeetingDay(startsAt, language, timeZone);
  const closes = formatMeetingTime(m.closesAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, day),
    preheader: copy.preheader(closes),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, position(seq, count, language), when) },
      ...ratingBlocks(m, language, copy.heading),
      { type: 'note', text: common.anonymity },
      { type: 'note', text: once ? `${common.closes(closes)} ${once}` : common.closes(closes) },
      signature(language, networkName),
    ],
    footer: meetingCopy[language].footer(networkName),
    networkName,
  };
}

export function composeEvaluationRequest(m: EvaluationRequestFields, language: Language): MailContent {
  return composeAsk(m, language, evaluationRequestCopy[language], undefined);
}

export function composeEvaluationReminder(m: EvaluationReminderFields, language: Language): MailContent {
  const copy = evaluationReminderCopy[language];
  return composeAsk(m, language, copy, copy.once);
}

/** Texts someone wrote: each quoted as written, line by line. */
function quoted(texts: readonly string[]): Block[] {
  return texts.map((text) => ({ type: 'quote', text }));
}

export function composeEvaluationSummary(m: EvaluationSummaryFields, language: Language): MailContent {
  const common = evaluationCopy[language];
  const copy = evaluationSummaryCopy[language];
  const { networkName, groupTitle, summary } = m;
  const when = formatMeetingTime(m.meetingStartsAt, language, m.timeZone);
  const day = formatMeetingDay(m.meetingStartsAt, language, m.timeZone);
  const closed = formatMeetingTime(m.closedAt, language, m.timeZone);
  const count = (n: number) => numberFormat(language, { maximumFractionDigits: 0 }).format(n);
  const answered = copy.answered(count(summary.responses), count(summary.asked));
  const mean =
    summary.mean === undefined
      ? copy.noMean
      : summary.change === undefined
        ? copy.mean(formatMean(summary.mean, language))
        : `${copy.mean(formatMean(summary.mean, language))} (${
            summary.change === 0 ? copy.same : copy.change(formatChange(summary.change, language))
          })`;
  const hasAnswers = summary.responses > 0;

  const responses: Block[] = [
    { type: 'heading', text: copy.responsesHeading },
    {
      type: 'paragraph',
      text: hasAnswers
        ? `${answered}. ${copy.rate(formatRate(summary.responseRate, language))}`
        : `${answered}. ${copy.nobody}`,
    },
  ];
  const ratings: Block[] = hasAnswers
    ? [
        { type: 'heading', text: copy.ratingsHeading },
        {
          type: 'bars',
          rows: summary.distribution.map((value, i) => ({ label: String(i + 1), value })),
        },
        { type: 'paragraph', text: mean },
      ]
    : [];
  const suggestions: Block[] = hasAnswers
    ? [
        { type: 'heading', text: common.nextTimeQuestion },
        summary.suggestions.length > 0
          ? { type: 'list', items: summary.suggestions.map(oneLine) }
          : { type: 'paragraph', text: copy.noSuggestions },
      ]
    : [];
  const reflected = reflectionFields.filter((field) => summary.reflections[field].length > 0);
  const reflections: Block[] =
    reflected.length > 0
      ? [
          { type: 'heading', text: common.reflectionsHeading },
          ...reflected.flatMap((field): Block[] => [
            { type: 'paragraph', text: common.reflections[field] },
            ...quoted(summary.reflections[field]),
          ]),
        ]
      : [];
  const parked: Block[] =
    summary.parkedQuestions.length > 0
      ? [
          { type: 'heading', text: common.parkedHeading },
          { type: 'paragraph', text: copy.parkedIntro },
          { type: 'list', items: summary.parkedQuestions.map(oneLine) },
        ]
      : [];
  const name = m.recipientName?.trim();
  return {
    language,
    subject: copy.subject(networkName, groupTitle, day, answered),
    preheader: copy.preheader(answered, mean),
    blocks: [
      name ? greeting(language, name) : { type: 'paragraph', text: copy.hello },
      {
        type: 'paragraph',
        text: copy.intro(networkName, groupTitle, position(m.seq, m.count, language), when, closed),
      },
      ...responses,
      ...ratings,
      ...suggestions,
      ...reflections,
      ...parked,
      ...(hasAnswers ? [{ type: 'note', text: copy.identity } as const] : []),
      signature(language, networkName),
    ],
    footer: copy.footer(networkName, groupTitle),
    networkName,
  };
}
