import type { Schemas } from '../api/client.ts';
import { fieldId } from '../components/fields.tsx';
import { bundle, type Language, useMessages } from '../i18n.ts';

/* What the meeting screens share: words for a meeting's place and answers, and its time in its zone. */

export type AdminMeeting = Schemas['AdminMeeting'];
export type AdminGroup = Schemas['AdminGroup'];
export type JoinRequest = Schemas['AdminJoinRequest'];

export const meetingWords = bundle({
  en: {
    meeting: 'Meeting {seq}',
    online: 'Online',
    inPerson: 'In person',
    coming: 'Coming: {count}',
    notComing: 'Not coming: {count}',
    introducer: 'Introduction: {name}',
    noIntroducer: 'Introduction: not chosen yet',
    cancelled: 'Cancelled',
    timesIn: 'Times are in {zone}.',
    where: 'Where',
    answers: 'Answers',
  },
  sv: {
    meeting: 'Träff {seq}',
    online: 'Digitalt',
    inPerson: 'Fysiskt',
    coming: 'Kommer: {count}',
    notComing: 'Kommer inte: {count}',
    introducer: 'Introduktion: {name}',
    noIntroducer: 'Introduktion: ingen utsedd ännu',
    cancelled: 'Inställd',
    timesIn: 'Tiderna gäller i {zone}.',
    where: 'Var',
    answers: 'Svar',
  },
  nb: {
    meeting: 'Møte {seq}',
    online: 'Digitalt',
    inPerson: 'Fysisk',
    coming: 'Kommer: {count}',
    notComing: 'Kommer ikke: {count}',
    introducer: 'Innledning: {name}',
    noIntroducer: 'Innledning: ikke valgt ennå',
    cancelled: 'Avlyst',
    timesIn: 'Tidene gjelder i {zone}.',
    where: 'Hvor',
    answers: 'Svar',
  },
});

const locales: Record<Language, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/**
 * "tis 10 mars 2026 17:00–18:30" in the meeting's zone: the weekday matters when a group meets every
 * sixth week. The zone is named when it is not the one the page says times are in.
 */
export function meetingWhen(language: Language, meeting: AdminMeeting, pageZone?: string): string {
  const start = new Date(meeting.startsAt);
  const end = new Date(start.getTime() + meeting.durationMinutes * 60_000);
  const zone = pageZone === undefined || pageZone === meeting.timeZone ? '' : ` (${meeting.timeZone})`;
  return `${new Intl.DateTimeFormat(locales[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: meeting.timeZone,
  }).formatRange(start, end)}${zone}`;
}

/** A local wall time (an instant in a zone) with its weekday, for the preview of a series. */
export function dayAndTime(language: Language, instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** Still to come (or going on now), and not cancelled. */
export function isUpcoming(meeting: AdminMeeting, now: number): boolean {
  return (
    meeting.status === 'scheduled' && Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000 > now
  );
}

export const byStart = (a: AdminMeeting, b: AdminMeeting) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** Member names by join request id: the API names the introducer by id. */
export function namesOf(requests: readonly JoinRequest[]): ReadonlyMap<string, string> {
  return new Map(requests.map((r) => [r.id, r.name]));
}

/** Where the meeting is: online (with its link) or the address. */
export function Place(props: { meeting: AdminMeeting }) {
  const t = useMessages(meetingWords);
  const { meeting } = props;
  if (meeting.mode === 'online')
    return (
      <>
        {t('online')}
        {meeting.onlineUrl ? (
          <>
            {' '}
            <a href={meeting.onlineUrl} rel="noopener noreferrer" target="_blank" class="meeting-url">
              {meeting.onlineUrl}
            </a>
          </>
        ) : null}
      </>
    );
  return <>{meeting.address ? `${t('inPerson')}: ${meeting.address}` : t('inPerson')}</>;
}

/** RSVP counts and the introducer, one line. */
export function Answers(props: { meeting: AdminMeeting; names: ReadonlyMap<string, string> }) {
  const t = useMessages(meetingWords);
  const { meeting } = props;
  const introducer = meeting.introducerId ? props.names.get(meeting.introducerId) : undefined;
  return (
    <>
      {t('coming', { count: meeting.rsvp?.yes ?? 0 })} · {t('notComing', { count: meeting.rsvp?.no ?? 0 })} ·{' '}
      {introducer ? t('introducer', { name: introducer }) : t('noIntroducer')}
    </>
  );
}

/** The text of the input an event came from. */
export const textOf = (event: Event) => (event.currentTarget as HTMLInputElement).value;

export type Mode = 'online' | 'in_person';

/** Online or in person: a radio group with the API's error for `mode` under it. */
export function ModeChoice(props: {
  name: string;
  value: Mode;
  onChange: (mode: Mode) => void;
  error?: string;
}) {
  const t = useMessages(meetingWords);
  const errorId = `${fieldId(props.name)}-error`;
  return (
    <fieldset
      class={props.error ? 'meeting-fieldset invalid' : 'meeting-fieldset'}
      {...(props.error ? { 'aria-describedby': errorId } : {})}
    >
      <legend class="meeting-legend">{t('where')}</legend>
      {(['online', 'in_person'] as const).map((mode) => (
        <label key={mode} class="meeting-choice">
          <input
            type="radio"
            name={props.name}
            value={mode}
            checked={props.value === mode}
            onChange={() => props.onChange(mode)}
          />{' '}
          {mode === 'online' ? t('online') : t('inPerson')}
        </label>
      ))}
      {props.error ? (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}
