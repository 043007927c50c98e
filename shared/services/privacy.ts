import type { JoinRequest } from '../domain/group.ts';
import { personId } from '../domain/person.ts';
import { normaliseEmail, recipientTag } from '../domain/registration.ts';
import type { Language } from '../i18n.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import { formatDateTime } from '../mail/format.ts';
import { type SendOutcome, sendOnce } from '../notify.ts';
import { listMeetings, listParticipation } from '../store/meetings.ts';
import { getNetwork } from '../store/networks.ts';
import { getItems, listAnswerItems, personItemKeys, type StoredItem } from '../store/person-data.ts';

/**
 * Privacy requests (GDPR articles 15 and 17): a copy of everything held about an address, or its erasure.
 * Both start with a link emailed to the address, so only its owner can ask; the request itself always
 * answers the same, so it reveals nothing about who is known.
 */

/** A privacy link is for now, not for later: a day is long enough to find the mail. */
const privacyLinkValidity = 24 * 3600 * 1000;
const defaultTimeZone = 'Europe/Stockholm';

/** Everything about one person, by key: what they gave, and what the meetings recorded about them. */
export interface PersonData {
  items: StoredItem[];
  memberships: JoinRequest[];
  participation: StoredItem[];
  answers: StoredItem[];
  /** Meetings (group, meeting) where the person is the introducer. */
  introductions: { groupId: string; meetingId: string; startsAt: string }[];
}

export async function collectPersonData(email: string): Promise<PersonData> {
  const items = await getItems(await personItemKeys(personId(email)));
  const memberships = items.filter((item) => item.type === 'join-request') as unknown as JoinRequest[];
  const participation: StoredItem[] = [];
  const answers: StoredItem[] = [];
  const introductions: PersonData['introductions'] = [];
  for (const member of memberships) {
    for (const meeting of await listMeetings(member.groupId)) {
      if (meeting.introducerId === member.id)
        introductions.push({ groupId: member.groupId, meetingId: meeting.id, startsAt: meeting.startsAt });
      const [replies, given] = await Promise.all([
        listParticipation(meeting.id),
        listAnswerItems(meeting.id),
      ]);
      for (const reply of replies)
        if (reply.memberId === member.id)
          participation.push({ ...reply, pk: `MEETING#${meeting.id}`, sk: `MEMBER#${member.id}` });
      for (const answer of given) if (answer.memberId === member.id) answers.push(answer);
    }
  }
  return { items, memberships, participation, answers, introductions };
}

/** Where a person is known: the networks they registered in or belong to a group of, for the mails' sender line. */
async function senderName(data: PersonData): Promise<{ name: string; timeZone: string }> {
  const networkIds = [
    ...new Set(
      data.items
        .map((item) => item.networkId)
        .filter((id): id is string => typeof id === 'string' && id !== ''),
    ),
  ];
  const networks = (await Promise.all(networkIds.map((id) => getNetwork(id)))).filter((n) => n !== undefined);
  return {
    name: networks.map((n) => n.name).join(', ') || 'samla',
    timeZone: networks[0]?.timeZone ?? defaultTimeZone,
  };
}

function nameOf(data: PersonData): string {
  const named = data.items.find((item) => typeof item.name === 'string');
  return typeof named?.name === 'string' ? named.name : '';
}

function languageOf(data: PersonData, wanted: Language | undefined): Language {
  if (wanted) return wanted;
  const profile = data.items.find((item) => item.type === 'person');
  const known = profile?.language ?? data.items.find((item) => typeof item.language === 'string')?.language;
  return known === 'nb' || known === 'en' || known === 'sv' ? known : 'sv';
}

/**
 * `POST /v1/privacy/requests`: emails the link that carries the request out, if the address is known at
 * all (an unknown or suppressed address gets nothing: no mail to strangers). At most one mail per address,
 * kind and hour, however often the form is sent; what happened is returned so the caller can count only
 * mails that went out against the address's allowance (shared/services/mail-allowance.ts).
 */
export async function requestPrivacy(
  input: { email: string; kind: 'export' | 'erase'; language?: Language | undefined },
  now: Date,
): Promise<SendOutcome | 'no-data'> {
  const email = normaliseEmail(input.email);
  const data = await collectPersonData(email);
  if (data.items.length === 0) {
    logger.info('privacy request for an address with no data');
    return 'no-data';
  }
  const language = languageOf(data, input.language);
  const sender = await senderName(data);
  const validUntil = new Date(now.getTime() + privacyLinkValidity);
  const outcome = await sendOnce(
    {
      dedupeKey: `privacy:${input.kind}:${recipientTag(email)}:${now.toISOString().slice(0, 13)}`,
      to: email,
      language,
      message: async () => ({
        kind: 'privacy-confirm',
        request: input.kind,
        recipientName: nameOf(data),
        senderName: sender.name,
        confirmUrl: await issueLink(
          input.kind === 'export' ? 'privacy-export' : 'privacy-erase',
          { networkId: '', subjectId: personId(email), language, person: email },
          validUntil.toISOString(),
        ),
        expiresAt: validUntil,
        timeZone: sender.timeZone,
      }),
    },
    now,
  );
  logger.info('privacy request', { kind: input.kind, outcome });
  return outcome;
}

