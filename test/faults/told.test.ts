/**
 * What each person is told under contention is what happened to them. contention.test.ts checks what
 * is stored; here every answer and every email is held against the stored outcome: a waitlist position
 * told (in the confirm answer and in the "you are on the waitlist" mail) equals the stored order, and
 * nobody is told they left a group they are still in.
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { type Group, type JoinRequest, newJoinRequest } from '../../shared/domain/group.ts';
import { issueLink } from '../../shared/links.ts';
import { optInTiming } from '../../shared/services/opt-in.ts';
import { createJoinRequest } from '../../shared/store/join-requests.ts';
import { leaveLinkOf, seedGroup, seedWaitlist } from '../support/groups.ts';
import { type StoredEmail, type TestStack, useLocalStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let adminHeaders: Record<string, string>;
const networkId = `told-${randomUUID().slice(0, 6)}`;
const coordinator = `coordinator-${randomUUID().slice(0, 6)}@example.org`;
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@skola.se`;
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

beforeAll(async () => {
  stack = await useLocalStack();
  adminHeaders = await seedNetwork(stack, { id: networkId, name: 'Nätverket', coordinator });
});
afterAll(() => stack.stop());

const person = (email: string) => ({ name: 'Åsa', email, organisation: 'Skolan', role: 'Rektor' });

async function post(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function requestsOf(groupId: string): Promise<Record<string, unknown>[]> {
  return (await allItems(stack.tableName)).filter(
    (item) => item.pk === `GROUP#${groupId}` && item.type === 'join-request',
  );
}

/** The email addresses on the waitlist, first in line first: the stored order. */
const storedOrder = (requests: Record<string, unknown>[]) =>
  requests
    .filter((r) => r.status === 'waitlisted')
    .sort((a, b) => Number(a.waitlistSeq) - Number(b.waitlistSeq))
    .map((r) => String(r.email));

const text = (mail: StoredEmail) => mail.body.text ?? '';
const isWaitlistMail = (mail: StoredEmail) => /Du är nummer \d+ i kön\./.test(text(mail));
const positionIn = (mail: StoredEmail) => Number(text(mail).match(/Du är nummer (\d+) i kön\./)?.[1]);

/** Each address's mails, once nothing has arrived for a moment (the inbox is read in one go). */
async function mailsByAddress(addresses: readonly string[]): Promise<Map<string, StoredEmail[]>> {
  let last = -1;
  for (;;) {
    const response = await fetch(`${stack.sesUrl}/store`);
    const { emails } = (await response.json()) as { emails: StoredEmail[] };
    if (emails.length === last) {
      const wanted = new Set(addresses);
      const byAddress = new Map<string, StoredEmail[]>(addresses.map((a) => [a, []]));
      for (const mail of emails)
        for (const to of mail.destination.to ?? []) if (wanted.has(to)) byAddress.get(to)?.push(mail);
      return byAddress;
    }
    last = emails.length;
    await new Promise((resolve) => setTimeout(resolve, 750));
  }
}

/** Join requests waiting for their double opt-in, and each one's confirm link (the emailed one). */
async function pendingRequests(group: Group, count: number) {
  const now = new Date();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const request = newJoinRequest(group, person(address(`crowd${i}`)), 'sv', optInTiming(), now);
      await createJoinRequest(request, now);
      const url = await issueLink(
        'confirm-join-request',
        { networkId, subjectId: request.id, groupId: group.id, language: 'sv', person: request.email },
        inAnHour(),
      );
      return { request, url };
    }),
  );
}

/** How many confirm at once for a group of 30 (SAMLA_CROWD overrides, to probe a larger burst by hand). */
const crowd = Number(process.env.SAMLA_CROWD ?? 320);

