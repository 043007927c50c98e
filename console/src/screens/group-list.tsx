import { useEffect, useRef } from 'preact/hooks';
import { unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ActionStatus, useAction, useDraft } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { ErrorMessage, Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, formatDate, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { navigate, path, useSearchParams } from '../router.ts';
import { type AdminGroup, GroupFields, groupBody, groupWords, newGroupValues } from './group-fields.tsx';
import { GroupProposals } from './group-proposals.tsx';

export { Group } from './group-page.tsx';

const words = bundle({
  en: {
    newGroup: 'New group',
    create: 'Create the group',
    creating: 'Creating…',
    allGroups: 'All groups',
    none: 'The network has no groups yet.',
    group: 'Group',
    status: 'Status',
    seatsTaken: 'Seats taken',
    meets: 'Meets',
    facilitator: 'Facilitator',
    created: 'Created',
    full: 'full',
    newIntro:
      'A group gathers around one question and meets a few times, about every six weeks. It is listed on the website for people to join as soon as it is created.',
  },
  sv: {
    newGroup: 'Ny grupp',
    create: 'Skapa gruppen',
    creating: 'Skapar…',
    allGroups: 'Alla grupper',
    none: 'Nätverket har inga grupper ännu.',
    group: 'Grupp',
    status: 'Status',
    seatsTaken: 'Tagna platser',
    meets: 'Träffas',
    facilitator: 'Samtalsledare',
    created: 'Skapad',
    full: 'full',
    newIntro:
      'En grupp samlas kring en fråga och träffas några gånger, ungefär var sjätte vecka. Så fort gruppen är skapad syns den på webbplatsen och det går att anmäla sig.',
  },
  nb: {
    newGroup: 'Ny gruppe',
    create: 'Opprett gruppen',
    creating: 'Oppretter…',
    allGroups: 'Alle grupper',
    none: 'Nettverket har ingen grupper ennå.',
    group: 'Gruppe',
    status: 'Status',
    seatsTaken: 'Plasser tatt',
    meets: 'Møtes',
    facilitator: 'Samtaleleder',
    created: 'Opprettet',
    full: 'full',
    newIntro:
      'En gruppe samles om ett spørsmål og møtes noen ganger, omtrent hver sjette uke. Så snart gruppen er opprettet, vises den på nettstedet, og folk kan melde seg på.',
  },
});

/** Open groups first, then by title as the language sorts. */
function ordered(groups: readonly AdminGroup[], language: string): AdminGroup[] {
  return [...groups].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || a.title.localeCompare(b.title, language),
  );
}

function GroupTable(props: { networkId: string; groups: readonly AdminGroup[] }) {
  const t = useMessages(words);
  const g = useMessages(groupWords);
  const { language } = useLanguage();
  const { shown, more } = useShowMore(ordered(props.groups, language));
  if (props.groups.length === 0) return <p class="muted">{t('none')}</p>;
  return (
    <>
      <table class="groups-table">
        <thead>
          <tr>
            <th scope="col">{t('group')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('seatsTaken')}</th>
            <th scope="col">{t('meets')}</th>
            <th scope="col">{t('facilitator')}</th>
            <th scope="col">{t('created')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((group) => (
            <tr key={group.id}>
              <th scope="row">
                <Link href={path('n', props.networkId, 'groups', group.id)}>{group.title}</Link>
              </th>
              <td>
                <span class={`badge group-${group.status}`}>{g(group.status)}</span>
              </td>
              <td>
                {g('seats', { taken: group.seatsTaken, capacity: group.capacity })}
                {group.status === 'open' && group.seatsTaken >= group.capacity ? (
                  <>
                    {' '}
                    <span class="badge">{t('full')}</span>
                  </>
                ) : null}
              </td>
              <td>{group.mode === 'online' ? g('online') : g('inPerson')}</td>
              <td>{group.facilitator.name}</td>
              <td>{formatDate(language, group.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </>
  );
}

/**
 * "New group": opened by `?new=1`, prefilled from `?title=` (and `?question=`), e.g. from the Overview's
 * "propose a group from this". The draft's key includes the prefilled title, so another topic starts a
 * fresh draft while coming back after a sign-in finds the one being typed.
 */
function NewGroup(props: { networkId: string; title: string; question: string; onCancel: () => void }) {
  const t = useMessages(words);
  const c = useMessages(common);
  const { api } = useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by the button: focus moves to the form that replaced it (a link from elsewhere focuses the h1).
  useEffect(() => heading.current?.focus(), []);
  const [values, update, clear] = useDraft(`groups.${props.networkId}.new.${props.title}`, {
    ...newGroupValues,
    title: props.title,
    question: props.question,
  });
  const action = useAction(async () => {
    const created = await unwrap(
      api.POST('/v1/admin/networks/{networkId}/groups', {
        params: { path: { networkId: props.networkId } },
        body: groupBody(values),
      }),
    );
    clear();
    navigate(path('n', props.networkId, 'groups', created.id));
  });
  return (
    <section aria-labelledby="new-group" class="card group-new">
      <h2 id="new-group" tabIndex={-1} ref={heading}>
        {t('newGroup')}
      </h2>
      <p class="muted">{t('newIntro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void action.run();
        }}
      >
        <GroupFields values={values} update={update} errors={action.fields} />
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? t('creating') : t('create')}
          </button>
          <button
            type="button"
            onClick={() => {
              clear();
              props.onCancel();
            }}
          >
            {c('cancel')}
          </button>
        </div>
        <ActionStatus action={action} />
      </form>
    </section>
  );
}

export function Groups(props: { networkId: string }) {
  const t = useMessages(words);
  const c = useMessages(common);
  const { api } = useApp();
  const [params, setParams] = useSearchParams();
  const [groups, reload] = useLoad(
    async () =>
      (
        await unwrap(
          api.GET('/v1/admin/networks/{networkId}/groups', {
            params: { path: { networkId: props.networkId } },
          }),
        )
      ).groups,
    [props.networkId],
  );
  const creating = params.get('new') === '1';
  // Not a coordinator of this network: one clear message, not one per section.
  if (groups.state === 'failed' && groups.error.kind === 'forbidden')
    return (
      <Layout networkId={props.networkId} current="groups" title={c('groups')}>
        <ErrorMessage error={groups.error} />
      </Layout>
    );
  return (
    <Layout networkId={props.networkId} current="groups" title={c('groups')}>
      {creating ? (
        <NewGroup
          networkId={props.networkId}
          title={params.get('title') ?? ''}
          question={params.get('question') ?? ''}
          onCancel={() => setParams({ new: undefined, title: undefined, question: undefined })}
        />
      ) : (
        <p class="actions">
          <button type="button" class="primary" onClick={() => setParams({ new: '1' })}>
            {t('newGroup')}
          </button>
        </p>
      )}
      <section aria-labelledby="all-groups">
        <h2 id="all-groups">{t('allGroups')}</h2>
        <Loaded load={groups} retry={() => void reload()}>
          {(list) => <GroupTable networkId={props.networkId} groups={list} />}
        </Loaded>
      </section>
      {groups.state === 'ready' ? (
        <GroupProposals networkId={props.networkId} onAccepted={() => void reload()} />
      ) : null}
    </Layout>
  );
}
