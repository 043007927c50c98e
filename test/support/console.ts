import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type AxeViolation, axeViolations } from './axe.ts';
import type { TestStack } from './local-stack.ts';
import { linkIn } from './table.ts';

export interface ConsolePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors, in order: a CSP violation is reported as one. */
  readonly consoleErrors: string[];
}

export interface OpenConsoleOptions {
  /** The coordinator who signs in; added to the local provider first. */
  readonly email: string;
  readonly networks: readonly string[];
  /** The browser's language (the console's first choice of sv, nb, en). */
  readonly locale?: string;
  /** The screen to open, e.g. `/n/demo/groups`; signing in comes back to it. */
  readonly path?: string;
}

/**
 * A browser signed in to the console as a coordinator, through the same OIDC flow as in AWS: the console
 * sends the browser to the local provider, whose page lists the coordinators known to it; choosing one
 * returns to the console's /callback and then to `path`. `bypassCSP` only so that axe-core can run.
 */
export async function openConsole(
  browser: Browser,
  stack: TestStack,
  { email, networks, locale = 'sv-SE', path = '/' }: OpenConsoleOptions,
): Promise<ConsolePage> {
  if (stack.consoleUrl === undefined) throw new Error('useLocalStack({ console: true }) serves the console');
  stack.addCoordinator({ email, networks });
  const context = await browser.newContext({ locale, bypassCSP: true });
  // A step that cannot happen fails with its own message, well before the test's time is up.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(consoleUrlOf(stack, path));
  await page.waitForURL((url) => url.pathname.includes('/local-issuer/'));
  await page.locator(`button[name="email"][value="${email.toLowerCase()}"]`).click();
  await page.waitForURL(
    (url) => url.origin === new URL(stack.consoleUrl ?? '').origin && url.pathname !== '/callback',
  );
  await page.locator('main h1').first().waitFor();
  return { context, page, consoleErrors };
}

/** The console's address of a screen: `consoleUrlOf(stack, '/n/demo')`. */
export function consoleUrlOf(stack: TestStack, path: string): string {
  return new URL(path, stack.consoleUrl).toString();
}

/**
 * A request to join from outside the network's member organisations, made as the person makes it (the
 * public form's post, then the emailed link), so it waits for a coordinator: `pending_approval`.
 */
export async function requestToJoinFromOutside(
  stack: TestStack,
  groupId: string,
  person: { name: string; email: string },
): Promise<void> {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const asked = await stack.api(`/v1/groups/${groupId}/join-requests`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ ...person, organisation: 'Konsultbyrån', role: 'Utvecklare', consent: true }),
  });
  if (asked.status !== 202) throw new Error(`join request: ${asked.status} ${await asked.text()}`);
  const asking = await stack.waitForEmailTo(person.email, (m) =>
    (m.body.text ?? '').includes('/v1/confirm/'),
  );
  const { token } = linkIn(asking.body.text);
  const confirmed = await stack.api(`/v1/confirm/${token}`, { method: 'POST', headers: json, body: '{}' });
  const answer = (await confirmed.json()) as { status?: string };
  if (answer.status !== 'pending_approval')
    throw new Error(`confirming the join request: ${confirmed.status} ${JSON.stringify(answer)}`);
}

/** axe-core's serious and critical violations on the page as it is now (what the console must not have). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
