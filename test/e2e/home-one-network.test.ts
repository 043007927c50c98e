import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { openConsole } from '../support/console.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';

/*
 * What a coordinator sees who opens the console's bare address, as `npm start` and the ConsoleUrl output
 * print it: with a single network, its overview, not the list of networks under the overview's address.
 */

let stack: TestStack;
let browser: Browser;
beforeAll(async () => {
  stack = await useLocalStack({ console: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('opens the one network’s overview when signing in at the console’s address', async () => {
  const email = `samordnare-${randomUUID().slice(0, 6)}@example.org`;
  const { page, context, consoleErrors } = await openConsole(browser, stack, {
    email,
    networks: [stack.demoNetworkId],
    path: '/',
  });
  await page.waitForURL((url) => url.pathname === `/n/${stack.demoNetworkId}`);
  await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Översikt');
  expect(await page.getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe('page');
  expect(consoleErrors).toEqual([]);
  await context.close();
});
