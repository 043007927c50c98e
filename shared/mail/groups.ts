import type { Language } from '../i18n.ts';
import { action, greeting, signature } from './common.ts';
import { composeConfirmation } from './confirmation.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type {
  ConfirmJoinRequestCopy,
  JoinApprovalRequestCopy,
  JoinApprovedCopy,
  JoinDeclinedCopy,
  JoinPendingApprovalCopy,
  JoinWaitlistedCopy,
  LeftGroupCopy,
  OfferExpiredCopy,
  SeatOfferedCopy,
  WaitlistClosedCopy,
} from './copy/types.ts';
import { formatDateTime } from './format.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group's life for one person: asking to join (confirmed by a link, like a
 * registration), the answer (a seat, the waitlist, or a coordinator's decision), an offered seat,
 * and leaving. A group forms around one question, a facilitator leads it, and seats are given "i mån
 * av plats": while seats remain.
 */

/** The double opt-in for a request to join a group. */
export interface ConfirmJoinRequestFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone, e.g. Europe/Stockholm: the expiry is shown in it. */
  timeZone: string;
}

/** The welcome: the person has a seat in the group. */
export interface JoinApprovedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The one question the group gathers around, as its initiator wrote it. */
  question: string;
  facilitatorName: string;
  mode: 'online' | 'in_person';
  /** Where an in-person group meets; when missing, each invitation says where. */
  location?: string | undefined;
  leaveUrl: string;
  /** They stopped all mail from the network: no invitation will come unless they turn it back on. */
  mailOff?: boolean | undefined;
}

export interface WaitlistClosedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  leaveUrl: string;
}

export interface JoinWaitlistedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** 1 is next in line. */
  position: number;
  leaveUrl: string;
}

/** The person's organisation is not (yet) a member organisation: a coordinator decides. */
export interface JoinPendingApprovalFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
}

export interface JoinDeclinedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The coordinator's own words, quoted as written; left out when blank. */
  message?: string | undefined;
}

/** To a coordinator: someone outside the member organisations asks to join. */
export interface JoinApprovalRequestFields {
  networkName: string;
  groupTitle: string;
  requesterName: string;
  requesterEmail: string;
  organisation: string;
  role: string;
  /** What the person wrote with the request; left out when blank. */
  message?: string | undefined;
  approveUrl: string;
  declineUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** A seat came free and it is this person's turn on the waitlist. */
export interface SeatOfferedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  acceptUrl: string;
  declineUrl: string;
  expiresAt: Date;
  timeZone: string;
}

/** Nobody accepted the offered seat in time, so it passed to the next in line. */
export interface OfferExpiredFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
}

/** The receipt for leaving the group, its waitlist, or a seat offered and declined. */
export interface LeftGroupFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** What was given up: someone only offered a seat never sat in the group, nor is thanked for it. */
  left: 'group' | 'waitlist' | 'offer';
}

export const confirmJoinRequestCopy: Record<Language, ConfirmJoinRequestCopy> = {
  sv: sv.confirmJoinRequest,
  nb: nb.confirmJoinRequest,
  en: en.confirmJoinRequest,
};

/** The one reminder for an unconfirmed request to join, sent while its link is still valid. */
export const confirmJoinRequestReminderCopy: Record<Language, ConfirmJoinRequestCopy> = {
  sv: sv.confirmJoinRequestReminder,
  nb: nb.confirmJoinRequestReminder,
  en: en.confirmJoinRequestReminder,
};

export const joinApprovedCopy: Record<Language, JoinApprovedCopy> = {
  sv: sv.joinApproved,
  nb: nb.joinApproved,
  en: en.joinApproved,
};

export const joinWaitlistedCopy: Record<Language, JoinWaitlistedCopy> = {
  sv: sv.joinWaitlisted,
  nb: nb.joinWaitlisted,
  en: en.joinWaitlisted,
};

export const waitlistClosedCopy: Record<Language, WaitlistClosedCopy> = {
  sv: sv.waitlistClosed,
  nb: nb.waitlistClosed,
  en: en.waitlistClosed,
};

export const joinPendingApprovalCopy: Record<Language, JoinPendingApprovalCopy> = {
  sv: sv.joinPendingApproval,
  nb: nb.joinPendingApproval,
  en: en.joinPendingApproval,
};

export const joinDeclinedCopy: Record<Language, JoinDeclinedCopy> = {
  sv: sv.joinDeclined,
  nb: nb.joinDeclined,
  en: en.joinDeclined,
};

export const joinApprovalRequestCopy: Record<Language, JoinApprovalRequestCopy> = {
  sv: sv.joinApprovalRequest,
  nb: nb.joinApprovalRequest,
  en: en.joinApprovalRequest,
};

export const seatOfferedCopy: Record<Language, SeatOfferedCopy> = {
  sv: sv.seatOffered,
  nb: nb.seatOffered,
  en: en.seatOffered,
};

export const offerExpiredCopy: Record<Language, OfferExpiredCopy> = {
  sv: sv.offerExpired,
  nb: nb.offerExpired,
  en: en.offerExpired,
};

/** Leaving a group and leaving its waitlist are told apart: the reader knows which one they left. */
export const leftGroupCopy: Record<Language, Record<LeftGroupFields['left'], LeftGroupCopy>> = {
  sv: sv.leftGroup,
  nb: nb.leftGroup,
  en: en.leftGroup,
};

/** Someone's own words, introduced and quoted; nothing at all when they wrote nothing. */
function quoted(intro: string, message: string | undefined): Block[] {
  const text = message?.trim() ?? '';
  return text === ''
    ? []
    : [
        { type: 'paragraph', text: intro },
        { type: 'quote', text },
      ];
}

