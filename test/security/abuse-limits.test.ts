/**
 * Issue 13, point 5: someone posting the public forms 50 times in a minute for one victim address must
 * not make samla mail that address more than a few times. Every form, one target and many targets, and
 * a mixed attack across forms, networks and groups, through the local API; the mails are counted in the
 * local SES inbox once every workflow the posts started has sent what it sends straight away.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalExecution } from '../../infra/local/stepfunctions.ts';
import {
  allowanceHash,
  unsolicitedMailLimit,
  windowEndingAfter,
} from '../../shared/domain/mail-allowance.ts';
import { keys } from '../../shared/store/keys.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { type MailPlace, returnMailPlace, takeMailPlace } from '../../shared/store/rate-limits.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { allItems } from '../support/table.ts';

const N = unsolicitedMailLimit.max;
const POSTS = 50;

let stack: TestStack;
/** Ten networks, each with one open group: enough distinct targets to go past the cap. */
let networks: string[];
let groups: string[];

beforeAll(async () => {
  stack = await useLocalStack();
  const tag = randomUUID().slice(0, 6);
  networks = Array.from({ length: 10 }, (_, i) => `abuse-${tag}-${i}`);
  for (const id of networks)
    await createNetworkIfMissing({
      id,
      name: `Nätverk ${id}`,
      languages: ['sv', 'nb', 'en'],
      coordinators: [`samordnare-${tag}@example.org`],
      memberDomains: ['skola.se'],
      timeZone: 'Europe/Stockholm',
    });
  groups = [];
  for (const id of networks) groups.push((await seedGroup(id, [])).group.id);
}, 60_000);
afterAll(() => stack?.stop());

