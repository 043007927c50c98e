/**
 * The same emailed link pressed many times at once, and seats changing hands from several sides at once.
 * test/functions covers a registration confirmed five times at once and 200 people confirming their own
 * links into a group of 30; here: one join link, a coordinator's approve and decline links together, one
 * leave link, one offer, and members leaving while a coordinator raises the capacity.
 *
 * The invariant of a group: its seatsTaken equals its approved and offered requests, never more than its
 * capacity, and the seats go to the waitlist in its order.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import { leaveLinkOf, seedGroup, seedWaitlist } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let adminHeaders: Record<string, string>;
const networkId = `contention-${randomUUID().slice(0, 6)}`;
const coordinator = uniqueEmail('coordinator');
const memberAddress = (label: string) => `${label}-${randomUUID().slice(0, 8)}@skola.se`;

beforeAll(async () => {
  stack = await useLocalStack();
  adminHeaders = await seedNetwork(stack, { id: networkId, name: 'Trängselnätverket', coordinator });
});
afterAll(() => stack.stop());

async function newGroup(capacity: number): Promise<Group> {
  const overrides = { title: 'Skolans ekonomi', question: 'Hur räknar vi?', facilitator: { name: 'Magnus' } };
  return (await seedGroup(networkId, [], { ...overrides, capacity })).group;
}

const person = (email: string) => ({
  name: 'Åsa',
  email,
  organisation: 'Skolan',
  role: 'Rektor',
  consent: true,
});

const post = (url: string) => fetch(url, { method: 'POST', headers: { accept: 'application/json' } });

/** Presses the same link `times` times at once; the JSON answers, with their statuses. */
async function pressAtOnce(
  url: string,
  times: number,
): Promise<{ status: number; body: Record<string, unknown> }[]> {
  return Promise.all(
    Array.from({ length: times }, async () => {
      const response = await post(url);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }),
  );
}

const hasLink = (path: string) => (mail: { body: { text?: string } }) =>
  (mail.body.text ?? '').includes(path);

/** Waits a moment for stragglers, then the emails to an address that contain a link to `path`. */
async function mailsWithLink(address: string, path: string) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return (await stack.emailsTo(address)).filter(hasLink(path));
}

interface GroupState {
  group: Record<string, unknown>;
  requests: Record<string, unknown>[];
}

async function stateOf(groupId: string): Promise<GroupState> {
  const items = await allItems(stack.tableName);
  const group = items.find((item) => item.pk === `GROUP#${groupId}` && item.sk === 'GROUP');
  if (!group) throw new Error(`no group ${groupId}`);
  return {
    group,
    requests: items.filter((item) => item.pk === `GROUP#${groupId}` && item.type === 'join-request'),
  };
}

/** No seat lost or doubled, none over capacity, the waitlist's seats given in its order. */
function expectSeatsConsistent({ group, requests }: GroupState): void {
  const holding = requests.filter((r) => r.status === 'approved' || r.status === 'offered');
  expect(group.seatsTaken).toBe(holding.length);
  expect(Number(group.seatsTaken)).toBeLessThanOrEqual(Number(group.capacity));
  const waiting = requests.filter((r) => r.status === 'waitlisted');
  const waitingSeqs = waiting.map((r) => Number(r.waitlistSeq));
  expect(new Set(waitingSeqs).size).toBe(waiting.length);
  // Everyone moved up from the waitlist was ahead of everyone still on it.
  const movedUp = requests.filter(
    (r) => r.waitlistSeq !== undefined && r.status !== 'waitlisted' && r.status !== 'left',
  );
  for (const moved of movedUp)
    for (const seq of waitingSeqs) expect(Number(moved.waitlistSeq)).toBeLessThan(seq);
  // A free seat and someone waiting for it cannot both be there.
  if (waiting.length > 0) expect(group.seatsTaken).toBe(group.capacity);
}

