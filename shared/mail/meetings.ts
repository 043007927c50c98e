import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type {
  IntroducerReminderCopy,
  MeetingCancelledCopy,
  MeetingCopy,
  MeetingInvitationCopy,
  MeetingReminderCopy,
  MeetingUpdatedCopy,
} from './copy/types.ts';
import { formatMeetingDay, formatMeetingTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group's meetings for one member: the invitation (with a calendar file), reminders,
 * the turn to prepare the opening introduction, and a meeting moved or cancelled. A group meets one
 * to six times, about every six weeks, for an hour and a half, mostly online; every meeting opens
 * with an introduction one participant prepared, and what is said in the group stays in the group.
 * Every date is in the reader's language and the network's time zone, never the server's.
 */

/** What every meeting mail knows about the meeting. */
export interface MeetingFacts {
  networkName: string;
  groupTitle: string;
  /** The one question the group gathers around, as its initiator wrote it. */
  question: string;
  startsAt: Date;
  durationMinutes: number;
  /** The network's IANA time zone, e.g. Europe/Stockholm: every date is shown in it. */
  timeZone: string;
  mode: 'online' | 'in_person';
  /** Where an online meeting is joined; when missing, the mail says the link follows. */
  onlineUrl?: string | undefined;
  /** Where an in-person meeting is held; when missing, the mail says the address follows. */
  address?: string | undefined;
  /** This meeting's place in the series, from 1: "meeting 2 of 4". */
  seq: number;
  /** How many meetings the series has; with one, no number is shown. */
  count: number;
  /** Who prepares the opening introduction, when it is known. */
  introducerName?: string | undefined;
  /** Parked questions from earlier evaluations that the group is to take up (closing the loop). */
  parkedQuestions?: readonly string[] | undefined;
  /** "One point better" suggestions, when the group shares them with everyone (default: facilitator only). */
  suggestions?: readonly string[] | undefined;
}

/**
 * The invitation, sent with a calendar file. Three answers: coming, not this time, and not for the
 * rest of the series (which frees the seat; not offered for the last meeting, where it would be the
 * same as "not this time").
 */
export interface MeetingInvitationFields {
  recipientName: string;
  meeting: MeetingFacts;
  yesUrl: string;
  noUrl: string;
  noSeriesUrl: string;
  /** Stops meeting reminders; invitations and changes still come. */
  unsubscribeUrl: string;
}

/** A reminder some days before the meeting, with the same answers as the invitation. */
export interface MeetingReminderFields extends MeetingInvitationFields {
  /** 0 is today, 1 tomorrow. */
  daysBefore: number;
}

/** To the participant whose turn it is to prepare the introduction that opens the meeting. */
export interface IntroducerReminderFields {
  recipientName: string;
  meeting: MeetingFacts;
  yesUrl: string;
  noUrl: string;
  unsubscribeUrl: string;
}

export type MeetingChange = 'time' | 'place' | 'mode';

/**
 * The meeting was moved, got a new place, or went online or in person; an updated calendar file is
 * attached.
 */
export interface MeetingUpdatedFields {
  recipientName: string;
  /** The meeting as it is now. */
  meeting: MeetingFacts;
  /** The start before the change, told as "moved from … to …" when the time changed. */
  previousStartsAt?: Date | undefined;
  changes: readonly MeetingChange[];
  /** The member's answer before the change: it stands, and the mail says so when the time changed. */
  answer?: 'yes' | 'no' | undefined;
  yesUrl: string;
  noUrl: string;
  unsubscribeUrl: string;
}

/** The meeting will not take place; the attached calendar file removes it. */
export interface MeetingCancelledFields {
  recipientName: string;
  meeting: MeetingFacts;
}

export const meetingCopy: Record<Language, MeetingCopy> = { sv: sv.meeting, nb: nb.meeting, en: en.meeting };

export const meetingInvitationCopy: Record<Language, MeetingInvitationCopy> = {
  sv: sv.meetingInvitation,
  nb: nb.meetingInvitation,
  en: en.meetingInvitation,
};

export const meetingReminderCopy: Record<Language, MeetingReminderCopy> = {
  sv: sv.meetingReminder,
  nb: nb.meetingReminder,
  en: en.meetingReminder,
};

export const introducerReminderCopy: Record<Language, IntroducerReminderCopy> = {
  sv: sv.introducerReminder,
  nb: nb.introducerReminder,
  en: en.introducerReminder,
};

export const meetingUpdatedCopy: Record<Language, MeetingUpdatedCopy> = {
  sv: sv.meetingUpdated,
  nb: nb.meetingUpdated,
  en: en.meetingUpdated,
};

export const meetingCancelledCopy: Record<Language, MeetingCancelledCopy> = {
  sv: sv.meetingCancelled,
  nb: nb.meetingCancelled,
  en: en.meetingCancelled,
};

/** A secondary, quiet link beneath the rest: not this time, unsubscribing. */
function quietLink(text: string, label: string, url: string): Block {
  return { type: 'link', text, label, url };
}

/** Text someone typed, on one line: an address written over several lines reads "Skolhuset, Storgatan 1". */
function oneLine(text: string | undefined): string | undefined {
  const line = text
    ?.split(/\s*(?:\r\n|\r|\n)\s*/)
    .filter((part) => part.trim() !== '')
    .join(', ')
    .trim();
  return line || undefined;
}

/** The meeting's times and numbering in the reader's language. */
function details(meeting: MeetingFacts, language: Language) {
  const copy = meetingCopy[language];
  const numbered = meeting.count > 1 && meeting.seq >= 1 && meeting.seq <= meeting.count;
  return {
    when: formatMeetingTime(meeting.startsAt, language, meeting.timeZone, meeting.durationMinutes),
    day: formatMeetingDay(meeting.startsAt, language, meeting.timeZone),
    position: numbered ? copy.position(String(meeting.seq), String(meeting.count)) : '',
    address: oneLine(meeting.address),
    onlineUrl: meeting.onlineUrl?.trim() || undefined,
    introducerName: meeting.introducerName?.trim() || undefined,
  };
}

/** When, where (with the link to join an online meeting) and, when known and wanted, who introduces. */
function whenAndWhere(meeting: MeetingFacts, language: Language, withIntroducer: boolean): Block[] {
  const copy = meetingCopy[language];
  const facts = details(meeting, language);
  const where =
    meeting.mode === 'online'
      ? facts.onlineUrl
        ? copy.online
        : copy.onlineLater
      : copy.inPerson(facts.address);
  const items = [copy.when(facts.when), where];
  if (withIntroducer && facts.introducerName) items.push(copy.introducer(facts.introducerName));
  const join =
    meeting.mode === 'online' && facts.onlineUrl
      ? [quietLink(copy.joinText, copy.joinLabel, facts.onlineUrl)]
      : [];
  return [{ type: 'heading', text: copy.whenAndWhereHeading }, { type: 'list', items }, ...join];
}

/** What the group gathers around, and what every meeting is like. */
function beforeTheMeeting(meeting: MeetingFacts, language: Language): Block[] {
  const copy = meetingCopy[language];
  return [
    { type: 'heading', text: copy.beforeHeading },
    { type: 'paragraph', text: copy.questionIntro },
    { type: 'quote', text: meeting.question },
    { type: 'list', items: copy.before },
    ...(meeting.parkedQuestions?.length
      ? [
          { type: 'heading', text: copy.parkedHeading } as const,
          { type: 'list', items: meeting.parkedQuestions } as const,
        ]
      : []),
    ...(meeting.suggestions?.length
      ? [
          { type: 'heading', text: copy.suggestionsHeading } as const,
          { type: 'list', items: meeting.suggestions } as const,
        ]
      : []),
  ];
}

/**
 * The answers as links: coming (the button), not this time, and, when there is a series left to
 * miss, not for the rest of it, which frees the seat.
 */
function rsvp(
  language: Language,
  intro: string,
  urls: { yesUrl: string; noUrl: string; noSeriesUrl?: string | undefined },
): Block[] {
  const copy = meetingCopy[language];
  return [
    { type: 'heading', text: copy.rsvpHeading },
    { type: 'paragraph', text: intro },
    action(language, copy.yes, urls.yesUrl),
    quietLink(copy.noText, copy.noLabel, urls.noUrl),
    ...(urls.noSeriesUrl ? [quietLink(copy.noSeriesText, copy.noSeriesLabel, urls.noSeriesUrl)] : []),
  ];
}

/**
 * "Stop reminders": the mail's own unsubscribe link, whose page then offers the reminders first (an
 * invitation's link is for all mail from the network, which the footer's link and one-click keep).
 */
function unsubscribe(language: Language, url: string): Block {
  const copy = meetingCopy[language];
  return quietLink(copy.unsubscribeText, copy.unsubscribeLabel, remindersFirst(url));
}

/** The link with `first=reminders`; one that is no URL is left for the renderer to refuse. */
export function remindersFirst(url: string): string {
  if (!URL.canParse(url)) return url;
  const link = new URL(url);
  link.searchParams.set('first', 'reminders');
  return link.href;
}

/** Later meetings remain only before the last one; there "the rest of the series" is this meeting. */
function seriesContinues(meeting: MeetingFacts): boolean {
  return meeting.seq < meeting.count;
}

export function composeMeetingInvitation(m: MeetingInvitationFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingInvitationCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position) },
      ...whenAndWhere(m.meeting, language, true),
      ...beforeTheMeeting(m.meeting, language),
      ...rsvp(language, common.rsvpIntro, {
        yesUrl: m.yesUrl,
        noUrl: m.noUrl,
        noSeriesUrl: seriesContinues(m.meeting) ? m.noSeriesUrl : undefined,
      }),
      { type: 'note', text: common.calendar },
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeMeetingReminder(m: MeetingReminderFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingReminderCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  // A count worked out by the caller; anything but a whole number of days ahead is a bug, not a sentence.
  if (!Number.isInteger(m.daysBefore) || m.daysBefore < 0) {
    throw new RangeError(`daysBefore must be a whole number from 0: ${m.daysBefore}`);
  }
  const relative = copy.relative(m.daysBefore);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, relative, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, relative) },
      ...whenAndWhere(m.meeting, language, true),
      ...beforeTheMeeting(m.meeting, language),
      ...rsvp(language, copy.rsvpIntro, {
        yesUrl: m.yesUrl,
        noUrl: m.noUrl,
        noSeriesUrl: seriesContinues(m.meeting) ? m.noSeriesUrl : undefined,
      }),
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeIntroducerReminder(m: IntroducerReminderFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = introducerReminderCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, facts.when) },
      { type: 'paragraph', text: copy.length },
      { type: 'quote', text: m.meeting.question },
      { type: 'heading', text: copy.tipsHeading },
      { type: 'list', items: copy.tips },
      { type: 'paragraph', text: copy.closing },
      // The reader is the one introducing: the line naming them is left out.
      ...whenAndWhere(m.meeting, language, false),
      ...rsvp(language, copy.rsvpIntro, { yesUrl: m.yesUrl, noUrl: m.noUrl }),
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

