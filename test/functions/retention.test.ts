import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personId } from '../../shared/domain/person.ts';
import { inactiveBefore, sweepInactive } from '../../shared/services/retention.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { registerAndConfirm } from '../support/members.ts';
import { oneClickUnsubscribe } from '../support/one-click.ts';
import { rawHeadRecorder } from '../support/raw-heads.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;

const raw = rawHeadRecorder('watchStayHeaders');
const header = raw.header;

beforeAll(async () => {
  stack = await useLocalStack();
  raw.start();
});
afterAll(() => {
  raw.stop();
  return stack?.stop();
});

const post = (path: string, body: unknown) =>
  stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });

const monthsLater = (months: number, days = 0) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() + months);
  return new Date(at.getTime() + days * 24 * 3600_000);
};

describe('the retention sweep', { timeout: 60_000 }, () => {
  it('counts 24 months back by the calendar', () => {
    expect(inactiveBefore(new Date('2026-11-23T03:30:00Z'), 24).toISOString()).toBe(
      '2024-11-23T03:30:00.000Z',
    );
  });

  it('asks the long inactive whether they want to stay, keeps those who say yes, and erases the silent', async () => {
    const silent = await registerAndConfirm(stack, stack.demoNetworkId, { name: 'tyst' });
    const staying = await registerAndConfirm(stack, stack.demoNetworkId, { name: 'kvar' });
    // Nobody is asked before their 24 months are up.
    expect(await sweepInactive(monthsLater(23))).toEqual({ asked: 0, erased: 0 });

    const first = await sweepInactive(monthsLater(25));
    expect(first.asked).toBe(2);
    expect(first.erased).toBe(0);
    const question = await stack.waitForEmailTo(staying, (m) => m.subject.startsWith('Vill du vara kvar'));
    await stack.waitForEmailTo(silent, (m) => m.subject.startsWith('Vill du vara kvar'));
    // A second sweep the same night asks nobody twice.
    expect((await sweepInactive(monthsLater(25, 1))).asked).toBe(0);

    const { token } = linkIn(question.body.text, '/v1/privacy/');
    const page = await stack.api(`/v1/privacy/${token}`);
    expect(await page.text()).toContain('Ja, jag vill vara kvar');
    expect((await post(`/v1/privacy/${token}`, {})).status).toBe(200);

    const second = await sweepInactive(monthsLater(25, 31));
    expect(second.erased).toBe(1);
    const items = await allItems(stack.tableName);
    const text = (email: string) =>
      items.filter((i) => JSON.stringify(i).includes(email) || i.pk === `PERSON#${personId(email)}`);
    expect(text(silent)).toEqual([]);
    expect(text(staying).some((i) => i.type === 'registration')).toBe(true);
    expect(
      items.find(
        (i) =>
          i.pk === `PERSON#${personId(staying)}` &&
          String(i.sk).startsWith('CONSENT#') &&
          i.subject === 'stay',
      ),
    ).toBeDefined();
  });

  it('asks with RFC 3834 and RFC 8058 headers: a one-click stops every network’s mail to them (issue 20.7)', async () => {
    const quiet = await registerAndConfirm(stack, stack.demoNetworkId, { name: 'klick' });
    await sweepInactive(monthsLater(25));
    await stack.waitForEmailTo(quiet, (m) => m.subject.startsWith('Vill du vara kvar'));
    expect(header(quiet, 'Auto-Submitted')).toBe('auto-generated');
    expect(header(quiet, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = /^<(.+)>$/.exec(header(quiet, 'List-Unsubscribe') ?? '')?.[1] ?? '';
    expect(url).toContain('/v1/unsubscribe/');
    expect(await (await fetch(url)).text()).toContain('Skicka inga fler mejl');
    const oneClick = await oneClickUnsubscribe(url);
    expect(await oneClick.json()).toEqual({ result: 'unsubscribed', scope: 'all' });
    const optOut = (await allItems(stack.tableName)).find(
      (i) => i.pk === `PERSON#${personId(quiet)}` && i.sk === `OPTOUT#${stack.demoNetworkId}`,
    );
    expect(optOut?.scope).toBe('all');
  });
});
