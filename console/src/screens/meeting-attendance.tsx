import { useRef, useState } from 'preact/hooks';
import { ApiError, type Schemas, unwrap } from '../api/client.ts';
import { useApp } from '../app.ts';
import { errorFor } from '../components/fields.tsx';
import { ActionStatus, useAction, useDraft } from '../components/forms.tsx';
import { Layout, Link } from '../components/layout.tsx';
import { Loaded, useLoad } from '../components/load.tsx';
import { useShowMore } from '../components/paging.tsx';
import { bundle, useLanguage, useMessages } from '../i18n.ts';
import { common } from '../messages.ts';
import { path } from '../router.ts';
import { type AdminGroup, Answers, meetingWhen, meetingWords, Place } from './meeting-common.tsx';

/**
 * One meeting: when and where, each member's answer, and attendance as the minutes record it (present,
 * absent, present half the time), saved in one go. Links to the group's meetings and the evaluation.
 */
const words = bundle({
  en: {
    groupMeetings: 'The group’s meetings',
    evaluation: 'The meeting’s evaluation',
    when: 'When',
    participants: 'Participants and attendance',
    attendanceIntro: 'Record who took part. Only the members you mark are saved.',
    noMembers: 'The group has no members yet.',
    cancelledNote: 'This meeting was cancelled, so there is no attendance to record.',
    rsvpYes: 'Answered: coming',
    rsvpNo: 'Answered: not coming',
    rsvpNone: 'Has not answered',
    introducer: 'Prepares the introduction',
    noMail: 'Gets no email from the network: not this meeting’s invitations either',
    present: 'Present',
    absent: 'Absent',
    half: 'Half',
    tally: 'Present: {present} · Half the time: {half} · Absent: {absent} · Not recorded: {none}',
    save: 'Save attendance',
    chooseOne: 'Mark at least one member present, absent or half the time.',
    saved: 'Attendance is saved.',
  },
  sv: {
    groupMeetings: 'Gruppens träffar',
    evaluation: 'Träffens utvärdering',
    when: 'När',
    participants: 'Deltagare och närvaro',
    attendanceIntro: 'För in vilka som var med. Bara de deltagare du markerar sparas.',
    noMembers: 'Gruppen har inga deltagare ännu.',
    cancelledNote: 'Träffen är inställd, så det finns ingen närvaro att föra in.',
    rsvpYes: 'Svar: kommer',
    rsvpNo: 'Svar: kommer inte',
    rsvpNone: 'Har inte svarat',
    introducer: 'Förbereder introduktionen',
    noMail: 'Får inga mejl från nätverket: inte heller träffens inbjudningar',
    present: 'Närvarande',
    absent: 'Frånvarande',
    half: 'Halva tiden',
    tally: 'Närvarande: {present} · Halva tiden: {half} · Frånvarande: {absent} · Inte ifyllt: {none}',
    save: 'Spara närvaro',
    chooseOne: 'Markera minst en deltagare som närvarande, frånvarande eller halva tiden.',
    saved: 'Närvaron är sparad.',
  },
  nb: {
    groupMeetings: 'Møtene i gruppen',
    evaluation: 'Evalueringen av møtet',
    when: 'Når',
    participants: 'Deltakere og oppmøte',
    attendanceIntro: 'Før opp hvem som var med. Bare deltakerne du markerer, blir lagret.',
    noMembers: 'Gruppen har ingen deltakere ennå.',
    cancelledNote: 'Møtet er avlyst, så det er ikke noe oppmøte å føre.',
    rsvpYes: 'Svar: kommer',
    rsvpNo: 'Svar: kommer ikke',
    rsvpNone: 'Har ikke svart',
    introducer: 'Forbereder innledningen',
    noMail: 'Får ingen e-post fra nettverket: heller ikke møtets invitasjoner',
    present: 'Til stede',
    absent: 'Fraværende',
    half: 'Halve tiden',
    tally: 'Til stede: {present} · Halve tiden: {half} · Fraværende: {absent} · Ikke ført: {none}',
    save: 'Lagre oppmøte',
    chooseOne: 'Marker minst én deltaker som til stede, fraværende eller halve tiden.',
    saved: 'Oppmøtet er lagret.',
  },
});

