import type { ReflectionField } from '../../domain/evaluation.ts';
import type { JoinStatus } from '../../domain/group.ts';
import type { GroupProposalStatus } from '../../domain/group-proposal.ts';
import type { OptOutScope } from '../../domain/person.ts';
import type { RegistrationStatus } from '../../domain/registration.ts';
import type { Attendance, Rsvp } from '../../store/meetings.ts';

/**
 * The shape of each kind of mail's copy. copy/sv.ts, nb.ts and en.ts export one object per kind, and
 * each `satisfies` its type here, so a key missing from or added to one language fails typecheck in
 * that language's file. One export per kind, not one object per language, so that a bundle which sends
 * only some kinds of mail can leave the other kinds' copy out.
 */

// registration.ts

export interface ConfirmRegistrationCopy {
  subject(networkName: string): string;
  preheader(expires: string): string;
  intro(networkName: string): string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

export interface RegistrationReceiptCopy {
  subject(networkName: string): string;
  preheader: string;
  intro(networkName: string): string;
  topicsIntro: string;
  nextHeading: string;
  coordinators: string;
  groups(namedTopics: boolean): string;
  engagement: string;
  footer(networkName: string): string;
}

// groups.ts

export interface ConfirmJoinRequestCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(expires: string): string;
  intro(networkName: string, groupTitle: string): string;
  next: string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

export interface JoinApprovedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(groupTitle: string): string;
  intro(networkName: string, groupTitle: string): string;
  questionIntro: string;
  facilitator(facilitatorName: string): string;
  online: string;
  inPerson(location?: string): string;
  commitmentsHeading: string;
  commitments: readonly string[];
  dates: string;
  /** Instead of `dates`, to someone who stopped all mail from the network. */
  datesMailOff: string;
  leave: string;
  leaveLabel: string;
  footer(networkName: string): string;
}

export interface JoinWaitlistedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(position: string): string;
  intro(networkName: string, groupTitle: string): string;
  position(position: string): string;
  offer: string;
  leave: string;
  leaveLabel: string;
  footer(networkName: string): string;
}

/** To the waitlist of a group its coordinators closed to newcomers: nobody moves up until it opens. */
export interface WaitlistClosedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  stay: string;
  leave: string;
  leaveLabel: string;
  footer(networkName: string): string;
}

export interface JoinPendingApprovalCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  why(networkName: string): string;
  next: string;
  footer(networkName: string): string;
}

export interface JoinDeclinedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  messageIntro: string;
  welcome: string;
  footer(networkName: string): string;
}

export interface JoinApprovalRequestCopy {
  subject(networkName: string, groupTitle: string, requesterName: string): string;
  preheader: string;
  greeting: string;
  intro(networkName: string, groupTitle: string, requesterName: string): string;
  why: string;
  detailsHeading: string;
  name(value: string): string;
  email(value: string): string;
  organisation(value: string): string;
  role(value: string): string;
  messageIntro: string;
  decisionHeading: string;
  approve: string;
  approveButton: string;
  decline: string;
  declineButton: string;
  expiry(expires: string): string;
  footer(networkName: string): string;
}

export interface SeatOfferedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(expires: string): string;
  intro(networkName: string, groupTitle: string): string;
  hold(expires: string): string;
  button: string;
  decline: string;
  declineLabel: string;
  footer(networkName: string): string;
}

export interface OfferExpiredCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  again: string;
  footer(networkName: string): string;
}

export interface LeftGroupCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader: string;
  intro(networkName: string, groupTitle: string): string;
  /** What the reader keeps in mind: confidentiality for a member, nothing more for the waitlist. */
  after: string;
  again: string;
  notYou: string;
  footer(networkName: string): string;
}

// group-proposals.ts

export interface ConfirmGroupProposalCopy {
  subject(networkName: string, title: string): string;
  preheader(expires: string): string;
  intro(networkName: string, title: string): string;
  next: string;
  button: string;
  expiry(expires: string): string;
  notYou: string;
  footer(networkName: string): string;
}

export interface GroupProposalReceivedCopy {
  subject(networkName: string, title: string, proposerName: string): string;
  preheader: string;
  greeting: string;
  intro(networkName: string, proposerName: string): string;
  proposalHeading: string;
  title(value: string): string;
  questionIntro: string;
  messageIntro: string;
  proposerHeading: string;
  name(value: string): string;
  email(value: string): string;
  organisation(value: string): string;
  role(value: string): string;
  nextHeading: string;
  next: string;
  footer(networkName: string): string;
}

export interface GroupProposalAcceptedCopy {
  subject(networkName: string, groupTitle: string): string;
  preheader(groupTitle: string): string;
  intro(networkName: string, groupTitle: string): string;
  renamed(proposalTitle: string): string;
  others: string;
  footer(networkName: string): string;
}

export interface GroupProposalDeclinedCopy {
  subject(networkName: string, title: string): string;
  preheader: string;
  intro(networkName: string, title: string): string;
  messageIntro: string;
  welcome: string;
  footer(networkName: string): string;
}

// meetings.ts

/** Phrases every meeting mail shares. */
export interface MeetingCopy {
  /** "2 av 4": this meeting's place in the series. */
  position(seq: string, count: string): string;
  whenAndWhereHeading: string;
  when(value: string): string;
  online: string;
  onlineLater: string;
  inPerson(address?: string): string;
  introducer(name: string): string;
  joinText: string;
  joinLabel: string;
  questionIntro: string;
  beforeHeading: string;
  /** Closing the loop: what the last meeting's evaluation left for this one. */
  parkedHeading: string;
  suggestionsHeading: string;
  before: readonly string[];
  rsvpHeading: string;
  rsvpIntro: string;
  yes: string;
  noText: string;
  noLabel: string;
  noSeriesText: string;
  noSeriesLabel: string;
  calendar: string;
  unsubscribeText: string;
  unsubscribeLabel: string;
  footer(networkName: string): string;
}

