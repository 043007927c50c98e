import type { Schemas } from '../api/client.ts';
import { errorFor, Field } from '../components/fields.tsx';
import { numberOf } from '../components/number-field.ts';
import { bundle, useMessages } from '../i18n.ts';

/**
 * The fields a group is made of, shared by "New group", the group's own page and "turn this proposal into
 * a group": title, the one question, the facilitator, seats, online or in person, where. Values are kept as
 * typed (strings) so a draft survives as is; `groupBody` turns them into what the API takes, and the API's
 * field errors (`title`, `facilitator.name`, `capacity`…) come back next to each field.
 */
export type AdminGroup = Schemas['AdminGroup'];

export type Mode = AdminGroup['mode'];

export interface GroupValues {
  title: string;
  question: string;
  facilitatorName: string;
  facilitatorEmail: string;
  capacity: string;
  mode: Mode;
  location: string;
}

/** A small group: the seeds' groups are a handful of school leaders around one table or screen. */
export const newGroupValues: GroupValues = {
  title: '',
  question: '',
  facilitatorName: '',
  facilitatorEmail: '',
  capacity: '8',
  mode: 'online',
  location: '',
};

export function valuesOf(group: AdminGroup): GroupValues {
  return {
    title: group.title,
    question: group.question,
    facilitatorName: group.facilitator.name,
    facilitatorEmail: group.facilitator.email ?? '',
    capacity: String(group.capacity),
    mode: group.mode,
    location: group.location ?? '',
  };
}

/**
 * What the API takes. A capacity left empty is sent as missing (the API says it is required); anything else
 * typed is sent as a number so the API's own message (e.g. at least 1) is the one shown.
 */
export function groupBody(values: GroupValues) {
  const capacity = values.capacity.trim();
  const email = values.facilitatorEmail.trim();
  return {
    title: values.title,
    question: values.question,
    facilitator: { name: values.facilitatorName, ...(email === '' ? {} : { email }) },
    capacity: (capacity === '' ? undefined : numberOf(capacity)) as number,
    mode: values.mode,
    location: values.location.trim(),
  };
}

export const groupWords = bundle({
  en: {
    title: 'Title',
    question: 'Question',
    questionHint: 'The one question the group gathers around.',
    facilitatorName: 'Facilitator',
    facilitatorHint: 'Who leads the meetings.',
    facilitatorEmail: 'Facilitator’s email (optional)',
    capacity: 'Capacity',
    capacityHint: 'Seats in the group. People beyond that wait on the waitlist.',
    capacityTaken: 'Seats in the group. Taken now: {taken}.',
    mode: 'Meets',
    online: 'Online',
    inPerson: 'In person',
    location: 'Location (optional)',
    locationHint: 'The address, or the link to the online meeting.',
    open: 'Open',
    closed: 'Closed',
    seats: '{taken} of {capacity}',
  },
  sv: {
    title: 'Rubrik',
    question: 'Fråga',
    questionHint: 'Frågan som gruppen samlas kring.',
    facilitatorName: 'Samtalsledare',
    facilitatorHint: 'Den som leder träffarna.',
    facilitatorEmail: 'Samtalsledarens e-post (valfritt)',
    capacity: 'Antal platser',
    capacityHint: 'Så många får plats i gruppen. Fler än så hamnar på väntelistan.',
    capacityTaken: 'Så många får plats i gruppen. Tagna nu: {taken}.',
    mode: 'Träffas',
    online: 'Digitalt',
    inPerson: 'Fysiskt',
    location: 'Plats (valfritt)',
    locationHint: 'Adressen, eller länken till det digitala mötet.',
    open: 'Öppen',
    closed: 'Stängd',
    seats: '{taken} av {capacity}',
  },
  nb: {
    title: 'Tittel',
    question: 'Spørsmål',
    questionHint: 'Spørsmålet gruppen samles om.',
    facilitatorName: 'Samtaleleder',
    facilitatorHint: 'Den som leder møtene.',
    facilitatorEmail: 'Samtalelederens e-post (valgfritt)',
    capacity: 'Antall plasser',
    capacityHint: 'Så mange får plass i gruppen. Flere enn det havner på ventelisten.',
    capacityTaken: 'Så mange får plass i gruppen. Tatt nå: {taken}.',
    mode: 'Møtes',
    online: 'Digitalt',
    inPerson: 'Fysisk',
    location: 'Sted (valgfritt)',
    locationHint: 'Adressen, eller lenken til det digitale møtet.',
    open: 'Åpen',
    closed: 'Stengt',
    seats: '{taken} av {capacity}',
  },
});

const inputValue = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/**
 * The fields, each labelled, with the API's error for it underneath. `prefix` keeps ids unique when
 * several such forms share a page (one per proposal); the error keys stay the API's.
 */
export function GroupFields(props: {
  values: GroupValues;
  update: (next: Partial<GroupValues>) => void;
  errors: Readonly<Record<string, string>>;
  prefix?: string;
  seatsTaken?: number;
}) {
  const t = useMessages(groupWords);
  const { values, update, errors } = props;
  const name = (key: string) => (props.prefix ? `${props.prefix}.${key}` : key);
  return (
    <>
      <Field name={name('title')} label={t('title')} error={errorFor(errors, 'title')}>
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={160}
            value={values.title}
            onInput={(e) => update({ title: inputValue(e) })}
          />
        )}
      </Field>
      <Field
        name={name('question')}
        label={t('question')}
        hint={t('questionHint')}
        error={errorFor(errors, 'question')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            required
            maxLength={2000}
            value={values.question}
            onInput={(e) => update({ question: inputValue(e) })}
          />
        )}
      </Field>
      <Field
        name={name('facilitator.name')}
        label={t('facilitatorName')}
        hint={t('facilitatorHint')}
        error={errorFor(errors, 'facilitator.name') ?? errors.facilitator}
      >
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={120}
            autocomplete="off"
            value={values.facilitatorName}
            onInput={(e) => update({ facilitatorName: inputValue(e) })}
          />
        )}
      </Field>
      <Field
        name={name('facilitator.email')}
        label={t('facilitatorEmail')}
        error={errorFor(errors, 'facilitator.email')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="email"
            maxLength={254}
            autocomplete="off"
            value={values.facilitatorEmail}
            onInput={(e) => update({ facilitatorEmail: inputValue(e) })}
          />
        )}
      </Field>
      <Field
        name={name('capacity')}
        label={t('capacity')}
        hint={
          props.seatsTaken === undefined ? t('capacityHint') : t('capacityTaken', { taken: props.seatsTaken })
        }
        error={errorFor(errors, 'capacity')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="number"
            inputMode="numeric"
            class="group-capacity"
            step={1}
            value={values.capacity}
            onInput={(e) => update({ capacity: inputValue(e) })}
          />
        )}
      </Field>
      <Field name={name('mode')} label={t('mode')} error={errorFor(errors, 'mode')}>
        {(a11y) => (
          <select {...a11y} value={values.mode} onChange={(e) => update({ mode: inputValue(e) as Mode })}>
            <option value="online">{t('online')}</option>
            <option value="in_person">{t('inPerson')}</option>
          </select>
        )}
      </Field>
      <Field
        name={name('location')}
        label={t('location')}
        hint={t('locationHint')}
        error={errorFor(errors, 'location')}
      >
        {(a11y) => (
          <input
            {...a11y}
            maxLength={500}
            value={values.location}
            onInput={(e) => update({ location: inputValue(e) })}
          />
        )}
      </Field>
    </>
  );
}