describe('one link pressed many times at once', () => {
  it('a join confirmation: one seat, one welcome, every press told it is approved', async () => {
    const group = await newGroup(3);
    const email = memberAddress('eager');
    const asked = await stack.api(`/v1/groups/${group.id}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person(email)),
    });
    expect(asked.status).toBe(202);
    const { url } = linkIn((await stack.waitForEmailTo(email)).body.text);
    const answers = await pressAtOnce(url, 8);
    expect(answers).toEqual(Array(8).fill({ status: 200, body: { status: 'approved' } }));
    const state = await stateOf(group.id);
    expect(state.group.seatsTaken).toBe(1);
    expectSeatsConsistent(state);
    await stack.waitForEmailTo(email, hasLink('/v1/leave/'));
    expect(await mailsWithLink(email, '/v1/leave/')).toHaveLength(1);
  });

  it('a coordinator’s approve and decline links pressed together: one decision, told once', async () => {
    const group = await newGroup(3);
    const outsider = uniqueEmail('outsider');
    await stack.api(`/v1/groups/${group.id}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person(outsider)),
    });
    expect(await (await post(linkIn((await stack.waitForEmailTo(outsider)).body.text).url)).json()).toEqual({
      status: 'pending_approval',
    });
    const request = await stack.waitForEmailTo(
      coordinator,
      (mail) => hasLink('/v1/decisions/')(mail) && (mail.body.text ?? '').includes(outsider),
    );
    const [approve, decline] = [
      ...(request.body.text ?? '').matchAll(/https?:\S+\/v1\/decisions\/[A-Za-z0-9_-]+/g),
    ].map((m) => m[0]) as [string, string];
    const answers = await Promise.all(
      [...Array(4).fill(approve), ...Array(4).fill(decline)].map((url) => post(url)),
    );
    const results = await Promise.all(
      answers.map(async (a) => ((await a.json()) as { result: string }).result),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const decisions = results.filter((r) => r !== 'already-decided');
    expect(decisions).toHaveLength(1);
    expect(['join-request-approved', 'join-request-declined']).toContain(decisions[0]);
    const state = await stateOf(group.id);
    const [decided] = state.requests;
    expect(decided?.status).toBe(decisions[0] === 'join-request-approved' ? 'approved' : 'declined');
    expectSeatsConsistent(state);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The confirmation, the word that a coordinator decides, and one email with the decision.
    const subjects = (await stack.emailsTo(outsider)).map((mail) => mail.subject);
    expect(subjects, subjects.join(' | ')).toHaveLength(3);
  });

  it('a leave link, then the offer it made: one seat passed on once, accepted once', async () => {
    const { group: seated, members } = await seedGroup(networkId, ['Leaver'], { capacity: 1 });
    const [leaver] = members as [JoinRequest];
    const [first, second] = (await seedWaitlist(seated, 2)) as [JoinRequest, JoinRequest];

    const left = await pressAtOnce(await leaveLinkOf(leaver), 6);
    expect(left.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(left.filter((a) => a.body.result === 'left-group')).toHaveLength(1);
    expect(left.filter((a) => a.body.result === 'already-done')).toHaveLength(5);
    const offer = await stack.waitForEmailTo(first.email, hasLink('/v1/offers/'));
    let state = await stateOf(seated.id);
    expect(Object.fromEntries(state.requests.map((r) => [r.email, r.status]))).toEqual({
      [leaver.email]: 'left',
      [first.email]: 'offered',
      [second.email]: 'waitlisted',
    });
    expectSeatsConsistent(state);
    expect(await mailsWithLink(first.email, '/v1/offers/')).toHaveLength(1);
    expect(await mailsWithLink(second.email, '/v1/offers/')).toHaveLength(0);

    const accepted = await pressAtOnce(linkIn(offer.body.text, '/v1/offers/').url, 6);
    expect(accepted).toEqual(Array(6).fill({ status: 200, body: { result: 'offer-accepted' } }));
    state = await stateOf(seated.id);
    expect(state.requests.find((r) => r.email === first.email)?.status).toBe('approved');
    expect(state.group.seatsTaken).toBe(1);
    expectSeatsConsistent(state);
    // The welcome has a leave link (the offer had one too, to let the seat pass).
    const welcome = (mail: { body: { text?: string } }) =>
      hasLink('/v1/leave/')(mail) && !hasLink('/v1/offers/')(mail);
    await stack.waitForEmailTo(first.email, welcome);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await stack.emailsTo(first.email)).filter(welcome)).toHaveLength(1);
  });
});