export interface MeetingInvitationCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string): string;
}

export interface MeetingReminderCopy {
  subject(networkName: string, groupTitle: string, relative: string, day: string): string;
  preheader(when: string): string;
  /** "i dag", "i morgon", "om 7 dagar". */
  relative(days: number): string;
  intro(networkName: string, groupTitle: string, position: string, relative: string): string;
  rsvpIntro: string;
}

export interface IntroducerReminderCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  length: string;
  tipsHeading: string;
  tips: readonly string[];
  closing: string;
  rsvpIntro: string;
}

export interface MeetingUpdatedCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string): string;
  moved(from: string, to: string): string;
  newTime(to: string): string;
  newPlace(address: string): string;
  newLink: string;
  /** The link sent before was taken back, with none in its place yet. */
  linkWithdrawn: string;
  /** The address sent before was taken back, with none in its place yet. */
  placeWithdrawn: string;
  nowOnline: string;
  nowInPerson(address?: string): string;
  unspecified: string;
  rsvpIntro: string;
  /**
   * Instead of rsvpIntro when the time changed and the member had answered: their answer still holds
   * (a "no" keeps the reminders away), and the link that changes it.
   */
  answerStands: { yes: string; no: string };
  calendar: string;
}

export interface MeetingCancelledCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(when: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  next: string;
  calendar: string;
}

// evaluations.ts

/** Phrases the evaluation mails (and the feedback page) share. */
export interface EvaluationCopy {
  /** How to rate, after the minutes: the reader decides what and how. */
  scale: string;
  /** "What has to happen for the next meeting to score at least one point higher?" */
  nextTimeQuestion: string;
  /** One line on that question under the numbers. */
  nextTime: string;
  formText: string;
  formLabel: string;
  anonymity: string;
  closes(when: string): string;
  /** The questions of the written feedback (seed 004). */
  reflections: Record<ReflectionField, string>;
  reflectionsHeading: string;
  parkedHeading: string;
}

export interface EvaluationRequestCopy {
  subject(networkName: string, groupTitle: string, day: string): string;
  preheader(closes: string): string;
  intro(networkName: string, groupTitle: string, position: string, when: string): string;
  heading: string;
}

export interface EvaluationReminderCopy extends EvaluationRequestCopy {
  once: string;
}

export interface EvaluationSummaryCopy {
  subject(networkName: string, groupTitle: string, day: string, answered: string): string;
  preheader(answered: string, mean: string): string;
  hello: string;
  intro(networkName: string, groupTitle: string, position: string, when: string, closed: string): string;
  responsesHeading: string;
  /** "7 av 9 svarade". */
  answered(responses: string, asked: string): string;
  rate(percent: string): string;
  nobody: string;
  ratingsHeading: string;
  mean(value: string): string;
  /** "+0,8 sedan förra träffen". */
  change(signed: string): string;
  same: string;
  noMean: string;
  noSuggestions: string;
  parkedIntro: string;
  identity: string;
  footer(networkName: string, groupTitle: string): string;
}

// digest.ts

export interface DigestCopy {
  subject(network: string, parts: string[]): string;
  subjectQuiet(network: string): string;
  preheader(since: string | undefined): string;
  intro(network: string): string;
  newRegistrations(n: number): string;
  registrationLine(name: string, organisation: string): string;
  topicsHeading: string;
  topicUncovered(n: number, topic: string): string;
  topicCovered(n: number, topic: string): string;
  proposalsHeading(n: number): string;
  proposalLine(title: string, name: string): string;
  pendingHeading(n: number): string;
  pendingLine(name: string, organisation: string, group: string): string;
  approve: string;
  decline: string;
  linksNote: string;
  queuesHeading: string;
  queueLine(group: string, taken: number, capacity: number, waitlisted: number): string;
  offerLine(name: string, until: string): string;
  meetingsHeading: string;
  meetingLine(group: string, seq: number, when: string): string;
  rsvpLine(yes: number, no: number, unanswered: number): string;
  introducer(name: string | undefined): string;
  /** A meeting with no link or address yet, which its members were promised before it. */
  placeMissing(mode: 'online' | 'in_person'): string;
  evaluationsHeading: string;
  evaluationLine(group: string, day: string, answered: number, asked: number): string;
  mean(mean: string, change: string | undefined): string;
  noAnswers: string;
  subjectParts: { registrations(n: number): string; decisions(n: number): string; topics(n: number): string };
  footer(network: string): string;
}

// privacy.ts

/** The link that carries out a privacy request, for either request. */
export interface PrivacyConfirmCopy
  extends Record<
    'export' | 'erase',
    { subject(sender: string): string; preheader: string; intro: string; button: string; notYou: string }
  > {
  expiry(expires: string): string;
  footer: string;
}

export interface PrivacyExportCopy {
  subject(sender: string): string;
  preheader: string;
  intro(fileName: string): string;
  footer: string;
}

export interface StayQuestionCopy {
  subject(networks: string): string;
  preheader(date: string): string;
  intro(networks: string): string;
  button: string;
  otherwise(date: string): string;
  footer: string;
}

// privacy-summary.ts

type ConsentPhrases = Readonly<Record<string, string>>;

export interface PrivacySummaryCopy {
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

// common.ts

/** Phrases every kind of mail shares. */
export interface CommonCopy {
  greeting(name: string): string;
  closing: string;
  /** Beneath a button, before the URL in plain text. */
  buttonFallback: string;
}