/** A secondary link, quiet beneath the rest: leaving, declining. */
function quietLink(text: string, label: string, url: string): Block {
  return { type: 'link', text, label, url };
}

/** Copy that names the group and the network in the subject, and the network in the footer. */
interface GroupLetterCopy {
  subject(networkName: string, groupTitle: string): string;
  footer(networkName: string): string;
}

/**
 * A letter to one person about a group: the greeting, what it says, the signature, then any quiet link
 * beneath it.
 */
function groupLetter(
  m: { recipientName: string; networkName: string; groupTitle: string },
  language: Language,
  copy: GroupLetterCopy,
  preheader: string,
  body: readonly Block[],
  beneath: readonly Block[] = [],
): MailContent {
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader,
    blocks: [greeting(language, m.recipientName), ...body, signature(language, m.networkName), ...beneath],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeConfirmJoinRequest(m: ConfirmJoinRequestFields, language: Language): MailContent {
  return composeConfirmation(confirmJoinRequestCopy[language], { ...m, title: m.groupTitle }, language);
}

export function composeConfirmJoinRequestReminder(
  m: ConfirmJoinRequestFields,
  language: Language,
): MailContent {
  return composeConfirmation(
    confirmJoinRequestReminderCopy[language],
    { ...m, title: m.groupTitle },
    language,
  );
}

export function composeJoinApproved(m: JoinApprovedFields, language: Language): MailContent {
  const copy = joinApprovedCopy[language];
  const location = m.location?.trim() || undefined;
  const mode = m.mode === 'online' ? copy.online : copy.inPerson(location);
  return groupLetter(
    m,
    language,
    copy,
    copy.preheader(m.groupTitle),
    [
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.questionIntro },
      { type: 'quote', text: m.question },
      { type: 'paragraph', text: `${copy.facilitator(m.facilitatorName)} ${mode}` },
      { type: 'paragraph', text: m.mailOff ? copy.datesMailOff : copy.dates },
      { type: 'heading', text: copy.commitmentsHeading },
      { type: 'list', items: copy.commitments },
    ],
    [quietLink(copy.leave, copy.leaveLabel, m.leaveUrl)],
  );
}

export function composeJoinWaitlisted(m: JoinWaitlistedFields, language: Language): MailContent {
  const copy = joinWaitlistedCopy[language];
  const position = String(m.position);
  return groupLetter(
    m,
    language,
    copy,
    copy.preheader(position),
    [
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: `${copy.position(position)} ${copy.offer}` },
    ],
    [quietLink(copy.leave, copy.leaveLabel, m.leaveUrl)],
  );
}

export function composeWaitlistClosed(m: WaitlistClosedFields, language: Language): MailContent {
  const copy = waitlistClosedCopy[language];
  return groupLetter(
    m,
    language,
    copy,
    copy.preheader,
    [
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.stay },
    ],
    [quietLink(copy.leave, copy.leaveLabel, m.leaveUrl)],
  );
}

export function composeJoinPendingApproval(m: JoinPendingApprovalFields, language: Language): MailContent {
  const copy = joinPendingApprovalCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.why(m.networkName) },
      { type: 'paragraph', text: copy.next },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeJoinDeclined(m: JoinDeclinedFields, language: Language): MailContent {
  const copy = joinDeclinedCopy[language];
  return groupLetter(m, language, copy, copy.preheader, [
    { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
    ...quoted(copy.messageIntro, m.message),
    { type: 'paragraph', text: copy.welcome },
  ]);
}

export function composeJoinApprovalRequest(m: JoinApprovalRequestFields, language: Language): MailContent {
  const copy = joinApprovalRequestCopy[language];
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle, m.requesterName),
    preheader: copy.preheader,
    blocks: [
      { type: 'paragraph', text: copy.greeting },
      { type: 'paragraph', text: `${copy.intro(m.networkName, m.groupTitle, m.requesterName)} ${copy.why}` },
      { type: 'heading', text: copy.detailsHeading },
      {
        type: 'list',
        items: [
          copy.name(m.requesterName),
          copy.email(m.requesterEmail),
          copy.organisation(m.organisation),
          copy.role(m.role),
        ],
      },
      ...quoted(copy.messageIntro, m.message),
      { type: 'heading', text: copy.decisionHeading },
      { type: 'paragraph', text: copy.approve },
      action(language, copy.approveButton, m.approveUrl),
      { type: 'paragraph', text: copy.decline },
      action(language, copy.declineButton, m.declineUrl),
      { type: 'note', text: copy.expiry(expires) },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeSeatOffered(m: SeatOfferedFields, language: Language): MailContent {
  const copy = seatOfferedCopy[language];
  const expires = formatDateTime(m.expiresAt, language, m.timeZone);
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(expires),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
      { type: 'paragraph', text: copy.hold(expires) },
      action(language, copy.button, m.acceptUrl),
      quietLink(copy.decline, copy.declineLabel, m.declineUrl),
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeOfferExpired(m: OfferExpiredFields, language: Language): MailContent {
  const copy = offerExpiredCopy[language];
  return groupLetter(m, language, copy, copy.preheader, [
    { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
    { type: 'paragraph', text: copy.again },
  ]);
}

export function composeLeftGroup(m: LeftGroupFields, language: Language): MailContent {
  const copy = leftGroupCopy[language][m.left];
  return groupLetter(m, language, copy, copy.preheader, [
    { type: 'paragraph', text: copy.intro(m.networkName, m.groupTitle) },
    { type: 'paragraph', text: `${copy.after} ${copy.again}` },
    { type: 'note', text: copy.notYou },
  ]);
}
