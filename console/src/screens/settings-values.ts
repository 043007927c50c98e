import type { Schemas } from '../api/client.ts';
import { numberOf } from '../components/number-field.ts';
import { type Language, languages } from '../i18n.ts';

/**
 * The settings form's values (strings as typed, so a draft keeps exactly what was typed) and the PATCH
 * they make: only the fields that differ from the network's settings as loaded.
 */
export type NetworkSettings = Schemas['NetworkSettings'];
export type UpdateNetworkRequest = Schemas['UpdateNetworkRequest'];
type Frequency = 'off' | 'daily' | 'weekly';

export interface SettingsValues {
  name: string;
  /** All three languages in the chosen order; `on` says which the network uses. */
  languages: { code: Language; on: boolean }[];
  memberDomains: string;
  timeZone: string;
  thankYouUrl: string;
  coordinators: string;
  /** Coordinator address (lower case) → their own language; '' for the network's default. */
  coordinatorLanguages: Record<string, Language | ''>;
  reminderDays: string;
  introducerDays: string;
  delayMinutes: string;
  reminderAfterDays: string;
  closeAfterDays: string;
  digestFrequency: Frequency;
  digestWeekday: string;
  digestHour: string;
}

/** What the API applies when a network has no setting of its own. */
export const defaults = {
  meetingReminders: { days: [7, 1], introducerDays: 14 },
  evaluation: { delayMinutes: 60, reminderAfterDays: 3, closeAfterDays: 7 },
  digest: { frequency: 'weekly', weekday: 1, hour: 7 } as Schemas['DigestSchedule'],
};

export function valuesOf(settings: NetworkSettings): SettingsValues {
  const reminders = settings.meetingReminders ?? defaults.meetingReminders;
  const evaluation = { ...defaults.evaluation, ...settings.evaluation };
  const digest = settings.digest ?? defaults.digest;
  return {
    name: settings.name,
    languages: [
      ...settings.languages.map((code) => ({ code, on: true })),
      ...languages.filter((l) => !settings.languages.includes(l)).map((code) => ({ code, on: false })),
    ],
    memberDomains: settings.memberDomains.join('\n'),
    timeZone: settings.timeZone,
    thankYouUrl: settings.thankYouUrl ?? '',
    coordinators: settings.coordinators.join('\n'),
    coordinatorLanguages: { ...settings.coordinatorLanguages },
    reminderDays: reminders.days.join(', '),
    introducerDays: String(reminders.introducerDays),
    delayMinutes: String(evaluation.delayMinutes),
    reminderAfterDays: String(evaluation.reminderAfterDays),
    closeAfterDays: String(evaluation.closeAfterDays),
    digestFrequency: digest.frequency,
    digestWeekday: String(digest.frequency === 'weekly' ? digest.weekday : 1),
    digestHour: String(digest.frequency === 'off' ? 7 : digest.hour),
  };
}

/** The lines of a textarea, trimmed, without empty ones. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function digestOf(values: SettingsValues): Schemas['DigestSchedule'] {
  if (values.digestFrequency === 'off') return { frequency: 'off' };
  if (values.digestFrequency === 'daily') return { frequency: 'daily', hour: numberOf(values.digestHour) };
  return {
    frequency: 'weekly',
    weekday: numberOf(values.digestWeekday) as 1 | 2 | 3 | 4 | 5 | 6 | 7,
    hour: numberOf(values.digestHour),
  };
}

/** Every field as the PATCH would name it (objects with sorted keys, so equal means unchanged). */
function requestOf(values: SettingsValues): Required<UpdateNetworkRequest> {
  const coordinators = lines(values.coordinators);
  const coordinatorLanguages: Record<string, Language> = {};
  for (const address of coordinators.map((c) => c.toLowerCase()).sort()) {
    const language = values.coordinatorLanguages[address];
    if (language) coordinatorLanguages[address] = language;
  }
  const url = values.thankYouUrl.trim();
  return {
    name: values.name.trim(),
    languages: values.languages.filter((l) => l.on).map((l) => l.code),
    coordinators,
    memberDomains: lines(values.memberDomains),
    thankYouUrl: url === '' ? null : url,
    timeZone: values.timeZone,
    meetingReminders: {
      days: values.reminderDays
        .split(/[\s,;]+/)
        .filter((d) => d !== '')
        .map((day) => numberOf(day)),
      introducerDays: numberOf(values.introducerDays),
    },
    evaluation: {
      delayMinutes: numberOf(values.delayMinutes),
      reminderAfterDays: numberOf(values.reminderAfterDays),
      closeAfterDays: numberOf(values.closeAfterDays),
    },
    digest: digestOf(values),
    coordinatorLanguages,
  };
}

/** The fields that changed, and only those (an empty object: nothing to save). */
export function patchOf(values: SettingsValues, base: NetworkSettings): UpdateNetworkRequest {
  const now = requestOf(values);
  const before = requestOf(valuesOf(base));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(now) as (keyof UpdateNetworkRequest)[]) {
    if (JSON.stringify(now[key]) !== JSON.stringify(before[key])) patch[key] = now[key];
  }
  return patch as UpdateNetworkRequest;
}
