import { useState } from 'preact/hooks';
import { errorFrom, type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { useAction } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { ErrorMessage, Loaded, useLoad } from '../components/load.tsx';
import { bundle, formatDate, languageNames, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { useSearchParams } from '../router.ts';

type Registration = Schemas['RegistrationListItem'];
type Status = Registration['status'];
const statuses: readonly Status[] = ['pending_confirmation', 'confirmed', 'expired'];
const PAGE = 50;

const messages = bundle({
  en: {
    filters: 'Search and filter',
    search: 'Search',
    searchHint: 'Part of a name, an email address or an organisation.',
    searchButton: 'Search',
    status: 'Status',
    anyStatus: 'Any status',
    pending_confirmation: 'Not confirmed',
    confirmed: 'Confirmed',
    expired: 'Expired',
    topicFilter: 'Topic: {topic}',
    removeTopic: 'Remove the topic filter',
    clear: 'Clear search and filters',
    caption: 'Registrations of interest',
    name: 'Name',
    organisation: 'Organisation',
    email: 'Email',
    topics: 'Topics',
    registered: 'Registered',
    member: 'member organisation',
    language: 'Language: {language}',
    confirmedOn: 'confirmed {date}',
    filterByTopic: 'Show only registrations naming “{topic}”',
    none: 'No one has registered interest yet.',
    noneMatch: 'No registrations match the search and filters.',
    shown: 'Showing {count}.',
    shownMore: 'Showing {count}; there are more.',
    loadMore: 'Show {count} more',
    loadingMore: 'Loading…',
    csvHeading: 'Download',
    csvText:
      'A CSV file for Excel with every registration that matches the search and filters — not only those shown here. Times are in the network’s time zone.',
    csv: 'Download as CSV',
    downloading: 'Preparing the file…',
    downloaded: 'Downloaded {file}.',
  },
  sv: {
    filters: 'Sök och filtrera',
    search: 'Sök',
    searchHint: 'Del av ett namn, en e-postadress eller en organisation.',
    searchButton: 'Sök',
    status: 'Status',
    anyStatus: 'Alla',
    pending_confirmation: 'Ej bekräftad',
    confirmed: 'Bekräftad',
    expired: 'Utgången',
    topicFilter: 'Ämne: {topic}',
    removeTopic: 'Ta bort ämnesfiltret',
    clear: 'Rensa sökning och filter',
    caption: 'Intresseanmälningar',
    name: 'Namn',
    organisation: 'Organisation',
    email: 'E-post',
    topics: 'Ämnen',
    registered: 'Anmäld',
    member: 'medlemsorganisation',
    language: 'Språk: {language}',
    confirmedOn: 'bekräftad {date}',
    filterByTopic: 'Visa bara anmälningar som nämner ”{topic}”',
    none: 'Ingen har anmält intresse ännu.',
    noneMatch: 'Inga anmälningar matchar sökningen och filtren.',
    shown: 'Visar {count}.',
    shownMore: 'Visar {count}; det finns fler.',
    loadMore: 'Visa {count} till',
    loadingMore: 'Hämtar…',
    csvHeading: 'Ladda ner',
    csvText:
      'En CSV-fil för Excel med alla anmälningar som matchar sökningen och filtren – inte bara de som visas här. Tiderna är i nätverkets tidszon.',
    csv: 'Ladda ner som CSV',
    downloading: 'Förbereder filen…',
    downloaded: 'Laddade ner {file}.',
  },
  nb: {
    filters: 'Søk og filtrer',
    search: 'Søk',
    searchHint: 'Del av et navn, en e-postadresse eller en organisasjon.',
    searchButton: 'Søk',
    status: 'Status',
    anyStatus: 'Alle',
    pending_confirmation: 'Ikke bekreftet',
    confirmed: 'Bekreftet',
    expired: 'Utløpt',
    topicFilter: 'Tema: {topic}',
    removeTopic: 'Fjern temafilteret',
    clear: 'Tøm søk og filtre',
    caption: 'Interessepåmeldinger',
    name: 'Navn',
    organisation: 'Organisasjon',
    email: 'E-post',
    topics: 'Temaer',
    registered: 'Påmeldt',
    member: 'medlemsorganisasjon',
    language: 'Språk: {language}',
    confirmedOn: 'bekreftet {date}',
    filterByTopic: 'Vis bare påmeldinger som nevner «{topic}»',
    none: 'Ingen har meldt interesse ennå.',
    noneMatch: 'Ingen påmeldinger passer med søket og filtrene.',
    shown: 'Viser {count}.',
    shownMore: 'Viser {count}; det finnes flere.',
    loadMore: 'Vis {count} til',
    loadingMore: 'Henter…',
    csvHeading: 'Last ned',
    csvText:
      'En CSV-fil for Excel med alle påmeldinger som passer med søket og filtrene – ikke bare de som vises her. Tidene er i nettverkets tidssone.',
    csv: 'Last ned som CSV',
    downloading: 'Gjør klar filen…',
    downloaded: 'Lastet ned {file}.',
  },
});

interface Filters {
  search?: string;
  status?: Status;
  topic?: string;
}

function filtersOf(params: URLSearchParams): Filters {
  const search = params.get('search')?.trim();
  const status = params.get('status');
  const topic = params.get('topic')?.trim();
  return {
    ...(search ? { search } : {}),
    ...(statuses.includes(status as Status) ? { status: status as Status } : {}),
    ...(topic ? { topic } : {}),
  };
}

/** `attachment; filename="registrations-demo-2026-11-22.csv"` → the name (the API's ids need no escapes). */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ?? fallback;
}

/** Saves a blob as a file: an object URL and a temporary <a download>, removed again at once. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The current path with these query parameters changed (for links that filter). */
function withQuery(params: URLSearchParams, next: Record<string, string | undefined>): string {
  const query = new URLSearchParams(params);
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  return `${window.location.pathname}${text === '' ? '' : `?${text}`}`;
}

export function Registrations(props: { networkId: string }) {
  const c = useMessages(common);
  const t = useMessages(messages);
  const { api } = useApp();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const filterKey = JSON.stringify(filters);
  const [typed, setTyped] = useState<{ key: string; text: string } | undefined>(undefined);
  const searchText = typed?.key === filterKey ? typed.text : (filters.search ?? '');

  // The network's time zone (dates are shown in it), once per network rather than at every search.
  const [network, reloadNetwork] = useLoad(
    () =>
      unwrap(api.GET('/v1/admin/networks/{networkId}', { params: { path: { networkId: props.networkId } } })),
    [api, props.networkId],
  );
  const [load, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/v1/admin/networks/{networkId}/registrations', {
          params: { path: { networkId: props.networkId }, query: { ...filters, limit: PAGE } },
        }),
      ),
    [api, props.networkId, filterKey],
  );

  return (
    <Layout networkId={props.networkId} current="registrations" title={c('registrations')}>
      <search class="registration-filters" aria-label={t('filters')}>
        <form
          class="inline"
          onSubmit={(event) => {
            event.preventDefault();
            setParams({ search: searchText.trim() });
          }}
        >
          <div class="field">
            <label for="registration-search">{t('search')}</label>
            <input
              id="registration-search"
              type="search"
              name="search"
              maxLength={160}
              aria-describedby="registration-search-hint"
              value={searchText}
              onInput={(e) => setTyped({ key: filterKey, text: (e.currentTarget as HTMLInputElement).value })}
            />
            <p class="hint" id="registration-search-hint">
              {t('searchHint')}
            </p>
          </div>
          <button type="submit">{t('searchButton')}</button>
          <div class="field">
            <label for="registration-status">{t('status')}</label>
            <select
              id="registration-status"
              name="status"
              value={filters.status ?? ''}
              onChange={(e) => setParams({ status: (e.currentTarget as HTMLSelectElement).value })}
            >
              <option value="">{t('anyStatus')}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {t(status)}
                </option>
              ))}
            </select>
          </div>
        </form>
        {filters.topic !== undefined || filters.search !== undefined || filters.status !== undefined ? (
          <div class="actions">
            {filters.topic !== undefined ? (
              <>
                <span class="badge">{t('topicFilter', { topic: filters.topic })}</span>
                <button type="button" onClick={() => setParams({ topic: undefined })}>
                  {t('removeTopic')}
                </button>
              </>
            ) : null}
            <button
              type="button"
              onClick={() => {
                setTyped(undefined);
                setParams({ search: undefined, status: undefined, topic: undefined });
              }}
            >
              {t('clear')}
            </button>
          </div>
        ) : null}
      </search>

      <Loaded load={network} retry={() => void reloadNetwork()}>
        {(settings) => (
          <Loaded load={load} retry={() => void reload()}>
            {(first) => (
              <RegistrationTable
                key={filterKey}
                networkId={props.networkId}
                filters={filters}
                params={params}
                timeZone={settings.timeZone}
                first={first}
              />
            )}
          </Loaded>
        )}
      </Loaded>

      <CsvDownload networkId={props.networkId} filters={filters} />
    </Layout>
  );
}

