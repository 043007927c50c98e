import type { MailMessage } from '../support/mail-templates.ts';

/** One sample of each group mail, shared by templates.test.ts (every kind) and groups.test.ts. */
export type GroupMailKind =
  | 'confirm-join-request'
  | 'confirm-join-request-reminder'
  | 'join-approved'
  | 'join-waitlisted'
  | 'join-pending-approval'
  | 'join-declined'
  | 'join-approval-request'
  | 'seat-offered'
  | 'offer-expired'
  | 'left-group'
  | 'waitlist-closed';

// Distinct links, so a test can tell which one landed where; `&` checks the escaping in href.
export const groupUrls = {
  confirm: 'https://api.samla.example/v1/confirm/cJ7_token?src=mail&lang=sv',
  leave: 'https://api.samla.example/v1/leave/lV2_token?src=mail&lang=sv',
  approve: 'https://api.samla.example/v1/decisions/aP4_token?src=mail&lang=sv',
  decline: 'https://api.samla.example/v1/decisions/dC9_token?src=mail&lang=sv',
  accept: 'https://api.samla.example/v1/offers/aC1_token?src=mail&lang=sv',
  letPass: 'https://api.samla.example/v1/leave/pS3_token?src=mail&lang=sv',
} as const;

// 13:00 UTC is 14:00 in Stockholm and Oslo in November.
export const groupExpiresAt = new Date('2026-11-29T13:00:00Z');

const base = {
  recipientName: 'Åsa Ericson',
  networkName: 'Grundskolenätverket',
  groupTitle: 'Rektors mandat',
} as const;

export const groupSamples: { [K in GroupMailKind]: MailMessage<K> } = {
  'confirm-join-request': {
    kind: 'confirm-join-request',
    ...base,
    confirmUrl: groupUrls.confirm,
    expiresAt: groupExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'confirm-join-request-reminder': {
    kind: 'confirm-join-request-reminder',
    ...base,
    confirmUrl: groupUrls.confirm,
    expiresAt: groupExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'join-approved': {
    kind: 'join-approved',
    ...base,
    question: 'Hur tydliggör vi rektors mandat gentemot huvudmannen?',
    facilitatorName: 'Maria Lindqvist',
    mode: 'in_person',
    location: 'Skolhuset, Storgatan 1, Göteborg',
    leaveUrl: groupUrls.leave,
  },
  'join-waitlisted': {
    kind: 'join-waitlisted',
    ...base,
    position: 3,
    leaveUrl: groupUrls.leave,
  },
  'join-pending-approval': { kind: 'join-pending-approval', ...base },
  'join-declined': {
    kind: 'join-declined',
    ...base,
    message: 'Gruppen är till för rektorer i medlemskommunerna.\nHör gärna av dig inför nästa termin!',
  },
  'join-approval-request': {
    kind: 'join-approval-request',
    networkName: base.networkName,
    groupTitle: base.groupTitle,
    requesterName: 'Åsa Ericson',
    requesterEmail: 'asa.ericson@friskola.example',
    organisation: 'Friskolan Lärkan',
    role: 'Rektor',
    message: 'Vi har frågan på bordet i ett pågående projekt.',
    approveUrl: groupUrls.approve,
    declineUrl: groupUrls.decline,
    expiresAt: groupExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'seat-offered': {
    kind: 'seat-offered',
    ...base,
    acceptUrl: groupUrls.accept,
    declineUrl: groupUrls.letPass,
    expiresAt: groupExpiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'offer-expired': { kind: 'offer-expired', ...base },
  'left-group': { kind: 'left-group', ...base, left: 'group' },
  'waitlist-closed': { kind: 'waitlist-closed', ...base, leaveUrl: groupUrls.leave },
};
