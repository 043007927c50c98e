import type { EvaluationSummary, ReflectionField } from '../domain/evaluation.ts';
import { reflectionFields } from '../domain/evaluation.ts';
import type { Language } from '../i18n.ts';
import { greeting, signature } from './common.ts';
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

/** Phrases the evaluation mails (and the feedback page) share. */
export interface EvaluationCopy {
  /** How to rate, after the minutes: the reader decides what and how. */
  scale: string;
  /** "What has to happen for the next meeting to score at least one point higher?" */
  nextTimeQuestion: string;
  /** One line on that question under the numbers. */
  nextTime: string;
  formText: string;
  formLabel: string;
  anonymity: string;
  closes(when: string): string;
  /** The questions of the written feedback (seed 004). */
  reflections: Record<ReflectionField, string>;
  reflectionsHeading: string;
  parkedHeading: string;
}

interface RequestCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(closes: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  heading: string;
}

interface ReminderCopy extends RequestCopy {
  once: string;
}

interface SummaryCopy {
  subject(networkName: string, groupTitle: string, day: string, answered: string): string;
  preheader(answered: string, mean: string): string;
  hello: string;
  intro(networkName: string, groupTitle: string, position: string, when: string, closed: string): string;
  responsesHeading: string;
  /** "7 av 9 svarade". */
  answered(responses: string, asked: string): string;
  rate(percent: string): string;
  nobody: string;
  ratingsHeading: string;
  mean(value: string): string;
  /** "+0,8 sedan förra träffen". */
  change(signed: string): string;
  same: string;
  noMean: string;
  noSuggestions: string;
  parkedIntro: string;
  identity: string;
  footer(networkName: string, groupTitle: string): string;
}

export const evaluationCopy: Record<Language, EvaluationCopy> = {
  sv: {
    scale:
      'Sätt in träffen på en skala från 1 till 10, där 10 är bäst. Du avgör själv vad och hur du bedömer.',
    nextTimeQuestion: 'Vad behöver hända för att nästa träff ska bli minst en poäng högre?',
    nextTime:
      'Efter siffran kan du också svara på vad som behöver hända för att nästa träff ska bli minst en poäng högre.',
    formText:
      'Du kan också öppna formuläret direkt och dela dina reflektioner eller parkera frågor som gruppen kan ta upp senare.',
    formLabel: 'Öppna formuläret',
    anonymity:
      'Du väljer själv om du svarar med eller utan ditt namn. Sammanställningen till samordnarna och den som leder träffarna visar inga namn.',
    closes: (when) => `Utvärderingen stänger ${when}.`,
    reflections: {
      programme: 'Reflektion kring programmet',
      preparation: 'Förberedelserna inför träffen',
      execution: 'Genomförandet',
      takeHome: 'Vad tar du med dig hem från träffen?',
      continueAtHome: 'Hur tänker du arbeta vidare på hemmaplan?',
    },
    reflectionsHeading: 'Reflektioner',
    parkedHeading: 'Parkerade frågor',
  },
  nb: {
    scale:
      'Plasser møtet på en skala fra 1 til 10, der 10 er best. Du bestemmer selv hva og hvordan du vurderer.',
    nextTimeQuestion: 'Hva må skje for at neste møte skal få minst ett poeng mer?',
    nextTime:
      'Etter tallet kan du også svare på hva som må skje for at neste møte skal få minst ett poeng mer.',
    formText:
      'Du kan også åpne skjemaet direkte og dele refleksjonene dine eller parkere spørsmål som gruppen kan ta opp senere.',
    formLabel: 'Åpne skjemaet',
    anonymity:
      'Du velger selv om du svarer med eller uten navnet ditt. Sammenstillingen til koordinatorene og den som leder møtene, viser ingen navn.',
    closes: (when) => `Evalueringen stenger ${when}.`,
    reflections: {
      programme: 'Refleksjon rundt programmet',
      preparation: 'Forberedelsene til møtet',
      execution: 'Gjennomføringen',
      takeHome: 'Hva tar du med deg hjem fra møtet?',
      continueAtHome: 'Hvordan tenker du å arbeide videre på hjemmebane?',
    },
    reflectionsHeading: 'Refleksjoner',
    parkedHeading: 'Parkerte spørsmål',
  },
  en: {
    scale: 'Place the meeting on a scale from 1 to 10, where 10 is best. You decide what you rate and how.',
    nextTimeQuestion: 'What has to happen for the next meeting to score at least one point higher?',
    nextTime:
      'After the number you can also say what has to happen for the next meeting to score at least one point higher.',
    formText:
      'You can also open the form directly to share your reflections or park questions for the group to take up later.',
    formLabel: 'Open the form',
    anonymity:
      'You choose whether to answer with or without your name. The summary for the coordinators and the facilitator shows no names.',
    closes: (when) => `The evaluation closes on ${when}.`,
    reflections: {
      programme: 'Reflections on the programme',
      preparation: 'The preparations for the meeting',
      execution: 'How the meeting was carried out',
      takeHome: 'What do you take home from the meeting?',
      continueAtHome: 'How will you continue at home?',
    },
    reflectionsHeading: 'Reflections',
    parkedHeading: 'Parked questions',
  },
};

