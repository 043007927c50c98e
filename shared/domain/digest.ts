import type { Group, JoinRequest } from './group.ts';
import type { GroupProposal } from './group-proposal.ts';
import type { MeetingMode } from './meeting.ts';
import type { DigestSchedule } from './network.ts';
import type { Registration } from './registration.ts';
import type { TopicTally } from './topics.ts';

/**
 * The coordinators' digest: what changed in a network since the last one, sent on the network's own
 * schedule and only when there is something new to say.
 */

/** Monday morning, before the week's meetings: a coordinator can act on it the same day. */
export const defaultDigestSchedule: DigestSchedule = { frequency: 'weekly', weekday: 1, hour: 7 };

/** How many people must share a topic before the digest suggests a group for it. */
export const sharedTopicThreshold = 3;

/** How far ahead the digest looks for meetings. */
export const upcomingWindowDays = 14;

function localParts(at: Date, timeZone: string): { weekday: number; hour: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  return {
    weekday: weekdays.indexOf(get('weekday')) + 1,
    hour: Number(get('hour')),
    date: `${get('year')}-${get('month')}-${get('day')}`,
  };
}

/**
 * Whether the hourly tick at `now` is the network's digest time: the first tick at or past the hour, in
 * the network's time zone, on the right day. Comparing with the tick an hour earlier makes a skipped hour
 * (spring forward) still send, at the next hour, and a repeated one (fall back) send only once.
 */
export function isDigestDue(schedule: DigestSchedule, timeZone: string, now: Date): boolean {
  if (schedule.frequency === 'off') return false;
  const current = localParts(now, timeZone);
  const before = localParts(new Date(now.getTime() - 3600_000), timeZone);
  const reached =
    current.hour >= schedule.hour && (before.hour < schedule.hour || before.date !== current.date);
  if (!reached) return false;
  return schedule.frequency === 'daily' || current.weekday === schedule.weekday;
}

/** The slot a scheduled digest belongs to ("2026-11-23"): its dedupe key, so a retried tick sends once. */
export function digestSlot(timeZone: string, now: Date): string {
  return localParts(now, timeZone).date;
}

/*
 * What the digest says. Every item carries the ids the admin API acts on (a group, a join request, a
 * meeting, a proposal, a registration), so the coordinators' console can show the same things live
 * (shared/domain/overview.ts) and act on them; the email shows none of them.
 */

export interface DigestPerson {
  registrationId: string;
  name: string;
  organisation: string;
}

export interface DigestTopic {
  label: string;
  people: DigestPerson[];
  /** An open group already covers it. */
  covered: boolean;
  /** The open groups that cover it (none: a group waiting to be proposed). */
  coveredBy: { groupId: string; groupTitle: string }[];
}

export interface DigestJoinRequest {
  groupId: string;
  requestId: string;
  name: string;
  organisation: string;
  groupTitle: string;
  approveUrl: string;
  declineUrl: string;
  createdAt: string;
}

export interface DigestGroupQueue {
  groupId: string;
  groupTitle: string;
  seatsTaken: number;
  capacity: number;
  waitlisted: number;
  /** Open offers: who, since when and until when. */
  offers: { requestId: string; name: string; offeredAt: string; until: string }[];
}

export interface DigestMeeting {
  groupId: string;
  meetingId: string;
  groupTitle: string;
  /** When it was scheduled: a meeting scheduled since the last digest is news even inside the window. */
  createdAt: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  mode: MeetingMode;
  seq: number;
  /** Answers of the members seated now; `unanswered` is the rest of them. */
  rsvp: { yes: number; no: number; unanswered: number };
  /** No link (online) or address (in person) yet: the members were told it comes before the meeting. */
  placeMissing?: boolean;
  /** The introducer, while they are a member of the group. */
  introducerId?: string;
  introducerName?: string;
}

export interface DigestEvaluation {
  groupId: string;
  meetingId: string;
  groupTitle: string;
  seq: number;
  startsAt: string;
  timeZone: string;
  closedAt: string;
  answered: number;
  asked: number;
  mean?: number;
  /** Against the group's previous evaluated meeting, to one decimal. */
  change?: number;
}

export interface DigestProposal {
  proposalId: string;
  title: string;
  proposerName: string;
  createdAt: string;
}

export interface Digest {
  networkName: string;
  timeZone: string;
  since?: string;
  /**
   * Where this digest's span ends (`digestSpanEnd`): what happened after it is news for the next one, so
   * nothing that becomes visible a moment late falls between two digests.
   */
  until?: string;
  newRegistrations: (DigestPerson & { confirmedAt: string })[];
  /** Topics at least `sharedTopicThreshold` people named, most first. */
  sharedTopics: DigestTopic[];
  proposals: DigestProposal[];
  pendingJoinRequests: DigestJoinRequest[];
  queues: DigestGroupQueue[];
  upcomingMeetings: DigestMeeting[];
  closedEvaluations: DigestEvaluation[];
}

