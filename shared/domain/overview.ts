import type { Language } from '../i18n.ts';
import type { NetworkState } from './digest.ts';
import type { MeetingMode } from './meeting.ts';

/**
 * The coordinators' console's overview of a network: what the digest says, live and with the ids the
 * admin API acts on (approve or decline a join request, accept a proposal, open a group or a meeting).
 * Both are made from one collection of the network (shared/services/network-state.ts): the digest takes
 * what is new since the last one, the overview what is waiting now and the recent past, each list
 * bounded.
 */

/** How far back and how many: every list in an overview is bounded, whatever the network's size. */
export const overviewLimits = {
  decisions: 100,
  registrationDays: 14,
  registrations: 20,
  topics: 30,
  peoplePerTopic: 50,
  proposals: 100,
  groups: 100,
  waitlist: 20,
  offers: 20,
  meetings: 100,
  evaluationDays: 30,
  evaluations: 100,
} as const;

export interface OverviewDecision {
  groupId: string;
  groupTitle: string;
  requestId: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  message?: string;
  language: Language;
  createdAt: string;
  confirmedAt?: string;
}

export interface OverviewRegistration {
  registrationId: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  topics: string[];
  language: Language;
  confirmedAt: string;
}

export interface OverviewTopic {
  label: string;
  /** Everyone who named it; `people` lists at most `overviewLimits.peoplePerTopic` of them. */
  count: number;
  people: { registrationId: string; name: string; organisation: string }[];
  coveredBy: { groupId: string; groupTitle: string }[];
}

export interface OverviewProposal {
  proposalId: string;
  title: string;
  question: string;
  name: string;
  email: string;
  organisation: string;
  role?: string;
  message?: string;
  createdAt: string;
  confirmedAt?: string;
}

export interface OverviewGroup {
  groupId: string;
  title: string;
  capacity: number;
  seatsTaken: number;
  /** Everyone on the waitlist; `waitlist` shows the first `overviewLimits.waitlist`. */
  waitlisted: number;
  waitlist: {
    requestId: string;
    name: string;
    email: string;
    organisation: string;
    waitlistPosition: number;
  }[];
  offers: {
    requestId: string;
    name: string;
    email: string;
    organisation: string;
    offeredAt?: string;
    offerExpiresAt: string;
  }[];
}

export interface OverviewMeeting {
  groupId: string;
  groupTitle: string;
  meetingId: string;
  seq: number;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  mode: MeetingMode;
  rsvp: { yes: number; no: number; unanswered: number };
  introducerId?: string;
  introducerName?: string;
}

export interface OverviewEvaluation {
  groupId: string;
  groupTitle: string;
  meetingId: string;
  seq: number;
  startsAt: string;
  timeZone: string;
  evaluationClosedAt: string;
  responses: number;
  asked: number;
  mean?: number;
  change?: number;
}

export interface Overview {
  networkId: string;
  networkName: string;
  timeZone: string;
  generatedAt: string;
  decisions: OverviewDecision[];
  decisionsTotal: number;
  registrations: OverviewRegistration[];
  registrationsTotal: number;
  topics: OverviewTopic[];
  topicsTotal: number;
  proposals: OverviewProposal[];
  proposalsTotal: number;
  groups: OverviewGroup[];
  meetings: OverviewMeeting[];
  evaluations: OverviewEvaluation[];
}

const dayMs = 24 * 3600_000;

/** Whether `at` lies within the `days` before `now` (now included). */
export function withinDaysBefore(at: string | undefined, now: Date, days: number): boolean {
  if (at === undefined) return false;
  const t = Date.parse(at);
  return t <= now.getTime() && t > now.getTime() - days * dayMs;
}

