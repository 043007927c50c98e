import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCopy } from '../../shared/pages/copy.ts';
import { launchChromium } from '../support/browser.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  stack = await useLocalStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('confirming in a real browser', () => {
  it('opens the emailed link, shows a button that changes nothing until pressed, and confirms', async () => {
    const email = uniqueEmail('browser');
    const response = await stack.api('/v1/networks/demo/interest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Åsa Ericson',
        email,
        organisation: 'Ale kommun',
        role: 'Rektor',
        topics: ['Skolans ekonomi'],
        language: 'sv',
        consent: true,
      }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const mail = await stack.waitForEmailTo(email);

    const page = await browser.newPage({ locale: 'sv-SE' });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(linkIn(mail.body.text).url);
    await expect(page.title()).resolves.toContain(pageCopy.sv.confirm.title);
    const status = async () =>
      (await allItems(stack.tableName)).find((item) => item.sk === `REGISTRATION#${id}`)?.status;
    expect(await status()).toBe('pending_confirmation');

    await Promise.all([page.waitForNavigation(), page.getByRole('button').click()]);
    await expect(page.title()).resolves.toContain(pageCopy.sv.confirmed.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await status()).toBe('confirmed');
    expect(violations).toEqual([]);
    await page.close();
  });
});
