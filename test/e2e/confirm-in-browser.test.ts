import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCopy } from '../../shared/pages/copy.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { allItems, linkIn } from '../support/table.ts';

/** Debian's Chromium: `.ci/run` installs it; playwright-core never downloads a browser of its own. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is needed at ${executablePath}: apt-get install -y --no-install-recommends chromium`,
    );
  }
  stack = await useLocalStack();
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
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
