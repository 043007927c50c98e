import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { ApiError, type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { ConfirmButton } from '../components/confirm.tsx';
import { errorFor, Field } from '../components/fields.tsx';
import { ActionStatus, useAction, useDraft } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { numberOf } from '../components/number-field.ts';
import { useShowMore } from '../components/paging.tsx';
import { bundle, useLanguage, useMessages } from '../i18n.ts';
import { instantToZoned, isLocal, localText, seriesLocal, zonedToInstant } from '../meeting-time.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import {
  type AdminGroup,
  type AdminMeeting,
  Answers,
  byStart,
  dayAndTime,
  isUpcoming,
  type Mode,
  ModeChoice,
  meetingWhen,
  meetingWords,
  Place,
  textOf,
} from './meeting-common.tsx';

/**
 * A group's meetings: the upcoming ones (move, switch online/in person, cancel), a form to schedule a
 * series, and the past and cancelled ones. Times are typed and shown in the meeting's zone (the
 * network's for a new series), whatever zone the coordinator's computer is in.
 */
const words = bundle({
  en: {
    allGroups: 'All groups’ meetings',
    groupNotFound: 'The network has no such group.',
    upcoming: 'Upcoming meetings',
    noUpcoming: 'No upcoming meetings. Schedule a series below.',
    past: 'Past and cancelled meetings',
    noPast: 'None yet.',
    when: 'When',
    meeting: 'Meeting',
    links: 'Follow-up',
    attendance: 'Participants and attendance',
    evaluation: 'Evaluation',
    change: 'Move or change',
    close: 'Close',
    changeHeading: 'Change meeting {seq}',
    saveChange: 'Save changes',
    nothingChanged: 'Nothing has been changed yet.',
    cancelMeeting: 'Cancel meeting',
    cancelQuestion:
      'Cancel meeting {seq} ({when})? Every member gets a cancelled calendar entry. This cannot be undone.',
    cancelled:
      'Meeting {seq} is cancelled; the members are told by email, except those the meeting’s page shows as getting no email.',
    changed:
      'Meeting {seq} is changed; the members get an updated calendar entry, except those the meeting’s page shows as getting no email.',
    scheduled:
      'The series is scheduled; the members get its meetings in their calendars, except those a meeting’s page shows as getting no email.',
    schedule: 'Schedule a series',
    scheduleIntro:
      'A group meets one to six times, usually about every six weeks for one and a half hours. Each member gets an invitation with a calendar entry.',
    date: 'Date',
    time: 'Time',
    inZone: 'In {zone}',
    count: 'Number of meetings',
    interval: 'Weeks between meetings',
    duration: 'Length (minutes)',
    onlineUrl: 'Meeting link',
    onlineUrlHint: 'Can be added later: the members get it before the meeting.',
    address: 'Address',
    addressHint: 'Can be added later: the members get it before the meeting.',
    preview: 'The meetings will be:',
    submit: 'Schedule',
    chooseDate: 'Choose a date.',
    chooseTime: 'Choose a time.',
  },
  sv: {
    allGroups: 'Alla gruppers träffar',
    groupNotFound: 'Nätverket har ingen sådan grupp.',
    upcoming: 'Kommande träffar',
    noUpcoming: 'Inga kommande träffar. Planera en serie nedan.',
    past: 'Tidigare och inställda träffar',
    noPast: 'Inga ännu.',
    when: 'När',
    meeting: 'Träff',
    links: 'Uppföljning',
    attendance: 'Deltagare och närvaro',
    evaluation: 'Utvärdering',
    change: 'Flytta eller ändra',
    close: 'Stäng',
    changeHeading: 'Ändra träff {seq}',
    saveChange: 'Spara ändringarna',
    nothingChanged: 'Du har inte ändrat något ännu.',
    cancelMeeting: 'Ställ in träffen',
    cancelQuestion:
      'Ställa in träff {seq} ({when})? Alla i gruppen får en inställd kalenderbokning. Det går inte att ångra.',
    cancelled:
      'Träff {seq} är inställd och deltagarna får besked via mejl, utom de som enligt träffens sida inte får mejl.',
    changed:
      'Träff {seq} är ändrad och deltagarna får en uppdaterad kalenderbokning, utom de som enligt träffens sida inte får mejl.',
    scheduled:
      'Serien är inplanerad och deltagarna får träffarna i sina kalendrar, utom de som enligt en träffs sida inte får mejl.',
    schedule: 'Planera en serie träffar',
    scheduleIntro:
      'En grupp träffas mellan en och sex gånger, oftast med ungefär sex veckors mellanrum och i ca 1,5 timmar. Alla i gruppen får en inbjudan med kalenderbokning.',
    date: 'Datum',
    time: 'Tid',
    inZone: 'I {zone}',
    count: 'Antal träffar',
    interval: 'Veckor mellan träffarna',
    duration: 'Längd (minuter)',
    onlineUrl: 'Länk till träffen',
    onlineUrlHint: 'Kan läggas till senare: deltagarna får den före träffen.',
    address: 'Adress',
    addressHint: 'Kan läggas till senare: deltagarna får den före träffen.',
    preview: 'Träffarna blir:',
    submit: 'Planera',
    chooseDate: 'Välj ett datum.',
    chooseTime: 'Välj en tid.',
  },
  nb: {
    allGroups: 'Møtene i alle grupper',
    groupNotFound: 'Nettverket har ingen slik gruppe.',
    upcoming: 'Kommende møter',
    noUpcoming: 'Ingen kommende møter. Planlegg en serie nedenfor.',
    past: 'Tidligere og avlyste møter',
    noPast: 'Ingen ennå.',
    when: 'Når',
    meeting: 'Møte',
    links: 'Oppfølging',
    attendance: 'Deltakere og oppmøte',
    evaluation: 'Evaluering',
    change: 'Flytt eller endre',
    close: 'Lukk',
    changeHeading: 'Endre møte {seq}',
    saveChange: 'Lagre endringene',
    nothingChanged: 'Du har ikke endret noe ennå.',
    cancelMeeting: 'Avlys møtet',
    cancelQuestion:
      'Avlyse møte {seq} ({when})? Alle i gruppen får en avlyst kalenderoppføring. Dette kan ikke angres.',
    cancelled:
      'Møte {seq} er avlyst, og deltakerne får beskjed på e-post, unntatt de som ifølge møtets side ikke får e-post.',
    changed:
      'Møte {seq} er endret, og deltakerne får en oppdatert kalenderoppføring, unntatt de som ifølge møtets side ikke får e-post.',
    scheduled:
      'Serien er planlagt, og deltakerne får møtene i kalenderen sin, unntatt de som ifølge siden til et møte ikke får e-post.',
    schedule: 'Planlegg en serie møter',
    scheduleIntro:
      'En gruppe møtes mellom én og seks ganger, som regel med omtrent seks ukers mellomrom og i ca. 1,5 timer. Alle i gruppen får en invitasjon med kalenderoppføring.',
    date: 'Dato',
    time: 'Tid',
    inZone: 'I {zone}',
    count: 'Antall møter',
    interval: 'Uker mellom møtene',
    duration: 'Lengde (minutter)',
    onlineUrl: 'Lenke til møtet',
    onlineUrlHint: 'Kan legges til senere: deltakerne får den før møtet.',
    address: 'Adresse',
    addressHint: 'Kan legges til senere: deltakerne får den før møtet.',
    preview: 'Møtene blir:',
    submit: 'Planlegg',
    chooseDate: 'Velg en dato.',
    chooseTime: 'Velg et tidspunkt.',
  },
});

