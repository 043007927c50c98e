/**
 * GET /v1/admin/networks/{networkId}/overview against the local services: a network with something in
 * every section, made the way people make it where a route exists (registering, proposing, asking to
 * join, answering an invitation, leaving) and written to the table where tests of their own cover it
 * (seated members, a waitlist, meetings, a closed evaluation).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JoinRequest, joinRequestId } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';
import type { Overview } from '../../shared/domain/overview.ts';
import { issueLink } from '../../shared/links.ts';
import {
  closeEvaluation,
  putAnswer,
  recordEvaluationAsked,
  recordEvaluationMean,
} from '../../shared/store/evaluations.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { closeGroup, leaveLinkOf, seedGroup, seedWaitlist } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { registerAndConfirm } from '../support/members.ts';
import { seedNetwork } from '../support/networks.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let headers: Record<string, string>;
const networkId = `overview-${randomUUID().slice(0, 8)}`;
const coordinator = uniqueEmail('samordnare');
const day = 24 * 3600_000;

beforeAll(async () => {
  stack = await useLocalStack();
  headers = await seedNetwork(stack, { id: networkId, name: 'Rektorsnätverket Väst', coordinator });
});
afterAll(() => stack?.stop());

const json = { 'content-type': 'application/json', accept: 'application/json' };
const post = (url: string, body: unknown = {}, extra: Record<string, string> = {}) =>
  fetch(url.startsWith('http') ? url : `${stack.apiUrl}${url}`, {
    method: 'POST',
    headers: { ...json, ...extra },
    body: JSON.stringify(body),
  });

/** Confirms whatever the last mail to `email` with a confirmation link asks to confirm. */
async function confirmMailTo(email: string): Promise<void> {
  const mail = await stack.waitForEmailTo(email, (m) => m.body.text?.includes('/v1/confirm/') ?? false);
  expect((await post(`/v1/confirm/${linkIn(mail.body.text).token}`)).status).toBe(200);
}

const overview = (authorization = headers.authorization ?? '') =>
  stack.api(`/v1/admin/networks/${networkId}/overview`, { headers: { authorization } });

interface Seeded {
  full: string;
  open: string;
  offered: JoinRequest;
  stillWaiting: JoinRequest[];
  requestId: string;
  upcoming: Meeting;
  past: Meeting;
  erik: JoinRequest;
}

async function seed(): Promise<Seeded> {
  // Three people share a topic that the second group's title covers.
  for (const [name, organisation] of [
    ['Anna', 'Annaskolan'],
    ['Bertil', 'Bertilskolan'],
    ['Cecilia', 'Ceciliaskolan'],
  ] as const)
    await registerAndConfirm(stack, networkId, { name, organisation, topics: ['Skolans ekonomi'] });

  // A full group: a waitlist of three, then a member leaves and the first in line is offered the seat.
  const { group: full, members } = await seedGroup(networkId, ['Dora', 'Einar'], {
    title: 'Rektors mandat',
    question: 'Vad får rektor bestämma?',
    capacity: 2,
  });
  const waiting = await seedWaitlist(full, 3);
  const [dora] = members as [JoinRequest];
  expect((await post(await leaveLinkOf(dora))).status).toBe(200);
  const [offered, ...stillWaiting] = waiting as [JoinRequest, ...JoinRequest[]];

  // A group with seats, where someone from outside the member organisations waits for a decision.
  const { group: open, members: seated } = await seedGroup(networkId, ['Erik', 'Frida'], {
    title: 'Skolans ekonomi',
    question: 'Hur räknar vi på inredningen?',
  });
  const [erik, frida] = seated as [JoinRequest, JoinRequest];
  const outsider = uniqueEmail('gustav').replace('@example.org', '@friskolan.example');
  const asked = await post(`/v1/groups/${open.id}/join-requests`, {
    name: 'Gustav',
    email: outsider,
    organisation: 'Friskolan Ugglan',
    role: 'Rektor',
    message: 'Vi startar en ny skola i höst.',
    consent: true,
  });
  expect(asked.status).toBe(202);
  await confirmMailTo(outsider);

  // A proposal, confirmed.
  const proposer = uniqueEmail('helga').replace('@example.org', '@skola.se');
  const proposed = await post(`/v1/networks/${networkId}/group-proposals`, {
    name: 'Helga',
    email: proposer,
    organisation: 'Helgaskolan',
    title: 'Elevhälsa i praktiken',
    question: 'Hur arbetar vi med elevhälsa?',
    consent: true,
  });
  expect(proposed.status).toBe(202);
  await confirmMailTo(proposer);

  // A meeting next week with Erik introducing, answered by both members; one last week whose evaluation closed.
  const meeting = (seq: number, startsAt: number): Meeting =>
    meetingOf(open, {
      id: `${open.id}-m${seq}`,
      seq,
      startsAt: new Date(startsAt).toISOString(),
      mode: 'in_person',
      address: 'Skolgatan 1',
      introducerId: erik.id,
    });
  const [past, upcoming] = [meeting(1, Date.now() - 7 * day), meeting(2, Date.now() + 7 * day)] as [
    Meeting,
    Meeting,
  ];
  await createMeetings([past, upcoming]);
  for (const [member, purpose] of [
    [erik, 'rsvp-yes'],
    [frida, 'rsvp-no'],
  ] as const) {
    const link = await issueLink(
      purpose,
      {
        networkId,
        subjectId: member.id,
        groupId: open.id,
        meetingId: upcoming.id,
        language: 'sv',
        person: member.email,
      },
      upcoming.startsAt,
    );
    expect((await post(link)).status).toBe(200);
  }
  await recordEvaluationAsked(open.id, past.id, 2, 'salt', new Date().toISOString());
  const answer = { rating: 8 as const, anonymous: true, answeredAt: new Date().toISOString().slice(0, 10) };
  expect(await putAnswer(open.id, past.id, 'a1', answer, erik.id, new Date())).toBe('stored');
  expect(await closeEvaluation(open.id, past.id, new Date())).toBe(true);
  await recordEvaluationMean(open.id, past.id, 8);

  return {
    full: full.id,
    open: open.id,
    offered,
    stillWaiting,
    requestId: joinRequestId(open.id, outsider),
    upcoming,
    past,
    erik,
  };
}

