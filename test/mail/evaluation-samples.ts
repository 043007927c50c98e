import { type EvaluationAnswer, summarise } from '../../shared/domain/evaluation.ts';
import type { MailMessage } from '../support/mail-templates.ts';
import { meeting } from './meeting-samples.ts';

/** One sample of each evaluation mail, shared by templates.test.ts (every kind) and evaluations.test.ts. */
export type EvaluationMailKind = 'evaluation-request' | 'evaluation-reminder' | 'evaluation-summary';

// Distinct links, so a test can tell which one landed where; `&` checks the escaping in href.
const base = 'https://api.samla.example/v1/feedback/fB7_token';
export const evaluationUrls = {
  ratings: Array.from({ length: 10 }, (_, i) => `${base}?rating=${i + 1}&src=mail`),
  form: `${base}?src=mail&form=1`,
} as const;

/** The request goes out an hour after the meeting (17.00–18.30 on 10 March); it closes a week later. */
export const closesAt = new Date('2026-03-17T18:30:00Z');
export const closedAt = new Date('2026-03-17T18:30:00Z');

const at = '2026-03-10T19:00:00.000Z';

/** Nine asked, seven answered, two of them without their name: the mean is 7.4, 0.8 above last time. */
export const answers: EvaluationAnswer[] = [
  {
    rating: 8,
    anonymous: false,
    memberId: 'm1',
    answeredAt: at,
    nextTimeBetter: 'Mer tid för samtal i små grupper',
  },
  {
    rating: 9,
    anonymous: true,
    answeredAt: at,
    nextTimeBetter: '  Skicka underlaget en vecka innan  ',
    reflections: {
      programme: 'Introduktionen gav bra frågor.\nSamtalet efteråt var det bästa.',
      takeHome: 'Rektors mandat behöver skrivas ner.',
    },
    parkedQuestions: ['Hur gör andra kommuner med onboarding av nya rektorer?'],
  },
  {
    rating: 7,
    anonymous: false,
    memberId: 'm3',
    answeredAt: at,
    reflections: {
      preparation: 'Svårt att hinna läsa underlaget.',
      continueAtHome: 'Ta upp frågan i ledningsgruppen.',
    },
    parkedQuestions: ['Gemensamma system i regionen?', '   '],
  },
  { rating: 7, anonymous: true, answeredAt: at, nextTimeBetter: '   ' },
  {
    rating: 6,
    anonymous: false,
    memberId: 'm5',
    answeredAt: at,
    reflections: { execution: 'Bra tidshållning.' },
  },
  { rating: 8, anonymous: false, memberId: 'm6', answeredAt: at },
  { rating: 7, anonymous: false, memberId: 'm7', answeredAt: at },
];

export const summary = summarise(answers, { asked: 9, previousMean: 6.6 });

const ask = {
  recipientName: 'Åsa Ericson',
  meeting,
  ratingUrls: evaluationUrls.ratings,
  formUrl: evaluationUrls.form,
  closesAt,
  timeZone: 'Europe/Stockholm',
};

export const evaluationSamples: { [K in EvaluationMailKind]: MailMessage<K> } = {
  'evaluation-request': { kind: 'evaluation-request', ...ask },
  'evaluation-reminder': { kind: 'evaluation-reminder', ...ask },
  'evaluation-summary': {
    kind: 'evaluation-summary',
    recipientName: 'Åsa Ericson',
    networkName: 'Grundskolenätverket',
    groupTitle: 'Rektors mandat',
    meetingStartsAt: meeting.startsAt,
    timeZone: 'Europe/Stockholm',
    seq: 2,
    count: 4,
    summary,
    closedAt,
  },
};