type Words = ReturnType<typeof useMessages<(typeof words)['en']>>;

interface GroupData {
  readonly group: AdminGroup;
  readonly timeZone: string;
  readonly meetings: readonly AdminMeeting[];
  readonly names: ReadonlyMap<string, string>;
}

export function GroupMeetings(props: { networkId: string; groupId: string }) {
  const t = useMessages(words);
  const c = useMessages(common);
  const { api } = useApp();
  const { networkId, groupId } = props;
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // A cancelled or changed meeting's buttons go with the reload: focus would fall to the page's start, so
  // it moves to the notice that tells what happened.
  const tell = (message: string) => {
    setNotice(message);
    noticeRef.current?.focus();
  };
  const [load, reload] = useLoad(async (): Promise<GroupData> => {
    const group = { params: { path: { groupId } } };
    const network = { params: { path: { networkId } } };
    const [settings, groups, meetings, requests] = await Promise.all([
      unwrap(api.GET('/v1/admin/networks/{networkId}', network)),
      unwrap(api.GET('/v1/admin/networks/{networkId}/groups', network)),
      unwrap(api.GET('/v1/admin/groups/{groupId}/meetings', group)),
      unwrap(api.GET('/v1/admin/groups/{groupId}/join-requests', group)),
    ]);
    const found = groups.groups.find((g) => g.id === groupId);
    if (found === undefined) throw new ApiError('not-found', 404, 'group_not_found', t('groupNotFound'));
    return {
      group: found,
      timeZone: settings.timeZone,
      meetings: [...meetings.meetings].sort(byStart),
      names: new Map(requests.joinRequests.map((r) => [r.id, r.name])),
    };
  }, [api, networkId, groupId]);
  const title = load.state === 'ready' ? load.data.group.title : c('meetings');
  return (
    <Layout networkId={networkId} current="meetings" title={title}>
      <p>
        <Link href={path('n', networkId, 'meetings')}>{t('allGroups')}</Link>
      </p>
      <p class="saved meeting-notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      <Loaded load={load} retry={reload}>
        {(data) => <GroupPage networkId={networkId} data={data} reload={reload} tell={tell} />}
      </Loaded>
    </Layout>
  );
}

