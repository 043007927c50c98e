import type { JoinRequest } from '../domain/group.ts';
import type { Meeting } from '../domain/meeting.ts';
import { defaultLanguage, type Network } from '../domain/network.ts';
import { personId } from '../domain/person.ts';
import { normaliseEmail, recipientTag } from '../domain/registration.ts';
import { isLanguage, type Language } from '../i18n.ts';
import { issueLink } from '../links.ts';
import { logger } from '../logger.ts';
import { composePrivacyConfirm, composePrivacyExport } from '../mail/privacy.ts';
import { privacySummary, type SummaryNames } from '../mail/privacy-summary.ts';
import { mail } from '../mail/render.ts';
import { type SendOutcome, sendOnce } from '../notify.ts';
import { getGroup } from '../store/groups.ts';
import { joinRequestFromItem } from '../store/join-requests.ts';
import { keys } from '../store/keys.ts';
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
  /** The meetings of the person's groups, to name a reply or an answer by when the meeting was. */
  meetings: Meeting[];
}

export async function collectPersonData(email: string): Promise<PersonData> {
  const items = await getItems(await personItemKeys(personId(email)));
  const memberships = items.filter((item) => item.type === 'join-request').map(joinRequestFromItem);
  const participation: StoredItem[] = [];
  const answers: StoredItem[] = [];
  const introductions: PersonData['introductions'] = [];
  const meetings: Meeting[] = [];
  for (const member of memberships) {
    for (const meeting of await listMeetings(member.groupId)) {
      meetings.push(meeting);
      if (meeting.introducerId === member.id)
        introductions.push({ groupId: member.groupId, meetingId: meeting.id, startsAt: meeting.startsAt });
      const [replies, given] = await Promise.all([
        listParticipation(meeting.id),
        listAnswerItems(meeting.id),
      ]);
      for (const reply of replies)
        if (reply.memberId === member.id)
          participation.push({ ...reply, ...keys.participation(meeting.id, member.id) });
      for (const answer of given) if (answer.memberId === member.id) answers.push(answer);
    }
  }
  return { items, memberships, participation, answers, introductions, meetings };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The networks the person is known in, in the order their items name them. */
async function networksOf(data: PersonData): Promise<Network[]> {
  const ids = [...new Set(data.items.map((item) => text(item.networkId)).filter((id) => id !== ''))];
  return (await Promise.all(ids.map((id) => getNetwork(id)))).filter((n) => n !== undefined);
}

/** Who the mails are from: the networks the person is known in, and the first one's time zone. */
function senderOf(networks: readonly Network[]): { name: string; timeZone: string } {
  return {
    name: networks.map((n) => n.name).join(', ') || 'samla',
    timeZone: networks[0]?.timeZone ?? defaultTimeZone,
  };
}

function nameOf(data: PersonData): string {
  const named = data.items.find((item) => typeof item.name === 'string');
  return typeof named?.name === 'string' ? named.name : '';
}

/**
 * The language of a privacy mail when the request names none: the one the person last used with samla.
 * The profile holds the language of their latest activity; without one, the newest registration, join
 * request or proposal says which language they chose; without any, the network's own first language.
 * Only then Swedish, the language of a network without a setting.
 */
export function storedLanguage(data: Pick<PersonData, 'items'>, networks: readonly Network[]): Language {
  const profile = data.items.find((item) => item.type === 'person');
  if (isLanguage(profile?.language)) return profile.language;
  const chosen = data.items
    .filter((item) => isLanguage(item.language) && text(item.createdAt) !== '')
    .sort((a, b) => text(b.createdAt).localeCompare(text(a.createdAt)))[0]?.language;
  if (isLanguage(chosen)) return chosen;
  const network = networks[0];
  return network ? defaultLanguage(network) : 'sv';
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
  const networks = await networksOf(data);
  // The request's own language wins (a form's choice, the browser's Accept-Language); else the person's.
  const language = input.language ?? storedLanguage(data, networks);
  const sender = senderOf(networks);
  const validUntil = new Date(now.getTime() + privacyLinkValidity);
  const outcome = await sendOnce(
    {
      dedupeKey: `privacy:${input.kind}:${recipientTag(email)}:${now.toISOString().slice(0, 13)}`,
      to: email,
      language,
      message: async () =>
        mail(composePrivacyConfirm, {
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

/** Names for the ids in the summary: networks by name, groups by title, meetings by when they are. */
async function namesIn(data: PersonData, networks: readonly Network[]): Promise<SummaryNames> {
  const groupIds = [
    ...new Set([...data.items.map((item) => text(item.groupId)), ...data.meetings.map((m) => m.groupId)]),
  ].filter((id) => id !== '');
  const groups = new Map(
    (await Promise.all(groupIds.map((id) => getGroup(id))))
      .filter((group) => group !== undefined)
      .map((group) => [group.id, group.title]),
  );
  const networkNames = new Map(networks.map((network) => [network.id, network.name]));
  const meetings = new Map(data.meetings.map((meeting) => [meeting.id, meeting]));
  return {
    network: (id) => networkNames.get(id),
    group: (id) => groups.get(id),
    meeting: (id) => meetings.get(id),
  };
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
  const networks = await networksOf(data);
  const sender = senderOf(networks);
  const names = await namesIn(data, networks);
  const fileName = `samla-${now.toISOString().slice(0, 10)}.json`;
  await sendOnce(
    {
      dedupeKey: `privacy:export-sent:${requestKey}`,
      to: email,
      language,
      message: () =>
        mail(composePrivacyExport, {
          recipientName: nameOf(data),
          senderName: sender.name,
          summary: privacySummary(data, names, language, sender.timeZone),
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
