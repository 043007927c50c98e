import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { linkIn } from '../support/table.ts';

let stack: TestStack;
let headers: Record<string, string>;
const networkId = `admin-${randomUUID().slice(0, 6)}`;
const member = (label: string) => `${label}-${randomUUID().slice(0, 8)}@ale.se`;

beforeAll(async () => {
  stack = await useLocalStack();
  await createNetworkIfMissing({
    id: networkId,
    name: 'Grundskolenätverket',
    languages: ['sv'],
    coordinators: ['samordnare@example.org'],
    memberDomains: ['ale.se'],
    timeZone: 'Europe/Stockholm',
  });
  const token = await stack.token({ email: 'samordnare@example.org', networks: [networkId] });
  headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
});
afterAll(() => stack.stop());

const admin = (path: string, method: string, body?: unknown) =>
  stack.api(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function joinConfirmed(groupId: string, email: string) {
  await stack.api(`/v1/groups/${groupId}/join-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Elin', email, organisation: 'Ale', role: 'Rektor', consent: true }),
  });
  const mail = await stack.waitForEmailTo(email, (m) => (m.body.text ?? '').includes('/v1/confirm/'));
  const response = await fetch(linkIn(mail.body.text).url, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  return (await response.json()) as { status: string };
}

/** A group made through the admin API, online and led by Magnus; its id. */
async function groupMade(title: string, question: string, capacity: number): Promise<string> {
  const body = { title, question, facilitator: { name: 'Magnus' }, capacity, mode: 'online' };
  const created = await admin(`/v1/admin/networks/${networkId}/groups`, 'POST', body);
  return ((await created.json()) as { id: string }).id;
}

interface ListedJoinRequest {
  id: string;
  email: string;
  status: string;
  waitlistPosition?: number;
}

/** The group's join requests as the admin API lists them; with `status`, only those. */
async function joinRequestsOf(groupId: string, status?: string): Promise<ListedJoinRequest[]> {
  const query = status === undefined ? '' : `?status=${status}`;
  const listed = await admin(`/v1/admin/groups/${groupId}/join-requests${query}`, 'GET');
  return ((await listed.json()) as { joinRequests: ListedJoinRequest[] }).joinRequests;
}

describe('coordinators’ group routes', () => {
  it('create a group, list it, and validate what they send', async () => {
    const created = await admin(`/v1/admin/networks/${networkId}/groups`, 'POST', {
      title: 'Samnyttjande av skollokaler',
      question: 'Hur delar vi lokaler med föreningslivet?',
      facilitator: { name: 'Magnus Anclair' },
      capacity: 8,
      mode: 'in_person',
      location: 'Göteborg',
    });
    expect(created.status).toBe(201);
    const group = (await created.json()) as { id: string; seatsTaken: number; status: string };
    expect(group).toMatchObject({ seatsTaken: 0, status: 'open' });
    const listing = await admin(`/v1/admin/networks/${networkId}/groups`, 'GET');
    const listed = (await listing.json()) as { groups: { id: string }[] };
    expect(listing.status, JSON.stringify(listed)).toBe(200);
    expect(listed.groups.map((g) => g.id)).toContain(group.id);

    const invalid = await admin(`/v1/admin/networks/${networkId}/groups`, 'POST', {
      title: '',
      capacity: 0,
      mode: 'boat',
    });
    expect(invalid.status).toBe(400);
    const { error } = (await invalid.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields)).toEqual(
      expect.arrayContaining(['title', 'capacity', 'mode', 'question', 'facilitator']),
    );
  });

  it('raise the capacity and the waitlist moves up in order; lowering below the seats taken is refused', async () => {
    const id = await groupMade('Kapacitetsanalyser', 'Hur många elever ryms?', 1);
    const people = [member('a'), member('b'), member('c')];
    for (const email of people) await joinConfirmed(id, email);

    const listed = await joinRequestsOf(id, 'waitlisted');
    expect(listed.map((r) => [r.email, r.waitlistPosition])).toEqual([
      [people[1], 1],
      [people[2], 2],
    ]);

    const raised = await admin(`/v1/admin/groups/${id}`, 'PATCH', { capacity: 2 });
    expect(await raised.json()).toMatchObject({ capacity: 2, seatsTaken: 2, promotedFromWaitlist: 1 });
    await stack.waitForEmailTo(
      people[1] ?? '',
      (m) => (m.body.text ?? '').includes('/v1/leave/') && m.subject !== '',
    );
    const statuses = await joinRequestsOf(id);
    expect(Object.fromEntries(statuses.map((r) => [r.email, r.status]))).toEqual({
      [people[0] ?? '']: 'approved',
      [people[1] ?? '']: 'approved',
      [people[2] ?? '']: 'waitlisted',
    });

    const lowered = await admin(`/v1/admin/groups/${id}`, 'PATCH', { capacity: 1 });
    expect(lowered.status).toBe(409);
    const closed = await admin(`/v1/admin/groups/${id}`, 'PATCH', { status: 'closed' });
    expect(await closed.json()).toMatchObject({ status: 'closed' });
    const publicList = (await (await stack.api(`/v1/networks/${networkId}/groups`)).json()) as {
      groups: { id: string }[];
    };
    expect(publicList.groups.map((g) => g.id)).not.toContain(id);
  });

  it('approve and decline requests from outside the member organisations', async () => {
    const id = await groupMade('Utvärdering av skolhusprojekt', 'Vad lärde vi oss?', 3);
    const [outsider, other] = [uniqueEmail('consultant'), uniqueEmail('vendor')];
    expect(await joinConfirmed(id, outsider)).toEqual({ status: 'pending_approval' });
    expect(await joinConfirmed(id, other)).toEqual({ status: 'pending_approval' });
    const pending = await joinRequestsOf(id, 'pending_approval');
    const byEmail = Object.fromEntries(pending.map((r) => [r.email, r.id]));

    const approved = await admin(`/v1/admin/groups/${id}/join-requests/${byEmail[outsider]}/approve`, 'POST');
    expect(await approved.json()).toEqual({ status: 'approved' });
    const again = await admin(`/v1/admin/groups/${id}/join-requests/${byEmail[outsider]}/approve`, 'POST');
    expect(again.status).toBe(409);
    const declined = await admin(`/v1/admin/groups/${id}/join-requests/${byEmail[other]}/decline`, 'POST', {
      message: 'Gruppen är för rektorer.',
    });
    expect(await declined.json()).toEqual({ status: 'declined' });
    await stack.waitForEmailTo(other, (m) => (m.body.text ?? '').includes('Gruppen är för rektorer.'));
  });
});
