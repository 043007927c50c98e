import { unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { Layout, Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import { MeetingAttendance } from './meeting-attendance.tsx';
import {
  type AdminGroup,
  Answers,
  byStart,
  isUpcoming,
  meetingWhen,
  meetingWords,
  namesOf,
  Place,
} from './meeting-common.tsx';
import { GroupMeetings } from './meeting-group.tsx';

/**
 * Meetings: the network's groups, each with its next meetings (answers and introducer), each group
 * linking to its own page (schedule, move, cancel) and each meeting to its participants and attendance.
 */
const words = bundle({
  en: {
    intro: 'Open a group to schedule a series, move or cancel a meeting, or record attendance.',
    noGroups: 'The network has no groups yet.',
    noUpcoming: 'No upcoming meetings.',
    moreUpcoming: 'All {count} upcoming meetings',
    closedGroups: 'Closed groups',
    facilitator: 'Facilitator: {name}',
    seats: '{taken} of {capacity} seats taken',
  },
  sv: {
    intro:
      'Öppna en grupp för att planera en serie träffar, flytta eller ställa in en träff eller föra närvaro.',
    noGroups: 'Nätverket har inga grupper ännu.',
    noUpcoming: 'Inga kommande träffar.',
    moreUpcoming: 'Alla {count} kommande träffar',
    closedGroups: 'Stängda grupper',
    facilitator: 'Samtalsledare: {name}',
    seats: '{taken} av {capacity} platser tagna',
  },
  nb: {
    intro: 'Åpne en gruppe for å planlegge en serie møter, flytte eller avlyse et møte eller føre oppmøte.',
    noGroups: 'Nettverket har ingen grupper ennå.',
    noUpcoming: 'Ingen kommende møter.',
    moreUpcoming: 'Alle {count} kommende møter',
    closedGroups: 'Stengte grupper',
    facilitator: 'Samtaleleder: {name}',
    seats: '{taken} av {capacity} plasser tatt',
  },
});

/** How many upcoming meetings a group shows on the network's page. */
const NEXT = 3;

export function Meetings(props: { networkId: string; groupId?: string }) {
  if (props.groupId !== undefined)
    return <GroupMeetings networkId={props.networkId} groupId={props.groupId} />;
  return <NetworkMeetings networkId={props.networkId} />;
}

export function Meeting(props: { networkId: string; groupId: string; meetingId: string }) {
  return <MeetingAttendance {...props} />;
}

function NetworkMeetings(props: { networkId: string }) {
  const c = useMessages(common);
  const { api } = useApp();
  const [load, retry] = useLoad(
    () =>
      unwrap(
        api.GET('/v1/admin/networks/{networkId}/groups', {
          params: { path: { networkId: props.networkId } },
        }),
      ),
    [api, props.networkId],
  );
  return (
    <Layout networkId={props.networkId} current="meetings" title={c('meetings')}>
      <Loaded load={load} retry={retry}>
        {({ groups }) => <GroupList networkId={props.networkId} groups={groups} />}
      </Loaded>
    </Layout>
  );
}

function GroupList(props: { networkId: string; groups: readonly AdminGroup[] }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const collator = new Intl.Collator(language);
  const groups = [...props.groups].sort((a, b) => collator.compare(a.title, b.title));
  const open = groups.filter((g) => g.status === 'open');
  const closed = groups.filter((g) => g.status !== 'open');
  const { shown, more } = useShowMore(open, 12);
  const closedPage = useShowMore(closed, 12);
  if (props.groups.length === 0) return <p>{t('noGroups')}</p>;
  return (
    <>
      <p>{t('intro')}</p>
      <ul class="meeting-groups">
        {shown.map((group) => (
          <li key={group.id}>
            <GroupCard networkId={props.networkId} group={group} />
          </li>
        ))}
      </ul>
      {more}
      {closed.length > 0 ? (
        <>
          <h2>{t('closedGroups')}</h2>
          <ul>
            {closedPage.shown.map((group) => (
              <li key={group.id}>
                <Link href={path('n', props.networkId, 'meetings', group.id)}>{group.title}</Link>
              </li>
            ))}
          </ul>
          {closedPage.more}
        </>
      ) : null}
    </>
  );
}

/** A group and its next meetings; each card loads its own, so one slow group holds up no other. */
function GroupCard(props: { networkId: string; group: AdminGroup }) {
  const t = useMessages(words);
  const m = useMessages(meetingWords);
  const { language } = useLanguage();
  const { api } = useApp();
  const { group } = props;
  const [load, retry] = useLoad(async () => {
    const params = { params: { path: { groupId: group.id } } };
    const [meetings, requests] = await Promise.all([
      unwrap(api.GET('/v1/admin/groups/{groupId}/meetings', params)),
      unwrap(api.GET('/v1/admin/groups/{groupId}/join-requests', params)),
    ]);
    const now = Date.now();
    return {
      upcoming: meetings.meetings.filter((meeting) => isUpcoming(meeting, now)).sort(byStart),
      names: namesOf(requests.joinRequests),
    };
  }, [api, group.id]);
  const groupPath = path('n', props.networkId, 'meetings', group.id);
  return (
    <section class="card" aria-labelledby={`group-${group.id}`}>
      <h2 id={`group-${group.id}`}>
        <Link href={groupPath}>{group.title}</Link>
      </h2>
      <p class="muted">
        {t('facilitator', { name: group.facilitator.name })} ·{' '}
        {t('seats', { taken: group.seatsTaken, capacity: group.capacity })}
      </p>
      <Loaded load={load} retry={retry}>
        {({ upcoming, names }) =>
          upcoming.length === 0 ? (
            <p>{t('noUpcoming')}</p>
          ) : (
            <>
              <ul class="meeting-next">
                {upcoming.slice(0, NEXT).map((meeting) => (
                  <li key={meeting.id}>
                    <Link href={path('n', props.networkId, 'meetings', group.id, meeting.id)}>
                      {m('meeting', { seq: meeting.seq })}: {meetingWhen(language, meeting)}
                    </Link>
                    <br />
                    <span class="muted">
                      <Place meeting={meeting} /> · <Answers meeting={meeting} names={names} />
                    </span>
                  </li>
                ))}
              </ul>
              {upcoming.length > NEXT ? (
                <p>
                  <Link href={groupPath}>{t('moreUpcoming', { count: upcoming.length })}</Link>
                </p>
              ) : null}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