/** The export as a person reads it: every record, without the table's internals. */
function exportDocument(email: string, data: PersonData, now: Date) {
  const strip = ({ gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest }: StoredItem) => rest;
  return {
    generatedAt: now.toISOString(),
    address: email,
    note: 'Every item samla stores about this address. pk and sk are the keys of each item in the table; a TOKEN# key is the hash of an emailed link, not the link itself.',
    records: data.items.map(strip),
    meetingReplies: data.participation.map(strip),
    evaluationAnswers: data.answers.map(strip),
    introductions: data.introductions,
  };
}

const summaryCopy: Record<Language, Record<string, string>> = {
  sv: {
    registration: 'Intresseanmälningar',
    'join-request': 'Grupper och väntelistor',
    'group-proposal': 'Förslag på grupper',
    consent: 'Samtycken',
    'opt-out': 'Avregistreringar',
    person: 'Senast aktiv',
    token: 'Länkar vi har mejlat',
    replies: 'Svar på inbjudningar',
    answers: 'Utvärderingar med namn',
    links: 'länkar',
  },
  nb: {
    registration: 'Interessemeldinger',
    'join-request': 'Grupper og ventelister',
    'group-proposal': 'Forslag til grupper',
    consent: 'Samtykker',
    'opt-out': 'Avmeldinger',
    person: 'Sist aktiv',
    token: 'Lenker vi har sendt',
    replies: 'Svar på invitasjoner',
    answers: 'Evalueringer med navn',
    links: 'lenker',
  },
  en: {
    registration: 'Registrations of interest',
    'join-request': 'Groups and waitlists',
    'group-proposal': 'Group proposals',
    consent: 'Consents',
    'opt-out': 'Unsubscribes',
    person: 'Last active',
    token: 'Links we emailed',
    replies: 'Replies to invitations',
    answers: 'Evaluations with your name',
    links: 'links',
  },
};

function summaryLine(item: StoredItem, language: Language, timeZone: string): string {
  const when = (value: unknown) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value))
      ? formatDateTime(new Date(value), language, timeZone)
      : '';
  switch (item.type) {
    case 'registration':
      return `${item.networkId}: ${item.name}, ${item.organisation}, ${item.role} (${item.status}, ${when(item.createdAt)})${Array.isArray(item.topics) && item.topics.length > 0 ? ` – ${item.topics.join(', ')}` : ''}`;
    case 'join-request':
      return `${item.groupId}: ${item.name}, ${item.organisation} (${item.status}, ${when(item.createdAt)})`;
    case 'group-proposal':
      return `${item.title} (${item.status}, ${when(item.createdAt)})`;
    case 'consent':
      return `${when(item.at)}: ${item.action} ${item.subject} (${item.wording}, ${item.networkId || '–'})`;
    case 'opt-out':
      return `${item.networkId}: ${item.scope}`;
    case 'person':
      return when(item.lastActiveAt);
    default:
      return String(item.sk);
  }
}

function readableSummary(data: PersonData, language: Language, timeZone: string) {
  const copy = summaryCopy[language];
  const sections: { heading: string; lines: string[] }[] = [];
  const kinds = ['registration', 'join-request', 'group-proposal', 'consent', 'opt-out', 'person'];
  for (const kind of kinds) {
    const lines = data.items
      .filter((item) => item.type === kind)
      .map((item) => summaryLine(item, language, timeZone));
    if (lines.length > 0) sections.push({ heading: copy[kind] ?? kind, lines });
  }
  const tokens = data.items.filter((item) => item.type === 'token').length;
  if (tokens > 0) sections.push({ heading: copy.token ?? '', lines: [`${tokens} ${copy.links}`] });
  if (data.participation.length > 0)
    sections.push({
      heading: copy.replies ?? '',
      lines: data.participation.map(
        (p) => `${p.meetingId}: ${p.rsvp ?? '–'}${p.attendance ? ` / ${p.attendance}` : ''}`,
      ),
    });
  if (data.answers.length > 0)
    sections.push({
      heading: copy.answers ?? '',
      lines: data.answers.map((a) => `${a.meetingId}: ${a.rating}`),
    });
  return sections;
}

/**
 * Carries out a confirmed export: the JSON file and a readable summary, by email to the address itself.
 * `requestKey` (the link's token hash) makes a double click, or a retry after a failed send, one email.
 */
export async function exportPersonData(
  email: string,
  language: Language,
  requestKey: string,
  now: Date,
): Promise<void> {
  const data = await collectPersonData(email);
  const sender = await senderName(data);
  const fileName = `samla-${now.toISOString().slice(0, 10)}.json`;
  await sendOnce(
    {
      dedupeKey: `privacy:export-sent:${requestKey}`,
      to: email,
      language,
      message: () => ({
        kind: 'privacy-export',
        recipientName: nameOf(data),
        senderName: sender.name,
        summary: readableSummary(data, language, sender.timeZone),
        fileName,
      }),
      extras: async () => ({
        attachments: [
          {
            filename: fileName,
            contentType: 'application/json; charset=utf-8',
            content: JSON.stringify(exportDocument(email, data, now), null, 2),
          },
        ],
      }),
    },
    now,
  );
}
