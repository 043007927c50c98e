import type { Language } from '../i18n.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type { PrivacySummaryCopy } from './copy/types.ts';
import { formatDateTime } from './format.ts';

/**
 * The readable part of a data export: what the JSON file holds, as a member would say it. The file keeps
 * the codes and ids (it is the complete record); here statuses are words in the member's language,
 * networks and groups go by their names and meetings by their date and time where they take place.
 */

export interface SummarySection {
  heading: string;
  lines: string[];
}

type Item = Readonly<Record<string, unknown>>;

export interface SummaryData {
  /** The person's own items (registrations, join requests, proposals, consents, opt-outs, profile, links). */
  items: readonly Item[];
  /** Their replies to meeting invitations and the attendance recorded for them. */
  participation: readonly Item[];
  /** Evaluation answers that carry their name. */
  answers: readonly Item[];
  introductions: readonly { groupId: string; meetingId: string }[];
}

/** What the ids in the data are called; an id it cannot name (a group since deleted) is shown as it is. */
export interface SummaryNames {
  network(id: string): string | undefined;
  group(id: string): string | undefined;
  meeting(id: string): { groupId: string; startsAt: string; timeZone: string } | undefined;
}

const copy: Record<Language, PrivacySummaryCopy> = {
  sv: sv.privacySummary,
  nb: nb.privacySummary,
  en: en.privacySummary,
};

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The word for a code; a code the table does not know yet is shown as it is rather than dropped. */
function word<K extends string>(table: Readonly<Record<K, string>>, code: unknown): string {
  const key = text(code);
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

export function privacySummary(
  data: SummaryData,
  names: SummaryNames,
  language: Language,
  timeZone: string,
): SummarySection[] {
  const c = copy[language];
  const when = (value: unknown, zone = timeZone) => {
    const iso = text(value);
    return iso !== '' && !Number.isNaN(Date.parse(iso)) ? formatDateTime(new Date(iso), language, zone) : '';
  };
  const network = (id: unknown) => names.network(text(id)) ?? text(id);
  const group = (id: unknown) => names.group(text(id)) ?? text(id);
  const meeting = (id: unknown) => {
    const found = names.meeting(text(id));
    return found ? `${group(found.groupId)}, ${when(found.startsAt, found.timeZone)}` : text(id);
  };
  const details = (...parts: string[]) => parts.filter((part) => part !== '').join(', ');
  const ofType = (...types: string[]) => data.items.filter((item) => types.includes(text(item.type)));

  const lines: [keyof PrivacySummaryCopy['headings'], string[]][] = [
    [
      'registration',
      ofType('registration').map((item) => {
        const topics = Array.isArray(item.topics) ? item.topics.map(text).filter((t) => t !== '') : [];
        const head = `${network(item.networkId)}: ${details(text(item.name), text(item.organisation), text(item.role))}`;
        const status = `${word(c.registration, item.status)}; ${c.sent(when(item.createdAt))}`;
        return `${head} (${status})${topics.length > 0 ? ` – ${c.topics(topics.join(', '))}` : ''}`;
      }),
    ],
    [
      'join',
      ofType('join-request').map(
        (item) =>
          `${group(item.groupId)}, ${network(item.networkId)}: ${details(text(item.name), text(item.organisation))} (${word(c.join, item.status)}; ${c.sent(when(item.createdAt))})`,
      ),
    ],
    [
      'proposal',
      ofType('group-proposal').map(
        (item) =>
          `${text(item.title)}, ${network(item.networkId)} (${word(c.proposal, item.status)}; ${c.sent(when(item.createdAt))})`,
      ),
    ],
    [
      'consent',
      ofType('consent').map((item) => {
        const subject = text(item.subject);
        const phrases = item.action === 'withdrew' ? c.withdrew : c.agreed;
        const phrase = Object.hasOwn(phrases, subject) ? phrases[subject] : `${text(item.action)} ${subject}`;
        const where = text(item.networkId) === '' ? '' : network(item.networkId);
        return `${when(item.at)}: ${details(phrase ?? '', where)} (${c.wording(text(item.wording))})`;
      }),
    ],
    [
      'optOut',
      ofType('opt-out', 'digest-opt-out').map(
        (item) =>
          `${network(item.networkId)}: ${item.type === 'digest-opt-out' ? c.digestOff : word(c.optOut, item.scope)}`,
      ),
    ],
    ['person', ofType('person').map((item) => when(item.lastActiveAt))],
  ];
  const tokens = ofType('token').length;
  if (tokens > 0) lines.push(['token', [c.links(tokens)]]);
  lines.push(
    [
      'replies',
      data.participation.map((reply) => {
        const answers = [
          reply.rsvp === undefined ? c.noReply : word(c.rsvp, reply.rsvp),
          ...(reply.attendance === undefined ? [] : [word(c.attendance, reply.attendance)]),
        ];
        return `${meeting(reply.meetingId)}: ${answers.join('; ')}`;
      }),
    ],
    [
      'answers',
      data.answers.map((answer) => `${meeting(answer.meetingId)}: ${c.rating(text(answer.rating))}`),
    ],
    ['introductions', data.introductions.map((intro) => meeting(intro.meetingId))],
  );
  return lines
    .filter(([, items]) => items.length > 0)
    .map(([heading, items]) => ({ heading: c.headings[heading], lines: items }));
}