describe('waitlist positions told in a burst', () => {
  it('320 confirm at once for 30 seats: 290 told distinct positions, each the stored one, in the answer and the email', async () => {
    const { group } = await seedGroup(networkId, [], { capacity: 30 });
    const pending = await pendingRequests(group, crowd);
    const answers = await Promise.all(
      pending.map(async ({ request, url }) => ({ request, ...(await post(url)) })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(crowd).fill(200));
    const seated = answers.filter((a) => a.body.status === 'approved');
    const waiting = answers.filter((a) => a.body.status === 'waitlisted');
    expect(seated).toHaveLength(30);
    expect(waiting).toHaveLength(crowd - 30);

    const requests = await requestsOf(group.id);
    const order = storedOrder(requests);
    expect(order).toHaveLength(crowd - 30);
    const toldInAnswer = new Map(waiting.map((a) => [a.request.email, Number(a.body.waitlistPosition)]));
    // Every position from 1 to the last told exactly once, and to the person the stored order puts there.
    expect([...toldInAnswer.values()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: crowd - 30 }, (_, i) => i + 1),
    );
    const wrong = order.filter((email, i) => toldInAnswer.get(email) !== i + 1);
    expect(wrong, `${wrong.length} of ${crowd - 30} told another position than the stored one`).toEqual([]);

    const mails = await mailsByAddress(order);
    const toldInMail = order.map((email) => (mails.get(email) ?? []).filter(isWaitlistMail).map(positionIn));
    expect(toldInMail).toEqual(order.map((_, i) => [i + 1]));
    // The places held on the group are exactly the people on the list.
    const groupItem = (await allItems(stack.tableName)).find(
      (item) => item.pk === `GROUP#${group.id}` && item.sk === 'GROUP',
    );
    expect(Object.values(groupItem?.waitlistClaims as Record<string, number>).sort((a, b) => a - b)).toEqual(
      requests
        .filter((r) => r.status === 'waitlisted')
        .map((r) => Number(r.waitlistSeq))
        .sort((a, b) => a - b),
    );
    expect(groupItem?.seatsTaken).toBe(30);

    // Pressed again later, each link tells the same position: the stored order has not changed.
    const again = await Promise.all(
      pending.slice(0, 40).map(async ({ request, url }) => ({ request, ...(await post(url)) })),
    );
    for (const { request, body } of again)
      if (body.status === 'waitlisted') expect(body.waitlistPosition).toBe(order.indexOf(request.email) + 1);
  }, 180_000);
});

describe('a group stored before places were held on it', () => {
  it('gets its map of places with the first claim: the first to wait is told 1, the next 2', async () => {
    const { group } = await seedGroup(networkId, ['Anna'], { capacity: 1 });
    await dynamo.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `GROUP#${group.id}`, sk: 'GROUP' },
        UpdateExpression: 'REMOVE waitlistClaims',
      }),
    );
    const pending = await pendingRequests(group, 2);
    const answers = [];
    for (const { url } of pending) answers.push(await post(url));
    expect(answers).toEqual([
      { status: 200, body: { status: 'waitlisted', waitlistPosition: 1 } },
      { status: 200, body: { status: 'waitlisted', waitlistPosition: 2 } },
    ]);
  });
});

describe('a group whose waitlist was filled before places were held on it', () => {
  it('counts those already waiting for a newcomer, passes a seat on to the first in line, lets the next leave', async () => {
    const { group, members } = await seedGroup(networkId, ['Anna'], { capacity: 1 });
    const waiting = await seedWaitlist(group, 2);
    await dynamo.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `GROUP#${group.id}`, sk: 'GROUP' },
        UpdateExpression: 'REMOVE waitlistClaims',
      }),
    );
    const [anna] = members as [JoinRequest];
    const [first, second] = waiting as [JoinRequest, JoinRequest];
    // Someone new is told a position behind the two already waiting.
    const [newcomer] = await pendingRequests(group, 1);
    expect(await post(newcomer?.url ?? '')).toEqual({
      status: 200,
      body: { status: 'waitlisted', waitlistPosition: 3 },
    });
    expect(await post(await leaveLinkOf(anna))).toEqual({ status: 200, body: { result: 'left-group' } });
    expect(await post(await leaveLinkOf(second))).toEqual({ status: 200, body: { result: 'left-waitlist' } });
    const requests = await requestsOf(group.id);
    expect(requests.find((r) => r.email === first.email)?.status).toBe('offered');
    expect(requests.find((r) => r.email === second.email)?.status).toBe('left');
  });
});