type Participants = Schemas['MeetingParticipants'];
type Member = Participants['members'][number];
type Status = NonNullable<Member['attendance']>;
const statuses = ['present', 'absent', 'half'] as const;

export function MeetingAttendance(props: { networkId: string; groupId: string; meetingId: string }) {
  const c = useMessages(common);
  const m = useMessages(meetingWords);
  const { api } = useApp();
  const { networkId, groupId, meetingId } = props;
  const [notice, setNotice] = useState('');
  const [load, reload] = useLoad(async () => {
    const [participants, groups] = await Promise.all([
      unwrap(
        api.GET('/v1/admin/groups/{groupId}/meetings/{meetingId}', {
          params: { path: { groupId, meetingId } },
        }),
      ),
      unwrap(api.GET('/v1/admin/networks/{networkId}/groups', { params: { path: { networkId } } })),
    ]);
    return { participants, group: groups.groups.find((g) => g.id === groupId) };
  }, [api, networkId, groupId, meetingId]);
  const title =
    load.state === 'ready'
      ? [m('meeting', { seq: load.data.participants.meeting.seq }), load.data.group?.title]
          .filter((part) => part !== undefined)
          .join(' · ')
      : c('meetings');
  return (
    <Layout networkId={networkId} current="meetings" title={title}>
      <Loaded load={load} retry={reload}>
        {(data) => (
          <MeetingPage
            networkId={networkId}
            group={data.group}
            groupId={groupId}
            participants={data.participants}
            notice={notice}
            tell={setNotice}
            reload={reload}
          />
        )}
      </Loaded>
    </Layout>
  );
}

function MeetingPage(props: {
  networkId: string;
  groupId: string;
  group: AdminGroup | undefined;
  participants: Participants;
  notice: string;
  tell: (message: string) => void;
  reload: () => Promise<void>;
}) {
  const t = useMessages(words);
  const m = useMessages(meetingWords);
  const { language } = useLanguage();
  const { meeting } = props.participants;
  const collator = new Intl.Collator(language);
  const members = [...props.participants.members].sort((a, b) => collator.compare(a.name, b.name));
  const names = new Map(members.map((member) => [member.memberId, member.name]));
  const count = (status: Status | null) => members.filter((member) => member.attendance === status).length;
  // A new form once attendance is saved, so it starts from what the API now holds.
  const saved = members.map((member) => member.attendance ?? '-').join();
  return (
    <>
      <ul class="meeting-links">
        <li>
          <Link href={path('n', props.networkId, 'meetings', props.groupId)}>{t('groupMeetings')}</Link>
        </li>
        <li>
          <Link href={path('n', props.networkId, 'evaluations', props.groupId, meeting.id)}>
            {t('evaluation')}
          </Link>
        </li>
      </ul>
      <dl class="meeting-facts">
        <dt class="meeting-fact-name">{t('when')}</dt>
        <dd class="meeting-fact-value">
          {meetingWhen(language, meeting)} <span class="muted">({meeting.timeZone})</span>
          {meeting.status === 'cancelled' ? (
            <>
              {' '}
              <span class="badge">{m('cancelled')}</span>
            </>
          ) : null}
        </dd>
        <dt class="meeting-fact-name">{m('where')}</dt>
        <dd class="meeting-fact-value">
          <Place meeting={meeting} />
        </dd>
        <dt class="meeting-fact-name">{m('answers')}</dt>
        <dd class="meeting-fact-value">
          <Answers meeting={meeting} names={names} />
        </dd>
      </dl>
      <h2 id="attendance-heading">{t('participants')}</h2>
      <p class="saved meeting-notice" role="status">
        {props.notice}
      </p>
      {members.length === 0 ? (
        <p>{t('noMembers')}</p>
      ) : (
        <>
          <p class="muted">
            {t('tally', {
              present: count('present'),
              half: count('half'),
              absent: count('absent'),
              none: count(null),
            })}
          </p>
          <AttendanceForm
            key={saved}
            groupId={props.groupId}
            meetingId={meeting.id}
            cancelled={meeting.status === 'cancelled'}
            members={members}
            onSaved={async () => {
              props.tell(t('saved'));
              await props.reload();
            }}
          />
        </>
      )}
    </>
  );
}

