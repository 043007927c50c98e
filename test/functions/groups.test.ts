import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group } from '../../shared/domain/group.ts';
import { personId } from '../../shared/domain/person.ts';
import { joinApprovedCopy, leftGroupCopy, waitlistClosedCopy } from '../../shared/mail/groups.ts';
import { createGroup } from '../../shared/store/groups.ts';
import { keys } from '../../shared/store/keys.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { setMailChoice } from '../../shared/store/people.ts';
import { closeGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems, linkIn } from '../support/table.ts';

// Offers last about five seconds here, so a test can watch one run out and pass on.
let stack: TestStack;
const networkId = `groups-${randomUUID().slice(0, 6)}`;
const coordinator = `coordinator-${randomUUID().slice(0, 6)}@example.org`;
const memberAddress = (label: string) => `${label}-${randomUUID().slice(0, 8)}@ekskolan.se`;

beforeAll(async () => {
  stack = await useLocalStack({ env: { OFFER_HOURS: '0.0014' } });
  await createNetworkIfMissing({
    id: networkId,
    name: 'Forum för skolbyggnader',
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinator],
    memberDomains: ['ekskolan.se'],
    timeZone: 'Europe/Stockholm',
  });
});
afterAll(() => stack.stop());

async function newGroup(overrides: Partial<Group> = {}): Promise<Group> {
  const at = new Date().toISOString();
  const group: Group = {
    id: randomUUID().slice(0, 12),
    networkId,
    title: 'Kostnader för skolans inredning',
    question: 'Hur räknar vi på inredningen i ett nytt skolhus?',
    facilitator: { name: 'Magnus' },
    capacity: 30,
    seatsTaken: 0,
    mode: 'online',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  await createGroup(group);
  return group;
}

const person = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Åsa Ericson',
  email,
  organisation: 'Ekskolan',
  role: 'Rektor',
  consent: true,
  language: 'sv',
  ...extra,
});

