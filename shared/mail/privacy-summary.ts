import type { JoinStatus } from '../domain/group.ts';
import type { GroupProposalStatus } from '../domain/group-proposal.ts';
import type { OptOutScope } from '../domain/person.ts';
import type { RegistrationStatus } from '../domain/registration.ts';
import { type Language, plural } from '../i18n.ts';
import type { Attendance, Rsvp } from '../store/meetings.ts';
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

type ConsentPhrases = Readonly<Record<string, string>>;

interface SummaryCopy {
  headings: Record<
    | 'registration'
    | 'join'
    | 'proposal'
    | 'consent'
    | 'optOut'
    | 'person'
    | 'token'
    | 'replies'
    | 'answers'
    | 'introductions',
    string
  >;
  registration: Record<RegistrationStatus, string>;
  join: Record<JoinStatus, string>;
  proposal: Record<GroupProposalStatus, string>;
  /** By consent subject: interest, join, group-proposal, stay, mail-reminders, mail-all. */
  agreed: ConsentPhrases;
  withdrew: ConsentPhrases;
  wording(version: string): string;
  optOut: Record<OptOutScope, string>;
  digestOff: string;
  rsvp: Record<Rsvp, string>;
  noReply: string;
  attendance: Record<Attendance, string>;
  sent(when: string): string;
  topics(list: string): string;
  rating(value: string): string;
  links(count: number): string;
}

