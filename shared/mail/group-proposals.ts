import type { Language } from '../i18n.ts';
import { greeting, signature } from './common.ts';
import { composeConfirmation } from './confirmation.ts';
import * as en from './copy/en.ts';
import * as nb from './copy/nb.ts';
import * as sv from './copy/sv.ts';
import type {
  ConfirmGroupProposalCopy,
  GroupProposalAcceptedCopy,
  GroupProposalDeclinedCopy,
  GroupProposalReceivedCopy,
} from './copy/types.ts';
import { joinApprovedCopy } from './groups.ts';
import type { Block, MailContent } from './layout.ts';

/*
 * The mails of a group proposal: groups start on a member's initiative around one question. The
 * proposer confirms by a link (double opt-in), the coordinators hear of it, and the proposer learns
 * whether the proposal became a group (with them as its first member) or not.
 */

/** The double opt-in for a proposal. */
export interface ConfirmGroupProposalFields {
  recipientName: string;
  networkName: string;
  proposalTitle: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The network's IANA time zone: the expiry is shown in it. */
  timeZone: string;
}

/** To a coordinator: a confirmed proposal waits for a decision. */
export interface GroupProposalReceivedFields {
  networkName: string;
  proposalTitle: string;
  question: string;
  proposerName: string;
  proposerEmail: string;
  organisation: string;
  role?: string | undefined;
  /** What the proposer wrote besides the question; left out when blank. */
  message?: string | undefined;
}

/** The proposal became a group, and the proposer has its first seat. */
export interface GroupProposalAcceptedFields {
  recipientName: string;
  networkName: string;
  groupTitle: string;
  /** The title as proposed, mentioned when the coordinators named the group otherwise. */
  proposalTitle?: string | undefined;
  question: string;
  facilitatorName: string;
  mode: 'online' | 'in_person';
  location?: string | undefined;
  leaveUrl: string;
  /** The proposer stopped all mail from the network: no invitation will come unless they turn it back on. */
  mailOff?: boolean | undefined;
}

export interface GroupProposalDeclinedFields {
  recipientName: string;
  networkName: string;
  proposalTitle: string;
  /** The coordinator's own words, quoted as written; left out when blank. */
  message?: string | undefined;
}

export const confirmGroupProposalCopy: Record<Language, ConfirmGroupProposalCopy> = {
  sv: sv.confirmGroupProposal,
  nb: nb.confirmGroupProposal,
  en: en.confirmGroupProposal,
};

/** The one reminder for an unconfirmed proposal, sent while its link is still valid. */
export const confirmGroupProposalReminderCopy: Record<Language, ConfirmGroupProposalCopy> = {
  sv: sv.confirmGroupProposalReminder,
  nb: nb.confirmGroupProposalReminder,
  en: en.confirmGroupProposalReminder,
};

export const groupProposalReceivedCopy: Record<Language, GroupProposalReceivedCopy> = {
  sv: sv.groupProposalReceived,
  nb: nb.groupProposalReceived,
  en: en.groupProposalReceived,
};

export const groupProposalAcceptedCopy: Record<Language, GroupProposalAcceptedCopy> = {
  sv: sv.groupProposalAccepted,
  nb: nb.groupProposalAccepted,
  en: en.groupProposalAccepted,
};

export const groupProposalDeclinedCopy: Record<Language, GroupProposalDeclinedCopy> = {
  sv: sv.groupProposalDeclined,
  nb: nb.groupProposalDeclined,
  en: en.groupProposalDeclined,
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

export function composeConfirmGroupProposal(m: ConfirmGroupProposalFields, language: Language): MailContent {
  return composeConfirmation(confirmGroupProposalCopy[language], { ...m, title: m.proposalTitle }, language);
}

export function composeConfirmGroupProposalReminder(
  m: ConfirmGroupProposalFields,
  language: Language,
): MailContent {
  return composeConfirmation(
    confirmGroupProposalReminderCopy[language],
    { ...m, title: m.proposalTitle },
    language,
  );
}

export function composeGroupProposalReceived(
  m: GroupProposalReceivedFields,
  language: Language,
): MailContent {
  const copy = groupProposalReceivedCopy[language];
  const role = m.role?.trim();
  return {
    language,
    subject: copy.subject(m.networkName, m.proposalTitle, m.proposerName),
    preheader: copy.preheader,
    blocks: [
      { type: 'paragraph', text: copy.greeting },
      { type: 'paragraph', text: copy.intro(m.networkName, m.proposerName) },
      { type: 'heading', text: copy.proposalHeading },
      { type: 'paragraph', text: copy.title(m.proposalTitle) },
      { type: 'paragraph', text: copy.questionIntro },
      { type: 'quote', text: m.question },
      ...quoted(copy.messageIntro, m.message),
      { type: 'heading', text: copy.proposerHeading },
      {
        type: 'list',
        items: [
          copy.name(m.proposerName),
          copy.email(m.proposerEmail),
          copy.organisation(m.organisation),
          ...(role ? [copy.role(role)] : []),
        ],
      },
      { type: 'heading', text: copy.nextHeading },
      { type: 'paragraph', text: copy.next },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

/** Like the welcome of a member who joined (join-approved), told as the news that the proposal is a group. */
export function composeGroupProposalAccepted(
  m: GroupProposalAcceptedFields,
  language: Language,
): MailContent {
  const copy = groupProposalAcceptedCopy[language];
  const group = joinApprovedCopy[language];
  const location = m.location?.trim() || undefined;
  const mode = m.mode === 'online' ? group.online : group.inPerson(location);
  const renamed =
    m.proposalTitle && m.proposalTitle.trim() !== m.groupTitle.trim()
      ? ` ${copy.renamed(m.proposalTitle)}`
      : '';
  return {
    language,
    subject: copy.subject(m.networkName, m.groupTitle),
    preheader: copy.preheader(m.groupTitle),
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: `${copy.intro(m.networkName, m.groupTitle)}${renamed}` },
      { type: 'paragraph', text: group.questionIntro },
      { type: 'quote', text: m.question },
      { type: 'paragraph', text: `${group.facilitator(m.facilitatorName)} ${mode}` },
      { type: 'paragraph', text: `${copy.others} ${m.mailOff ? group.datesMailOff : group.dates}` },
      { type: 'heading', text: group.commitmentsHeading },
      { type: 'list', items: group.commitments },
      signature(language, m.networkName),
      { type: 'link', text: group.leave, label: group.leaveLabel, url: m.leaveUrl },
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}

export function composeGroupProposalDeclined(
  m: GroupProposalDeclinedFields,
  language: Language,
): MailContent {
  const copy = groupProposalDeclinedCopy[language];
  return {
    language,
    subject: copy.subject(m.networkName, m.proposalTitle),
    preheader: copy.preheader,
    blocks: [
      greeting(language, m.recipientName),
      { type: 'paragraph', text: copy.intro(m.networkName, m.proposalTitle) },
      ...quoted(copy.messageIntro, m.message),
      { type: 'paragraph', text: copy.welcome },
      signature(language, m.networkName),
    ],
    footer: copy.footer(m.networkName),
    networkName: m.networkName,
  };
}