export const evaluationRequestCopy: Record<Language, RequestCopy> = {
  sv: {
    subject: (network, group, day) => `Hur var träffen? ”${group}” i ${network}, ${day}`,
    preheader: () => 'Tryck på en siffra från 1 till 10 – det tar bara några sekunder.',
    intro: (network, group, position, when) =>
      `Tack för ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}!`,
    heading: 'Hur var dagens träff? Tryck på en siffra',
  },
  nb: {
    subject: (network, group, day) => `Hvordan var møtet? «${group}» i ${network}, ${day}`,
    preheader: () => 'Trykk på et tall fra 1 til 10 – det tar bare noen sekunder.',
    intro: (network, group, position, when) =>
      `Takk for ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}!`,
    heading: 'Hvordan var dagens møte? Trykk på et tall',
  },
  en: {
    subject: (network, group, day) => `How was the meeting? “${group}” in ${network}, ${day}`,
    preheader: () => 'Tap a number from 1 to 10 – it only takes a few seconds.',
    intro: (network, group, position, when) =>
      `Thank you for ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}!`,
    heading: 'How was today’s meeting? Tap a number',
  },
};

export const evaluationReminderCopy: Record<Language, ReminderCopy> = {
  sv: {
    subject: (network, group, day) => `Påminnelse: Hur var träffen? ”${group}” i ${network}, ${day}`,
    preheader: (closes) => `Det räcker att trycka på en siffra. Utvärderingen stänger ${closes}.`,
    intro: (network, group, position, when) =>
      `Har du hunnit tänka på ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}? Vi vill gärna veta vad du tyckte – det räcker att trycka på en siffra.`,
    heading: 'Hur var träffen? Tryck på en siffra',
    once: 'Det här är den enda påminnelsen.',
  },
  nb: {
    subject: (network, group, day) => `Påminnelse: Hvordan var møtet? «${group}» i ${network}, ${day}`,
    preheader: (closes) => `Det holder å trykke på et tall. Evalueringen stenger ${closes}.`,
    intro: (network, group, position, when) =>
      `Har du rukket å tenke på ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}? Vi vil gjerne vite hva du syntes – det holder å trykke på et tall.`,
    heading: 'Hvordan var møtet? Trykk på et tall',
    once: 'Dette er den eneste påminnelsen.',
  },
  en: {
    subject: (network, group, day) => `Reminder: how was the meeting? “${group}” in ${network}, ${day}`,
    preheader: (closes) => `Tapping a number is enough. The evaluation closes on ${closes}.`,
    intro: (network, group, position, when) =>
      `Have you had a moment to think about ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when}? We would like to know what you thought – tapping a number is enough.`,
    heading: 'How was the meeting? Tap a number',
    once: 'This is the only reminder.',
  },
};