function GroupPage(props: {
  networkId: string;
  data: GroupData;
  reload: () => Promise<void>;
  tell: (message: string) => void;
}) {
  const t = useMessages(words);
  const m = useMessages(meetingWords);
  const { language } = useLanguage();
  const { data } = props;
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const now = Date.now();
  const upcoming = data.meetings.filter((meeting) => isUpcoming(meeting, now));
  const past = data.meetings.filter((meeting) => !isUpcoming(meeting, now)).reverse();
  const upcomingPage = useShowMore(upcoming, 10);
  const pastPage = useShowMore(past, 10);
  const meetingPath = (meeting: AdminMeeting) =>
    path('n', props.networkId, 'meetings', data.group.id, meeting.id);
  return (
    <>
      <p class="muted">{m('timesIn', { zone: data.timeZone })}</p>
      <h2>{t('upcoming')}</h2>
      {upcoming.length === 0 ? <p>{t('noUpcoming')}</p> : null}
      <ol class="meeting-list">
        {upcomingPage.shown.map((meeting) => (
          <li key={meeting.id} class="card">
            <h3 class="meeting-title">
              {m('meeting', { seq: meeting.seq })}: {meetingWhen(language, meeting, data.timeZone)}
            </h3>
            <p>
              <Place meeting={meeting} />
              <br />
              <Answers meeting={meeting} names={data.names} />
            </p>
            <UpcomingActions
              meeting={meeting}
              href={meetingPath(meeting)}
              editing={editing === meeting.id}
              setEditing={(open) => setEditing(open ? meeting.id : undefined)}
              groupId={data.group.id}
              reload={props.reload}
              tell={props.tell}
            />
          </li>
        ))}
      </ol>
      {upcomingPage.more}
      <h2 id="schedule-heading">{t('schedule')}</h2>
      <ScheduleForm data={data} reload={props.reload} tell={props.tell} />
      <h2>{t('past')}</h2>
      {past.length === 0 ? (
        <p>{t('noPast')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('meeting')}</th>
              <th scope="col">{t('when')}</th>
              <th scope="col">{m('where')}</th>
              <th scope="col">{m('answers')}</th>
              <th scope="col">{t('links')}</th>
            </tr>
          </thead>
          <tbody>
            {pastPage.shown.map((meeting) => (
              <tr key={meeting.id}>
                <th scope="row">{m('meeting', { seq: meeting.seq })}</th>
                <td>{meetingWhen(language, meeting, data.timeZone)}</td>
                <td>
                  <Place meeting={meeting} />
                </td>
                <td>
                  <Answers meeting={meeting} names={data.names} />
                </td>
                <td>
                  {meeting.status === 'cancelled' ? (
                    <span class="badge">{m('cancelled')}</span>
                  ) : (
                    <ul class="meeting-links">
                      <li>
                        <Link href={meetingPath(meeting)}>{t('attendance')}</Link>
                      </li>
                      <li>
                        <Link href={path('n', props.networkId, 'evaluations', data.group.id, meeting.id)}>
                          {t('evaluation')}
                        </Link>
                      </li>
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pastPage.more}
    </>
  );
}

/** A conflict (changed or cancelled meanwhile) shows the meeting as it is now, with the message. */
function reloadOnConflict(reload: () => Promise<void>) {
  return async (error: unknown) => {
    if (error instanceof ApiError && error.kind === 'conflict') await reload();
    throw error;
  };
}

function UpcomingActions(props: {
  meeting: AdminMeeting;
  href: string;
  groupId: string;
  editing: boolean;
  setEditing: (open: boolean) => void;
  reload: () => Promise<void>;
  tell: (message: string) => void;
}) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const { api } = useApp();
  const { meeting } = props;
  const cancel = useAction(
    () =>
      unwrap(
        api.PATCH('/v1/admin/groups/{groupId}/meetings/{meetingId}', {
          params: { path: { groupId: props.groupId, meetingId: meeting.id } },
          body: { status: 'cancelled' },
        }),
      ).catch(reloadOnConflict(props.reload)),
    async () => {
      props.tell(t('cancelled', { seq: meeting.seq }));
      await props.reload();
    },
  );
  const formId = `change-${meeting.id}`;
  return (
    <>
      <div class="actions">
        <Link href={props.href}>{t('attendance')}</Link>
        <button
          type="button"
          aria-expanded={props.editing}
          aria-controls={props.editing ? formId : undefined}
          onClick={() => props.setEditing(!props.editing)}
        >
          {t('change')}
        </button>
        <ConfirmButton
          label={t('cancelMeeting')}
          question={t('cancelQuestion', { seq: meeting.seq, when: meetingWhen(language, meeting) })}
          confirmLabel={t('cancelMeeting')}
          disabled={cancel.busy}
          onConfirm={() => cancel.run()}
        />
      </div>
      <ActionStatus action={cancel} />
      {props.editing ? (
        <ChangeForm
          id={formId}
          meeting={meeting}
          groupId={props.groupId}
          close={() => props.setEditing(false)}
          reload={props.reload}
          tell={props.tell}
        />
      ) : null}
    </>
  );
}

/** What scheduling and changing a meeting both ask: how long it is, and where (online or in person). */
interface MeetingShape {
  duration: string;
  mode: Mode;
  onlineUrl: string;
  address: string;
}

interface ChangeValues extends MeetingShape {
  date: string;
  time: string;
}

/** Move a meeting (date and time in its own zone), change its length, or switch online/in person. */
function ChangeForm(props: {
  id: string;
  meeting: AdminMeeting;
  groupId: string;
  close: () => void;
  reload: () => Promise<void>;
  tell: (message: string) => void;
}) {
  const t = useMessages(words);
  const { api } = useApp();
  const { meeting } = props;
  const was: ChangeValues = {
    ...instantToZoned(meeting.startsAt, meeting.timeZone),
    duration: String(meeting.durationMinutes),
    mode: meeting.mode,
    onlineUrl: meeting.onlineUrl ?? '',
    address: meeting.address ?? '',
  };
  // The version is in the key: a draft typed against an older state of the meeting is not brought back.
  const [values, update, clear] = useDraft<ChangeValues>(
    `meeting-change.${props.groupId}.${meeting.id}.${meeting.version}`,
    was,
  );
  const action = useAction(
    async () => {
      const body: Schemas['UpdateMeeting'] = {};
      const local = localText(values);
      if (local !== localText(was)) {
        if (values.date === '' || values.time === '' || !isLocal(local))
          throw new ApiError('invalid', 400, 'client', '', {
            startsLocal: values.date === '' ? t('chooseDate') : t('chooseTime'),
          });
        body.startsLocal = local;
      }
      if (values.duration !== was.duration) body.durationMinutes = numberOf(values.duration);
      if (values.mode !== was.mode) body.mode = values.mode;
      // An emptied field takes the link or address back (null): the members are told it no longer holds.
      const onlineUrl = values.onlineUrl.trim();
      const address = values.address.trim();
      if (values.mode === 'online' && onlineUrl !== was.onlineUrl) body.onlineUrl = onlineUrl || null;
      if (values.mode === 'in_person' && address !== was.address) body.address = address || null;
      if (Object.keys(body).length === 0)
        throw new ApiError('invalid', 400, 'client', '', { _: t('nothingChanged') });
      await unwrap(
        api.PATCH('/v1/admin/groups/{groupId}/meetings/{meetingId}', {
          params: { path: { groupId: props.groupId, meetingId: meeting.id } },
          body,
        }),
      ).catch(reloadOnConflict(props.reload));
    },
    async () => {
      clear();
      props.tell(t('changed', { seq: meeting.seq }));
      props.close();
      await props.reload();
    },
  );
  const fields = action.fields;
  const zone = t('inZone', { zone: meeting.timeZone });
  return (
    <form
      id={props.id}
      class="meeting-change"
      aria-labelledby={`${props.id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <h4 id={`${props.id}-heading`} class="meeting-change-title">
        {t('changeHeading', { seq: meeting.seq })}
      </h4>
      {fields._ ? <p class="field-error">{fields._}</p> : null}
      <MeetingShapeFields
        names={{ duration: 'change-duration', mode: 'change-mode', place: 'change' }}
        values={values}
        update={update}
        fields={fields}
      >
        <Field name="change-date" label={t('date')} error={fields.startsLocal}>
          {(a11y) => (
            <input {...a11y} type="date" value={values.date} onInput={(e) => update({ date: textOf(e) })} />
          )}
        </Field>
        <Field name="change-time" label={t('time')} hint={zone}>
          {(a11y) => (
            <input {...a11y} type="time" value={values.time} onInput={(e) => update({ time: textOf(e) })} />
          )}
        </Field>
      </MeetingShapeFields>
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('saveChange')}
        </button>
        <button type="button" onClick={props.close}>
          {t('close')}
        </button>
      </div>
      <ActionStatus action={action} />
    </form>
  );
}

/**
 * A meeting's length, mode and place, the same in the schedule and the change form. The length shares
 * its row with `children` (the fields before it); `names` keep each form's own field names and ids.
 */
function MeetingShapeFields(props: {
  names: { duration: string; mode: string; place: string };
  values: MeetingShape;
  update: (next: Partial<MeetingShape>) => void;
  fields: Readonly<Record<string, string>>;
  children: ComponentChildren;
}) {
  const t = useMessages(words);
  const { values, update, fields } = props;
  return (
    <>
      <div class="inline">
        {props.children}
        <Field name={props.names.duration} label={t('duration')} error={fields.durationMinutes}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={15}
              max={480}
              step={15}
              value={values.duration}
              onInput={(e) => update({ duration: textOf(e) })}
            />
          )}
        </Field>
      </div>
      <ModeChoice
        name={props.names.mode}
        value={values.mode}
        onChange={(mode) => update({ mode })}
        {...(fields.mode ? { error: fields.mode } : {})}
      />
      <PlaceField
        words={t}
        mode={values.mode}
        prefix={props.names.place}
        values={values}
        update={update}
        fields={fields}
      />
    </>
  );
}

/** The meeting link (online) or the address (in person), whichever the mode needs. */
function PlaceField(props: {
  words: Words;
  mode: Mode;
  prefix: string;
  values: { onlineUrl: string; address: string };
  update: (next: { onlineUrl?: string; address?: string }) => void;
  fields: Readonly<Record<string, string>>;
}) {
  const t = props.words;
  if (props.mode === 'online')
    return (
      <Field
        name={`${props.prefix}-onlineUrl`}
        label={t('onlineUrl')}
        hint={t('onlineUrlHint')}
        error={props.fields.onlineUrl}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="url"
            inputMode="url"
            autoComplete="url"
            value={props.values.onlineUrl}
            onInput={(e) => props.update({ onlineUrl: textOf(e) })}
          />
        )}
      </Field>
    );
  return (
    <Field
      name={`${props.prefix}-address`}
      label={t('address')}
      hint={t('addressHint')}
      error={props.fields.address}
    >
      {(a11y) => (
        <input
          {...a11y}
          type="text"
          autoComplete="street-address"
          value={props.values.address}
          onInput={(e) => props.update({ address: textOf(e) })}
        />
      )}
    </Field>
  );
}

interface ScheduleValues extends MeetingShape {
  date: string;
  time: string;
  count: string;
  interval: string;
}

/** A series in the network's zone: the date and time as the clock there shows them. */
function ScheduleForm(props: {
  data: GroupData;
  reload: () => Promise<void>;
  tell: (message: string) => void;
}) {
  const t = useMessages(words);
  const { language } = useLanguage();
  const { api } = useApp();
  const { group, timeZone } = props.data;
  const [values, update, clear] = useDraft<ScheduleValues>(`meeting-schedule.${group.id}`, {
    date: '',
    time: '',
    count: '1',
    interval: '6',
    duration: '90',
    mode: group.mode,
    onlineUrl: '',
    address: group.location ?? '',
  });
  const first = localText(values);
  const action = useAction(
    async () => {
      if (values.date === '' || values.time === '' || !isLocal(first))
        throw new ApiError('invalid', 400, 'client', '', {
          ...(values.date === '' || !isLocal(first) ? { firstLocal: t('chooseDate') } : {}),
          ...(values.time === '' ? { time: t('chooseTime') } : {}),
        });
      const online = values.mode === 'online';
      await unwrap(
        api.POST('/v1/admin/groups/{groupId}/meetings', {
          params: { path: { groupId: group.id } },
          body: {
            firstLocal: first,
            timeZone,
            count: numberOf(values.count),
            intervalWeeks: numberOf(values.interval),
            durationMinutes: numberOf(values.duration),
            mode: values.mode,
            ...(online && values.onlineUrl.trim() !== '' ? { onlineUrl: values.onlineUrl.trim() } : {}),
            ...(!online && values.address.trim() !== '' ? { address: values.address.trim() } : {}),
          },
        }),
      );
    },
    async () => {
      props.tell(t('scheduled'));
      clear();
      await props.reload();
    },
  );
  const fields = action.fields;
  const count = Number(values.count);
  const interval = Number(values.interval);
  const preview =
    isLocal(first) && count >= 1 && count <= 6 && interval >= 1 && interval <= 52
      ? seriesLocal(first, count, interval).map((local) => zonedToInstant(local, timeZone))
      : [];
  const zone = t('inZone', { zone: timeZone });
  return (
    <form
      aria-labelledby="schedule-heading"
      class="meeting-schedule"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <p>{t('scheduleIntro')}</p>
      <div class="inline">
        <Field name="date" label={t('date')} hint={zone} error={fields.firstLocal ?? fields.timeZone}>
          {(a11y) => (
            <input {...a11y} type="date" value={values.date} onInput={(e) => update({ date: textOf(e) })} />
          )}
        </Field>
        <Field name="time" label={t('time')} hint={zone} error={fields.time}>
          {(a11y) => (
            <input {...a11y} type="time" value={values.time} onInput={(e) => update({ time: textOf(e) })} />
          )}
        </Field>
      </div>
      <MeetingShapeFields
        names={{ duration: 'durationMinutes', mode: 'mode', place: 'schedule' }}
        values={values}
        update={update}
        fields={fields}
      >
        <Field name="count" label={t('count')} error={errorFor(fields, 'count')}>
          {(a11y) => (
            <select {...a11y} value={values.count} onChange={(e) => update({ count: textOf(e) })}>
              {[1, 2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="intervalWeeks" label={t('interval')} error={fields.intervalWeeks}>
          {(a11y) => (
            <input
              {...a11y}
              type="number"
              min={1}
              max={52}
              value={values.interval}
              onInput={(e) => update({ interval: textOf(e) })}
            />
          )}
        </Field>
      </MeetingShapeFields>
      {preview.length > 0 ? (
        <>
          <p>{t('preview')}</p>
          <ol class="meeting-preview">
            {preview.map((instant) =>
              instant === undefined ? null : <li key={instant}>{dayAndTime(language, instant, timeZone)}</li>,
            )}
          </ol>
        </>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('submit')}
        </button>
      </div>
      <ActionStatus action={action} />
    </form>
  );
}
