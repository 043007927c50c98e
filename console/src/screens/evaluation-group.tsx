import { useRef, useState } from 'preact/hooks';
import { ApiError, errorFrom, type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { formatMean, formatSigned } from '../components/chart-math.ts';
import { LineChart } from '../components/charts.tsx';
import { ConfirmButton } from '../components/confirm.tsx';
import { useAction } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { ErrorMessage, Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, type Language, plural, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import {
  Breadcrumbs,
  type GroupContext,
  loadGroupContext,
  locale,
  type Meeting,
  StateText,
  useAnswered,
  words,
} from './evaluation-common.tsx';
import { type EvaluationState, evaluationState } from './evaluation-timing.ts';

/**
 * One group's evaluations: the mean of each meeting as a line (and the same figures in the table under
 * it), each meeting's answers, mean and change linking to its evaluation, the follow-ups the evaluations
 * left (mark done, open again, remove), and every answer as a CSV file.
 */

type TrendPoint = Schemas['FeedbackTrendPoint'];
type FollowUp = Schemas['FollowUp'];

const messages = bundle({
  en: {
    trendHeading: 'Mean rating, meeting by meeting',
    trendIntro: 'Ratings from 1 to 10, where 10 is best. An open evaluation’s mean can still change.',
    trendLabel: 'Line chart of the mean rating per meeting on the scale 1 to 10: {points}.',
    noTrend: 'No meeting has answers yet, so there is no line to draw.',
    meetingsCaption: 'Each meeting’s evaluation',
    colMeeting: 'Meeting',
    colAnswers: 'Answers',
    colMean: 'Mean',
    colChange: 'Change',
    colState: 'Evaluation',
    notYet: 'Not yet',
    noMeetings: 'The group has no meetings yet.',
    followUpsHeading: 'To follow up',
    followUpsIntro:
      'What the evaluations left for the next meetings. Open items are quoted in the emails before the next meeting; mark them done once they are dealt with, or remove them.',
    suggestions: 'Suggestions: one point better next time',
    parked: 'Parked questions',
    done: 'Done',
    noSuggestions: 'No open suggestions.',
    noParked: 'No open parked questions.',
    noDone: 'Nothing marked done yet.',
    removedOne: 'One removed item is not shown.',
    removedCount: '{count} removed items are not shown.',
    fromMeeting: 'From {meeting}',
    markDone: 'Mark done',
    reopen: 'Open again',
    remove: 'Remove',
    removeQuestion:
      'Remove from the follow-ups: “{text}”. It will no longer be quoted in the emails before the next meeting.',
    markedDone: 'Marked done: “{text}”',
    reopened: 'Open again: “{text}”',
    removed: 'Removed: “{text}”',
    exportHeading: 'All answers as a file',
    exportIntro:
      'Every answer of the group, one per row, as a CSV file for Excel. Anonymous answers are without a name.',
    download: 'Download answers (CSV)',
    downloading: 'Downloading…',
    downloaded: 'Downloaded {name}.',
  },
  sv: {
    trendHeading: 'Medelbetyg träff för träff',
    trendIntro:
      'Betyg från 1 till 10, där 10 är bäst. Medelbetyget för en öppen utvärdering kan ännu ändras.',
    trendLabel: 'Linjediagram över medelbetyget per träff på skalan 1 till 10: {points}.',
    noTrend: 'Ingen träff har fått svar ännu, så det finns ingen linje att visa.',
    meetingsCaption: 'Utvärderingen av varje träff',
    colMeeting: 'Träff',
    colAnswers: 'Svar',
    colMean: 'Medelbetyg',
    colChange: 'Förändring',
    colState: 'Utvärdering',
    notYet: 'Inte ännu',
    noMeetings: 'Gruppen har inga träffar ännu.',
    followUpsHeading: 'Att följa upp',
    followUpsIntro:
      'Det som utvärderingarna lämnade till kommande träffar. Det som är öppet citeras i mejlen inför nästa träff; markera det som klart när ni har tagit hand om det, eller ta bort det.',
    suggestions: 'Förslag: en poäng högre nästa gång',
    parked: 'Parkerade frågor',
    done: 'Klart',
    noSuggestions: 'Inga öppna förslag.',
    noParked: 'Inga öppna parkerade frågor.',
    noDone: 'Inget är markerat som klart ännu.',
    removedOne: 'En borttagen punkt visas inte.',
    removedCount: '{count} borttagna punkter visas inte.',
    fromMeeting: 'Från {meeting}',
    markDone: 'Markera som klar',
    reopen: 'Öppna igen',
    remove: 'Ta bort',
    removeQuestion:
      'Ta bort från uppföljningen: ”{text}”. Det citeras då inte längre i mejlen inför nästa träff.',
    markedDone: 'Markerad som klar: ”{text}”',
    reopened: 'Öppen igen: ”{text}”',
    removed: 'Borttagen: ”{text}”',
    exportHeading: 'Alla svar som fil',
    exportIntro:
      'Alla svar i gruppen, ett per rad, i en CSV-fil för Excel. Svar som lämnats anonymt står utan namn.',
    download: 'Ladda ner svaren (CSV)',
    downloading: 'Laddar ner…',
    downloaded: '{name} är nedladdad.',
  },
  nb: {
    trendHeading: 'Gjennomsnitt møte for møte',
    trendIntro:
      'Vurdering fra 1 til 10, der 10 er best. Gjennomsnittet for en åpen evaluering kan fortsatt endre seg.',
    trendLabel: 'Linjediagram over gjennomsnittet per møte på skalaen 1 til 10: {points}.',
    noTrend: 'Ingen møter har fått svar ennå, så det er ingen linje å vise.',
    meetingsCaption: 'Evalueringen av hvert møte',
    colMeeting: 'Møte',
    colAnswers: 'Svar',
    colMean: 'Gjennomsnitt',
    colChange: 'Endring',
    colState: 'Evaluering',
    notYet: 'Ikke ennå',
    noMeetings: 'Gruppen har ingen møter ennå.',
    followUpsHeading: 'Til oppfølging',
    followUpsIntro:
      'Det evalueringene la igjen til de neste møtene. Det som er åpent, siteres i e-postene før neste møte; merk det som gjort når dere har tatt dere av det, eller fjern det.',
    suggestions: 'Forslag: ett poeng bedre neste gang',
    parked: 'Parkerte spørsmål',
    done: 'Gjort',
    noSuggestions: 'Ingen åpne forslag.',
    noParked: 'Ingen åpne parkerte spørsmål.',
    noDone: 'Ingenting er merket som gjort ennå.',
    removedOne: 'Ett fjernet punkt vises ikke.',
    removedCount: '{count} fjernede punkter vises ikke.',
    fromMeeting: 'Fra {meeting}',
    markDone: 'Merk som gjort',
    reopen: 'Åpne igjen',
    remove: 'Fjern',
    removeQuestion:
      'Fjern fra oppfølgingen: «{text}». Det siteres da ikke lenger i e-postene før neste møte.',
    markedDone: 'Merket som gjort: «{text}»',
    reopened: 'Åpen igjen: «{text}»',
    removed: 'Fjernet: «{text}»',
    exportHeading: 'Alle svar som fil',
    exportIntro:
      'Alle svarene i gruppen, ett per rad, i en CSV-fil for Excel. Svar som er gitt anonymt, står uten navn.',
    download: 'Last ned svarene (CSV)',
    downloading: 'Laster ned…',
    downloaded: '{name} er lastet ned.',
  },
});

interface Data extends GroupContext {
  readonly trend: readonly TrendPoint[];
}

export function GroupEvaluations(props: { networkId: string; groupId: string }) {
  const { api } = useApp();
  const c = useMessages(common);
  const w = useMessages(words);
  const [load, reload] = useLoad(async (): Promise<Data> => {
    const [context, feedback] = await Promise.all([
      loadGroupContext(api, props.networkId, props.groupId),
      unwrap(
        api.GET('/v1/admin/groups/{groupId}/feedback', { params: { path: { groupId: props.groupId } } }),
      ),
    ]);
    return { ...context, trend: feedback.meetings };
  }, [api, props.networkId, props.groupId]);
  const title =
    load.state === 'ready' ? w('groupEvaluations', { title: load.data.group.title }) : c('evaluations');
  return (
    <Layout networkId={props.networkId} current="evaluations" title={title}>
      <Loaded load={load} retry={() => void reload()}>
        {(data) => (
          <>
            <Breadcrumbs networkId={props.networkId} current={data.group.title} />
            <p class="question">{data.group.question}</p>
            <Trend networkId={props.networkId} data={data} />
            <FollowUps groupId={props.groupId} meetings={data.meetings} />
            <CsvDownload groupId={props.groupId} />
          </>
        )}
      </Loaded>
    </Layout>
  );
}

/** "12 mars", "12. mar.", "12 Mar": short enough for the chart's axis. */
function shortDate(language: Language, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(new Date(iso));
}

function dateOnly(language: Language, iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : language === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeZone,
  }).format(new Date(iso));
}

