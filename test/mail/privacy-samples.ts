import type { Digest } from '../../shared/domain/digest.ts';
import type { MailMessage } from '../support/mail-templates.ts';

/** One sample of each privacy, retention and digest mail, for templates.test.ts and the rendered docs. */
export type PrivacyMailKind = 'privacy-confirm' | 'privacy-export' | 'stay-question' | 'coordinator-digest';

const at = (iso: string) => new Date(iso);

/** A digest of a network with something in every section, as the digest test and docs/ render it. */
export const sampleDigest: Digest = {
  networkName: 'Grundskolenätverket',
  timeZone: 'Europe/Stockholm',
  since: '2026-11-16T06:00:00Z',
  newRegistrations: [
    {
      registrationId: 'r-asa',
      name: 'Åsa Ericson',
      organisation: 'Ekskolan',
      confirmedAt: '2026-11-18T09:12:00Z',
    },
    {
      registrationId: 'r-dennis',
      name: 'Dennis Berg',
      organisation: 'Ale kommun',
      confirmedAt: '2026-11-19T14:40:00Z',
    },
  ],
  sharedTopics: [
    {
      label: 'skolans ekonomi',
      covered: false,
      coveredBy: [],
      people: [
        { registrationId: 'r-asa', name: 'Åsa Ericson', organisation: 'Ekskolan' },
        { registrationId: 'r-dennis', name: 'Dennis Berg', organisation: 'Ale kommun' },
        { registrationId: 'r-maria', name: 'Maria Lind', organisation: 'Björkskolan' },
      ],
    },
    {
      label: 'Rektors mandat',
      covered: true,
      coveredBy: [{ groupId: 'g-mandat', groupTitle: 'Rektors mandat' }],
      people: [
        { registrationId: 'r-lars', name: 'Lars Holm', organisation: 'Ale kommun' },
        { registrationId: 'r-sara', name: 'Sara Ek', organisation: 'Tingsskolan' },
        { registrationId: 'r-olle', name: 'Olle Ström', organisation: 'Kungsbacka kommun' },
      ],
    },
  ],
  proposals: [
    {
      proposalId: 'p-elevhalsa',
      title: 'Elevhälsa i praktiken',
      proposerName: 'Maria Lind',
      createdAt: '2026-11-20T10:00:00Z',
    },
  ],
  pendingJoinRequests: [
    {
      groupId: 'g-mandat',
      requestId: 'j-kim',
      name: 'Kim Nyberg',
      organisation: 'Friskolan Ugglan',
      groupTitle: 'Rektors mandat',
      createdAt: '2026-11-21T08:00:00Z',
      approveUrl: 'https://api.samla.example/v1/decisions/aP1_token',
      declineUrl: 'https://api.samla.example/v1/decisions/dP1_token',
    },
  ],
  queues: [
    {
      groupId: 'g-mandat',
      groupTitle: 'Rektors mandat',
      seatsTaken: 12,
      capacity: 12,
      waitlisted: 3,
      offers: [
        {
          requestId: 'j-sara',
          name: 'Sara Ek',
          offeredAt: '2026-11-22T07:00:00Z',
          until: '2026-11-24T07:00:00Z',
        },
      ],
    },
  ],
  upcomingMeetings: [
    {
      groupId: 'g-mandat',
      meetingId: 'm-mandat-2',
      groupTitle: 'Rektors mandat',
      createdAt: '2026-10-20T08:00:00Z',
      startsAt: '2026-12-01T13:00:00Z',
      durationMinutes: 90,
      timeZone: 'Europe/Stockholm',
      mode: 'online',
      seq: 2,
      rsvp: { yes: 7, no: 1, unanswered: 4 },
      introducerId: 'j-lars',
      introducerName: 'Lars Holm',
    },
  ],
  closedEvaluations: [
    {
      groupId: 'g-mandat',
      meetingId: 'm-mandat-1',
      groupTitle: 'Rektors mandat',
      seq: 1,
      startsAt: '2026-11-10T13:00:00Z',
      timeZone: 'Europe/Stockholm',
      closedAt: '2026-11-18T08:00:00Z',
      answered: 7,
      asked: 9,
      mean: 7.4,
      change: 0.8,
    },
  ],
};

export const privacySamples: { [K in PrivacyMailKind]: MailMessage<K> } = {
  'privacy-confirm': {
    kind: 'privacy-confirm',
    request: 'erase',
    recipientName: 'Åsa Ericson',
    senderName: 'Grundskolenätverket',
    confirmUrl: 'https://api.samla.example/v1/privacy/pV1_token',
    expiresAt: at('2026-11-24T13:00:00Z'),
    timeZone: 'Europe/Stockholm',
  },
  'privacy-export': {
    kind: 'privacy-export',
    recipientName: 'Åsa Ericson',
    senderName: 'Grundskolenätverket',
    summary: [
      { heading: 'Intresseanmälningar', lines: ['Grundskolenätverket: Åsa Ericson, Ekskolan, Rektor'] },
    ],
    fileName: 'samla-2026-11-23.json',
  },
  'stay-question': {
    kind: 'stay-question',
    recipientName: 'Åsa Ericson',
    senderName: 'Grundskolenätverket',
    networkNames: ['Grundskolenätverket'],
    stayUrl: 'https://api.samla.example/v1/privacy/sT1_token',
    answerBy: at('2026-12-23T13:00:00Z'),
    timeZone: 'Europe/Stockholm',
  },
  'coordinator-digest': { kind: 'coordinator-digest', digest: sampleDigest },
};
