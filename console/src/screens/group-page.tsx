import { useRef, useState } from 'preact/hooks';
import { type Api, ApiError, type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ConfirmButton } from '../components/confirm.tsx';
import { errorFor, Field } from '../components/fields.tsx';
import { ActionStatus, useAction, useDraft } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { ErrorMessage, Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, formatDate, formatDateTime, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import {
  type AdminGroup,
  GroupFields,
  type GroupValues,
  groupBody,
  groupWords,
  valuesOf,
} from './group-fields.tsx';

/**
 * One group: who is in it, who waits (in order), who has been offered a freed seat and until when, the
 * requests waiting for a coordinator's decision, and the group's details to edit or close. Dates are in
 * the network's time zone.
 */
type JoinRequest = Schemas['AdminJoinRequest'];
type Sharing = NonNullable<AdminGroup['sharing']>;
type Audience = Sharing['suggestions'];

const words = bundle({
  en: {
    group: 'Group',
    meetings: 'Meetings',
    evaluations: 'Evaluations',
    allGroups: 'All groups',
    summary: 'Seats taken: {seats} · On the waitlist: {waiting} · Open offers: {offers}',
    pending: 'Waiting for your decision',
    pendingIntro:
      'These people are not from a member organisation, so they get a seat (or a place on the waitlist) only when a coordinator approves.',
    noPending: 'No requests are waiting for a decision.',
    requested: 'Asked on {date}.',
    theirMessage: 'Their note:',
    approve: 'Approve {name}',
    approving: 'Approving…',
    decline: 'Decline…',
    declineLabel: 'Decline {name}',
    declineQuestion:
      'Decline {name}’s request to join? They get an email saying so, with your message if you wrote one.',
    declineMessage: 'Message to {name} (optional)',
    declineHint: 'Quoted in the email.',
    approvedSeat: '{name} has a seat in the group and gets an email.',
    approvedWaitlist: 'The group is full: {name} is number {position} on the waitlist and gets an email.',
    declined: '{name}’s request is declined, and they get an email.',
    members: 'Members',
    noMembers: 'No one has a seat yet.',
    name: 'Name',
    organisation: 'Organisation',
    role: 'Role',
    email: 'Email',
    since: 'Since',
    offers: 'Open offers',
    offersIntro:
      'A freed seat is offered to the first on the waitlist. If it is not taken in time, it passes to the next.',
    noOffers: 'No seat is on offer right now.',
    offered: 'Offered',
    until: 'Until',
    waitlist: 'Waitlist',
    noWaitlist: 'No one is waiting.',
    position: 'Place',
    details: 'Details',
    save: 'Save the changes',
    promoted: 'Moved up from the waitlist: {count}.',
    sharing: 'Follow-ups in the meeting emails',
    sharingHint:
      'From the last meeting’s evaluation: what would make the next meeting better, and questions parked for later.',
    suggestions: 'Suggestions for the next meeting are shown to',
    parkedQuestions: 'Parked questions are shown to',
    facilitatorOnly: 'the facilitator',
    wholeGroup: 'the whole group',
    closeHeading: 'Close the group',
    closeText:
      'A closed group takes no new participants and is no longer listed on the website. Members keep their seats, and no one moves up from the waitlist; those on it are told by email.',
    close: 'Close the group',
    closeQuestion: 'Close “{title}”? It takes no new participants and disappears from the website’s list.',
    closedText:
      'The group is closed. Reopened, it is listed on the website again and takes new participants.',
    reopen: 'Reopen the group',
    closedNow: 'The group is closed.',
    reopenedNow: 'The group is open again.',
  },
  sv: {
    group: 'Grupp',
    meetings: 'Träffar',
    evaluations: 'Utvärderingar',
    allGroups: 'Alla grupper',
    summary: 'Tagna platser: {seats} · På väntelistan: {waiting} · Öppna erbjudanden: {offers}',
    pending: 'Väntar på ditt beslut',
    pendingIntro:
      'De här personerna kommer inte från en medlemsorganisation, så de får en plats (eller en plats på väntelistan) först när en samordnare har godkänt dem.',
    noPending: 'Inga förfrågningar väntar på beslut.',
    requested: 'Anmälde sig den {date}.',
    theirMessage: 'Meddelande:',
    approve: 'Godkänn {name}',
    approving: 'Godkänner…',
    decline: 'Avböj…',
    declineLabel: 'Avböj {name}',
    declineQuestion:
      'Avböja förfrågan från {name}? Hen får ett mejl om det, med ditt meddelande om du har skrivit något.',
    declineMessage: 'Meddelande till {name} (valfritt)',
    declineHint: 'Citeras i mejlet.',
    approvedSeat: '{name} har fått en plats i gruppen och får ett mejl.',
    approvedWaitlist: 'Gruppen är full: {name} står som nummer {position} på väntelistan och får ett mejl.',
    declined: 'Förfrågan från {name} är avböjd, och hen får ett mejl.',
    members: 'Deltagare',
    noMembers: 'Ingen har fått en plats ännu.',
    name: 'Namn',
    organisation: 'Organisation',
    role: 'Roll',
    email: 'E-post',
    since: 'Sedan',
    offers: 'Öppna erbjudanden',
    offersIntro:
      'En plats som blir ledig erbjuds den som står först på väntelistan. Tackar hen inte ja i tid går platsen vidare till nästa.',
    noOffers: 'Ingen plats erbjuds just nu.',
    offered: 'Erbjuden',
    until: 'Gäller till',
    waitlist: 'Väntelista',
    noWaitlist: 'Ingen står på väntelistan.',
    position: 'Plats i kön',
    details: 'Uppgifter',
    save: 'Spara ändringarna',
    promoted: 'Flyttade upp från väntelistan: {count}.',
    sharing: 'Uppföljning i mejlen inför träffarna',
    sharingHint:
      'Från förra träffens utvärdering: vad som skulle göra nästa träff bättre, och frågor som parkerats till senare.',
    suggestions: 'Förslag inför nästa träff visas för',
    parkedQuestions: 'Parkerade frågor visas för',
    facilitatorOnly: 'samtalsledaren',
    wholeGroup: 'hela gruppen',
    closeHeading: 'Stäng gruppen',
    closeText:
      'En stängd grupp tar inte emot nya deltagare och syns inte längre på webbplatsen. Deltagarna behåller sina platser, och ingen flyttas upp från väntelistan; de som står där får veta det via mejl.',
    close: 'Stäng gruppen',
    closeQuestion:
      'Stänga ”{title}”? Gruppen tar inte emot nya deltagare och försvinner från listan på webbplatsen.',
    closedText:
      'Gruppen är stängd. Öppnar du den igen syns den på webbplatsen och tar emot nya deltagare igen.',
    reopen: 'Öppna gruppen igen',
    closedNow: 'Gruppen är stängd.',
    reopenedNow: 'Gruppen är öppen igen.',
  },
  nb: {
    group: 'Gruppe',
    meetings: 'Møter',
    evaluations: 'Evalueringer',
    allGroups: 'Alle grupper',
    summary: 'Plasser tatt: {seats} · På ventelisten: {waiting} · Åpne tilbud: {offers}',
    pending: 'Venter på din avgjørelse',
    pendingIntro:
      'Disse personene kommer ikke fra en medlemsorganisasjon, så de får plass (eller plass på ventelisten) først når en koordinator har godkjent dem.',
    noPending: 'Ingen forespørsler venter på en avgjørelse.',
    requested: 'Meldte seg på {date}.',
    theirMessage: 'Melding:',
    approve: 'Godkjenn {name}',
    approving: 'Godkjenner…',
    decline: 'Avslå…',
    declineLabel: 'Avslå {name}',
    declineQuestion:
      'Avslå forespørselen fra {name}? Vedkommende får en e-post om det, med meldingen din hvis du har skrevet en.',
    declineMessage: 'Melding til {name} (valgfritt)',
    declineHint: 'Siteres i e-posten.',
    approvedSeat: '{name} har fått plass i gruppen og får en e-post.',
    approvedWaitlist: 'Gruppen er full: {name} står som nummer {position} på ventelisten og får en e-post.',
    declined: 'Forespørselen fra {name} er avslått, og vedkommende får en e-post.',
    members: 'Deltakere',
    noMembers: 'Ingen har fått plass ennå.',
    name: 'Navn',
    organisation: 'Organisasjon',
    role: 'Rolle',
    email: 'E-post',
    since: 'Siden',
    offers: 'Åpne tilbud',
    offersIntro:
      'En plass som blir ledig, tilbys den som står først på ventelisten. Takker vedkommende ikke ja i tide, går plassen videre til nestemann.',
    noOffers: 'Ingen plass er tilbudt akkurat nå.',
    offered: 'Tilbudt',
    until: 'Gjelder til',
    waitlist: 'Venteliste',
    noWaitlist: 'Ingen står på ventelisten.',
    position: 'Plass i køen',
    details: 'Opplysninger',
    save: 'Lagre endringene',
    promoted: 'Flyttet opp fra ventelisten: {count}.',
    sharing: 'Oppfølging i e-postene før møtene',
    sharingHint:
      'Fra evalueringen av forrige møte: hva som ville gjort neste møte bedre, og spørsmål som er parkert til senere.',
    suggestions: 'Forslag til neste møte vises for',
    parkedQuestions: 'Parkerte spørsmål vises for',
    facilitatorOnly: 'samtalelederen',
    wholeGroup: 'hele gruppen',
    closeHeading: 'Steng gruppen',
    closeText:
      'En stengt gruppe tar ikke imot nye deltakere og vises ikke lenger på nettstedet. Deltakerne beholder plassene sine, og ingen flyttes opp fra ventelisten; de som står der, får beskjed på e-post.',
    close: 'Steng gruppen',
    closeQuestion:
      'Stenge «{title}»? Gruppen tar ikke imot nye deltakere og forsvinner fra listen på nettstedet.',
    closedText:
      'Gruppen er stengt. Åpner du den igjen, vises den på nettstedet og tar imot nye deltakere igjen.',
    reopen: 'Åpne gruppen igjen',
    closedNow: 'Gruppen er stengt.',
    reopenedNow: 'Gruppen er åpen igjen.',
  },
});

type Words = ReturnType<typeof useMessages<(typeof words)['en']>>;

interface GroupPageData {
  group: AdminGroup;
  requests: readonly JoinRequest[];
  timeZone: string;
}

/** There is no route for one group: the network's list holds it (a network has tens of groups, not more). */
async function loadGroupPage(api: Api, networkId: string, groupId: string): Promise<GroupPageData> {
  const [groups, requests, network] = await Promise.all([
    unwrap(api.GET('/v1/admin/networks/{networkId}/groups', { params: { path: { networkId } } })),
    unwrap(api.GET('/v1/admin/groups/{groupId}/join-requests', { params: { path: { groupId } } })),
    unwrap(api.GET('/v1/admin/networks/{networkId}', { params: { path: { networkId } } })),
  ]);
  const group = groups.groups.find((g) => g.id === groupId);
  if (group === undefined) throw new ApiError('not-found', 404, 'group_not_found', '');
  return { group, requests: requests.joinRequests, timeZone: network.timeZone };
}

const byDate = (key: 'createdAt' | 'approvedAt') => (a: JoinRequest, b: JoinRequest) =>
  (a[key] ?? a.createdAt).localeCompare(b[key] ?? b.createdAt);

function Decline(props: { request: JoinRequest; onDone: () => void }) {
  const t = useMessages(words);
  const { api } = useApp();
  const { request } = props;
  const [values, update, clear] = useDraft(`group.${request.groupId}.decline.${request.id}`, { message: '' });
  const action = useAction(async () => {
    const message = values.message.trim();
    await unwrap(
      api.POST('/v1/admin/groups/{groupId}/join-requests/{requestId}/decline', {
        params: { path: { groupId: request.groupId, requestId: request.id } },
        body: message === '' ? {} : { message },
      }),
    );
    clear();
    props.onDone();
  });
  return (
    <div class="request-decline">
      <Field
        name={`decline-${request.id}.message`}
        label={t('declineMessage', { name: request.name })}
        hint={t('declineHint')}
        error={errorFor(action.fields, 'message')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            maxLength={1000}
            value={values.message}
            onInput={(e) => update({ message: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        )}
      </Field>
      <div class="actions">
        <ConfirmButton
          label={t('declineLabel', { name: request.name })}
          question={t('declineQuestion', { name: request.name })}
          disabled={action.busy}
          onConfirm={action.run}
        />
      </div>
      <ActionStatus action={action} />
    </div>
  );
}

function PendingRequest(props: {
  request: JoinRequest;
  timeZone: string;
  onDecided: (message: string) => void;
  reload: () => void;
}) {
  const t = useMessages(words);
  const { api } = useApp();
  const { language } = useLanguage();
  const { request } = props;
  const [declining, setDeclining] = useState(false);
  const approve = useAction(
    async () => {
      const result = await unwrap(
        api.POST('/v1/admin/groups/{groupId}/join-requests/{requestId}/approve', {
          params: { path: { groupId: request.groupId, requestId: request.id } },
        }),
      );
      props.onDecided(
        result.status === 'waitlisted'
          ? t('approvedWaitlist', { name: request.name, position: result.waitlistPosition ?? '?' })
          : t('approvedSeat', { name: request.name }),
      );
    },
    () => props.reload(),
  );
  return (
    <li class="card request">
      <h3>{request.name}</h3>
      <p>
        {[request.role, request.organisation].filter((s) => s !== '').join(', ')}
        <br />
        <a href={`mailto:${request.email}`}>{request.email}</a>
      </p>
      <p class="muted">
        {t('requested', {
          date: formatDate(language, request.confirmedAt ?? request.createdAt, props.timeZone),
        })}
      </p>
      {request.message ? (
        <>
          <p class="muted">{t('theirMessage')}</p>
          <blockquote>{request.message}</blockquote>
        </>
      ) : null}
      <div class="actions">
        <button type="button" class="primary" disabled={approve.busy} onClick={() => void approve.run()}>
          {approve.busy ? t('approving') : t('approve', { name: request.name })}
        </button>
        <button type="button" aria-expanded={declining} onClick={() => setDeclining(!declining)}>
          {t('decline')}
        </button>
      </div>
      {approve.error ? <ErrorMessage error={approve.error} /> : null}
      {declining ? (
        <Decline
          request={request}
          onDone={() => {
            props.onDecided(t('declined', { name: request.name }));
            props.reload();
          }}
        />
      ) : null}
    </li>
  );
}

function Pending(props: { requests: readonly JoinRequest[]; timeZone: string; reload: () => void }) {
  const t = useMessages(words);
  const [decided, setDecided] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  // The decided request's buttons go with it: focus would fall to the page's start, so it moves here,
  // where the outcome is told and the next request follows.
  const onDecided = (message: string) => {
    setDecided(message);
    heading.current?.focus();
  };
  const waiting = props.requests.filter((r) => r.status === 'pending_approval').sort(byDate('createdAt'));
  const { shown, more } = useShowMore(waiting, 10);
  return (
    <section aria-labelledby="pending">
      <h2 id="pending" tabIndex={-1} ref={heading}>
        {t('pending')}
      </h2>
      <div role="status">{decided ? <p class="saved">{decided}</p> : null}</div>
      {waiting.length === 0 ? (
        <p class="muted">{t('noPending')}</p>
      ) : (
        <>
          <p class="muted">{t('pendingIntro')}</p>
          <ul class="cards requests">
            {shown.map((request) => (
              <PendingRequest
                key={request.id}
                request={request}
                timeZone={props.timeZone}
                onDecided={onDecided}
                reload={props.reload}
              />
            ))}
          </ul>
          {more}
        </>
      )}
    </section>
  );
}

function Members(props: { requests: readonly JoinRequest[]; timeZone: string }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const members = props.requests.filter((r) => r.status === 'approved').sort(byDate('approvedAt'));
  const { shown, more } = useShowMore(members);
  return (
    <section aria-labelledby="members">
      <h2 id="members">{t('members')}</h2>
      {members.length === 0 ? (
        <p class="muted">{t('noMembers')}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('organisation')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('since')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>{m.organisation}</td>
                  <td>{m.role}</td>
                  <td>
                    <a href={`mailto:${m.email}`}>{m.email}</a>
                  </td>
                  <td>{formatDate(language, m.approvedAt ?? m.createdAt, props.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more}
        </>
      )}
    </section>
  );
}

function Offers(props: { requests: readonly JoinRequest[]; timeZone: string }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const offers = props.requests
    .filter((r) => r.status === 'offered')
    .sort((a, b) => (a.offerExpiresAt ?? '').localeCompare(b.offerExpiresAt ?? ''));
  const when = (iso: string | undefined) =>
    iso === undefined ? '–' : formatDateTime(language, iso, props.timeZone);
  return (
    <section aria-labelledby="offers">
      <h2 id="offers">{t('offers')}</h2>
      <p class="muted">{t('offersIntro')}</p>
      {offers.length === 0 ? (
        <p class="muted">{t('noOffers')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('organisation')}</th>
              <th scope="col">{t('offered')}</th>
              <th scope="col">{t('until')}</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.name}</th>
                <td>{o.organisation}</td>
                <td>{when(o.offeredAt)}</td>
                <td>{when(o.offerExpiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Waitlist(props: { requests: readonly JoinRequest[]; timeZone: string }) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const waiting = props.requests
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
  const { shown, more } = useShowMore(waiting);
  return (
    <section aria-labelledby="waitlist">
      <h2 id="waitlist">{t('waitlist')}</h2>
      {waiting.length === 0 ? (
        <p class="muted">{t('noWaitlist')}</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('position')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('organisation')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('since')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((w) => (
                <tr key={w.id}>
                  <td>{w.waitlistPosition}</td>
                  <th scope="row">{w.name}</th>
                  <td>{w.organisation}</td>
                  <td>
                    <a href={`mailto:${w.email}`}>{w.email}</a>
                  </td>
                  <td>{formatDate(language, w.confirmedAt ?? w.createdAt, props.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more}
        </>
      )}
    </section>
  );
}

interface DetailValues extends GroupValues {
  suggestions: Audience;
  parkedQuestions: Audience;
}

/** The API's defaults when a group has no sharing of its own. */
const defaultSharing: Sharing = { suggestions: 'facilitator', parkedQuestions: 'group' };

function detailValues(group: AdminGroup): DetailValues {
  const sharing = group.sharing ?? defaultSharing;
  return { ...valuesOf(group), suggestions: sharing.suggestions, parkedQuestions: sharing.parkedQuestions };
}

function AudienceField(props: {
  name: 'suggestions' | 'parkedQuestions';
  value: Audience;
  error: string | undefined;
  onChange: (value: Audience) => void;
  t: Words;
}) {
  const { t } = props;
  return (
    <Field name={`sharing.${props.name}`} label={t(props.name)} error={props.error}>
      {(a11y) => (
        <select
          {...a11y}
          value={props.value}
          onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as Audience)}
        >
          <option value="facilitator">{t('facilitatorOnly')}</option>
          <option value="group">{t('wholeGroup')}</option>
        </select>
      )}
    </Field>
  );
}

/**
 * The group's details. The draft is the form's until saved; once the API has answered 2xx the page takes
 * the group it returned (and this form starts again from it: its key is the group's updatedAt).
 */
function Details(props: {
  group: AdminGroup;
  onSaved: (group: Schemas['UpdatedGroup']) => void;
  saved?: string;
}) {
  const t = useMessages(words);
  const c = useMessages(common);
  const { api } = useApp();
  const { group } = props;
  const [values, update, clear] = useDraft<DetailValues>(`group.${group.id}.details`, detailValues(group));
  const action = useAction(async () => {
    const updated = await unwrap(
      api.PATCH('/v1/admin/groups/{groupId}', {
        params: { path: { groupId: group.id } },
        body: {
          ...groupBody(values),
          sharing: { suggestions: values.suggestions, parkedQuestions: values.parkedQuestions },
        },
      }),
    );
    clear();
    props.onSaved(updated);
  });
  // Capacity below the seats taken is a 409 without fields: its message still belongs under Capacity.
  const belowSeats = action.error?.code === 'capacity_below_seats' ? action.error : undefined;
  const errors = belowSeats ? { ...action.fields, capacity: belowSeats.message } : action.fields;
  return (
    <section aria-labelledby="details">
      <h2 id="details">{t('details')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void action.run();
        }}
      >
        <GroupFields values={values} update={update} errors={errors} seatsTaken={group.seatsTaken} />
        <fieldset class="group-sharing">
          <legend>{t('sharing')}</legend>
          <p class="hint muted">{t('sharingHint')}</p>
          <AudienceField
            name="suggestions"
            value={values.suggestions}
            error={errorFor(errors, 'sharing.suggestions')}
            onChange={(suggestions) => update({ suggestions })}
            t={t}
          />
          <AudienceField
            name="parkedQuestions"
            value={values.parkedQuestions}
            error={errorFor(errors, 'sharing.parkedQuestions')}
            onChange={(parkedQuestions) => update({ parkedQuestions })}
            t={t}
          />
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" disabled={action.busy}>
            {action.busy ? c('saving') : t('save')}
          </button>
        </div>
        {belowSeats ? (
          <ErrorMessage
            error={new ApiError('invalid', belowSeats.status, belowSeats.code, belowSeats.message)}
          />
        ) : (
          <ActionStatus action={action} />
        )}
        {props.saved && !action.busy && action.error === undefined ? (
          <p class="saved" role="status">
            {props.saved}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function OpenOrClose(props: { group: AdminGroup; onChanged: (group: AdminGroup) => void }) {
  const t = useMessages(words);
  const { api } = useApp();
  const { group } = props;
  const [note, setNote] = useState<string | undefined>(undefined);
  const next = group.status === 'open' ? 'closed' : 'open';
  const action = useAction(async () => {
    const updated = await unwrap(
      api.PATCH('/v1/admin/groups/{groupId}', {
        params: { path: { groupId: group.id } },
        body: { status: next },
      }),
    );
    setNote(next === 'closed' ? t('closedNow') : t('reopenedNow'));
    props.onChanged(updated);
  });
  return (
    <section aria-labelledby="open-close">
      <h2 id="open-close">{group.status === 'open' ? t('closeHeading') : t('reopen')}</h2>
      <p>{group.status === 'open' ? t('closeText') : t('closedText')}</p>
      <div class="actions">
        {group.status === 'open' ? (
          <ConfirmButton
            label={t('close')}
            question={t('closeQuestion', { title: group.title })}
            disabled={action.busy}
            onConfirm={action.run}
          />
        ) : (
          <button type="button" disabled={action.busy} onClick={() => void action.run()}>
            {t('reopen')}
          </button>
        )}
      </div>
      {action.error ? <ErrorMessage error={action.error} /> : null}
      <div role="status">{note && !action.busy && !action.error ? <p class="saved">{note}</p> : null}</div>
    </section>
  );
}

function GroupView(props: {
  networkId: string;
  data: GroupPageData;
  group: AdminGroup;
  onGroup: (group: AdminGroup) => void;
  reload: () => void;
}) {
  const t = useMessages(words);
  const g = useMessages(groupWords);
  const c = useMessages(common);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const { group } = props;
  const { requests, timeZone } = props.data;
  const count = (status: string) => requests.filter((r) => r.status === status).length;
  return (
    <>
      <ul class="group-links">
        <li>
          <Link href={path('n', props.networkId, 'meetings', group.id)}>{t('meetings')}</Link>
        </li>
        <li>
          <Link href={path('n', props.networkId, 'evaluations', group.id)}>{t('evaluations')}</Link>
        </li>
        <li>
          <Link href={path('n', props.networkId, 'groups')}>{t('allGroups')}</Link>
        </li>
      </ul>
      <p class="group-summary">
        <span class={`badge group-${group.status}`}>{g(group.status)}</span>{' '}
        {t('summary', {
          seats: g('seats', { taken: group.seatsTaken, capacity: group.capacity }),
          waiting: count('waitlisted'),
          offers: count('offered'),
        })}
      </p>
      <Pending requests={requests} timeZone={timeZone} reload={props.reload} />
      <Members requests={requests} timeZone={timeZone} />
      <Offers requests={requests} timeZone={timeZone} />
      <Waitlist requests={requests} timeZone={timeZone} />
      <Details
        key={group.updatedAt}
        group={group}
        {...(saved === undefined ? {} : { saved })}
        onSaved={(updated) => {
          props.onGroup(updated);
          setSaved(
            updated.promotedFromWaitlist > 0
              ? `${c('saved')} ${t('promoted', { count: updated.promotedFromWaitlist })}`
              : c('saved'),
          );
          if (updated.promotedFromWaitlist > 0) props.reload();
        }}
      />
      <OpenOrClose
        group={group}
        onChanged={(updated) => {
          props.onGroup(updated);
          props.reload();
        }}
      />
    </>
  );
}

/** The newer of two versions of the group: the page's own (after a save) or a reload's. */
const newer = (a: AdminGroup, b: AdminGroup | undefined) =>
  b !== undefined && b.id === a.id && b.updatedAt > a.updatedAt ? b : a;

export function Group(props: { networkId: string; groupId: string }) {
  const t = useMessages(words);
  const { api } = useApp();
  const [load, reload] = useLoad(
    () => loadGroupPage(api, props.networkId, props.groupId),
    [props.networkId, props.groupId],
  );
  const [saved, setSaved] = useState<AdminGroup | undefined>(undefined);
  const group = load.state === 'ready' ? newer(load.data.group, saved) : undefined;
  return (
    <Layout networkId={props.networkId} current="groups" title={group?.title ?? t('group')}>
      <Loaded load={load} retry={() => void reload()}>
        {(data) => (
          <GroupView
            networkId={props.networkId}
            data={data}
            group={newer(data.group, saved)}
            onGroup={setSaved}
            reload={() => void reload()}
          />
        )}
      </Loaded>
    </Layout>
  );
}