describe('the network overview', { timeout: 90_000 }, () => {
  let seeded: Seeded;

  it('holds each waiting thing with the ids the admin routes act on', async () => {
    seeded = await seed();
    const items = await allItems(stack.tableName);
    const registrationIds = Object.fromEntries(
      items
        .filter((i) => String(i.sk).startsWith('REGISTRATION#') && i.networkId === networkId)
        .map((i) => [i.name, i.id]),
    );
    const proposal = items.find((i) => String(i.sk).startsWith('PROPOSAL#') && i.networkId === networkId);

    const response = await overview();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Overview;
    expect(body).toMatchObject({
      networkId,
      networkName: 'Rektorsnätverket Väst',
      timeZone: 'Europe/Stockholm',
    });

    expect(body.decisionsTotal).toBe(1);
    expect(body.decisions).toEqual([
      expect.objectContaining({
        groupId: seeded.open,
        groupTitle: 'Skolans ekonomi',
        requestId: seeded.requestId,
        name: 'Gustav',
        organisation: 'Friskolan Ugglan',
        role: 'Rektor',
        message: 'Vi startar en ny skola i höst.',
      }),
    ]);

    expect(body.registrationsTotal).toBe(3);
    expect(body.registrations.map((r: { name: string }) => r.name)).toEqual(['Cecilia', 'Bertil', 'Anna']);
    for (const registration of body.registrations)
      expect(registration).toMatchObject({
        registrationId: registrationIds[registration.name],
        topics: ['Skolans ekonomi'],
        role: 'Rektor',
      });

    expect(body.topics).toEqual([
      {
        label: 'Skolans ekonomi',
        count: 3,
        people: expect.arrayContaining([
          { registrationId: registrationIds.Anna, name: 'Anna', organisation: 'Annaskolan' },
          { registrationId: registrationIds.Bertil, name: 'Bertil', organisation: 'Bertilskolan' },
          { registrationId: registrationIds.Cecilia, name: 'Cecilia', organisation: 'Ceciliaskolan' },
        ]),
        coveredBy: [{ groupId: seeded.open, groupTitle: 'Skolans ekonomi' }],
      },
    ]);

    expect(body.proposalsTotal).toBe(1);
    expect(body.proposals).toEqual([
      expect.objectContaining({
        proposalId: proposal?.id,
        title: 'Elevhälsa i praktiken',
        name: 'Helga',
        organisation: 'Helgaskolan',
      }),
    ]);

    expect(body.groups).toHaveLength(1);
    const [queue] = body.groups;
    if (!queue) throw new Error('no group with a queue');
    expect(queue).toMatchObject({
      groupId: seeded.full,
      title: 'Rektors mandat',
      capacity: 2,
      seatsTaken: 2,
    });
    expect(queue.waitlisted).toBe(2);
    expect(queue.waitlist).toEqual(
      seeded.stillWaiting.map((w, i) =>
        expect.objectContaining({ requestId: w.id, waitlistPosition: i + 1 }),
      ),
    );
    expect(queue.offers).toEqual([expect.objectContaining({ requestId: seeded.offered.id })]);
    expect(Date.parse(queue.offers[0]?.offerExpiresAt ?? '')).toBeGreaterThan(Date.now());

    expect(body.meetings).toEqual([
      {
        groupId: seeded.open,
        groupTitle: 'Skolans ekonomi',
        meetingId: seeded.upcoming.id,
        seq: 2,
        startsAt: seeded.upcoming.startsAt,
        durationMinutes: 90,
        timeZone: 'Europe/Stockholm',
        mode: 'in_person',
        rsvp: { yes: 1, no: 1, unanswered: 0 },
        introducerId: seeded.erik.id,
        introducerName: 'Erik',
      },
    ]);

    expect(body.evaluations).toEqual([
      expect.objectContaining({
        groupId: seeded.open,
        meetingId: seeded.past.id,
        seq: 1,
        responses: 1,
        asked: 2,
        mean: 8,
      }),
    ]);
  });

  it('gives ids that work: the decision approved with them is gone from the next overview', async () => {
    const before = (await (await overview()).json()) as Overview;
    const [decision] = before.decisions;
    if (!decision) throw new Error('no decision waiting');
    const approved = await post(
      `/v1/admin/groups/${decision.groupId}/join-requests/${decision.requestId}/approve`,
      {},
      { authorization: headers.authorization ?? '' },
    );
    expect(approved.status).toBe(200);
    expect(await approved.json()).toEqual({ status: 'approved' });
    const after = (await (await overview()).json()) as Overview;
    expect(after.decisions).toEqual([]);
    expect(after.decisionsTotal).toBe(0);
    // Gustav is seated now: the meeting counts him among those who have not answered.
    expect(after.meetings[0]?.rsvp).toEqual({ yes: 1, no: 1, unanswered: 1 });
  });

  it('a closed group still meets: its meeting and its evaluation stay, and it covers no topic', async () => {
    await closeGroup(stack, seeded.open, headers.authorization ?? '');
    const body = (await (await overview()).json()) as Overview;
    expect(body.meetings.map((m) => [m.meetingId, m.groupTitle])).toEqual([
      [seeded.upcoming.id, 'Skolans ekonomi'],
    ]);
    expect(body.evaluations.map((e) => e.meetingId)).toEqual([seeded.past.id]);
    // Nobody can join it now: the topic its title named is one no group covers.
    expect(body.topics.map((t) => [t.label, t.coveredBy])).toEqual([['Skolans ekonomi', []]]);
  });

  it('is for the network’s coordinators and samla-admins: 403 for another network’s, 401 without a token', async () => {
    const elsewhere = await stack.token({ email: uniqueEmail('annan'), networks: [stack.demoNetworkId] });
    const forbidden = await overview(`Bearer ${elsewhere}`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({
      error: { code: 'forbidden', message: expect.any(String), fields: {} },
    });

    const anonymous = await stack.api(`/v1/admin/networks/${networkId}/overview`);
    expect(anonymous.status).toBe(401);

    const admin = await stack.token({ email: uniqueEmail('admin'), networks: [], admin: true });
    expect((await overview(`Bearer ${admin}`)).status).toBe(200);
  });

  it('a closed group: a member who leaves frees the seat, and no one on its waitlist is offered it', async () => {
    const { group, members } = await seedGroup(networkId, ['Gun'], {
      title: 'Skolgården',
      question: 'Hur används skolgården?',
      capacity: 1,
    });
    const [waiting] = (await seedWaitlist(group, 1)) as [JoinRequest];
    await closeGroup(stack, group.id, headers.authorization ?? '');
    const [gun] = members as [JoinRequest];
    expect((await post(await leaveLinkOf(gun))).status).toBe(200);
    const statuses = await Promise.all([gun, waiting].map((r) => getJoinRequest(group.id, r.id)));
    expect(statuses.map((r) => r?.status)).toEqual(['left', 'waitlisted']);
    expect((await getGroup(group.id))?.seatsTaken).toBe(0);
    const mails = await stack.emailsTo(waiting.email);
    expect(mails.filter((m) => (m.body.text ?? '').includes('/v1/offers/'))).toEqual([]);
  });

  it('answers 404 for a network that does not exist', async () => {
    const admin = await stack.token({ email: uniqueEmail('admin'), networks: [], admin: true });
    const missing = await stack.api('/v1/admin/networks/no-such-network/overview', {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'network_not_found', message: expect.any(String), fields: {} },
    });
  });
});
