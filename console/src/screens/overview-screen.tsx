import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { sharedTopicThreshold } from '../../../shared/domain/digest.ts';
import { type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { Layout, Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, formatDate, formatDateTime, formatNumber, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import { DecisionCard, type Outcome, ProposalCard } from './overview-actions.tsx';

/**
 * A network at a glance — what the digest says, live: decisions waiting (decided in place), new
 * registrations, topics several people share (a group can be proposed from one), proposals, waitlists and
 * open offers, the next meetings with their answers and introducer, and evaluations just closed. Each
 * section links to its full screen; all from GET /v1/admin/networks/{networkId}/overview.
 */
type NetworkOverview = Schemas['NetworkOverview'];

const words = bundle({
  en: {
    asOf: '{name}, as of {time}.',
    refresh: 'Refresh',
    refreshing: 'Refreshing…',
    shownOf: 'The first {shown} of {total}.',
    decisions: 'Decisions waiting',
    decisionsNone: 'No request is waiting for a decision.',
    decisionsAll: 'All groups',
    registrations: 'New registrations',
    registrationsNote: 'Confirmed in the last 14 days, newest first; {total} confirmed in all.',
    registrationsNone: 'No one has confirmed a registration in the last 14 days.',
    registrationsAll: 'All registrations',
    name: 'Name',
    organisation: 'Organisation',
    role: 'Role',
    topicsColumn: 'Topics',
    confirmed: 'Confirmed',
    topics: 'Topics several people share',
    topicsNone: 'No topic has been named by {count} people or more yet.',
    namedBy: 'Named by {count} people',
    andMore: 'and {count} more',
    coveredBy: 'Covered by:',
    notCovered: 'No group covers it yet.',
    propose: 'Propose a group from this',
    seeWho: 'See who',
    proposals: 'Group proposals',
    proposalsNone: 'No proposal is waiting for a decision.',
    proposalsAll: 'Groups and proposals',
    queues: 'Waitlists and open offers',
    queuesNone: 'No group has a waitlist or an open seat offered.',
    seats: '{taken} of {capacity} seats taken · {waiting} waiting',
    offers: 'Seats offered',
    offerUntil: '{name}, {organisation} — until {time}',
    waitlist: 'Waitlist',
    waitlistMore: '…and {count} more in line.',
    meetings: 'The next meetings',
    meetingsNone: 'No meetings in the next 14 days.',
    meetingsAll: 'All meetings',
    when: 'When',
    group: 'Group',
    meeting: 'Meeting',
    meetingNumber: 'Meeting {seq}',
    format: 'Format',
    online: 'Online',
    in_person: 'In person',
    yes: 'Coming',
    no: 'Not coming',
    unanswered: 'No answer',
    introducer: 'Introduction',
    noIntroducer: 'Not chosen yet',
    evaluations: 'Evaluations just closed',
    evaluationsNone: 'No evaluation closed in the last 30 days.',
    evaluationsAll: 'All evaluations',
    answers: 'Answers',
    answersOf: '{responses} of {asked}',
    mean: 'Mean (1–10)',
    change: 'Change',
    none: '–',
  },
  sv: {
    asOf: '{name}, läget {time}.',
    refresh: 'Uppdatera',
    refreshing: 'Uppdaterar…',
    shownOf: 'De första {shown} av {total}.',
    decisions: 'Väntar på beslut',
    decisionsNone: 'Ingen förfrågan väntar på beslut.',
    decisionsAll: 'Alla grupper',
    registrations: 'Nya anmälningar',
    registrationsNote: 'Bekräftade de senaste 14 dagarna, senaste först; {total} bekräftade totalt.',
    registrationsNone: 'Ingen har bekräftat en anmälan de senaste 14 dagarna.',
    registrationsAll: 'Alla anmälningar',
    name: 'Namn',
    organisation: 'Organisation',
    role: 'Roll',
    topicsColumn: 'Ämnen',
    confirmed: 'Bekräftad',
    topics: 'Ämnen som flera delar',
    topicsNone: 'Inget ämne har nämnts av {count} personer eller fler ännu.',
    namedBy: 'Nämnt av {count} personer',
    andMore: 'och {count} till',
    coveredBy: 'Tas upp av:',
    notCovered: 'Ingen grupp tar upp det ännu.',
    propose: 'Föreslå en grupp utifrån detta',
    seeWho: 'Se vilka',
    proposals: 'Gruppförslag',
    proposalsNone: 'Inget förslag väntar på beslut.',
    proposalsAll: 'Grupper och förslag',
    queues: 'Väntelistor och erbjudna platser',
    queuesNone: 'Ingen grupp har väntelista eller en erbjuden plats.',
    seats: '{taken} av {capacity} platser tagna · {waiting} väntar',
    offers: 'Erbjudna platser',
    offerUntil: '{name}, {organisation} – till {time}',
    waitlist: 'Väntelista',
    waitlistMore: '…och {count} till i kön.',
    meetings: 'Kommande träffar',
    meetingsNone: 'Inga träffar de närmaste 14 dagarna.',
    meetingsAll: 'Alla träffar',
    when: 'När',
    group: 'Grupp',
    meeting: 'Träff',
    meetingNumber: 'Träff {seq}',
    format: 'Form',
    online: 'Digitalt',
    in_person: 'På plats',
    yes: 'Kommer',
    no: 'Kommer inte',
    unanswered: 'Inget svar',
    introducer: 'Inledning',
    noIntroducer: 'Inte utsedd än',
    evaluations: 'Nyss stängda utvärderingar',
    evaluationsNone: 'Ingen utvärdering har stängts de senaste 30 dagarna.',
    evaluationsAll: 'Alla utvärderingar',
    answers: 'Svar',
    answersOf: '{responses} av {asked}',
    mean: 'Medel (1–10)',
    change: 'Förändring',
    none: '–',
  },
  nb: {
    asOf: '{name}, status {time}.',
    refresh: 'Oppdater',
    refreshing: 'Oppdaterer…',
    shownOf: 'De første {shown} av {total}.',
    decisions: 'Venter på avgjørelse',
    decisionsNone: 'Ingen forespørsel venter på avgjørelse.',
    decisionsAll: 'Alle grupper',
    registrations: 'Nye påmeldinger',
    registrationsNote: 'Bekreftet de siste 14 dagene, nyeste først; {total} bekreftet i alt.',
    registrationsNone: 'Ingen har bekreftet en påmelding de siste 14 dagene.',
    registrationsAll: 'Alle påmeldinger',
    name: 'Navn',
    organisation: 'Organisasjon',
    role: 'Rolle',
    topicsColumn: 'Temaer',
    confirmed: 'Bekreftet',
    topics: 'Temaer flere er opptatt av',
    topicsNone: 'Ingen tema er nevnt av {count} personer eller flere ennå.',
    namedBy: 'Nevnt av {count} personer',
    andMore: 'og {count} til',
    coveredBy: 'Tas opp av:',
    notCovered: 'Ingen gruppe tar det opp ennå.',
    propose: 'Foreslå en gruppe ut fra dette',
    seeWho: 'Se hvem',
    proposals: 'Gruppeforslag',
    proposalsNone: 'Ingen forslag venter på avgjørelse.',
    proposalsAll: 'Grupper og forslag',
    queues: 'Ventelister og tilbudte plasser',
    queuesNone: 'Ingen gruppe har venteliste eller en tilbudt plass.',
    seats: '{taken} av {capacity} plasser tatt · {waiting} venter',
    offers: 'Tilbudte plasser',
    offerUntil: '{name}, {organisation} – til {time}',
    waitlist: 'Venteliste',
    waitlistMore: '…og {count} til i køen.',
    meetings: 'De neste møtene',
    meetingsNone: 'Ingen møter de neste 14 dagene.',
    meetingsAll: 'Alle møter',
    when: 'Når',
    group: 'Gruppe',
    meeting: 'Møte',
    meetingNumber: 'Møte {seq}',
    format: 'Form',
    online: 'Digitalt',
    in_person: 'Fysisk',
    yes: 'Kommer',
    no: 'Kommer ikke',
    unanswered: 'Ikke svart',
    introducer: 'Innledning',
    noIntroducer: 'Ikke valgt ennå',
    evaluations: 'Nylig avsluttede evalueringer',
    evaluationsNone: 'Ingen evaluering er avsluttet de siste 30 dagene.',
    evaluationsAll: 'Alle evalueringer',
    answers: 'Svar',
    answersOf: '{responses} av {asked}',
    mean: 'Snitt (1–10)',
    change: 'Endring',
    none: '–',
  },
});

type T = ReturnType<typeof useMessages<(typeof words)['en']>>;

/** A section: its heading with a count, a link to the full screen, and its content. */
function Section(props: {
  id: string;
  title: string;
  count?: number;
  link?: { href: string; text: string };
  children: ComponentChildren;
}) {
  return (
    <section class="overview-section" aria-labelledby={props.id}>
      <div class="overview-head">
        <h2 id={props.id} tabIndex={-1}>
          {props.title}
          {props.count !== undefined ? <span class="count"> ({props.count})</span> : null}
        </h2>
        {props.link ? <Link href={props.link.href}>{props.link.text}</Link> : null}
      </div>
      {props.children}
    </section>
  );
}

/** "The first 100 of 130." when a bounded list holds fewer than there are. */
function Bounded(props: { t: T; shown: number; total: number }) {
  return props.total > props.shown ? (
    <p class="muted">{props.t('shownOf', { shown: props.shown, total: props.total })}</p>
  ) : null;
}

function signed(language: Parameters<typeof formatNumber>[0], value: number): string {
  const number = formatNumber(language, Math.abs(value));
  return value > 0 ? `+${number}` : value < 0 ? `−${number}` : `±${number}`;
}

export function Overview(props: { networkId: string }) {
  const c = useMessages(common);
  const t = useMessages(words);
  const { language } = useLanguage();
  const { api } = useApp();
  const [load, reload] = useLoad(
    () =>
      unwrap(
        api.GET('/v1/admin/networks/{networkId}/overview', {
          params: { path: { networkId: props.networkId } },
        }),
      ),
    [api, props.networkId],
  );
  const [outcomes, setOutcomes] = useState<(Outcome & { key: number })[]>([]);
  const onOutcome = (outcome: Outcome) => {
    setOutcomes((list) => [{ ...outcome, key: Date.now() }, ...list].slice(0, 5));
    void reload();
  };
  const reloading = load.state === 'ready' && load.reloading;
  return (
    <Layout networkId={props.networkId} current="overview" title={c('overview')}>
      <Loaded load={load} retry={() => void reload()}>
        {(o) => (
          <>
            <div class="actions">
              <p class="muted">
                {t('asOf', {
                  name: o.networkName,
                  time: formatDateTime(language, o.generatedAt, o.timeZone),
                })}
              </p>
              <button type="button" disabled={reloading} onClick={() => void reload()}>
                {reloading ? t('refreshing') : t('refresh')}
              </button>
            </div>
            <div role="status">
              <ul class="overview-outcomes">
                {outcomes.map((outcome) => (
                  <li key={outcome.key}>
                    {outcome.text}
                    {outcome.link ? (
                      <>
                        {' '}
                        <Link href={outcome.link.href}>{outcome.link.text}</Link>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
            <Decisions t={t} overview={o} networkId={props.networkId} onOutcome={onOutcome} />
            <NewRegistrations t={t} overview={o} networkId={props.networkId} />
            <Topics t={t} overview={o} networkId={props.networkId} />
            <Proposals t={t} overview={o} networkId={props.networkId} onOutcome={onOutcome} />
            <Queues t={t} overview={o} networkId={props.networkId} />
            <Meetings t={t} overview={o} networkId={props.networkId} />
            <Evaluations t={t} overview={o} networkId={props.networkId} />
          </>
        )}
      </Loaded>
    </Layout>
  );
}

interface SectionProps {
  t: T;
  overview: NetworkOverview;
  networkId: string;
}

/**
 * An outcome told, and focus on the heading of the section it came from: the decided card goes with its
 * buttons, and focus would otherwise fall to the start of the page.
 */
function toldFrom(sectionId: string, onOutcome: (outcome: Outcome) => void) {
  return (outcome: Outcome) => {
    onOutcome(outcome);
    document.getElementById(sectionId)?.focus();
  };
}

function Decisions(props: SectionProps & { onOutcome: (outcome: Outcome) => void }) {
  const { t, overview: o } = props;
  const { shown, more } = useShowMore(o.decisions, 10);
  const onOutcome = toldFrom('overview-decisions', props.onOutcome);
  return (
    <Section
      id="overview-decisions"
      title={t('decisions')}
      count={o.decisionsTotal}
      link={{ href: path('n', props.networkId, 'groups'), text: t('decisionsAll') }}
    >
      {o.decisions.length === 0 ? (
        <p>{t('decisionsNone')}</p>
      ) : (
        <>
          <ul class="cards overview-cards">
            {shown.map((decision) => (
              <DecisionCard
                key={decision.requestId}
                networkId={props.networkId}
                decision={decision}
                timeZone={o.timeZone}
                onOutcome={onOutcome}
              />
            ))}
          </ul>
          {more}
          <Bounded t={t} shown={o.decisions.length} total={o.decisionsTotal} />
        </>
      )}
    </Section>
  );
}

function NewRegistrations(props: SectionProps) {
  const { t, overview: o } = props;
  const { language } = useLanguage();
  const { shown, more } = useShowMore(o.registrations, 10);
  return (
    <Section
      id="overview-registrations"
      title={t('registrations')}
      count={o.registrations.length}
      link={{ href: path('n', props.networkId, 'registrations'), text: t('registrationsAll') }}
    >
      {o.registrations.length === 0 ? (
        <p>{t('registrationsNone')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table>
              <caption class="muted">{t('registrationsNote', { total: o.registrationsTotal })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('organisation')}</th>
                  <th scope="col">{t('role')}</th>
                  <th scope="col">{t('topicsColumn')}</th>
                  <th scope="col">{t('confirmed')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.registrationId}>
                    <th scope="row">{r.name}</th>
                    <td>{r.organisation}</td>
                    <td>{r.role}</td>
                    <td>{r.topics.join(', ')}</td>
                    <td>
                      <time dateTime={r.confirmedAt}>{formatDate(language, r.confirmedAt, o.timeZone)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more}
        </>
      )}
    </Section>
  );
}

function Topics(props: SectionProps) {
  const { t, overview: o } = props;
  const { shown, more } = useShowMore(o.topics, 10);
  const registrations = path('n', props.networkId, 'registrations');
  return (
    <Section id="overview-topics" title={t('topics')} count={o.topicsTotal}>
      {o.topics.length === 0 ? (
        <p>{t('topicsNone', { count: sharedTopicThreshold })}</p>
      ) : (
        <>
          <ul class="cards overview-cards">
            {shown.map((topic) => {
              const names = topic.people.slice(0, 5).map((person) => person.name);
              const rest = topic.count - names.length;
              return (
                <li key={topic.label} class="card">
                  <h3>{topic.label}</h3>
                  <p>
                    {t('namedBy', { count: topic.count })}: {names.join(', ')}
                    {rest > 0 ? ` ${t('andMore', { count: rest })}` : ''}.
                  </p>
                  {topic.coveredBy.length > 0 ? (
                    <p>
                      {t('coveredBy')}{' '}
                      {topic.coveredBy.map((group, index) => (
                        <span key={group.groupId}>
                          {index > 0 ? ', ' : ''}
                          <Link href={path('n', props.networkId, 'groups', group.groupId)}>
                            {group.groupTitle}
                          </Link>
                        </span>
                      ))}
                    </p>
                  ) : (
                    <p class="muted">{t('notCovered')}</p>
                  )}
                  <div class="actions">
                    <Link
                      class="button"
                      href={`${path('n', props.networkId, 'groups')}?${new URLSearchParams({ new: '1', title: topic.label })}`}
                    >
                      {t('propose')}
                      <span class="visually-hidden"> ({topic.label})</span>
                    </Link>
                    <Link href={`${registrations}?${new URLSearchParams({ topic: topic.label })}`}>
                      {t('seeWho')}
                      <span class="visually-hidden"> ({topic.label})</span>
                    </Link>
                  </div>
                </li>
              );
            })}
          </ul>
          {more}
          <Bounded t={t} shown={o.topics.length} total={o.topicsTotal} />
        </>
      )}
    </Section>
  );
}

function Proposals(props: SectionProps & { onOutcome: (outcome: Outcome) => void }) {
  const { t, overview: o } = props;
  const { shown, more } = useShowMore(o.proposals, 10);
  const onOutcome = toldFrom('overview-proposals', props.onOutcome);
  return (
    <Section
      id="overview-proposals"
      title={t('proposals')}
      count={o.proposalsTotal}
      link={{ href: path('n', props.networkId, 'groups'), text: t('proposalsAll') }}
    >
      {o.proposals.length === 0 ? (
        <p>{t('proposalsNone')}</p>
      ) : (
        <>
          <ul class="cards overview-cards">
            {shown.map((proposal) => (
              <ProposalCard
                key={proposal.proposalId}
                networkId={props.networkId}
                proposal={proposal}
                timeZone={o.timeZone}
                onOutcome={onOutcome}
              />
            ))}
          </ul>
          {more}
          <Bounded t={t} shown={o.proposals.length} total={o.proposalsTotal} />
        </>
      )}
    </Section>
  );
}

function Queues(props: SectionProps) {
  const { t, overview: o } = props;
  const { language } = useLanguage();
  const { shown, more } = useShowMore(o.groups, 10);
  return (
    <Section
      id="overview-queues"
      title={t('queues')}
      count={o.groups.length}
      link={{ href: path('n', props.networkId, 'groups'), text: t('decisionsAll') }}
    >
      {o.groups.length === 0 ? (
        <p>{t('queuesNone')}</p>
      ) : (
        <>
          <ul class="cards overview-cards">
            {shown.map((group) => (
              <li key={group.groupId} class="card">
                <h3>
                  <Link href={path('n', props.networkId, 'groups', group.groupId)}>{group.title}</Link>
                </h3>
                <p>
                  {t('seats', {
                    taken: group.seatsTaken,
                    capacity: group.capacity,
                    waiting: group.waitlisted,
                  })}
                </p>
                {group.offers.length > 0 ? (
                  <>
                    <h4>{t('offers')}</h4>
                    <ul>
                      {group.offers.map((offer) => (
                        <li key={offer.requestId}>
                          {t('offerUntil', {
                            name: offer.name,
                            organisation: offer.organisation,
                            time: formatDateTime(language, offer.offerExpiresAt, o.timeZone),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {group.waitlist.length > 0 ? (
                  <>
                    <h4>{t('waitlist')}</h4>
                    <ol>
                      {group.waitlist.map((person) => (
                        <li key={person.requestId} value={person.waitlistPosition}>
                          {person.name}, {person.organisation}
                        </li>
                      ))}
                    </ol>
                    {group.waitlisted > group.waitlist.length ? (
                      <p class="muted">
                        {t('waitlistMore', { count: group.waitlisted - group.waitlist.length })}
                      </p>
                    ) : null}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          {more}
        </>
      )}
    </Section>
  );
}

function Meetings(props: SectionProps) {
  const { t, overview: o } = props;
  const { language } = useLanguage();
  const { shown, more } = useShowMore(o.meetings, 15);
  return (
    <Section
      id="overview-meetings"
      title={t('meetings')}
      count={o.meetings.length}
      link={{ href: path('n', props.networkId, 'meetings'), text: t('meetingsAll') }}
    >
      {o.meetings.length === 0 ? (
        <p>{t('meetingsNone')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="overview-meetings">
              <thead>
                <tr>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('group')}</th>
                  <th scope="col">{t('format')}</th>
                  <th scope="col" class="number">
                    {t('yes')}
                  </th>
                  <th scope="col" class="number">
                    {t('no')}
                  </th>
                  <th scope="col" class="number">
                    {t('unanswered')}
                  </th>
                  <th scope="col">{t('introducer')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.meetingId}>
                    <th scope="row">
                      <Link href={path('n', props.networkId, 'meetings', m.groupId, m.meetingId)}>
                        <time dateTime={m.startsAt}>{formatDateTime(language, m.startsAt, m.timeZone)}</time>
                      </Link>
                    </th>
                    <td>
                      {m.groupTitle} <span class="muted">· {t('meetingNumber', { seq: m.seq })}</span>
                    </td>
                    <td>{t(m.mode)}</td>
                    <td class="number">{m.rsvp.yes}</td>
                    <td class="number">{m.rsvp.no}</td>
                    <td class="number">{m.rsvp.unanswered}</td>
                    <td>{m.introducerName ?? <span class="badge warn">{t('noIntroducer')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more}
        </>
      )}
    </Section>
  );
}

function Evaluations(props: SectionProps) {
  const { t, overview: o } = props;
  const { language } = useLanguage();
  const { shown, more } = useShowMore(o.evaluations, 10);
  return (
    <Section
      id="overview-evaluations"
      title={t('evaluations')}
      count={o.evaluations.length}
      link={{ href: path('n', props.networkId, 'evaluations'), text: t('evaluationsAll') }}
    >
      {o.evaluations.length === 0 ? (
        <p>{t('evaluationsNone')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('meeting')}</th>
                  <th scope="col">{t('group')}</th>
                  <th scope="col" class="number">
                    {t('answers')}
                  </th>
                  <th scope="col" class="number">
                    {t('mean')}
                  </th>
                  <th scope="col" class="number">
                    {t('change')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((e) => (
                  <tr key={e.meetingId}>
                    <th scope="row">
                      <Link href={path('n', props.networkId, 'evaluations', e.groupId, e.meetingId)}>
                        {t('meetingNumber', { seq: e.seq })}, {formatDate(language, e.startsAt, e.timeZone)}
                      </Link>
                    </th>
                    <td>{e.groupTitle}</td>
                    <td class="number">{t('answersOf', { responses: e.responses, asked: e.asked })}</td>
                    <td class="number">
                      {e.mean === undefined ? t('none') : formatNumber(language, e.mean)}
                    </td>
                    <td class="number">{e.change === undefined ? t('none') : signed(language, e.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more}
        </>
      )}
    </Section>
  );
}