function post(path: string, body: unknown): Promise<Response> {
  return stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

const person = { name: 'Anna Lindqvist', organisation: 'Ekskolan', role: 'Rektor', consent: true };
const forms = {
  interest: (email: string, networkId: string) =>
    post(`/v1/networks/${networkId}/interest`, { ...person, email, topics: ['Skolans ekonomi'] }),
  join: (email: string, groupId: string) => post(`/v1/groups/${groupId}/join-requests`, { ...person, email }),
  proposal: (email: string, networkId: string, title: string) =>
    post(`/v1/networks/${networkId}/group-proposals`, {
      ...person,
      email,
      title,
      question: 'Hur räknar vi på inredningen?',
    }),
  privacy: (email: string, kind: 'export' | 'erase') => post('/v1/privacy/requests', { email, kind }),
};

/** Half the posts at once, the other half one after the other; every answer as the form always gives it. */
async function attack(posts: readonly (() => Promise<Response>)[], expected = 202): Promise<void> {
  const half = Math.ceil(posts.length / 2);
  const statuses = (await Promise.all(posts.slice(0, half).map((send) => send()))).map((r) => r.status);
  for (const send of posts.slice(half)) statuses.push((await send()).status);
  expect(statuses).toEqual(posts.map(() => expected));
}

/** One after the other: where posts go to many targets, the exact count is then known. */
async function inSequence(posts: readonly (() => Promise<Response>)[]): Promise<void> {
  for (const send of posts) expect((await send()).status).toBe(202);
}

/**
 * The mails an address got. Interest confirmations are sent by the opt-in workflow after the
 * answer: wait until every execution has sent (it then waits for the click) or ended (a re-send).
 */
async function mailsTo(email: string): Promise<number> {
  const sent = (execution: LocalExecution) =>
    execution.status !== 'RUNNING' ||
    execution.events.some((e) => e.type === 'StateEntered' && e.stateName === 'WaitForConfirmation');
  const deadline = Date.now() + 20_000;
  while (!stack.sfn.listExecutions(stack.optInWorkflowArn).every(sent)) {
    if (Date.now() > deadline) throw new Error('opt-in workflows still sending after 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await stack.emailsTo(email)).length;
}

/** The records the posts left for the address: a refused post must leave none. */
async function recordsOf(email: string): Promise<number> {
  const kinds = new Set(['registration', 'join-request', 'group-proposal']);
  return (await allItems(stack.tableName)).filter(
    (item) => item.email === email && kinds.has(String(item.type)),
  ).length;
}

/** The address's allowance counter, if the table holds one. */
async function counterOf(email: string): Promise<Record<string, unknown> | undefined> {
  const { pk } = keys.mailAllowance(allowanceHash(email));
  return (await allItems(stack.tableName)).find((item) => item.pk === pk);
}

const clockHour = () => new Date().toISOString().slice(0, 13);

/**
 * A privacy link goes at most once per kind and clock hour (shared/services/privacy.ts): exactly
 * `expected`, unless the hour turned during the test, when each kind may have gone once more.
 */
function expectPerClockHour(mails: number, expected: number, since: string): void {
  if (clockHour() === since) expect(mails).toBe(expected);
  else expect(mails).toBeGreaterThanOrEqual(expected);
  expect(mails).toBeLessThanOrEqual(2 * expected);
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe(`${POSTS} posts in a minute for one victim address`, () => {
  it('interest in one network: one confirmation (a repeat re-sends at most every ten minutes)', async () => {
    const victim = uniqueEmail('victim');
    await attack(times(POSTS, () => () => forms.interest(victim, networks[0] as string)));
    expect(await mailsTo(victim)).toBe(1);
  });

  it(`interest in ten networks: ${N} confirmations, and no registration for the refused posts`, async () => {
    const victim = uniqueEmail('victim');
    await inSequence(times(POSTS, (i) => () => forms.interest(victim, networks[i % 10] as string)));
    expect(await mailsTo(victim)).toBe(N);
    expect(await recordsOf(victim)).toBe(N);
  });

  it('join requests to one group: one confirmation', async () => {
    const victim = uniqueEmail('victim');
    await attack(times(POSTS, () => () => forms.join(victim, groups[0] as string)));
    expect(await mailsTo(victim)).toBe(1);
  });

  it(`join requests to ten groups: ${N} confirmations, and no request for the refused posts`, async () => {
    const victim = uniqueEmail('victim');
    await inSequence(times(POSTS, (i) => () => forms.join(victim, groups[i % 10] as string)));
    expect(await mailsTo(victim)).toBe(N);
    expect(await recordsOf(victim)).toBe(N);
  });

  it('group proposals with one title: one confirmation', async () => {
    const victim = uniqueEmail('victim');
    await attack(times(POSTS, () => () => forms.proposal(victim, networks[0] as string, 'Rektors mandat')));
    expect(await mailsTo(victim)).toBe(1);
  });

  it(`group proposals with ${POSTS} titles: ${N} confirmations, and no proposal for the refused posts`, async () => {
    const victim = uniqueEmail('victim');
    await inSequence(
      times(POSTS, (i) => () => forms.proposal(victim, networks[0] as string, `Rektors mandat ${i}`)),
    );
    expect(await mailsTo(victim)).toBe(N);
    expect(await recordsOf(victim)).toBe(N);
  });

  it('privacy requests for a known address: one link per kind (an unknown address gets none)', async () => {
    const { members } = await seedGroup(networks[0] as string, ['Greta']);
    const victim = (members[0] as { email: string }).email;
    const stranger = uniqueEmail('stranger');
    const started = clockHour();
    await attack(times(POSTS, () => () => forms.privacy(victim, 'export')));
    expectPerClockHour(await mailsTo(victim), 1, started);
    await attack(times(POSTS, (i) => () => forms.privacy(victim, i % 2 === 0 ? 'erase' : 'export')));
    const mails = await mailsTo(victim);
    expectPerClockHour(mails, 2, started);
    await attack(times(POSTS, (i) => () => forms.privacy(stranger, i % 2 === 0 ? 'erase' : 'export')));
    expect(await mailsTo(stranger)).toBe(0);
    // Only mails that went out are counted: the stranger's places were given back, the counter deleted.
    expect(await counterOf(stranger)).toBeUndefined();
    expect(await counterOf(victim)).toMatchObject({ count: mails });
  });

  it(`a mixed attack over every form, network and group: at most ${N}, and exactly ${N}`, async () => {
    const victim = uniqueEmail('victim');
    const mixed = times(POSTS, (i) => {
      const target = i % 10;
      switch (i % 4) {
        case 0:
          return () => forms.interest(victim, networks[target] as string);
        case 1:
          return () => forms.join(victim, groups[target] as string);
        case 2:
          return () => forms.proposal(victim, networks[target] as string, `Förslag ${i}`);
        default:
          return () => forms.privacy(victim, i % 8 === 3 ? 'export' : 'erase');
      }
    });
    // All at once first: concurrent posts must not overshoot the cap.
    await Promise.all(mixed.slice(0, 25).map(async (send) => expect((await send()).status).toBe(202)));
    expect(await mailsTo(victim)).toBeLessThanOrEqual(N);
    // Then in a row, new proposal titles among them: the cap is reached, and not passed.
    await inSequence(mixed.slice(25));
    expect(await mailsTo(victim)).toBe(N);
  });

  it(`lets a real person's sitting through: interest, two groups, a proposal and their data (${N - 1} mails)`, async () => {
    const email = uniqueEmail('real');
    expect((await forms.interest(email, networks[1] as string)).status).toBe(202);
    expect((await forms.join(email, groups[1] as string)).status).toBe(202);
    expect((await forms.join(email, groups[2] as string)).status).toBe(202);
    expect((await forms.proposal(email, networks[1] as string, 'Rekrytering')).status).toBe(202);
    expect((await forms.privacy(email, 'export')).status).toBe(202);
    expect(await mailsTo(email)).toBe(5);
  });
});

describe('the allowance counter in the table', () => {
  it(`gives exactly ${N} of ${POSTS} concurrent takers a place, and keeps no address`, async () => {
    const email = uniqueEmail('counter');
    const now = new Date();
    const places = await Promise.all(times(POSTS, () => takeMailPlace(email, now)));
    expect(places.filter((place) => place !== undefined)).toHaveLength(N);
    const counter = await counterOf(email);
    expect(counter).toMatchObject({ count: N, windowEndsAt: windowEndingAfter(now) });
    expect(counter?.expiresAt).toBe(counter?.windowEndsAt);
    expect(JSON.stringify(counter)).not.toContain(email.split('@')[0]);
  });

  it('takes a place given back again, and starts a new window once the old one has ended', async () => {
    const email = uniqueEmail('counter');
    const now = new Date();
    const places = await Promise.all(times(N, () => takeMailPlace(email, now)));
    expect(await takeMailPlace(email, now)).toBeUndefined();
    await returnMailPlace(places[0] as MailPlace);
    expect(await takeMailPlace(email, now)).toBeDefined();
    expect(await takeMailPlace(email, now)).toBeUndefined();

    // A day later (DynamoDB Local never deletes by TTL; AWS may take a while too): a fresh window.
    const later = new Date(now.getTime() + unsolicitedMailLimit.windowSeconds * 1000);
    const renewed = await Promise.all(times(POSTS, () => takeMailPlace(email, later)));
    expect(renewed.filter((place) => place !== undefined)).toHaveLength(N);
    expect(await counterOf(email)).toMatchObject({ count: N, windowEndsAt: windowEndingAfter(later) });
    // A place from the ended window is not owed to the new one.
    await returnMailPlace(places[1] as MailPlace);
    expect((await counterOf(email))?.count).toBe(N);
  });

  it('leaves nothing behind when every place taken is given back', async () => {
    const email = uniqueEmail('counter');
    const now = new Date();
    const places = await Promise.all(times(3, () => takeMailPlace(email, now)));
    await Promise.all(places.map((place) => returnMailPlace(place as MailPlace)));
    expect(await counterOf(email)).toBeUndefined();
    expect(await takeMailPlace(email, now)).toBeDefined();
    expect((await counterOf(email))?.count).toBe(1);
  });
});
