import { describe, expect, it } from 'vitest';
import type {
  DigestEvaluation,
  DigestMeeting,
  NetworkState,
  NetworkStateGroup,
} from '../../shared/domain/digest.ts';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import type { GroupProposal } from '../../shared/domain/group-proposal.ts';
import { overviewFrom, overviewLimits, withinDaysBefore } from '../../shared/domain/overview.ts';
import type { Registration } from '../../shared/domain/registration.ts';

const now = new Date('2026-11-23T06:00:00Z');
const day = 24 * 3600_000;
const ago = (days: number) => new Date(now.getTime() - days * day).toISOString();
const ahead = (days: number) => new Date(now.getTime() + days * day).toISOString();
const network = { id: 'vast', name: 'Rektorsnätverket Väst', timeZone: 'Europe/Stockholm' };
const consent = { at: ago(40), wording: 'v1' };

function registration(n: number, confirmedAt: string | undefined): Registration {
  return {
    id: `r${n}`,
    networkId: network.id,
    name: `Person ${n}`,
    email: `person${n}@skola.se`,
    organisation: 'Skolan',
    role: 'Rektor',
    topics: ['Skolans ekonomi'],
    language: 'sv',
    status: 'confirmed',
    consent,
    createdAt: ago(40),
    confirmationRequestedAt: ago(40),
    confirmationCount: 1,
    remindAt: ago(38),
    expireAt: ago(33),
    ...(confirmedAt ? { confirmedAt } : {}),
  };
}

function group(id: string, title: string): Group {
  return {
    id,
    networkId: network.id,
    title,
    question: `${title}?`,
    facilitator: { name: 'Åsa' },
    capacity: 2,
    seatsTaken: 2,
    mode: 'online',
    status: 'open',
    createdAt: ago(60),
    updatedAt: ago(60),
  };
}

function request(id: string, groupId: string, extra: Partial<JoinRequest> = {}): JoinRequest {
  return {
    id,
    groupId,
    networkId: network.id,
    name: `Namn ${id}`,
    email: `${id}@friskolan.se`,
    organisation: 'Friskolan',
    role: 'Rektor',
    language: 'sv',
    status: 'waitlisted',
    consent,
    createdAt: ago(5),
    confirmationRequestedAt: ago(5),
    confirmationCount: 1,
    expireAt: ago(-2),
    ...extra,
  };
}

function meeting(groupId: string, id: string, startsAt: string): DigestMeeting {
  return {
    groupId,
    meetingId: id,
    groupTitle: 'Rektors mandat',
    createdAt: ago(30),
    startsAt,
    durationMinutes: 90,
    timeZone: 'Europe/Stockholm',
    mode: 'in_person',
    seq: 1,
    rsvp: { yes: 1, no: 0, unanswered: 1 },
  };
}

function evaluation(groupId: string, id: string, closedAt: string): DigestEvaluation {
  return {
    groupId,
    meetingId: id,
    groupTitle: 'Rektors mandat',
    seq: 1,
    startsAt: ago(40),
    timeZone: 'Europe/Stockholm',
    closedAt,
    answered: 3,
    asked: 4,
    mean: 7.5,
  };
}

const proposal: GroupProposal = {
  id: 'p1',
  networkId: network.id,
  name: 'Maria Lind',
  email: 'maria@skola.se',
  organisation: 'Björkskolan',
  title: 'Elevhälsa i praktiken',
  question: 'Hur arbetar vi med elevhälsa?',
  language: 'sv',
  status: 'proposed',
  consent,
  createdAt: ago(3),
  confirmationRequestedAt: ago(3),
  confirmationCount: 1,
  expireAt: ago(-4),
  confirmedAt: ago(2),
};

function emptyGroup(g: Group): NetworkStateGroup {
  return { group: g, waitlist: [], offers: [], upcoming: [], evaluations: [] };
}

function state(overrides: Partial<NetworkState> = {}): NetworkState {
  return { registrations: [], sharedTopics: [], proposals: [], pending: [], groups: [], ...overrides };
}

describe('withinDaysBefore', () => {
  it('takes what happened in the last days up to now, not before, not after, not undefined', () => {
    expect(withinDaysBefore(ago(13.9), now, 14)).toBe(true);
    expect(withinDaysBefore(now.toISOString(), now, 14)).toBe(true);
    expect(withinDaysBefore(ago(14), now, 14)).toBe(false);
    expect(withinDaysBefore(ahead(0.1), now, 14)).toBe(false);
    expect(withinDaysBefore(undefined, now, 14)).toBe(false);
  });
});