export const evaluationSummaryCopy: Record<Language, SummaryCopy> = {
  sv: {
    subject: (network, group, day, answered) => `Utvärdering: ”${group}” i ${network}, ${day} – ${answered}`,
    preheader: (answered, mean) => `${answered}. ${mean}`,
    hello: 'Hej!',
    intro: (network, group, position, when, closed) =>
      `Utvärderingen av ${position ? `träff ${position}` : 'träffen'} i gruppen ”${group}” i ${network}, ${when}, stängdes ${closed}. Här är vad deltagarna svarade.`,
    responsesHeading: 'Svar',
    answered: (responses, asked) => `${responses} av ${asked} svarade`,
    rate: (percent) => `Svarsfrekvens: ${percent}.`,
    nobody: 'Ingen svarade på utvärderingen den här gången.',
    ratingsHeading: 'Betyg från 1 till 10',
    mean: (value) => `Medelbetyg: ${value}`,
    change: (signed) => `${signed} sedan förra träffen`,
    same: 'samma som vid förra träffen',
    noMean: 'Inget medelbetyg, eftersom ingen svarade.',
    noSuggestions: 'Inga förslag den här gången.',
    parkedIntro:
      'Frågor som kom upp vid sidan av ämnet. Ta gärna upp dem vid en tid som är avsatt för det, till exempel i början av nästa träff.',
    identity:
      'Sammanställningen visar inga namn: svar med och utan namn redovisas på samma sätt, och texterna står i bokstavsordning.',
    footer: (network, group) =>
      `Du får det här mejlet eftersom du samordnar eller leder gruppen ”${group}” i ${network}.`,
  },
  nb: {
    subject: (network, group, day, answered) => `Evaluering: «${group}» i ${network}, ${day} – ${answered}`,
    preheader: (answered, mean) => `${answered}. ${mean}`,
    hello: 'Hei!',
    intro: (network, group, position, when, closed) =>
      `Evalueringen av ${position ? `møte ${position}` : 'møtet'} i gruppen «${group}» i ${network}, ${when}, ble avsluttet ${closed}. Her er det deltakerne svarte.`,
    responsesHeading: 'Svar',
    answered: (responses, asked) => `${responses} av ${asked} svarte`,
    rate: (percent) => `Svarprosent: ${percent}.`,
    nobody: 'Ingen svarte på evalueringen denne gangen.',
    ratingsHeading: 'Vurdering fra 1 til 10',
    mean: (value) => `Gjennomsnitt: ${value}`,
    change: (signed) => `${signed} siden forrige møte`,
    same: 'det samme som på forrige møte',
    noMean: 'Ikke noe gjennomsnitt, siden ingen svarte.',
    noSuggestions: 'Ingen forslag denne gangen.',
    parkedIntro:
      'Spørsmål som dukket opp på siden av temaet. Ta dem gjerne opp på et tidspunkt som er satt av til det, for eksempel i starten av neste møte.',
    identity:
      'Sammenstillingen viser ingen navn: svar med og uten navn vises på samme måte, og tekstene står i alfabetisk rekkefølge.',
    footer: (network, group) =>
      `Du får denne e-posten fordi du koordinerer eller leder gruppen «${group}» i ${network}.`,
  },
  en: {
    subject: (network, group, day, answered) => `Evaluation: “${group}” in ${network}, ${day} – ${answered}`,
    preheader: (answered, mean) => `${answered}. ${mean}`,
    hello: 'Hello,',
    intro: (network, group, position, when, closed) =>
      `The evaluation of ${position ? `meeting ${position}` : 'the meeting'} of the group “${group}” in ${network} on ${when} closed on ${closed}. Here is what the participants answered.`,
    responsesHeading: 'Answers',
    answered: (responses, asked) => `${responses} of ${asked} answered`,
    rate: (percent) => `Response rate: ${percent}.`,
    nobody: 'Nobody answered the evaluation this time.',
    ratingsHeading: 'Ratings from 1 to 10',
    mean: (value) => `Mean rating: ${value}`,
    change: (signed) => `${signed} since the last meeting`,
    same: 'the same as at the last meeting',
    noMean: 'No mean rating, as nobody answered.',
    noSuggestions: 'No suggestions this time.',
    parkedIntro:
      'Questions that came up off the topic. Take them up at a time set aside for them, for example at the start of the next meeting.',
    identity:
      'The summary shows no names: answers with and without a name are shown alike, and the texts are in alphabetical order.',
    footer: (network, group) =>
      `You are receiving this email because you coordinate or facilitate the group “${group}” in ${network}.`,
  },
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
  copy: RequestCopy,
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