describe('seats changing hands from several sides at once', () => {
  // Several rounds: each lets the requests interleave differently.
  it.each([1, 2, 3, 4])('members leave while a coordinator raises the capacity (round %i)', async () => {
    const { group: seated, members } = await seedGroup(networkId, ['Anna', 'Bertil', 'Cecilia'], {
      capacity: 3,
    });
    const waiting = await seedWaitlist(seated, 6);
    const [anna, bertil] = members as [JoinRequest, JoinRequest];
    const links = await Promise.all([leaveLinkOf(anna), leaveLinkOf(bertil)]);

    const [leftA, leftB, raised] = await Promise.all([
      post(links[0] as string),
      post(links[1] as string),
      stack.api(`/v1/admin/groups/${seated.id}`, {
        method: 'PATCH',
        headers: adminHeaders,
        body: JSON.stringify({ capacity: 5 }),
      }),
    ]);
    expect([leftA.status, leftB.status, raised.status]).toEqual([200, 200, 200]);
    expect([await leftA.json(), await leftB.json()]).toEqual([
      { result: 'left-group' },
      { result: 'left-group' },
    ]);

    const state = await stateOf(seated.id);
    expect(state.group.capacity).toBe(5);
    expectSeatsConsistent(state);
    // Two left, two seats were added: Cecilia and four from the waitlist hold the five seats.
    const holding = state.requests.filter((r) => r.status === 'approved' || r.status === 'offered');
    expect(holding.map((r) => r.email).sort()).toEqual(
      [members[2] as JoinRequest, ...waiting.slice(0, 4)].map((r) => r.email).sort(),
    );
    expect(state.requests.filter((r) => r.status === 'waitlisted').map((r) => r.email)).toEqual(
      expect.arrayContaining(waiting.slice(4).map((r) => r.email)),
    );
    // Nobody was both offered a seat and given one: each of the four got exactly one of the two emails.
    for (const moved of waiting.slice(0, 4)) {
      await stack.waitForEmailTo(
        moved.email,
        (mail) => hasLink('/v1/offers/')(mail) || hasLink('/v1/leave/')(mail),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const mails = await stack.emailsTo(moved.email);
      expect(mails, moved.email).toHaveLength(1);
    }
    for (const still of waiting.slice(4)) expect(await stack.emailsTo(still.email)).toEqual([]);
  });

  it('two members leave at once: two seats offered to the first two in line, one each', async () => {
    const { group: seated, members } = await seedGroup(networkId, ['Dora', 'Erik'], { capacity: 2 });
    const waiting = await seedWaitlist(seated, 3);
    const answers = await Promise.all(members.map(async (member) => post(await leaveLinkOf(member))));
    expect(await Promise.all(answers.map((a) => a.json()))).toEqual([
      { result: 'left-group' },
      { result: 'left-group' },
    ]);
    const state = await stateOf(seated.id);
    expectSeatsConsistent(state);
    expect(Object.fromEntries(state.requests.map((r) => [r.email, r.status]))).toMatchObject({
      [(waiting[0] as JoinRequest).email]: 'offered',
      [(waiting[1] as JoinRequest).email]: 'offered',
      [(waiting[2] as JoinRequest).email]: 'waitlisted',
    });
    for (const offered of waiting.slice(0, 2)) {
      await stack.waitForEmailTo(offered.email, hasLink('/v1/offers/'));
      expect(await mailsWithLink(offered.email, '/v1/offers/')).toHaveLength(1);
    }
  });
});
