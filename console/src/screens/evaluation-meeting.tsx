import { type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { formatMean, formatSigned } from '../components/chart-math.ts';
import { BarChart } from '../components/charts.tsx';
import { Layout } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, formatDate, formatDateTime, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import {
  Breadcrumbs,
  type GroupContext,
  loadGroupContext,
  locale,
  useAnswered,
  words,
} from './evaluation-common.tsx';
import { evaluationState } from './evaluation-timing.ts';

/**
 * One meeting's evaluation as the API sums it up: how many answered of those asked, the ratings as bars,
 * the mean and its change, the "one point better" suggestions, the reflections and the parked questions;
 * then each answer — an anonymous one without a name and with only its day, as the API gives it.
 */

type Feedback = Schemas['MeetingFeedback'];
type Answer = Schemas['FeedbackAnswer'];

const reflectionFields = ['programme', 'preparation', 'execution', 'takeHome', 'continueAtHome'] as const;
type ReflectionField = (typeof reflectionFields)[number];

const messages = bundle({
  en: {
    title: 'Evaluation of meeting {seq}',
    when: '{group}, {when}',
    isOpen: 'The evaluation is open and closes {when}. The figures may change until then.',
    isClosed: 'The evaluation closed {when}.',
    notSent: 'The evaluation goes out {when}, after the meeting.',
    cancelled: 'The meeting was cancelled, so no evaluation goes out.',
    responsesHeading: 'Answers',
    rate: 'Response rate',
    mean: 'Mean rating',
    noMean: 'No mean, as nobody answered.',
    change: 'Since the previous meeting',
    same: 'The same as at the previous meeting',
    ratingsHeading: 'Ratings from 1 to 10',
    ratingsLabel: 'Bar chart of the ratings 1 to 10 from {count} answers: {bars}.',
    ratingCount: '{count} rated {rating}',
    ratingsCaption: 'How many gave each rating',
    rating: 'Rating',
    count: 'Answers',
    noRatings: 'Nobody has answered yet.',
    suggestionsHeading: 'One point better next time',
    suggestionsQuestion: 'What has to happen for the next meeting to score at least one point higher?',
    noSuggestions: 'No suggestions this time.',
    reflectionsHeading: 'Reflections',
    programme: 'Reflections on the programme',
    preparation: 'The preparations for the meeting',
    execution: 'How the meeting was carried out',
    takeHome: 'What do you take home from the meeting?',
    continueAtHome: 'How will you continue at home?',
    noReflections: 'No answers.',
    noReflectionsAtAll: 'Nobody has written a reflection.',
    parkedHeading: 'Parked questions',
    parkedIntro: 'Questions that came up off the topic, to take up at a set time later.',
    noParked: 'No parked questions.',
    answersHeading: 'Each answer',
    answersIntro:
      'Answers given anonymously are shown without a name and with only the day. The lists above show no names.',
    answerRating: 'Rating {rating}',
    anonymous: 'Anonymous',
    nextTime: 'One point better',
    parkedShort: 'Parked',
  },
  sv: {
    title: 'Utvärdering av träff {seq}',
    when: '{group}, {when}',
    isOpen: 'Utvärderingen är öppen och stänger {when}. Siffrorna kan ändras fram till dess.',
    isClosed: 'Utvärderingen stängdes {when}.',
    notSent: 'Utvärderingen skickas ut {when}, efter träffen.',
    cancelled: 'Träffen är inställd, så ingen utvärdering skickas ut.',
    responsesHeading: 'Svar',
    rate: 'Svarsfrekvens',
    mean: 'Medelbetyg',
    noMean: 'Inget medelbetyg, eftersom ingen svarade.',
    change: 'Sedan förra träffen',
    same: 'Samma som vid förra träffen',
    ratingsHeading: 'Betyg från 1 till 10',
    ratingsLabel: 'Stapeldiagram över betygen 1 till 10 från {count} svar: {bars}.',
    ratingCount: '{count} gav {rating}',
    ratingsCaption: 'Hur många som gav varje betyg',
    rating: 'Betyg',
    count: 'Svar',
    noRatings: 'Ingen har svarat ännu.',
    suggestionsHeading: 'En poäng högre nästa gång',
    suggestionsQuestion: 'Vad behöver hända för att nästa träff ska bli minst en poäng högre?',
    noSuggestions: 'Inga förslag den här gången.',
    reflectionsHeading: 'Reflektioner',
    programme: 'Reflektion kring programmet',
    preparation: 'Förberedelserna inför träffen',
    execution: 'Genomförandet',
    takeHome: 'Vad tar du med dig hem från träffen?',
    continueAtHome: 'Hur tänker du arbeta vidare på hemmaplan?',
    noReflections: 'Inga svar.',
    noReflectionsAtAll: 'Ingen har skrivit någon reflektion.',
    parkedHeading: 'Parkerade frågor',
    parkedIntro: 'Frågor som kom upp vid sidan av ämnet, att ta upp vid en tid som är avsatt för det.',
    noParked: 'Inga parkerade frågor.',
    answersHeading: 'Svar för svar',
    answersIntro:
      'Svar som lämnats anonymt visas utan namn och bara med dagen. Listorna ovan visar inga namn.',
    answerRating: 'Betyg {rating}',
    anonymous: 'Anonymt',
    nextTime: 'En poäng högre',
    parkedShort: 'Parkerat',
  },
  nb: {
    title: 'Evaluering av møte {seq}',
    when: '{group}, {when}',
    isOpen: 'Evalueringen er åpen og stenger {when}. Tallene kan endre seg fram til da.',
    isClosed: 'Evalueringen stengte {when}.',
    notSent: 'Evalueringen sendes ut {when}, etter møtet.',
    cancelled: 'Møtet er avlyst, så ingen evaluering sendes ut.',
    responsesHeading: 'Svar',
    rate: 'Svarprosent',
    mean: 'Gjennomsnitt',
    noMean: 'Ikke noe gjennomsnitt, siden ingen svarte.',
    change: 'Siden forrige møte',
    same: 'Det samme som på forrige møte',
    ratingsHeading: 'Vurdering fra 1 til 10',
    ratingsLabel: 'Stolpediagram over vurderingene 1 til 10 fra {count} svar: {bars}.',
    ratingCount: '{count} ga {rating}',
    ratingsCaption: 'Hvor mange som ga hver vurdering',
    rating: 'Vurdering',
    count: 'Svar',
    noRatings: 'Ingen har svart ennå.',
    suggestionsHeading: 'Ett poeng bedre neste gang',
    suggestionsQuestion: 'Hva må skje for at neste møte skal få minst ett poeng mer?',
    noSuggestions: 'Ingen forslag denne gangen.',
    reflectionsHeading: 'Refleksjoner',
    programme: 'Refleksjon rundt programmet',
    preparation: 'Forberedelsene til møtet',
    execution: 'Gjennomføringen',
    takeHome: 'Hva tar du med deg hjem fra møtet?',
    continueAtHome: 'Hvordan tenker du å arbeide videre på hjemmebane?',
    noReflections: 'Ingen svar.',
    noReflectionsAtAll: 'Ingen har skrevet noen refleksjon.',
    parkedHeading: 'Parkerte spørsmål',
    parkedIntro:
      'Spørsmål som kom opp på siden av temaet, til å ta opp på et tidspunkt som er satt av til det.',
    noParked: 'Ingen parkerte spørsmål.',
    answersHeading: 'Svar for svar',
    answersIntro:
      'Svar som er gitt anonymt, vises uten navn og bare med dagen. Listene over viser ingen navn.',
    answerRating: 'Vurdering {rating}',
    anonymous: 'Anonymt',
    nextTime: 'Ett poeng bedre',
    parkedShort: 'Parkert',
  },
});

interface Data extends GroupContext {
  readonly feedback: Feedback;
}

export function MeetingEvaluation(props: { networkId: string; groupId: string; meetingId: string }) {
  const { api } = useApp();
  const c = useMessages(common);
  const t = useMessages(messages);
  const [load, reload] = useLoad(async (): Promise<Data> => {
    const [context, feedback] = await Promise.all([
      loadGroupContext(api, props.networkId, props.groupId),
      unwrap(
        api.GET('/v1/admin/groups/{groupId}/meetings/{meetingId}/feedback', {
          params: { path: { groupId: props.groupId, meetingId: props.meetingId } },
        }),
      ),
    ]);
    return { ...context, feedback };
  }, [api, props.networkId, props.groupId, props.meetingId]);
  const title =
    load.state === 'ready' ? t('title', { seq: load.data.feedback.meeting.seq }) : c('evaluations');
  return (
    <Layout networkId={props.networkId} current="evaluations" title={title}>
      <Loaded load={load} retry={() => void reload()}>
        {(data) => <Content networkId={props.networkId} data={data} />}
      </Loaded>
    </Layout>
  );
}

function Content(props: { networkId: string; data: Data }) {
  const t = useMessages(messages);
  const w = useMessages(words);
  const { language } = useLanguage();
  const answered = useAnswered();
  const { group, network, feedback } = props.data;
  const { summary } = feedback;
  const meeting = props.data.meetings.find((m) => m.id === feedback.meeting.id);
  const timeZone = meeting?.timeZone ?? network.timeZone;
  const when = (iso: string) => formatDateTime(language, iso, timeZone);
  const state = evaluationState(
    {
      startsAt: feedback.meeting.startsAt,
      durationMinutes: meeting?.durationMinutes ?? 90,
      status: meeting?.status,
      evaluationCloseAt: feedback.meeting.evaluationCloseAt,
    },
    network.evaluation,
    feedback.meeting.evaluationClosedAt,
    new Date(),
    summary.asked > 0 || summary.responses > 0,
  );
  const l = locale(language);
  return (
    <>
      <Breadcrumbs
        networkId={props.networkId}
        group={group}
        current={w('meeting', { seq: feedback.meeting.seq })}
      />
      <p>{t('when', { group: group.title, when: when(feedback.meeting.startsAt) })}</p>
      <p class={state.state === 'open' ? 'evaluation-state open' : 'evaluation-state'}>
        {state.state === 'open'
          ? t('isOpen', { when: when(state.closeAt) })
          : state.state === 'closed'
            ? t('isClosed', { when: when(state.closedAt) })
            : state.state === 'not-sent'
              ? t('notSent', { when: when(state.requestAt) })
              : t('cancelled')}
      </p>

      <section aria-labelledby="responses-heading">
        <h2 id="responses-heading">{t('responsesHeading')}</h2>
        <dl class="figures">
          <div>
            <dt>{t('rate')}</dt>
            <dd>{answered(summary.responses, summary.asked)}</dd>
          </div>
          <div>
            <dt>{t('mean')}</dt>
            <dd>{summary.mean === undefined ? t('noMean') : formatMean(l, summary.mean)}</dd>
          </div>
          <div>
            <dt>{t('change')}</dt>
            <dd>
              {summary.change === undefined
                ? w('noChange')
                : summary.change === 0
                  ? t('same')
                  : formatSigned(l, summary.change)}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="ratings-heading">
        <h2 id="ratings-heading">{t('ratingsHeading')}</h2>
        <Ratings distribution={summary.distribution} responses={summary.responses} />
      </section>

      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">{t('suggestionsHeading')}</h2>
        <p class="muted">{t('suggestionsQuestion')}</p>
        <Texts items={summary.suggestions} empty={t('noSuggestions')} />
      </section>

      <section aria-labelledby="reflections-heading">
        <h2 id="reflections-heading">{t('reflectionsHeading')}</h2>
        {reflectionFields.every((field) => summary.reflections[field].length === 0) ? (
          <p class="muted">{t('noReflectionsAtAll')}</p>
        ) : (
          reflectionFields.map((field) => (
            <div key={field}>
              <h3>{t(field)}</h3>
              <Texts items={summary.reflections[field]} empty={t('noReflections')} />
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="parked-heading">
        <h2 id="parked-heading">{t('parkedHeading')}</h2>
        <p class="muted">{t('parkedIntro')}</p>
        <Texts items={summary.parkedQuestions} empty={t('noParked')} />
      </section>

      {feedback.answers.length === 0 ? null : (
        <section aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t('answersHeading')}</h2>
          <p class="muted">{t('answersIntro')}</p>
          <Answers answers={feedback.answers} timeZone={timeZone} />
        </section>
      )}
    </>
  );
}

function Ratings(props: { distribution: readonly number[]; responses: number }) {
  const t = useMessages(messages);
  if (props.responses === 0) return <p>{t('noRatings')}</p>;
  const bars = props.distribution.map((count, i) => ({ label: String(i + 1), value: count }));
  const said = bars
    .filter((bar) => bar.value > 0)
    .map((bar) => t('ratingCount', { count: bar.value, rating: bar.label }))
    .join(', ');
  return (
    <>
      <BarChart bars={bars} label={t('ratingsLabel', { count: props.responses, bars: said })} />
      <table class="visually-hidden">
        <caption>{t('ratingsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rating')}</th>
            <th scope="col">{t('count')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Texts(props: { items: readonly string[]; empty: string }) {
  const { shown, more } = useShowMore(props.items, 20);
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <>
      <ul class="answer-texts">
        {shown.map((text, i) => (
          <li key={`${i}-${text}`}>{text}</li>
        ))}
      </ul>
      {more}
    </>
  );
}

function Answers(props: { answers: readonly Answer[]; timeZone: string }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { shown, more } = useShowMore(props.answers, 20);
  return (
    <>
      <ol class="answers">
        {shown.map((answer, i) => {
          const texts: [string, string][] = [
            ...(answer.nextTimeBetter === undefined
              ? []
              : [[t('nextTime'), answer.nextTimeBetter] as [string, string]]),
            ...reflectionFields.flatMap((field: ReflectionField) => {
              const text = answer.reflections?.[field];
              return text === undefined ? [] : [[t(field), text] as [string, string]];
            }),
            ...(answer.parkedQuestions ?? []).map((q) => [t('parkedShort'), q] as [string, string]),
          ];
          return (
            <li key={i} class="card">
              <p class="answer-head">
                <strong>{t('answerRating', { rating: answer.rating })}</strong>
                {' · '}
                {answer.member === undefined ? t('anonymous') : answer.member.name}
                {' · '}
                <span class="muted">
                  {/* An anonymous answer carries only its day (midnight UTC): shown as that day. */}
                  {answer.anonymous
                    ? formatDate(language, answer.answeredAt, 'UTC')
                    : formatDateTime(language, answer.answeredAt, props.timeZone)}
                </span>
              </p>
              {texts.length === 0 ? null : (
                <dl class="answer-texts">
                  {texts.map(([label, text], j) => (
                    <div key={j}>
                      <dt>{label}</dt>
                      <dd>{text}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </li>
          );
        })}
      </ol>
      {more}
    </>
  );
}
