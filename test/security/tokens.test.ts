/**
 * Emailed link tokens: random enough, stored only hashed, single use, expiring; and a GET of any link
 * route of the route table (a mail scanner following it) changes nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentTo } from '../../infra/local/ses.ts';
import { routes } from '../../shared/http/routes.ts';
import { issueLink } from '../../shared/links.ts';
import { hashToken, newToken } from '../../shared/tokens.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems } from '../support/table.ts';
import { linksIn, WAIT_FOR_NEXT_MS, type Walked, walkThrough } from './flow.ts';

let stack: TestStack;
let walked: Walked;
beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: WAIT_FOR_NEXT_MS } });
  walked = await walkThrough(stack);
}, 180_000);
afterAll(() => stack.stop());

const kindOf = (path: string) => path.split('/')[2] ?? '';
const bytesOf = (token: string) => Buffer.from(token, 'base64url');

describe('link tokens', () => {
  it('carry 256 random bits: 43 base64url characters, never the same twice, every bit even', () => {
    const tokens = walked.links.map((link) => link.token);
    expect(tokens.length).toBeGreaterThan(15);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(bytesOf(token)).toHaveLength(32);
    }

    // Each of the 256 bit positions is set in about half of many tokens (6 standard deviations: a
    // clock, a counter or a weak generator in the token shows up here).
    const count = 4096;
    const ones = new Array<number>(256).fill(0);
    const seen = new Set<string>();
    let distance = 0;
    let previous: Buffer | undefined;
    for (let i = 0; i < count; i += 1) {
      const token = newToken();
      seen.add(token);
      const bytes = bytesOf(token);
      expect(bytes).toHaveLength(32);
      for (let bit = 0; bit < 256; bit += 1)
        ones[bit] = (ones[bit] ?? 0) + (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
      if (previous)
        for (let b = 0; b < 32; b += 1) distance += popcount((bytes[b] ?? 0) ^ (previous[b] ?? 0));
      previous = bytes;
    }
    expect(seen.size).toBe(count);
    const sigma = Math.sqrt(count) / 2;
    for (const set of ones) expect(Math.abs(set - count / 2)).toBeLessThan(6 * sigma);
    // Consecutive tokens differ in half their bits on average: nothing carries over from one to the next.
    expect(Math.abs(distance / (count - 1) - 128)).toBeLessThan(2);
  });

  it('are stored only as their SHA-256 hash: no item holds a token from an email', async () => {
    const table = JSON.stringify(await allItems(stack.tableName));
    for (const { token, kind } of walked.links) {
      expect(table.includes(token), `${kind} token in the table`).toBe(false);
      expect(table).toContain(`"TOKEN#${hashToken(token)}"`);
    }
  });

  it('a GET of every link route changes nothing: real tokens in any state, and garbage', async () => {
    const linkRoutes = routes.filter((route) => route.method === 'GET' && route.path.includes('{token}'));
    expect(linkRoutes.length).toBeGreaterThanOrEqual(6);
    const missing = linkRoutes
      .map((route) => kindOf(route.path))
      .filter((kind) => !walked.links.some((l) => l.kind === kind));
    // A new kind of link needs a step in flow.ts that gets one emailed.
    expect(missing, 'link kinds the flow never received by email').toEqual([]);

    await quiesce(stack);
    const before = JSON.stringify(await allItems(stack.tableName));
    const garbage = ['A'.repeat(43), newToken(), 'not-a-token', '%00', `${newToken()}x`];
    let calls = 0;
    for (const route of linkRoutes) {
      const kind = kindOf(route.path);
      const tokens = [
        ...walked.links.filter((link) => link.kind === kind).map((link) => link.token),
        ...garbage,
      ];
      for (const token of tokens)
        for (const accept of ['text/html', 'application/json', '*/*'])
          for (const query of ['', '?rating=8']) {
            const response = await stack.api(`${route.path.replace('{token}', token)}${query}`, {
              headers: { accept },
            });
            await response.arrayBuffer();
            expect(response.status, `GET ${route.path} (${kind})`).toBeLessThan(500);
            calls += 1;
          }
    }
    expect(calls).toBeGreaterThan(100);
    expect(JSON.stringify(await allItems(stack.tableName))).toBe(before);
  });

  it('act once: a used link does not act again, even on the same person’s later request', async () => {
    // The first leave link went to the member who left; they ask again and wait for a seat anew.
    const { leaver, groupId } = walked;
    const leave = walked.emails
      .filter(sentTo(leaver))
      .flatMap(linksIn)
      .find((link) => link.kind === 'leave');
    if (!leave) throw new Error('no leave link of the member who left');
    const asked = await stack.api(`/v1/groups/${groupId}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Åsa',
        email: leaver,
        organisation: 'Skolan',
        role: 'Rektor',
        consent: true,
      }),
    });
    expect(asked.status).toBe(202);
    const used = new Set(walked.links.map((link) => link.token));
    const confirmation = await stack.waitForEmailTo(leaver, (mail) =>
      linksIn(mail).some((l) => l.kind === 'confirm' && !used.has(l.token)),
    );
    const confirm = linksIn(confirmation).find((l) => l.kind === 'confirm' && !used.has(l.token));
    const confirmed = await fetch(confirm?.url ?? '', {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await confirmed.json()).toMatchObject({ status: 'waitlisted' });
    const requestOf = async () =>
      (await allItems(stack.tableName)).find((item) => item.type === 'join-request' && item.email === leaver);
    const before = await requestOf();
    // The old link names the same request (its id is the person's in the group): spent, it must refuse.
    const again = await fetch(leave.url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(again.status).toBe(410);
    expect(await requestOf()).toEqual(before);

    // A coordinator's decision stands: the used approve link and the unused decline link change nothing.
    const decisions = walked.links.filter((link) => link.kind === 'decisions');
    expect(decisions.length).toBeGreaterThanOrEqual(2);
    const snapshot = JSON.stringify(await allItems(stack.tableName));
    for (const link of decisions) {
      const response = await fetch(link.url, { method: 'POST', headers: { accept: 'application/json' } });
      expect(await response.json()).toEqual({ result: 'already-decided' });
    }
    const registration = walked.links.find((link) => link.kind === 'confirm');
    const pressed = await fetch(registration?.url ?? '', {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await pressed.json()).toMatchObject({ status: 'already_confirmed' });
    expect(JSON.stringify(await allItems(stack.tableName))).toBe(snapshot);
  });

  it('expire: a link past its end is refused, and changes nothing', async () => {
    const email = uniqueEmail('late');
    const response = await stack.api(`/v1/networks/${walked.networkId}/interest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Kari',
        email,
        organisation: 'Skolen',
        role: 'Rektor',
        topics: [],
        consent: true,
      }),
    });
    const { id } = (await response.json()) as { id: string };
    await stack.waitForEmailTo(email);
    // A link as the workflow issues it, only with an end a moment from now.
    const url = await issueLink(
      'confirm-registration',
      { networkId: walked.networkId, subjectId: id, language: 'sv', person: email },
      new Date(Date.now() + 1000).toISOString(),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await quiesce(stack);
    const before = JSON.stringify(await allItems(stack.tableName));
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(410);
    const pressed = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(pressed.status).toBe(410);
    expect(((await pressed.json()) as { error: { code: string } }).error.code).toBe('link_expired');
    expect(JSON.stringify(await allItems(stack.tableName))).toBe(before);
  });
});

function popcount(byte: number): number {
  let bits = 0;
  for (let b = byte; b > 0; b >>= 1) bits += b & 1;
  return bits;
}