/**
 * One sentence per change, in a fixed order; a change of mode already says where, so it comes without
 * a sentence about the place.
 */
function changeSentences(m: MeetingUpdatedFields, language: Language): string[] {
  const copy = meetingUpdatedCopy[language];
  const facts = details(m.meeting, language);
  const changes = new Set(m.changes);
  const sentences: string[] = [];
  if (changes.has('time')) {
    sentences.push(
      m.previousStartsAt
        ? copy.moved(formatMeetingTime(m.previousStartsAt, language, m.meeting.timeZone), facts.when)
        : copy.newTime(facts.when),
    );
  }
  const online = m.meeting.mode === 'online';
  if (changes.has('mode')) {
    sentences.push(online ? copy.nowOnline : copy.nowInPerson(facts.address));
  } else if (changes.has('place')) {
    if (online) sentences.push(facts.onlineUrl ? copy.newLink : copy.linkWithdrawn);
    else sentences.push(facts.address ? copy.newPlace(facts.address) : copy.placeWithdrawn);
  }
  return sentences.length > 0 ? sentences : [copy.unspecified];
}

export function composeMeetingUpdated(m: MeetingUpdatedFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingUpdatedCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position) },
      { type: 'paragraph', text: changeSentences(m, language).join(' ') },
      ...whenAndWhere(m.meeting, language, true),
      ...rsvp(
        language,
        m.answer && m.changes.includes('time') ? copy.answerStands[m.answer] : copy.rsvpIntro,
        {
          yesUrl: m.yesUrl,
          noUrl: m.noUrl,
        },
      ),
      { type: 'note', text: copy.calendar },
      signature(language, networkName),
      unsubscribe(language, m.unsubscribeUrl),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}

export function composeMeetingCancelled(m: MeetingCancelledFields, language: Language): MailContent {
  const common = meetingCopy[language];
  const copy = meetingCancelledCopy[language];
  const { networkName, groupTitle } = m.meeting;
  const facts = details(m.meeting, language);
  return {
    language,
    subject: copy.subject(networkName, groupTitle, facts.day),
    preheader: copy.preheader(facts.when),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(networkName, groupTitle, facts.position, facts.when) },
      { type: 'paragraph', text: copy.next },
      { type: 'note', text: copy.calendar },
      signature(language, networkName),
    ],
    footer: common.footer(networkName),
    networkName,
  };
}