const copy: Record<Language, SummaryCopy> = {
  sv: {
    headings: {
      registration: 'Intresseanmälningar',
      join: 'Grupper och väntelistor',
      proposal: 'Förslag på grupper',
      consent: 'Samtycken',
      optOut: 'Avregistreringar',
      person: 'Senast aktiv',
      token: 'Länkar vi har mejlat',
      replies: 'Svar på inbjudningar',
      answers: 'Utvärderingar med namn',
      introductions: 'Träffar där du håller inledningen',
    },
    registration: {
      pending_confirmation: 'väntar på din bekräftelse',
      confirmed: 'bekräftad',
      expired: 'aldrig bekräftad, förfallen',
    },
    join: {
      pending_confirmation: 'väntar på din bekräftelse',
      pending_approval: 'väntar på en samordnare',
      approved: 'med i gruppen',
      waitlisted: 'på väntelistan',
      offered: 'erbjuden en plats',
      declined: 'inte antagen',
      left: 'har lämnat gruppen',
      offer_expired: 'erbjudandet gick ut',
      expired: 'aldrig bekräftad, förfallen',
    },
    proposal: {
      pending_confirmation: 'väntar på din bekräftelse',
      proposed: 'hos samordnarna',
      accepted: 'blev en grupp',
      declined: 'inte antaget',
      expired: 'aldrig bekräftat, förfallet',
    },
    agreed: {
      interest: 'Samtycke till att nätverket sparar din intresseanmälan',
      join: 'Samtycke till att nätverket sparar dina uppgifter för en plats i en grupp',
      'group-proposal': 'Samtycke till att nätverket sparar ditt förslag på en grupp',
      stay: 'Du ville vara kvar',
      'mail-reminders': 'Påminnelserna på igen',
      'mail-all': 'Mejlen på igen',
    },
    withdrew: {
      'mail-reminders': 'Påminnelserna avstängda',
      'mail-all': 'Alla mejl avstängda',
    },
    wording: (version) => `textversion ${version}`,
    optOut: {
      reminders: 'inga påminnelser',
      all: 'inga mejl utom dem du själv ber om',
    },
    digestOff: 'ingen sammanfattning till samordnarna',
    rsvp: { yes: 'kommer', no: 'kommer inte' },
    noReply: 'inget svar',
    attendance: { present: 'närvarande', absent: 'frånvarande', half: 'halva tiden' },
    sent: (when) => `skickad ${when}`,
    topics: (list) => `ämnen: ${list}`,
    rating: (value) => `betyg ${value}`,
    links: (count) => `${count} ${plural('sv', count, { one: 'länk', other: 'länkar' })}`,
  },
  nb: {
    headings: {
      registration: 'Interessemeldinger',
      join: 'Grupper og ventelister',
      proposal: 'Forslag til grupper',
      consent: 'Samtykker',
      optOut: 'Avmeldinger',
      person: 'Sist aktiv',
      token: 'Lenker vi har sendt',
      replies: 'Svar på invitasjoner',
      answers: 'Evalueringer med navn',
      introductions: 'Møter der du holder innledningen',
    },
    registration: {
      pending_confirmation: 'venter på bekreftelsen din',
      confirmed: 'bekreftet',
      expired: 'aldri bekreftet, utløpt',
    },
    join: {
      pending_confirmation: 'venter på bekreftelsen din',
      pending_approval: 'venter på en koordinator',
      approved: 'med i gruppen',
      waitlisted: 'på ventelisten',
      offered: 'tilbudt en plass',
      declined: 'ikke tatt opp',
      left: 'har forlatt gruppen',
      offer_expired: 'tilbudet gikk ut',
      expired: 'aldri bekreftet, utløpt',
    },
    proposal: {
      pending_confirmation: 'venter på bekreftelsen din',
      proposed: 'hos koordinatorene',
      accepted: 'ble en gruppe',
      declined: 'ikke tatt opp',
      expired: 'aldri bekreftet, utløpt',
    },
    agreed: {
      interest: 'Samtykke til at nettverket lagrer interessemeldingen din',
      join: 'Samtykke til at nettverket lagrer opplysningene dine for en plass i en gruppe',
      'group-proposal': 'Samtykke til at nettverket lagrer forslaget ditt til en gruppe',
      stay: 'Du ville være med videre',
      'mail-reminders': 'Påminnelsene slått på igjen',
      'mail-all': 'E-postene slått på igjen',
    },
    withdrew: {
      'mail-reminders': 'Påminnelsene slått av',
      'mail-all': 'All e-post slått av',
    },
    wording: (version) => `tekstversjon ${version}`,
    optOut: {
      reminders: 'ingen påminnelser',
      all: 'ingen e-post utenom den du selv ber om',
    },
    digestOff: 'ingen oppsummering til koordinatorene',
    rsvp: { yes: 'kommer', no: 'kommer ikke' },
    noReply: 'ikke svart',
    attendance: { present: 'til stede', absent: 'fraværende', half: 'halve tiden' },
    sent: (when) => `sendt ${when}`,
    topics: (list) => `temaer: ${list}`,
    rating: (value) => `karakter ${value}`,
    links: (count) => `${count} ${plural('nb', count, { one: 'lenke', other: 'lenker' })}`,
  },
  en: {
    headings: {
      registration: 'Registrations of interest',
      join: 'Groups and waitlists',
      proposal: 'Group proposals',
      consent: 'Consents',
      optOut: 'Unsubscribes',
      person: 'Last active',
      token: 'Links we emailed',
      replies: 'Replies to invitations',
      answers: 'Evaluations with your name',
      introductions: 'Meetings you open with the introduction',
    },
    registration: {
      pending_confirmation: 'awaiting your confirmation',
      confirmed: 'confirmed',
      expired: 'never confirmed, lapsed',
    },
    join: {
      pending_confirmation: 'awaiting your confirmation',
      pending_approval: 'awaiting a coordinator',
      approved: 'member of the group',
      waitlisted: 'on the waitlist',
      offered: 'offered a seat',
      declined: 'not admitted',
      left: 'left the group',
      offer_expired: 'the offer lapsed',
      expired: 'never confirmed, lapsed',
    },
    proposal: {
      pending_confirmation: 'awaiting your confirmation',
      proposed: 'with the coordinators',
      accepted: 'became a group',
      declined: 'not taken up',
      expired: 'never confirmed, lapsed',
    },
    agreed: {
      interest: 'Consent to the network keeping your registration of interest',
      join: 'Consent to the network keeping your details for a seat in a group',
      'group-proposal': 'Consent to the network keeping your group proposal',
      stay: 'You wanted to stay',
      'mail-reminders': 'Reminders turned back on',
      'mail-all': 'Emails turned back on',
    },
    withdrew: {
      'mail-reminders': 'Reminders turned off',
      'mail-all': 'All emails turned off',
    },
    wording: (version) => `wording ${version}`,
    optOut: {
      reminders: 'no reminders',
      all: 'no emails except those you ask for',
    },
    digestOff: 'no digest for the coordinators',
    rsvp: { yes: 'coming', no: 'not coming' },
    noReply: 'no reply',
    attendance: { present: 'present', absent: 'absent', half: 'half the time' },
    sent: (when) => `sent ${when}`,
    topics: (list) => `topics: ${list}`,
    rating: (value) => `rating ${value}`,
    links: (count) => `${count} ${plural('en', count, { one: 'link', other: 'links' })}`,
  },
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

  const lines: [keyof SummaryCopy['headings'], string[]][] = [
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