describe('overviewFrom', () => {
  it('lists the newest registrations of the last 14 days, at most 20, newest first, and counts them all', () => {
    // Confirmed one an hour apart, oldest first as the index returns them: 30 recent ones and 5 old ones.
    const old = [1, 2, 3, 4, 5].map((n) => registration(n, ago(20 + n)));
    const recent = Array.from({ length: 30 }, (_, i) => registration(100 + i, ago(13 - i / 24)));
    const overview = overviewFrom(network, state({ registrations: [...old, ...recent] }), now);
    expect(overview.registrationsTotal).toBe(35);
    expect(overview.registrations).toHaveLength(overviewLimits.registrations);
    expect(overview.registrations[0]).toEqual({
      registrationId: 'r129',
      name: 'Person 129',
      email: 'person129@skola.se',
      organisation: 'Skolan',
      role: 'Rektor',
      topics: ['Skolans ekonomi'],
      language: 'sv',
      confirmedAt: ago(13 - 29 / 24),
    });
    const times = overview.registrations.map((r) => r.confirmedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(overview.registrations.map((r) => r.registrationId)).not.toContain('r1');
  });

  it('gives each decision the ids the approve and decline routes take, oldest first, bounded', () => {
    const pending = Array.from({ length: overviewLimits.decisions + 5 }, (_, i) => ({
      request: request(`j${i}`, 'g1', {
        status: 'pending_approval',
        confirmedAt: ago(4),
        ...(i === 0 ? { message: 'Vi är en ny friskola.' } : {}),
      }),
      groupTitle: 'Rektors mandat',
    }));
    const overview = overviewFrom(network, state({ pending }), now);
    expect(overview.decisionsTotal).toBe(overviewLimits.decisions + 5);
    expect(overview.decisions).toHaveLength(overviewLimits.decisions);
    expect(overview.decisions[0]).toEqual({
      groupId: 'g1',
      groupTitle: 'Rektors mandat',
      requestId: 'j0',
      name: 'Namn j0',
      email: 'j0@friskolan.se',
      organisation: 'Friskolan',
      role: 'Rektor',
      message: 'Vi är en ny friskola.',
      language: 'sv',
      createdAt: ago(5),
      confirmedAt: ago(4),
    });
    expect(overview.decisions[1]).not.toHaveProperty('message');
  });

  it('keeps the shared topics most-shared first with a count, a bounded list of people and the covering groups', () => {
    const many = Array.from({ length: overviewLimits.peoplePerTopic + 10 }, (_, i) => ({
      registrationId: `r${i}`,
      name: `Person ${i}`,
      organisation: 'Skolan',
    }));
    const topics = Array.from({ length: overviewLimits.topics + 3 }, (_, i) => ({
      label: `Ämne ${i}`,
      people: i === 0 ? many : many.slice(0, 3),
      covered: i === 1,
      coveredBy: i === 1 ? [{ groupId: 'g1', groupTitle: 'Rektors mandat' }] : [],
    }));
    const overview = overviewFrom(network, state({ sharedTopics: topics }), now);
    expect(overview.topicsTotal).toBe(overviewLimits.topics + 3);
    expect(overview.topics).toHaveLength(overviewLimits.topics);
    expect(overview.topics[0]?.count).toBe(overviewLimits.peoplePerTopic + 10);
    expect(overview.topics[0]?.people).toHaveLength(overviewLimits.peoplePerTopic);
    expect(overview.topics[1]).toEqual({
      label: 'Ämne 1',
      count: 3,
      people: many.slice(0, 3),
      coveredBy: [{ groupId: 'g1', groupTitle: 'Rektors mandat' }],
    });
  });

  it('names each proposal by its id with the proposer, as the proposals list does', () => {
    const overview = overviewFrom(network, state({ proposals: [proposal] }), now);
    expect(overview.proposalsTotal).toBe(1);
    expect(overview.proposals).toEqual([
      {
        proposalId: 'p1',
        title: 'Elevhälsa i praktiken',
        question: 'Hur arbetar vi med elevhälsa?',
        name: 'Maria Lind',
        email: 'maria@skola.se',
        organisation: 'Björkskolan',
        createdAt: ago(3),
        confirmedAt: ago(2),
      },
    ]);
  });

  it('lists only groups with a waitlist or an open offer, the waitlist in order with positions, bounded', () => {
    const full = group('g1', 'Rektors mandat');
    const queue = Array.from({ length: overviewLimits.waitlist + 2 }, (_, i) => request(`w${i}`, 'g1'));
    const offer = request('o1', 'g1', {
      status: 'offered',
      offeredAt: ago(1),
      offerExpiresAt: ahead(1),
    });
    const groups = [
      { ...emptyGroup(full), waitlist: queue, offers: [offer] },
      emptyGroup(group('g2', 'Utan kö')),
      { ...emptyGroup(group('g3', 'Bara erbjudande')), offers: [{ ...offer, id: 'o2', groupId: 'g3' }] },
    ];
    const overview = overviewFrom(network, state({ groups }), now);
    expect(overview.groups.map((g) => g.groupId)).toEqual(['g1', 'g3']);
    const [first] = overview.groups;
    expect(first).toMatchObject({ title: 'Rektors mandat', capacity: 2, seatsTaken: 2, waitlisted: 22 });
    expect(first?.waitlist).toHaveLength(overviewLimits.waitlist);
    expect(first?.waitlist.slice(0, 2)).toEqual([
      {
        requestId: 'w0',
        name: 'Namn w0',
        email: 'w0@friskolan.se',
        organisation: 'Friskolan',
        waitlistPosition: 1,
      },
      {
        requestId: 'w1',
        name: 'Namn w1',
        email: 'w1@friskolan.se',
        organisation: 'Friskolan',
        waitlistPosition: 2,
      },
    ]);
    expect(first?.offers).toEqual([
      {
        requestId: 'o1',
        name: 'Namn o1',
        email: 'o1@friskolan.se',
        organisation: 'Friskolan',
        offeredAt: ago(1),
        offerExpiresAt: ahead(1),
      },
    ]);
  });

  it('puts the meetings of every group in one list, soonest first, bounded', () => {
    const g1 = group('g1', 'Rektors mandat');
    const g2 = group('g2', 'Skolans ekonomi');
    const groups = [
      {
        ...emptyGroup(g1),
        upcoming: [
          { ...meeting('g1', 'm2', ahead(9)), introducerId: 'j1', introducerName: 'Erik' },
          meeting('g1', 'm3', ahead(12)),
        ],
      },
      { ...emptyGroup(g2), upcoming: [{ ...meeting('g2', 'm1', ahead(2)), groupTitle: 'Skolans ekonomi' }] },
    ];
    const overview = overviewFrom(network, state({ groups }), now);
    expect(overview.meetings.map((m) => m.meetingId)).toEqual(['m1', 'm2', 'm3']);
    expect(overview.meetings[1]).toEqual({
      groupId: 'g1',
      groupTitle: 'Rektors mandat',
      meetingId: 'm2',
      seq: 1,
      startsAt: ahead(9),
      durationMinutes: 90,
      timeZone: 'Europe/Stockholm',
      mode: 'in_person',
      rsvp: { yes: 1, no: 0, unanswered: 1 },
      introducerId: 'j1',
      introducerName: 'Erik',
    });
    expect(overview.meetings[0]).not.toHaveProperty('introducerName');
    const crowded = [
      {
        ...emptyGroup(g1),
        upcoming: Array.from({ length: overviewLimits.meetings + 1 }, (_, i) =>
          meeting('g1', `x${i}`, ahead(13 - i / 100)),
        ),
      },
    ];
    const bounded = overviewFrom(network, state({ groups: crowded }), now).meetings;
    expect(bounded).toHaveLength(overviewLimits.meetings);
    expect(bounded[0]?.meetingId).toBe(`x${overviewLimits.meetings}`);
  });

  it('keeps the evaluations that closed in the last 30 days, latest closed first, in the evaluation vocabulary', () => {
    const groups = [
      {
        ...emptyGroup(group('g1', 'Rektors mandat')),
        evaluations: [
          evaluation('g1', 'old', ago(31)),
          evaluation('g1', 'earlier', ago(20)),
          { ...evaluation('g1', 'latest', ago(2)), change: -0.5 },
        ],
      },
    ];
    const overview = overviewFrom(network, state({ groups }), now);
    expect(overview.evaluations.map((e) => e.meetingId)).toEqual(['latest', 'earlier']);
    expect(overview.evaluations[0]).toEqual({
      groupId: 'g1',
      groupTitle: 'Rektors mandat',
      meetingId: 'latest',
      seq: 1,
      startsAt: ago(40),
      timeZone: 'Europe/Stockholm',
      evaluationClosedAt: ago(2),
      responses: 3,
      asked: 4,
      mean: 7.5,
      change: -0.5,
    });
  });

  it('says which network and when, and has empty lists for a network with nothing waiting', () => {
    expect(overviewFrom(network, state(), now)).toEqual({
      networkId: 'vast',
      networkName: 'Rektorsnätverket Väst',
      timeZone: 'Europe/Stockholm',
      generatedAt: now.toISOString(),
      decisions: [],
      decisionsTotal: 0,
      registrations: [],
      registrationsTotal: 0,
      topics: [],
      topicsTotal: 0,
      proposals: [],
      proposalsTotal: 0,
      groups: [],
      meetings: [],
      evaluations: [],
    });
  });
});
