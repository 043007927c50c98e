import type { MailMessage, MeetingFacts } from '../support/mail-templates.ts';

/** One sample of each meeting mail, shared by templates.test.ts (every kind) and meetings.test.ts. */
export type MeetingMailKind =
  | 'meeting-invitation'
  | 'meeting-reminder'
  | 'introducer-reminder'
  | 'meeting-updated'
  | 'meeting-cancelled';

// Distinct links, so a test can tell which one landed where; `&` checks the escaping in href.
export const meetingUrls = {
  yes: 'https://api.samla.example/v1/rsvp/yS1_token?src=mail&lang=sv',
  no: 'https://api.samla.example/v1/rsvp/nO2_token?src=mail&lang=sv',
  noSeries: 'https://api.samla.example/v1/rsvp/nS3_token?src=mail&lang=sv',
  unsubscribe: 'https://api.samla.example/v1/reminders/uN4_token?src=mail&lang=sv',
  online: 'https://meet.samla.example/j/81234567?pwd=Xy7&from=mail',
} as const;

/** Winter time: 16:00 UTC is 17.00 in Stockholm and Oslo (CET) on Tuesday 10 March 2026. */
export const winterStart = new Date('2026-03-10T16:00:00Z');
/** Summer time: 15:00 UTC is 17.00 in Stockholm and Oslo (CEST) on Tuesday 9 June 2026. */
export const summerStart = new Date('2026-06-09T15:00:00Z');
/** The time before a move: 16:00 UTC is 17.00 in Stockholm on Monday 2 March 2026. */
export const previousStart = new Date('2026-03-02T16:00:00Z');

export const meeting: MeetingFacts = {
  networkName: 'Grundskolenätverket',
  groupTitle: 'Rektors mandat',
  question: 'Hur tydliggör vi rektors mandat gentemot huvudmannen?',
  startsAt: winterStart,
  durationMinutes: 90,
  timeZone: 'Europe/Stockholm',
  mode: 'online',
  onlineUrl: meetingUrls.online,
  seq: 2,
  count: 4,
  introducerName: 'Maria Lindqvist',
};

/** The same meeting held in person. */
export const inPersonMeeting: MeetingFacts = {
  ...meeting,
  mode: 'in_person',
  onlineUrl: undefined,
  address: 'Skolhuset, Storgatan 1, Göteborg',
};

const rsvp = { yesUrl: meetingUrls.yes, noUrl: meetingUrls.no, unsubscribeUrl: meetingUrls.unsubscribe };

export const meetingSamples: { [K in MeetingMailKind]: MailMessage<K> } = {
  'meeting-invitation': {
    kind: 'meeting-invitation',
    recipientName: 'Åsa Ericson',
    meeting,
    ...rsvp,
    noSeriesUrl: meetingUrls.noSeries,
  },
  'meeting-reminder': {
    kind: 'meeting-reminder',
    recipientName: 'Åsa Ericson',
    meeting,
    ...rsvp,
    noSeriesUrl: meetingUrls.noSeries,
    daysBefore: 7,
  },
  'introducer-reminder': {
    kind: 'introducer-reminder',
    recipientName: 'Åsa Ericson',
    meeting: { ...meeting, introducerName: 'Åsa Ericson' },
    ...rsvp,
  },
  'meeting-updated': {
    kind: 'meeting-updated',
    recipientName: 'Åsa Ericson',
    meeting,
    previousStartsAt: previousStart,
    changes: ['time'],
    ...rsvp,
  },
  'meeting-cancelled': {
    kind: 'meeting-cancelled',
    recipientName: 'Åsa Ericson',
    meeting,
  },
};