function RegistrationTable(props: {
  networkId: string;
  filters: Filters;
  params: URLSearchParams;
  timeZone: string;
  first: Schemas['RegistrationList'];
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { api } = useApp();
  const [pages, setPages] = useState<{ items: Registration[]; cursor: string | undefined }>({
    items: props.first.items,
    cursor: props.first.cursor,
  });
  const more = useAction(async () => {
    if (pages.cursor === undefined) return;
    const page = await unwrap(
      api.GET('/v1/admin/networks/{networkId}/registrations', {
        params: {
          path: { networkId: props.networkId },
          query: { ...props.filters, limit: PAGE, cursor: pages.cursor },
        },
      }),
    );
    setPages({ items: [...pages.items, ...page.items], cursor: page.cursor });
  });
  const filtered =
    props.filters.search !== undefined ||
    props.filters.status !== undefined ||
    props.filters.topic !== undefined;
  if (pages.items.length === 0) return <p>{filtered ? t('noneMatch') : t('none')}</p>;
  const date = (iso: string) => formatDate(language, iso, props.timeZone);
  return (
    <>
      <div class="table-wrap">
        <table class="registrations">
          <caption id="registrations-caption">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('organisation')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('topics')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('registered')}</th>
            </tr>
          </thead>
          <tbody>
            {pages.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  {r.name}
                  <span class="muted sub">{r.role}</span>
                </th>
                <td>
                  {r.organisation}
                  {r.fromMemberOrganisation ? (
                    <span class="sub">
                      <span class="badge">{t('member')}</span>
                    </span>
                  ) : null}
                </td>
                <td>
                  <a href={`mailto:${r.email}`}>{r.email}</a>
                  <span class="muted sub">{t('language', { language: languageNames[r.language] })}</span>
                </td>
                <td>
                  <ul class="topics">
                    {r.topics.map((topic) => (
                      <li key={topic}>
                        <Link href={withQuery(props.params, { topic })}>
                          <span aria-hidden="true">{topic}</span>
                          <span class="visually-hidden">{t('filterByTopic', { topic })}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <span class={`badge status-${r.status}`}>{t(r.status)}</span>
                </td>
                <td>
                  <time dateTime={r.createdAt}>{date(r.createdAt)}</time>
                  {r.confirmedAt ? (
                    <span class="muted sub">{t('confirmedOn', { date: date(r.confirmedAt) })}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="more">
        <p class="muted" role="status">
          {t(pages.cursor === undefined ? 'shown' : 'shownMore', { count: pages.items.length })}
        </p>
        {pages.cursor !== undefined ? (
          <button type="button" disabled={more.busy} onClick={() => void more.run()}>
            {more.busy ? t('loadingMore') : t('loadMore', { count: PAGE })}
          </button>
        ) : null}
      </div>
      {more.error !== undefined ? <ErrorMessage error={more.error} onRetry={() => void more.run()} /> : null}
    </>
  );
}

function CsvDownload(props: { networkId: string; filters: Filters }) {
  const t = useMessages(messages);
  const { api } = useApp();
  const [file, setFile] = useState<string | undefined>(undefined);
  const download = useAction(async () => {
    setFile(undefined);
    const { data, error, response } = await api.GET('/v1/admin/networks/{networkId}/registrations.csv', {
      params: { path: { networkId: props.networkId }, query: props.filters },
      parseAs: 'blob',
    });
    if (!response.ok || data === undefined) {
      throw errorFrom(response, error);
    }
    const name = fileNameOf(
      response.headers.get('content-disposition'),
      `registrations-${props.networkId}.csv`,
    );
    save(data as Blob, name);
    setFile(name);
  });
  return (
    <section aria-labelledby="registrations-csv">
      <h2 id="registrations-csv">{t('csvHeading')}</h2>
      <p>{t('csvText')}</p>
      <div class="actions">
        <button type="button" disabled={download.busy} onClick={() => void download.run()}>
          {download.busy ? t('downloading') : t('csv')}
        </button>
      </div>
      {download.error !== undefined ? <ErrorMessage error={download.error} /> : null}
      {file !== undefined ? (
        <p class="saved" role="status">
          {t('downloaded', { file })}
        </p>
      ) : null}
    </section>
  );
}