interface Row {
  readonly point: TrendPoint;
  readonly timeZone: string;
  readonly state: EvaluationState;
}

function Trend(props: { networkId: string; data: Data }) {
  const t = useMessages(messages);
  const w = useMessages(words);
  const { language } = useLanguage();
  const answered = useAnswered();
  const { data } = props;
  const now = new Date();
  const byId = new Map(data.meetings.map((m) => [m.id, m]));
  const rows: Row[] = data.trend.map((point) => {
    const meeting = byId.get(point.meetingId);
    const timeZone = meeting?.timeZone ?? data.network.timeZone;
    const state = evaluationState(
      {
        startsAt: point.startsAt,
        durationMinutes: meeting?.durationMinutes ?? 90,
        status: meeting?.status,
        evaluationCloseAt: point.evaluationCloseAt,
      },
      data.network.evaluation,
      point.evaluationClosedAt,
      now,
      point.asked > 0 || point.responses > 0,
    );
    return { point, timeZone, state };
  });
  const { shown, more } = useShowMore(rows, 50);
  const plotted = rows.filter((row) => row.state.state !== 'not-sent' && row.state.state !== 'cancelled');
  const mean = (value: number) => formatMean(locale(language), value);
  const points = plotted.map(({ point, timeZone }) => ({
    label: shortDate(language, point.startsAt, timeZone),
    value: point.mean,
    valueLabel: point.mean === undefined ? undefined : mean(point.mean),
  }));
  const summary = plotted
    .map(
      ({ point, timeZone }) =>
        `${w('meeting', { seq: point.seq })} (${shortDate(language, point.startsAt, timeZone)}) ${
          point.mean === undefined ? w('noAnswers').toLowerCase() : mean(point.mean)
        }`,
    )
    .join('; ');
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t('trendHeading')}</h2>
      {rows.length === 0 ? (
        <p>{t('noMeetings')}</p>
      ) : (
        <>
          <p class="muted">{t('trendIntro')}</p>
          {plotted.some(({ point }) => point.mean !== undefined) ? (
            <LineChart points={points} min={1} max={10} label={t('trendLabel', { points: summary })} />
          ) : (
            <p>{t('noTrend')}</p>
          )}
          <div class="table-scroll">
            <table>
              <caption>{t('meetingsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colMeeting')}</th>
                  <th scope="col">{t('colAnswers')}</th>
                  <th scope="col" class="number">
                    {t('colMean')}
                  </th>
                  <th scope="col" class="number">
                    {t('colChange')}
                  </th>
                  <th scope="col">{t('colState')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ point, timeZone, state }) => {
                  const sent = state.state === 'open' || state.state === 'closed';
                  return (
                    <tr key={point.meetingId}>
                      <th scope="row">
                        <Link
                          href={path('n', props.networkId, 'evaluations', data.group.id, point.meetingId)}
                        >
                          {w('meeting', { seq: point.seq })}
                        </Link>
                        <br />
                        <span class="muted">{dateOnly(language, point.startsAt, timeZone)}</span>
                      </th>
                      <td>{sent ? answered(point.responses, point.asked) : t('notYet')}</td>
                      <td class="number">
                        {point.mean === undefined ? (
                          <span class="muted">{sent ? w('noAnswers') : '–'}</span>
                        ) : (
                          mean(point.mean)
                        )}
                      </td>
                      <td class="number">
                        {point.change === undefined ? (
                          <>
                            <span aria-hidden="true">–</span>
                            <span class="visually-hidden">{w('noChange')}</span>
                          </>
                        ) : (
                          formatSigned(locale(language), point.change)
                        )}
                      </td>
                      <td>
                        <StateText state={state} timeZone={timeZone} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {more}
        </>
      )}
    </section>
  );
}