function AttendanceForm(props: {
  groupId: string;
  meetingId: string;
  cancelled: boolean;
  members: readonly Member[];
  onSaved: () => Promise<void>;
}) {
  const t = useMessages(words);
  const { api } = useApp();
  const initial: Record<string, Status | ''> = Object.fromEntries(
    props.members.map((member) => [member.memberId, member.attendance ?? '']),
  );
  const [values, update, clear] = useDraft(`meeting-attendance.${props.groupId}.${props.meetingId}`, initial);
  // The members in the order they were sent: the API names a problem by its index (`attendance.2.status`).
  const sent = useRef<string[]>([]);
  const action = useAction(
    async () => {
      const attendance = props.members.flatMap((member) => {
        const status = values[member.memberId];
        return status ? [{ memberId: member.memberId, status }] : [];
      });
      sent.current = attendance.map((entry) => entry.memberId);
      if (attendance.length === 0)
        throw new ApiError('invalid', 400, 'client', '', { attendance: t('chooseOne') });
      await unwrap(
        api.PUT('/v1/admin/groups/{groupId}/meetings/{meetingId}/attendance', {
          params: { path: { groupId: props.groupId, meetingId: props.meetingId } },
          body: { attendance },
        }),
      );
    },
    async () => {
      clear();
      await props.onSaved();
    },
  );
  const { shown, more } = useShowMore(props.members, 50);
  const fields = action.fields;
  const memberError = (memberId: string) => {
    const index = sent.current.indexOf(memberId);
    return index < 0 ? undefined : errorFor(fields, `attendance.${index}`);
  };
  const listError = fields.attendance;
  if (props.cancelled) return <p>{t('cancelledNote')}</p>;
  return (
    <form
      aria-labelledby="attendance-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void action.run();
      }}
    >
      <p>{t('attendanceIntro')}</p>
      {listError ? (
        <p class="field-error" id="attendance-error">
          {listError}
        </p>
      ) : null}
      <ul class="attendance">
        {shown.map((member) => {
          const id = `attendance-${member.memberId}`;
          const error = memberError(member.memberId);
          const describedBy = [`${id}-about`, error ? `${id}-error` : ''].filter((s) => s !== '').join(' ');
          return (
            <li key={member.memberId}>
              <fieldset
                class={error ? 'meeting-fieldset invalid' : 'meeting-fieldset'}
                aria-describedby={describedBy}
              >
                <legend class="meeting-legend">{member.name}</legend>
                <p class="muted meeting-about" id={`${id}-about`}>
                  {[
                    member.organisation,
                    member.rsvp === 'yes' ? t('rsvpYes') : member.rsvp === 'no' ? t('rsvpNo') : t('rsvpNone'),
                    member.introducer ? t('introducer') : '',
                    member.noMail ? t('noMail') : '',
                  ]
                    .filter((part) => part !== '')
                    .join(' · ')}
                </p>
                <div class="attendance-choices">
                  {statuses.map((status) => (
                    <label key={status} class="meeting-choice">
                      <input
                        type="radio"
                        name={id}
                        value={status}
                        checked={values[member.memberId] === status}
                        onChange={() => update({ [member.memberId]: status })}
                      />{' '}
                      {t(status)}
                    </label>
                  ))}
                </div>
                {error ? (
                  <p class="field-error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {more}
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {t('save')}
        </button>
      </div>
      {action.error ? <ActionStatus action={action} /> : null}
    </form>
  );
}
