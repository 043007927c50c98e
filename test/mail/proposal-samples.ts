import type { MailMessage } from '../support/mail-templates.ts';

/** One sample of each group proposal mail, shared by templates.test.ts (every kind) and group-proposals.test.ts. */
export type ProposalMailKind =
  | 'confirm-group-proposal'
  | 'confirm-group-proposal-reminder'
  | 'group-proposal-received'
  | 'group-proposal-accepted'
  | 'group-proposal-declined';

// Distinct links, so a test can tell which one landed where; `&` checks the escaping in href.
export const proposalUrls = {
  confirm: 'https://api.samla.example/v1/confirm/pR7_token?src=mail&lang=sv',
  leave: 'https://api.samla.example/v1/leave/lP2_token?src=mail&lang=sv',
} as const;

// 13:00 UTC is 14:00 in Stockholm and Oslo in November.
export const proposalExpiresAt = new Date('2026-11-29T13:00:00Z');

const networkName = 'Grundskolenätverket';
const title = 'Rektors mandat';
const question = 'Hur tydliggör vi rektors mandat gentemot huvudmannen?';

export const proposalSamples: { [K in ProposalMailKind]: MailMessage<K> } = {
  'confirm-group-proposal': {
    kind: 'confirm-group-proposal',
    recipientName: 'Åsa Ericson',
    networkName,
    proposalTitle: title,
    confirmUrl: proposalUrls.confirm,
    expiresAt: proposalExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'confirm-group-proposal-reminder': {
    kind: 'confirm-group-proposal-reminder',
    recipientName: 'Åsa Ericson',
    networkName,
    proposalTitle: title,
    confirmUrl: proposalUrls.confirm,
    expiresAt: proposalExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'group-proposal-received': {
    kind: 'group-proposal-received',
    networkName,
    proposalTitle: title,
    question,
    proposerName: 'Åsa Ericson',
    proposerEmail: 'asa.ericson@ekskolan.example',
    organisation: 'Ekskolan',
    role: 'Rektor',
    message: 'Vi är flera rektorer i kommunen som vill ses.\nGärna på eftermiddagar.',
  },
  'group-proposal-accepted': {
    kind: 'group-proposal-accepted',
    recipientName: 'Åsa Ericson',
    networkName,
    groupTitle: title,
    proposalTitle: title,
    question,
    facilitatorName: 'Maria Lindqvist',
    mode: 'in_person',
    location: 'Skolhuset, Storgatan 1, Göteborg',
    leaveUrl: proposalUrls.leave,
  },
  'group-proposal-declined': {
    kind: 'group-proposal-declined',
    recipientName: 'Åsa Ericson',
    networkName,
    proposalTitle: title,
    message: 'Det finns redan en grupp om rektors mandat.\nAnmäl dig gärna till den!',
  },
};
