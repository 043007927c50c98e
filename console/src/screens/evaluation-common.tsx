import { type Api, ApiError, type Schemas, unwrap } from '../api/client.ts';
import { formatPercent, type Locale } from '../components/chart-math.ts';
import { Link } from '../components/layout.tsx';
import { bundle, formatDateTime, type Language, useLanguage, useMessages } from '../i18n.ts';
import { path } from '../router.ts';
import type { EvaluationState } from './evaluation-timing.ts';

/** What the group's and the meeting's evaluation screens both need and say. */

export type Group = Schemas['AdminGroup'];
export type Meeting = Schemas['AdminMeeting'];
export type Network = Schemas['NetworkSettings'];

export interface GroupContext {
  readonly group: Group;
  readonly meetings: readonly Meeting[];
  readonly network: Network;
}

/**
 * The group (by the network's list: the API has no GET of one group), its meetings (each one's time zone
 * and length) and the network's settings (when evaluations close). A group of another network is "not
 * found" here, as its link is wrong.
 */
export async function loadGroupContext(api: Api, networkId: string, groupId: string): Promise<GroupContext> {
  const [groups, meetings, network] = await Promise.all([
    unwrap(api.GET('/v1/admin/networks/{networkId}/groups', { params: { path: { networkId } } })),
    unwrap(api.GET('/v1/admin/groups/{groupId}/meetings', { params: { path: { groupId } } })),
    unwrap(api.GET('/v1/admin/networks/{networkId}', { params: { path: { networkId } } })),
  ]);
  const group = groups.groups.find((g) => g.id === groupId);
  if (group === undefined) throw new ApiError('not-found', 404, 'group_not_found', '');
  return { group, meetings: meetings.meetings, network };
}

export const words = bundle({
  en: {
    allGroups: 'All groups',
    groupEvaluations: 'Evaluations: {title}',
    breadcrumbs: 'You are here',
    meeting: 'Meeting {seq}',
    answered: '{responses} of {asked} answered',
    answeredRate: '{responses} of {asked} answered ({percent})',
    nobodyAsked: 'Nobody was asked',
    notSent: 'Goes out {when}',
    open: 'Open until {when}',
    closed: 'Closed {when}',
    cancelled: 'Cancelled',
    noAnswers: 'No answers',
    noChange: 'No earlier meeting to compare with',
  },
  sv: {
    allGroups: 'Alla grupper',
    groupEvaluations: 'Utvärderingar: {title}',
    breadcrumbs: 'Du är här',
    meeting: 'Träff {seq}',
    answered: '{responses} av {asked} svarade',
    answeredRate: '{responses} av {asked} svarade ({percent})',
    nobodyAsked: 'Ingen tillfrågades',
    notSent: 'Skickas ut {when}',
    open: 'Öppen till {when}',
    closed: 'Stängd {when}',
    cancelled: 'Inställd',
    noAnswers: 'Inga svar',
    noChange: 'Ingen tidigare träff att jämföra med',
  },
  nb: {
    allGroups: 'Alle grupper',
    groupEvaluations: 'Evalueringer: {title}',
    breadcrumbs: 'Du er her',
    meeting: 'Møte {seq}',
    answered: '{responses} av {asked} svarte',
    answeredRate: '{responses} av {asked} svarte ({percent})',
    nobodyAsked: 'Ingen ble spurt',
    notSent: 'Sendes ut {when}',
    open: 'Åpen til {when}',
    closed: 'Stengt {when}',
    cancelled: 'Avlyst',
    noAnswers: 'Ingen svar',
    noChange: 'Ikke noe tidligere møte å sammenligne med',
  },
});

export const locale = (language: Language): Locale => language;

/** "7 of 9 answered (78%)", or that nobody was asked. */
export function useAnswered() {
  const t = useMessages(words);
  const { language } = useLanguage();
  return (responses: number, asked: number) =>
    asked === 0 && responses === 0
      ? t('nobodyAsked')
      : t('answeredRate', {
          responses,
          asked,
          percent: formatPercent(locale(language), asked === 0 ? 1 : responses / asked),
        });
}

/** Where the evaluation stands, in words, with times in the meeting's zone. */
export function StateText(props: { state: EvaluationState; timeZone: string }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const { state } = props;
  const when = (iso: string) => formatDateTime(language, iso, props.timeZone);
  switch (state.state) {
    case 'cancelled':
      return <>{t('cancelled')}</>;
    case 'not-sent':
      return <>{t('notSent', { when: when(state.requestAt) })}</>;
    case 'open':
      return <>{t('open', { when: when(state.closeAt) })}</>;
    case 'closed':
      return <>{t('closed', { when: when(state.closedAt) })}</>;
  }
}

/** The way back up: all groups › this group (› this meeting). */
export function Breadcrumbs(props: { networkId: string; group?: Group; current: string }) {
  const t = useMessages(words);
  return (
    <nav aria-label={t('breadcrumbs')} class="breadcrumbs">
      <ol>
        <li>
          <Link href={path('n', props.networkId, 'evaluations')}>{t('allGroups')}</Link>
        </li>
        {props.group === undefined ? null : (
          <li>
            <Link href={path('n', props.networkId, 'evaluations', props.group.id)}>{props.group.title}</Link>
          </li>
        )}
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}