/** The overview of a network from what one collection read: pure, so every bound has a unit test. */
export function overviewFrom(
  network: { id: string; name: string; timeZone: string },
  state: NetworkState,
  now: Date,
  limits: typeof overviewLimits = overviewLimits,
): Overview {
  const recent = state.registrations
    .filter((r) => withinDaysBefore(r.confirmedAt, now, limits.registrationDays))
    .sort((a, b) => (b.confirmedAt ?? '').localeCompare(a.confirmedAt ?? ''));
  const queued = state.groups.filter((g) => g.waitlist.length > 0 || g.offers.length > 0);
  return {
    networkId: network.id,
    networkName: network.name,
    timeZone: network.timeZone,
    generatedAt: now.toISOString(),
    decisions: state.pending.slice(0, limits.decisions).map(({ request: r, groupTitle }) => ({
      groupId: r.groupId,
      groupTitle,
      requestId: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      role: r.role,
      ...(r.message ? { message: r.message } : {}),
      language: r.language,
      createdAt: r.createdAt,
      ...(r.confirmedAt ? { confirmedAt: r.confirmedAt } : {}),
    })),
    decisionsTotal: state.pending.length,
    registrations: recent.slice(0, limits.registrations).map((r) => ({
      registrationId: r.id,
      name: r.name,
      email: r.email,
      organisation: r.organisation,
      role: r.role,
      topics: r.topics,
      language: r.language,
      confirmedAt: r.confirmedAt ?? '',
    })),
    registrationsTotal: state.registrations.length,
    topics: state.sharedTopics.slice(0, limits.topics).map((t) => ({
      label: t.label,
      count: t.people.length,
      people: t.people.slice(0, limits.peoplePerTopic),
      coveredBy: t.coveredBy,
    })),
    topicsTotal: state.sharedTopics.length,
    proposals: state.proposals.slice(0, limits.proposals).map((p) => ({
      proposalId: p.id,
      title: p.title,
      question: p.question,
      name: p.name,
      email: p.email,
      organisation: p.organisation,
      ...(p.role ? { role: p.role } : {}),
      ...(p.message ? { message: p.message } : {}),
      createdAt: p.createdAt,
      ...(p.confirmedAt ? { confirmedAt: p.confirmedAt } : {}),
    })),
    proposalsTotal: state.proposals.length,
    groups: queued.slice(0, limits.groups).map(({ group, waitlist, offers }) => ({
      groupId: group.id,
      title: group.title,
      capacity: group.capacity,
      seatsTaken: group.seatsTaken,
      waitlisted: waitlist.length,
      waitlist: waitlist.slice(0, limits.waitlist).map((r, index) => ({
        requestId: r.id,
        name: r.name,
        email: r.email,
        organisation: r.organisation,
        waitlistPosition: index + 1,
      })),
      offers: offers.slice(0, limits.offers).map((r) => ({
        requestId: r.id,
        name: r.name,
        email: r.email,
        organisation: r.organisation,
        ...(r.offeredAt ? { offeredAt: r.offeredAt } : {}),
        offerExpiresAt: r.offerExpiresAt ?? '',
      })),
    })),
    meetings: state.groups
      .flatMap((g) => g.upcoming)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, limits.meetings)
      .map((m) => ({
        groupId: m.groupId,
        groupTitle: m.groupTitle,
        meetingId: m.meetingId,
        seq: m.seq,
        startsAt: m.startsAt,
        durationMinutes: m.durationMinutes,
        timeZone: m.timeZone,
        mode: m.mode,
        rsvp: m.rsvp,
        ...(m.introducerId ? { introducerId: m.introducerId } : {}),
        ...(m.introducerName ? { introducerName: m.introducerName } : {}),
      })),
    evaluations: state.groups
      .flatMap((g) => g.evaluations)
      .filter((e) => withinDaysBefore(e.closedAt, now, limits.evaluationDays))
      .sort((a, b) => b.closedAt.localeCompare(a.closedAt))
      .slice(0, limits.evaluations)
      .map((e) => ({
        groupId: e.groupId,
        groupTitle: e.groupTitle,
        meetingId: e.meetingId,
        seq: e.seq,
        startsAt: e.startsAt,
        timeZone: e.timeZone,
        evaluationClosedAt: e.closedAt,
        responses: e.answered,
        asked: e.asked,
        ...(e.mean === undefined ? {} : { mean: e.mean }),
        ...(e.change === undefined ? {} : { change: e.change }),
      })),
  };
}
