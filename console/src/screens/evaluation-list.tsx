import { unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { Layout, Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import type { Group } from './evaluation-common.tsx';

export { GroupEvaluations } from './evaluation-group.tsx';
export { MeetingEvaluation } from './evaluation-meeting.tsx';

/**
 * The evaluation screens, in a chunk of their own that evaluations.tsx loads the first time one is
 * opened: `/n/<network>/evaluations` lists the network's groups (here); `…/evaluations/<group>` is the
 * group's trend, meetings, follow-ups and export (evaluation-group.tsx); `…/<group>/<meeting>` one
 * meeting's evaluation (evaluation-meeting.tsx).
 */

const messages = bundle({
  en: {
    intro:
      'Choose a group to see how its meetings were rated, what the participants suggest for next time and which questions are parked.',
    none: 'The network has no groups yet.',
    closedGroup: 'Closed to new participants',
    facilitator: 'Facilitator: {name}',
  },
  sv: {
    intro:
      'Välj en grupp för att se hur träffarna har utvärderats, vad deltagarna föreslår till nästa gång och vilka frågor som är parkerade.',
    none: 'Nätverket har inga grupper ännu.',
    closedGroup: 'Stängd för nya deltagare',
    facilitator: 'Leds av {name}',
  },
  nb: {
    intro:
      'Velg en gruppe for å se hvordan møtene er evaluert, hva deltakerne foreslår til neste gang og hvilke spørsmål som er parkert.',
    none: 'Nettverket har ingen grupper ennå.',
    closedGroup: 'Stengt for nye deltakere',
    facilitator: 'Ledes av {name}',
  },
});

export function GroupList(props: { networkId: string }) {
  const t = useMessages(common);
  const { api } = useApp();
  const [groups, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/v1/admin/networks/{networkId}/groups', {
          params: { path: { networkId: props.networkId } },
        }),
      ),
    [api, props.networkId],
  );
  return (
    <Layout networkId={props.networkId} current="evaluations" title={t('evaluations')}>
      <Loaded load={groups} retry={() => void reload()}>
        {(data) => <Groups networkId={props.networkId} groups={data.groups} />}
      </Loaded>
    </Layout>
  );
}

function Groups(props: { networkId: string; groups: readonly Group[] }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  // Open groups first, each part by title as people read it.
  const sorted = [...props.groups].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      a.title.localeCompare(b.title, language),
  );
  const { shown, more } = useShowMore(sorted);
  if (sorted.length === 0) return <p>{t('none')}</p>;
  return (
    <>
      <p>{t('intro')}</p>
      <ul class="evaluation-groups">
        {shown.map((group) => (
          <li key={group.id}>
            <Link href={path('n', props.networkId, 'evaluations', group.id)}>{group.title}</Link>
            {group.status === 'closed' ? (
              <>
                {' '}
                <span class="badge">{t('closedGroup')}</span>
              </>
            ) : null}
            <br />
            <span class="muted">{t('facilitator', { name: group.facilitator.name })}</span>
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}