function ask(groupId: string, body: unknown) {
  return stack.api(`/v1/groups/${groupId}/join-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const postJson = (url: string, body?: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(body ? { body: new URLSearchParams(body).toString() } : {}),
  });

const hasLink = (path: string) => (mail: { body: { text?: string } }) =>
  (mail.body.text ?? '').includes(path);

/** Asks to join and confirms by the emailed link; returns the JSON answer of the confirmation. */
async function join(groupId: string, email: string) {
  expect((await ask(groupId, person(email))).status).toBe(202);
  const { url } = linkIn((await stack.waitForEmailTo(email, hasLink('/v1/confirm/'))).body.text);
  const response = await postJson(url);
  expect(response.status).toBe(200);
  return (await response.json()) as { status: string; waitlistPosition?: number };
}

const coordinatorHeaders = async () => ({
  authorization: `Bearer ${await stack.token({ email: coordinator, networks: [networkId] })}`,
  'content-type': 'application/json',
});

const groupItem = async (groupId: string) =>
  (await allItems(stack.tableName)).find((item) => item.pk === `GROUP#${groupId}` && item.sk === 'GROUP');
const requestItems = async (groupId: string) =>
  (await allItems(stack.tableName)).filter(
    (item) => item.pk === `GROUP#${groupId}` && item.type === 'join-request',
  );

describe('the public group list', () => {
  it('lists open groups with the seats left, cacheable for a minute', async () => {
    const open = await newGroup({ capacity: 12, seatsTaken: 5 });
    const closed = await newGroup({ status: 'closed', title: 'Avslutad' });
    const response = await stack.api(`/v1/networks/${networkId}/groups`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const { groups } = (await response.json()) as {
      groups: { id: string; seatsLeft: number; upcomingMeetings: [] }[];
    };
    expect(groups.find((g) => g.id === open.id)).toMatchObject({ seatsLeft: 7, upcomingMeetings: [] });
    expect(groups.map((g) => g.id)).not.toContain(closed.id);
    expect((await stack.api('/v1/networks/no-such/groups')).status).toBe(404);
  });
});

describe('joining a group', () => {
  it('gives a member organisation’s person a seat after the emailed confirmation, which a GET does not do', async () => {
    const group = await newGroup({ capacity: 2 });
    const email = memberAddress('seat');
    expect((await ask(group.id, person(email))).status).toBe(202);
    const confirmation = await stack.waitForEmailTo(email, hasLink('/v1/confirm/'));
    const { url } = linkIn(confirmation.body.text);
    await quiesce(stack); // opt-in workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<form method="post"/);
    expect(await allItems(stack.tableName)).toEqual(before);

    expect(await (await postJson(url)).json()).toEqual({ status: 'approved' });
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });
    const welcome = await stack.waitForEmailTo(email, hasLink('/v1/leave/'));
    expect(welcome.body.text).toContain(group.title);
    expect(await (await postJson(url)).json()).toEqual({ status: 'approved' });
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });
  });

  it('tells someone who stopped all mail from the network, on the page and in the welcome, that no invitation will come', async () => {
    const group = await newGroup({ capacity: 5 });
    const [quiet, usual] = [memberAddress('quiet'), memberAddress('usual')];
    await setMailChoice(personId(quiet), networkId, 'all', new Date());
    const pageOf = async (email: string) => {
      expect((await ask(group.id, person(email))).status).toBe(202);
      const { url } = linkIn((await stack.waitForEmailTo(email, hasLink('/v1/confirm/'))).body.text);
      const response = await fetch(url, { method: 'POST', headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      return response.text();
    };
    const noInvitations = 'så inbjudningarna till träffarna kommer inte';
    const quietPage = await pageOf(quiet);
    expect(quietPage).toContain(noInvitations);
    expect(quietPage).not.toContain('separata inbjudningar');
    const quietWelcome = await stack.waitForEmailTo(quiet, hasLink('/v1/leave/'));
    expect(quietWelcome.body.text).toContain(joinApprovedCopy.sv.datesMailOff);
    expect(quietWelcome.body.text).not.toContain(joinApprovedCopy.sv.dates);
    // The way back the welcome names: its own unsubscribe link, which offers to turn the mail back on.
    const unsubscribe = linkIn(quietWelcome.body.text, '/v1/unsubscribe/').url;
    const back = await fetch(unsubscribe, { headers: { accept: 'text/html' } });
    expect(await back.text()).toContain('name="scope" value="none"');

    const usualPage = await pageOf(usual);
    expect(usualPage).toContain('separata inbjudningar');
    expect(usualPage).not.toContain(noInvitations);
    const usualWelcome = await stack.waitForEmailTo(usual, hasLink('/v1/leave/'));
    expect(usualWelcome.body.text).toContain(joinApprovedCopy.sv.dates);
  });

  it('a plain form post gets the receipt of a join request, in the form’s language', async () => {
    const group = await newGroup();
    const response = await stack.api(`/v1/groups/${group.id}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(
        Object.entries(person(memberAddress('form'), { language: 'nb' })).map(
          ([key, value]): [string, string] => [key, String(value)],
        ),
      ).toString(),
    });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('står på ventelisten');
  });

  it('puts people on the waitlist in order once the group is full', async () => {
    const group = await newGroup({ capacity: 1 });
    expect(await join(group.id, memberAddress('first'))).toEqual({ status: 'approved' });
    expect(await join(group.id, memberAddress('second'))).toEqual({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const third = memberAddress('third');
    expect(await join(group.id, third)).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
    const mail = await stack.waitForEmailTo(third, hasLink('/v1/leave/'));
    expect(mail.body.text).toContain('2');
  });

  it('keeps one request per person and group, and refuses closed and unknown groups', async () => {
    const group = await newGroup();
    const email = memberAddress('twice');
    const first = await ask(group.id, person(email));
    const second = await ask(group.id, person(email.toUpperCase(), { name: 'Någon annan' }));
    expect(await second.json()).toEqual(await first.json());
    expect(await requestItems(group.id)).toHaveLength(1);

    const closed = await newGroup({ status: 'closed' });
    const refused = await ask(closed.id, person(memberAddress('late')));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('group_closed');
    expect((await ask('no-such-group', person(memberAddress('lost')))).status).toBe(404);
    const invalid = await ask(group.id, { ...person('not-an-address'), consent: false });
    expect(invalid.status).toBe(400);
    expect(
      Object.keys(((await invalid.json()) as { error: { fields: object } }).error.fields).sort(),
    ).toEqual(['consent', 'email']);
    expect(await requestItems(closed.id)).toHaveLength(0);
  });

  it('confirming from outside the member organisations after the group closed: told it is closed, not that a coordinator will review it', async () => {
    const group = await newGroup({ capacity: 5 });
    const outsider = uniqueEmail('closed-before');
    const memberOfNetwork = memberAddress('closed-before');
    for (const email of [outsider, memberOfNetwork])
      expect((await ask(group.id, person(email))).status).toBe(202);
    await closeGroup(stack, group.id, (await coordinatorHeaders()).authorization);
    // Both are answered alike, whoever would have decided on their seat.
    for (const email of [outsider, memberOfNetwork]) {
      const { url } = linkIn((await stack.waitForEmailTo(email, hasLink('/v1/confirm/'))).body.text);
      const confirmed = await postJson(url);
      expect(confirmed.status).toBe(409);
      expect(await confirmed.json()).toMatchObject({ error: { code: 'group_closed' } });
    }
    expect((await requestItems(group.id)).map((r) => r.status)).toEqual([
      'pending_confirmation',
      'pending_confirmation',
    ]);
    expect((await stack.emailsTo(coordinator)).filter((m) => (m.body.text ?? '').includes(outsider))).toEqual(
      [],
    );
  });

  it('a request waiting in a group closed since: approving says the group is closed, and the request still waits', async () => {
    const group = await newGroup({ capacity: 5 });
    const outsider = uniqueEmail('closed-out');
    expect(await join(group.id, outsider)).toEqual({ status: 'pending_approval' });
    const request = await stack.waitForEmailTo(
      coordinator,
      (m) => hasLink('/v1/decisions/')(m) && (m.body.text ?? '').includes(outsider),
    );
    const [approve = ''] = [
      ...(request.body.text ?? '').matchAll(/https?:\S+\/v1\/decisions\/[A-Za-z0-9_-]+/g),
    ].map((m) => m[0]);
    const admin = await coordinatorHeaders();
    await closeGroup(stack, group.id, admin.authorization);

    const byLink = await postJson(approve);
    expect(byLink.status).toBe(409);
    expect(await byLink.json()).toMatchObject({ error: { code: 'join_group_closed' } });
    const page = await fetch(approve, { method: 'POST', headers: { accept: 'text/html' } });
    expect(page.status).toBe(409);
    expect(await page.text()).toContain('Gruppen är stängd. Öppna den i konsolen för att godkänna förfrågan');
    const [pending] = (await requestItems(group.id)).filter((r) => r.email === outsider);
    const byConsole = await fetch(
      `${stack.apiUrl}/v1/admin/groups/${group.id}/join-requests/${String(pending?.id)}/approve`,
      { method: 'POST', headers: admin },
    );
    expect(byConsole.status).toBe(409);
    expect(await byConsole.json()).toMatchObject({ error: { code: 'join_group_closed' } });
    expect(pending).toMatchObject({ status: 'pending_approval' });
    expect((await requestItems(group.id)).find((r) => r.email === outsider)).toMatchObject({
      status: 'pending_approval',
    });
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 0 });
    // The overview (and the digest, from the same state) names the closed group by its title, not its id.
    const overview = await fetch(`${stack.apiUrl}/v1/admin/networks/${networkId}/overview`, {
      headers: admin,
    });
    const { decisions } = (await overview.json()) as {
      decisions: { requestId: string; groupTitle: string }[];
    };
    expect(decisions.find((d) => d.requestId === pending?.id)?.groupTitle).toBe(group.title);
  });

  it('lets a coordinator decide on others by single-use emailed links', async () => {
    const group = await newGroup({ capacity: 5 });
    const outsider = uniqueEmail('outsider');
    expect(await join(group.id, outsider)).toEqual({ status: 'pending_approval' });
    const request = await stack.waitForEmailTo(
      coordinator,
      (m) => hasLink('/v1/decisions/')(m) && (m.body.text ?? '').includes(outsider),
    );
    const links = [...(request.body.text ?? '').matchAll(/https?:\S+\/v1\/decisions\/[A-Za-z0-9_-]+/g)].map(
      (m) => m[0],
    );
    expect(links).toHaveLength(2);
    const [approve, decline] = links as [string, string];

    await quiesce(stack); // opt-in workflows write on their own (a link, an outbox entry)

    const before = await allItems(stack.tableName);
    expect((await fetch(approve)).status).toBe(200);
    expect(await allItems(stack.tableName)).toEqual(before);
    expect(await (await postJson(approve)).json()).toEqual({ result: 'join-request-approved' });
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });
    expect(await (await postJson(decline, { message: 'Tyvärr' })).json()).toEqual({
      result: 'already-decided',
    });
    await stack.waitForEmailTo(outsider, hasLink('/v1/leave/'));

    const declined = uniqueEmail('declined');
    await join(group.id, declined);
    const second = await stack.waitForEmailTo(coordinator, (m) => (m.body.text ?? '').includes(declined));
    const [, declineLink] = [
      ...(second.body.text ?? '').matchAll(/https?:\S+\/v1\/decisions\/[A-Za-z0-9_-]+/g),
    ].map((m) => m[0]);
    expect(
      await (
        await postJson(declineLink ?? '', { message: 'Gruppen är bara för kommunerna i regionen.' })
      ).json(),
    ).toEqual({
      result: 'join-request-declined',
    });
    const news = await stack.waitForEmailTo(declined, (m) =>
      (m.body.text ?? '').includes('bara för kommunerna'),
    );
    expect(news.body.html).toContain('bara för kommunerna');
  });
});

describe('leaving and the waitlist', () => {
  it('offers a freed seat to the first in line, passes an untaken offer on, and the next can accept', async () => {
    const group = await newGroup({ capacity: 1 });
    const member = memberAddress('leaver');
    const [first, second] = [memberAddress('next'), memberAddress('after')];
    await join(group.id, member);
    await join(group.id, first);
    await join(group.id, second);

    const leaveLink = linkIn(
      (await stack.waitForEmailTo(member, hasLink('/v1/leave/'))).body.text,
      '/v1/leave/',
    );
    await quiesce(stack); // opt-in workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const page = await fetch(leaveLink.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/<form method="post"/);
    expect(await allItems(stack.tableName)).toEqual(before);
    // A token works on its own route only: a leave link posted as a decision is unknown there.
    const misrouted = await postJson(leaveLink.url.replace('/v1/leave/', '/v1/decisions/'));
    expect(misrouted.status).toBe(404);
    expect(await allItems(stack.tableName)).toEqual(before);
    expect(await (await postJson(leaveLink.url)).json()).toEqual({ result: 'left-group' });
    const offer = await stack.waitForEmailTo(first, hasLink('/v1/offers/'));
    expect(offer.body.text).toContain(group.title);
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });

    // Nobody takes the first offer: it runs out and passes to the next in line.
    const nextOffer = await stack.waitForEmailTo(second, hasLink('/v1/offers/'), 15_000);
    const statuses = Object.fromEntries((await requestItems(group.id)).map((r) => [r.email, r.status]));
    expect(statuses).toMatchObject({ [member]: 'left', [first]: 'offer_expired', [second]: 'offered' });
    // Coordinators can list the run-out offers on their own (a status the filter once refused with 400).
    const token = await stack.token({ email: coordinator, networks: [networkId] });
    const runOut = await fetch(
      `${stack.apiUrl}/v1/admin/groups/${group.id}/join-requests?status=offer_expired`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(runOut.status).toBe(200);
    const listed = ((await runOut.json()) as { joinRequests: { email: string; status: string }[] })
      .joinRequests;
    expect(listed.map((r) => [r.email, r.status])).toEqual([[first, 'offer_expired']]);
    // The run-out offer goes by TTL after a month; the one who left stays on record.
    const expired = (await requestItems(group.id)).find((r) => r.email === first);
    const month = 30 * 24 * 3600;
    expect(Number(expired?.expiresAt) - Date.now() / 1000).toBeGreaterThan(month - 60);
    expect(Number(expired?.expiresAt) - Date.now() / 1000).toBeLessThanOrEqual(month);
    const late = await postJson(linkIn(offer.body.text, '/v1/offers/').url);
    expect(late.status).toBe(410);

    const acceptUrl = linkIn(nextOffer.body.text, '/v1/offers/').url;
    await quiesce(stack); // opt-in workflows write on their own (a link, an outbox entry)
    const beforeAccept = await allItems(stack.tableName);
    expect((await fetch(acceptUrl, { headers: { accept: 'text/html' } })).status).toBe(200);
    expect(await allItems(stack.tableName)).toEqual(beforeAccept);
    const acceptedAt = Date.now();
    expect(await (await postJson(acceptUrl)).json()).toEqual({
      result: 'offer-accepted',
    });
    // Taking the seat is taking part: the retention sweep counts from here.
    const { pk, sk } = keys.person(personId(second));
    const profile = (await allItems(stack.tableName)).find((item) => item.pk === pk && item.sk === sk);
    expect(Date.parse(String(profile?.lastActiveAt))).toBeGreaterThanOrEqual(acceptedAt);
    const after = Object.fromEntries((await requestItems(group.id)).map((r) => [r.email, r.status]));
    expect(after[second]).toBe('approved');
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });
  });

  it('declining an offered seat: the receipt says so, not that they left a group they never sat in', async () => {
    const group = await newGroup({ capacity: 1 });
    const [member, offered] = [memberAddress('seat-holder'), memberAddress('declines')];
    await join(group.id, member);
    await join(group.id, offered);
    const leave = linkIn((await stack.waitForEmailTo(member, hasLink('/v1/leave/'))).body.text, '/v1/leave/');
    expect(await (await postJson(leave.url)).json()).toEqual({ result: 'left-group' });
    const offer = await stack.waitForEmailTo(offered, hasLink('/v1/offers/'));
    const decline = linkIn(offer.body.text, '/v1/leave/');
    expect(await (await postJson(decline.url)).json()).toEqual({ result: 'offer-declined' });

    const copy = leftGroupCopy.sv;
    const receipt = await stack.waitForEmailTo(offered, (m) =>
      m.subject.startsWith(copy.offer.subject('Forum för skolbyggnader', group.title)),
    );
    expect(receipt.body.text).toContain(copy.offer.intro('Forum för skolbyggnader', group.title));
    expect(receipt.body.text).not.toContain(copy.group.intro('Forum för skolbyggnader', group.title));
    // The member who did sit in the group gets the group's receipt.
    const left = await stack.waitForEmailTo(member, (m) => m.subject.startsWith('Du har lämnat'));
    expect(left.body.text).toContain(copy.group.after);
    expect((await requestItems(group.id)).find((r) => r.email === offered)).toMatchObject({ status: 'left' });
  });

  it('tells the waitlist once when the group closes: they keep their place, and nobody moves up', async () => {
    const group = await newGroup({ capacity: 1 });
    const [seated, first, second] = [
      memberAddress('seated'),
      memberAddress('first'),
      memberAddress('second'),
    ];
    for (const email of [seated, first, second]) await join(group.id, email);
    const { authorization } = await coordinatorHeaders();
    await closeGroup(stack, group.id, authorization);
    const subject = waitlistClosedCopy.sv.subject('Forum för skolbyggnader', group.title);
    const told = async (email: string) => (await stack.emailsTo(email)).filter((m) => m.subject === subject);
    for (const email of [first, second])
      await stack.waitForEmailTo(email, (mail) => mail.subject === subject);
    // Once per close: a later change to the closed group tells nobody again; the seated member was never told.
    const renamed = await stack.api(`/v1/admin/groups/${group.id}`, {
      method: 'PATCH',
      headers: await coordinatorHeaders(),
      body: JSON.stringify({ title: `${group.title} (vår)` }),
    });
    expect(renamed.status).toBe(200);
    await quiesce(stack);
    expect((await told(first)).length).toBe(1);
    expect((await told(second)).length).toBe(1);
    expect(await told(seated)).toEqual([]);
    // What the mail says holds: both still wait, in their places.
    const statuses = Object.fromEntries((await requestItems(group.id)).map((r) => [r.email, r.status]));
    expect(statuses).toMatchObject({ [seated]: 'approved', [first]: 'waitlisted', [second]: 'waitlisted' });
  });

  it('lets someone leave the waitlist; the seat count does not move', async () => {
    const group = await newGroup({ capacity: 1 });
    await join(group.id, memberAddress('seated'));
    const waiting = memberAddress('waiting');
    await join(group.id, waiting);
    const link = linkIn((await stack.waitForEmailTo(waiting, hasLink('/v1/leave/'))).body.text, '/v1/leave/');
    expect(await (await postJson(link.url)).json()).toEqual({ result: 'left-waitlist' });
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 1 });
    expect((await requestItems(group.id)).find((r) => r.email === waiting)).toMatchObject({ status: 'left' });
    expect((await requestItems(group.id)).find((r) => r.email === waiting)).not.toHaveProperty('gsi1pk');
  });
});

describe('contention', () => {
  it('seats exactly 30 of 200 people confirming at once, and waitlists 170 in distinct places', async () => {
    const group = await newGroup({ capacity: 30 });
    const emails = Array.from({ length: 200 }, (_, i) => memberAddress(`crowd${i}`));
    for (let i = 0; i < emails.length; i += 25)
      await Promise.all(
        emails
          .slice(i, i + 25)
          .map(async (email) => expect((await ask(group.id, person(email))).status).toBe(202)),
      );
    const links = await Promise.all(
      emails.map(
        async (email) =>
          // 200 confirmations from as many opt-in workflows, on a machine running other tests too.
          linkIn((await stack.waitForEmailTo(email, hasLink('/v1/confirm/'), 90_000)).body.text).url,
      ),
    );
    const answers = await Promise.all(
      links.map(async (url) => (await (await postJson(url)).json()) as { status: string }),
    );
    expect(answers.filter((a) => a.status === 'approved')).toHaveLength(30);
    expect(answers.filter((a) => a.status === 'waitlisted')).toHaveLength(170);

    const requests = await requestItems(group.id);
    expect(requests).toHaveLength(200);
    expect(requests.filter((r) => r.status === 'approved')).toHaveLength(30);
    const waitlisted = requests.filter((r) => r.status === 'waitlisted');
    expect(waitlisted).toHaveLength(170);
    expect(new Set(waitlisted.map((r) => r.waitlistSeq)).size).toBe(170);
    expect(await groupItem(group.id)).toMatchObject({ seatsTaken: 30 });
  }, 120_000);
});