describe('leaving at the same moment', () => {
  it('24 seated, 20 press leave at once with 30 waiting: all 20 told they left, and they did', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `Medlem${i}`);
    const { group, members } = await seedGroup(networkId, names, { capacity: 24 });
    const waiting = await seedWaitlist(group, 30);
    const leavers = members.slice(0, 20);
    const links = await Promise.all(leavers.map(leaveLinkOf));

    const answers = await Promise.all(links.map(post));
    expect(answers).toEqual(Array(20).fill({ status: 200, body: { result: 'left-group' } }));

    const requests = await requestsOf(group.id);
    const statusOf = (email: string) => requests.find((r) => r.email === email)?.status;
    expect(leavers.map((m) => statusOf(m.email))).toEqual(Array(20).fill('left'));
    // The 20 seats went to the first 20 in line, as offers; the rest still wait, in order.
    expect(waiting.slice(0, 20).map((w) => statusOf(w.email))).toEqual(Array(20).fill('offered'));
    expect(storedOrder(requests)).toEqual(waiting.slice(20).map((w) => w.email));
    const groupItem = (await allItems(stack.tableName)).find(
      (item) => item.pk === `GROUP#${group.id}` && item.sk === 'GROUP',
    );
    expect(groupItem?.seatsTaken).toBe(24);

    const mails = await mailsByAddress([...leavers, ...waiting].map((p) => p.email));
    for (const leaver of leavers) expect(mails.get(leaver.email)).toHaveLength(1);
    for (const offered of waiting.slice(0, 20)) {
      const got = mails.get(offered.email) ?? [];
      expect(
        got.filter((mail) => text(mail).includes('/v1/offers/')),
        offered.email,
      ).toHaveLength(1);
      expect(got).toHaveLength(1);
    }
    for (const still of waiting.slice(20)) expect(mails.get(still.email)).toEqual([]);
  }, 120_000);

  it.each([1, 2, 3])(
    'a leave, the acceptance of an offer and a capacity change at once: each told what happened (round %i)',
    async () => {
      const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil', 'Cecilia'], { capacity: 3 });
      const [anna, bertil] = members as [JoinRequest, JoinRequest];
      const waiting = await seedWaitlist(group, 5);
      const [first] = waiting as [JoinRequest];

      // Anna leaves first: her seat is offered to the first in line.
      expect(await post(await leaveLinkOf(anna))).toEqual({ status: 200, body: { result: 'left-group' } });
      const offer = await stack.waitForEmailTo(first.email, (mail) => text(mail).includes('/v1/offers/'));
      const acceptUrl = linkIn(text(offer), '/v1/offers/').url;

      const [left, accepted, raised] = await Promise.all([
        post(await leaveLinkOf(bertil)),
        post(acceptUrl),
        stack.api(`/v1/admin/groups/${group.id}`, {
          method: 'PATCH',
          headers: adminHeaders,
          body: JSON.stringify({ capacity: 5 }),
        }),
      ]);
      expect(left).toEqual({ status: 200, body: { result: 'left-group' } });
      expect(accepted).toEqual({ status: 200, body: { result: 'offer-accepted' } });
      expect(raised.status).toBe(200);
      const { promotedFromWaitlist } = (await raised.json()) as { promotedFromWaitlist: number };

      const requests = await requestsOf(group.id);
      const statusOf = (email: string) => requests.find((r) => r.email === email)?.status;
      expect(statusOf(bertil.email)).toBe('left');
      expect(statusOf(first.email)).toBe('approved');
      // Five seats: Cecilia, the one who accepted, and the next three in line (offered or promoted).
      const rest = waiting.slice(1);
      const holding = rest.filter((w) => ['approved', 'offered'].includes(String(statusOf(w.email))));
      expect(holding.map((w) => w.email)).toEqual(rest.slice(0, 3).map((w) => w.email));
      expect(statusOf((rest[3] as JoinRequest).email)).toBe('waitlisted');
      const groupItem = (await allItems(stack.tableName)).find(
        (item) => item.pk === `GROUP#${group.id}` && item.sk === 'GROUP',
      );
      expect(groupItem?.seatsTaken).toBe(5);

      // The coordinator was told how many moved up; each of them was told they have a seat (a welcome
      // with a leave link), each offered one was told of the offer, and nobody got both.
      const mails = await mailsByAddress(rest.map((w) => w.email));
      const promoted = holding.filter((w) => statusOf(w.email) === 'approved');
      expect(promotedFromWaitlist).toBe(promoted.length);
      for (const w of holding) {
        const got = mails.get(w.email) ?? [];
        expect(got, w.email).toHaveLength(1);
        const offered = text(got[0] as StoredEmail).includes('/v1/offers/');
        expect(offered ? 'offered' : 'approved').toBe(statusOf(w.email));
      }
      expect(mails.get((rest[3] as JoinRequest).email)).toEqual([]);
    },
    60_000,
  );
});