function FollowUps(props: { groupId: string; meetings: readonly Meeting[] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { api } = useApp();
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const [load, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/v1/admin/groups/{groupId}/follow-ups', { params: { path: { groupId: props.groupId } } }),
      ),
    [api, props.groupId],
  );
  const changed = async (message: string) => {
    setNotice(message);
    await reload();
    // The button that was pressed has moved or gone: focus the message that says what happened.
    noticeRef.current?.focus();
  };
  return (
    <section aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">{t('followUpsHeading')}</h2>
      <p class="muted">{t('followUpsIntro')}</p>
      <p class="saved" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      <Loaded load={load} retry={() => void reload()}>
        {({ followUps }) => {
          const open = followUps.filter((f) => f.status === 'open');
          const removed = followUps.filter((f) => f.status === 'removed').length;
          const list = (items: readonly FollowUp[], empty: string) => (
            <FollowUpList
              groupId={props.groupId}
              items={items}
              empty={empty}
              meetings={props.meetings}
              onChanged={changed}
            />
          );
          return (
            <>
              <h3>{t('suggestions')}</h3>
              {list(
                open.filter((f) => f.kind === 'suggestion'),
                t('noSuggestions'),
              )}
              <h3>{t('parked')}</h3>
              {list(
                open.filter((f) => f.kind === 'parked-question'),
                t('noParked'),
              )}
              <h3>{t('done')}</h3>
              {list(
                followUps.filter((f) => f.status === 'done'),
                t('noDone'),
              )}
              {removed > 0 ? (
                <p class="muted">
                  {t(plural(language, removed, { one: 'removedOne', other: 'removedCount' }), {
                    count: removed,
                  })}
                </p>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function FollowUpList(props: {
  groupId: string;
  items: readonly FollowUp[];
  empty: string;
  meetings: readonly Meeting[];
  onChanged: (message: string) => Promise<void>;
}) {
  const { shown, more } = useShowMore(props.items, 20);
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <>
      <ul class="follow-ups">
        {shown.map((item) => (
          <FollowUpItem
            key={item.id}
            groupId={props.groupId}
            item={item}
            meeting={props.meetings.find((m) => m.id === item.meetingId)}
            onChanged={props.onChanged}
          />
        ))}
      </ul>
      {more}
    </>
  );
}

function FollowUpItem(props: {
  groupId: string;
  item: FollowUp;
  meeting: Meeting | undefined;
  onChanged: (message: string) => Promise<void>;
}) {
  const t = useMessages(messages);
  const w = useMessages(words);
  const { language } = useLanguage();
  const { api } = useApp();
  const { item, meeting } = props;
  const set = (status: FollowUp['status']) => () =>
    unwrap(
      api.PATCH('/v1/admin/groups/{groupId}/follow-ups/{followUpId}', {
        params: { path: { groupId: props.groupId, followUpId: item.id } },
        body: { status },
      }),
    );
  const quoted = item.text.length > 80 ? `${item.text.slice(0, 77)}…` : item.text;
  const done = useAction(set('done'), () => props.onChanged(t('markedDone', { text: quoted })));
  const reopen = useAction(set('open'), () => props.onChanged(t('reopened', { text: quoted })));
  const remove = useAction(set('removed'), () => props.onChanged(t('removed', { text: quoted })));
  const busy = done.busy || reopen.busy || remove.busy;
  const error = done.error ?? reopen.error ?? remove.error;
  return (
    <li class="card">
      <p class="follow-up-text">{item.text}</p>
      <p class="muted">
        {meeting === undefined
          ? null
          : t('fromMeeting', {
              meeting: `${w('meeting', { seq: meeting.seq })}, ${dateOnly(language, meeting.startsAt, meeting.timeZone)}`,
            })}
      </p>
      <div class="actions">
        {item.status === 'open' ? (
          <>
            <button type="button" disabled={busy} onClick={() => void done.run()}>
              {t('markDone')}
            </button>
            <ConfirmButton
              label={t('remove')}
              question={t('removeQuestion', { text: quoted })}
              confirmLabel={t('remove')}
              disabled={busy}
              onConfirm={() => remove.run()}
            />
          </>
        ) : (
          <button type="button" disabled={busy} onClick={() => void reopen.run()}>
            {t('reopen')}
          </button>
        )}
      </div>
      {error === undefined ? null : <ErrorMessage error={error} />}
    </li>
  );
}

/** `attachment; filename="feedback-….csv"` → the name, if the API sent one (CORS exposes the header). */
function fileName(disposition: string | null, groupId: string): string {
  const match = disposition?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  const name = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  return name ?? `feedback-${groupId.replace(/[^A-Za-z0-9_-]/g, '_')}.csv`;
}

/** The CSV needs the bearer token, so no plain link: fetched by the client, saved through an object URL. */
function CsvDownload(props: { groupId: string }) {
  const t = useMessages(messages);
  const { api } = useApp();
  const [saved, setSaved] = useState('');
  const download = useAction(async () => {
    setSaved('');
    const { data, error, response } = await api.GET('/v1/admin/groups/{groupId}/feedback.csv', {
      params: { path: { groupId: props.groupId } },
      parseAs: 'blob',
    });
    if (!response.ok || !(data instanceof Blob)) {
      throw response.ok
        ? new ApiError('other', response.status, 'not_a_file', response.statusText)
        : errorFrom(response, error);
    }
    const name = fileName(response.headers.get('content-disposition'), props.groupId);
    const url = URL.createObjectURL(data);
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked once the browser has taken the file over.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setSaved(t('downloaded', { name }));
  });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t('exportHeading')}</h2>
      <p>{t('exportIntro')}</p>
      <div class="actions">
        <button type="button" disabled={download.busy} onClick={() => void download.run()}>
          {download.busy ? t('downloading') : t('download')}
        </button>
      </div>
      <p class="saved" role="status">
        {saved}
      </p>
      {download.error === undefined ? null : <ErrorMessage error={download.error} />}
    </section>
  );
}