/** Everything waiting in a network now, as one collection reads it; the digest and the overview take their parts. */
export interface NetworkState {
  /** Every confirmed registration, in the order they were confirmed. */
  registrations: Registration[];
  /** Topics at least `sharedTopicThreshold` people named, most first. */
  sharedTopics: DigestTopic[];
  /** Confirmed proposals waiting for a decision, oldest first. */
  proposals: GroupProposal[];
  /** Join requests waiting for a coordinator's decision, oldest first, with their group's title. */
  pending: { request: JoinRequest; groupTitle: string }[];
  /** Every open group, newest first. */
  groups: NetworkStateGroup[];
}

export interface NetworkStateGroup {
  group: Group;
  /** In order, first in line first. */
  waitlist: JoinRequest[];
  /** Seats offered from the waitlist and not yet taken. */
  offers: JoinRequest[];
  /** Not cancelled, starting within `upcomingWindowDays`, soonest first. */
  upcoming: DigestMeeting[];
  /** The closed evaluations the collection was asked for. */
  evaluations: DigestEvaluation[];
}

/**
 * Keeps the topics enough people share, with the names behind them (by registration id) and the groups
 * that cover them (by group id; a group `groupTitles` does not know is left out).
 */
export function sharedTopics(
  tally: readonly TopicTally[],
  people: ReadonlyMap<string, Omit<DigestPerson, 'registrationId'>>,
  threshold = sharedTopicThreshold,
  groupTitles: ReadonlyMap<string, string> = new Map(),
): DigestTopic[] {
  return tally
    .filter((topic) => topic.people.length >= threshold)
    .map((topic) => ({
      label: topic.label,
      covered: topic.covered,
      coveredBy: topic.coveredBy.flatMap((groupId) => {
        const groupTitle = groupTitles.get(groupId);
        return groupTitle === undefined ? [] : [{ groupId, groupTitle }];
      }),
      people: topic.people.flatMap((id) => {
        const person = people.get(id);
        return person ? [{ registrationId: id, ...person }] : [];
      }),
    }));
}

/**
 * How long after its time stamp a change may still be on its way to the digest's reads: a handler stamps
 * `confirmedAt` when it starts and writes within its timeout (15 s), and an index follows its table within
 * seconds. A digest covers what happened up to this long ago and leaves the rest to the next one, which
 * starts where this one ended, so a registration confirmed while a digest was being read is in the next
 * one instead of in neither.
 */
export const digestSettleMs = 2 * 60_000;

/** The end of the span a digest made `now` covers. */
export function digestSpanEnd(now: Date, settleMs = digestSettleMs): Date {
  return new Date(now.getTime() - settleMs);
}

/** Whether something that happened `at` is this digest's news: after the last one's span, within its own. */
export function inDigestSpan(at: string, since: string | undefined, until: string | undefined): boolean {
  const t = Date.parse(at);
  return (since === undefined || t > Date.parse(since)) && (until === undefined || t <= Date.parse(until));
}

/**
 * Whether the digest has news since the last one: something new arrived, someone waits for a decision
 * that arrived since, a meeting entered the two-week window, or an evaluation closed. A digest that would
 * only repeat the last one is not sent.
 */
export function hasNews(digest: Digest, now: Date): boolean {
  const since = digest.since ? Date.parse(digest.since) : Number.NEGATIVE_INFINITY;
  const after = (iso: string) => inDigestSpan(iso, digest.since, digest.until);
  const windowMs = upcomingWindowDays * 24 * 3600_000;
  return (
    digest.newRegistrations.length > 0 ||
    digest.proposals.some((p) => after(p.createdAt)) ||
    digest.pendingJoinRequests.some((r) => after(r.createdAt)) ||
    digest.upcomingMeetings.some((m) => Date.parse(m.startsAt) - windowMs > since || after(m.createdAt)) ||
    digest.closedEvaluations.length > 0 ||
    digest.queues.some((q) => q.offers.some((o) => after(o.offeredAt) && Date.parse(o.until) > now.getTime()))
  );
}

/** Whether there is anything to show at all (an on-demand digest of an empty network sends nothing). */
export function isEmpty(digest: Digest): boolean {
  return (
    digest.newRegistrations.length === 0 &&
    digest.sharedTopics.length === 0 &&
    digest.proposals.length === 0 &&
    digest.pendingJoinRequests.length === 0 &&
    digest.queues.every((q) => q.waitlisted === 0 && q.offers.length === 0) &&
    digest.upcomingMeetings.length === 0 &&
    digest.closedEvaluations.length === 0
  );
}

/** Moved to the network, where every mail to a coordinator finds it; kept here for existing imports. */
export { coordinatorLanguage } from './network.ts';
