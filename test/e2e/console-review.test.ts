import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';
import { axeViolations } from '../support/axe.ts';
import { holdEvaluationClose, launchChromium } from '../support/browser.ts';
import { consoleUrlOf, openConsole } from '../support/console.ts';
import { answerEvaluation, seedPastMeetings, waitForEvaluationClosed } from '../support/evaluations.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { register, registerAndConfirm } from '../support/members.ts';
import { seedNetwork } from '../support/networks.ts';

/*
 * The coordinators' console reviewed in a real browser (issue 14): what the evaluations show of answers
 * the members really sent, axe-core on the screens a coordinator reads most, what a coordinator of
 * another network sees, and how the console behaves when the API is busy, unreachable, or the session
 * has ended while something was being typed.
 */

const networkId = `review-${randomUUID().slice(0, 6)}`;
const networkName = 'Skolledarnätverket';
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;
const groupTitle = 'Skolledare i samtal';

// The evaluations close once every answer is in (see holdEvaluationClose).
const { loadHandler, release: releaseClose } = holdEvaluationClose();

let stack: TestStack;
let browser: Browser;
let headers: Record<string, string>;
let group: Group;
let anna: JoinRequest;
let meetings: Meeting[];
const texts = {
  suggestion: 'Mer tid för samtal i smågrupper',
  takeHome: 'Ett nytt sätt att planera',
  programme: 'Bra upplägg med fallen från skolorna',
  parked: 'Hur gör vi med lokalerna?',
};
const registrants = { confirmed: 'Karin Registrerad', pending: 'Olle Obekräftad' };

beforeAll(async () => {
  stack = await useLocalStack({ console: true, waitTimeOverrides: { WaitForNext: 1500 }, loadHandler });
  headers = await seedNetwork(stack, { id: networkId, name: networkName, coordinator });
  browser = await launchChromium();

  // Seated a month ago, before the meetings they evaluate.
  const seeded = await seedGroup(
    networkId,
    ['Anna', 'Bertil', 'Cecilia', 'David'],
    { title: groupTitle },
    new Date(Date.now() - 30 * 24 * 3600_000),
  );
  group = seeded.group;
  const [first, bertil, cecilia, david] = seeded.members as [
    JoinRequest,
    JoinRequest,
    JoinRequest,
    JoinRequest,
  ];
  anna = first;
  // Four days and a day and a half ago: both within the week their evaluations are open.
  meetings = await seedPastMeetings(group, [96, 36]);
  const [one, two] = meetings as [Meeting, Meeting];
  // Meeting 1: three of four answer (6, 6, 8: mean 6.7), Anna without her name; meeting 2: all four (mean 9.0).
  await Promise.all([
    answerEvaluation(stack, anna, one.id, {
      rating: 8,
      anonymous: true,
      reflections: { takeHome: texts.takeHome },
      parkedQuestions: [texts.parked],
    }),
    answerEvaluation(stack, bertil, one.id, { rating: 6, nextTimeBetter: texts.suggestion }),
    answerEvaluation(stack, cecilia, one.id, { rating: 6, reflections: { programme: texts.programme } }),
    answerEvaluation(stack, anna, two.id, { rating: 9 }),
    answerEvaluation(stack, bertil, two.id, { rating: 8 }),
    answerEvaluation(stack, cecilia, two.id, { rating: 9 }),
    answerEvaluation(stack, david, two.id, { rating: 10 }),
  ]);
  releaseClose();
  await Promise.all(meetings.map((meeting) => waitForEvaluationClosed(meeting)));

  await registerAndConfirm(stack, networkId, {
    name: registrants.confirmed,
    email: uniqueEmail('karin'),
    organisation: 'Björkskolan',
    topics: ['Elevhälsa'],
  });
  await register(stack, networkId, {
    name: registrants.pending,
    email: uniqueEmail('olle'),
    organisation: 'Ekskolan',
  });
}, 120_000);
afterAll(async () => {
  releaseClose();
  await browser?.close();
  await stack?.stop();
});

const asCoordinator = (path: string, locale = 'sv-SE') =>
  openConsole(browser, stack, { email: coordinator, networks: [networkId], locale, path });

/** Until the API has answered: a handler's first call may wait for its cold start, a 503 for its retry. */
const answered = { timeout: 15_000 } as const;

/** The screen's main text once it has loaded (no "Hämtar…" left). */
async function mainText(page: Page): Promise<string> {
  await expect.poll(() => page.locator('main').innerText(), answered).not.toContain('Hämtar…');
  return plain(await page.locator('main').innerText());
}

/** axe-core's serious and critical violations, by rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.rule} (${v.impact}): ${v.targets.join(', ')}`);
}

/** Text as read, with the no-break spaces Intl puts in numbers ("75 %") as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const rowTexts = (page: Page, table: string) =>
  page
    .locator(`${table} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...(row as unknown as DomElement).children].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    )
    .then((rows) => rows.map((cells) => cells.map(plain)));

const svgTexts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((nodes) => nodes.map((n) => (n as unknown as DomElement).textContent ?? ''));

describe('the evaluation screens', () => {
  it("a group's evaluations: the mean of each closed meeting on a line and in the table, and a follow-up marked done", async () => {
    const [one, two] = meetings as [Meeting, Meeting];
    const { page, consoleErrors } = await asCoordinator(`/n/${networkId}/evaluations/${group.id}`);
    await page.getByRole('heading', { level: 1, name: `Utvärderingar: ${groupTitle}` }).waitFor();
    await mainText(page);

    // One line chart, one point per closed meeting, each with its mean written above it.
    const chart = page.locator('svg.chart[role="img"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Träff 1 .*6,7; Träff 2 .*9,0/);
    expect(await chart.locator('circle.point').count()).toBe(2);
    expect(await svgTexts(page, 'svg.chart text.value')).toEqual(['6,7', '9,0']);
    expect(await chart.locator('path.line').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+ L[\d.]+ [\d.]+$/);

    // The figures under it: answers of asked, mean, change, and that both evaluations have closed.
    const rows = await rowTexts(page, 'table');
    expect(rows.map((row) => row.slice(1, 4))).toEqual([
      ['3 av 4 svarade (75 %)', '6,7', expect.stringContaining('–')],
      ['4 av 4 svarade (100 %)', '9,0', '+2,3'],
    ]);
    expect(rows.map((row) => row[0])).toEqual([
      expect.stringMatching(/^Träff 1/),
      expect.stringMatching(/^Träff 2/),
    ]);
    for (const row of rows) expect(row[4]).toMatch(/^Stängd /);
    const links = await page
      .locator('table tbody th a')
      .evaluateAll((as) => as.map((a) => (a as unknown as DomElement).getAttribute('href')));
    expect(links).toEqual([
      `/n/${networkId}/evaluations/${group.id}/${one.id}`,
      `/n/${networkId}/evaluations/${group.id}/${two.id}`,
    ]);

    // What the first evaluation left to follow up: Bertil's suggestion and Anna's parked question.
    const followUps = page.locator('section[aria-labelledby="follow-ups-heading"]');
    const suggestion = followUps.locator('li.card', { hasText: texts.suggestion });
    expect(await followUps.locator('li.card', { hasText: texts.parked }).count()).toBe(1);
    await suggestion.getByRole('button', { name: 'Markera som klar' }).click();
    await expect
      .poll(() => followUps.getByRole('status').textContent(), answered)
      .toBe(`Markerad som klar: ”${texts.suggestion}”`);
    // Now under "Klart", to be opened again; the parked question is still open.
    await expect
      .poll(() => suggestion.getByRole('button').allTextContents(), answered)
      .toEqual(['Öppna igen']);
    const stored = await stack.api(`/v1/admin/groups/${group.id}/follow-ups`, { headers });
    const { followUps: items } = (await stored.json()) as { followUps: { text: string; status: string }[] };
    expect(
      items.map(({ text, status }) => ({ text, status })).sort((a, b) => a.text.localeCompare(b.text)),
    ).toEqual([
      { text: texts.parked, status: 'open' },
      { text: texts.suggestion, status: 'done' },
    ]);

    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it("a meeting's evaluation: response rate, the ratings as bars, the mean, what was written, and no name on an anonymous answer", async () => {
    const [one] = meetings as [Meeting];
    const { page, consoleErrors } = await asCoordinator(`/n/${networkId}/evaluations/${group.id}/${one.id}`);
    await page.getByRole('heading', { level: 1, name: 'Utvärdering av träff 1' }).waitFor();
    const text = await mainText(page);
    expect(text).toContain('Utvärderingen stängdes');

    const figure = (label: string) =>
      page.locator('dl.figures > div', { has: page.locator('dt', { hasText: label }) }).locator('dd');
    expect(plain(await figure('Svarsfrekvens').textContent())).toBe('3 av 4 svarade (75 %)');
    expect(await figure('Medelbetyg').textContent()).toBe('6,7');

    // Ten bars' places, 1 to 10, each count written on it: two gave 6, one gave 8.
    const chart = page.locator('section[aria-labelledby="ratings-heading"] svg.chart[role="img"]');
    expect(await chart.getAttribute('aria-label')).toBe(
      'Stapeldiagram över betygen 1 till 10 från 3 svar: 2 gav 6, 1 gav 8.',
    );
    const labels = await svgTexts(page, 'section[aria-labelledby="ratings-heading"] svg.chart text.label');
    expect(labels).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const counts = await svgTexts(page, 'section[aria-labelledby="ratings-heading"] svg.chart text.value');
    expect(counts).toEqual(['0', '0', '0', '0', '0', '2', '0', '1', '0', '0']);
    const bars = await chart.locator('rect.bar').evaluateAll((rects) =>
      rects.map((rect) => {
        const r = rect as unknown as DomElement;
        return { x: Number(r.getAttribute('x')), height: Number(r.getAttribute('height')) };
      }),
    );
    expect(bars).toHaveLength(2);
    const [six, eight] = bars as [{ x: number; height: number }, { x: number; height: number }];
    expect(six.x).toBeLessThan(eight.x);
    expect(six.height / eight.height).toBeCloseTo(2, 1);
    // The same counts in the table a screen reader can read.
    expect(
      (await rowTexts(page, 'section[aria-labelledby="ratings-heading"] table')).filter(([, n]) => n !== '0'),
    ).toEqual([
      ['6', '2'],
      ['8', '1'],
    ]);

    const section = (heading: string) => page.locator(`section[aria-labelledby="${heading}"]`);
    expect(await section('suggestions-heading').locator('li').allTextContents()).toEqual([texts.suggestion]);
    expect(await section('reflections-heading').locator('li').allTextContents()).toEqual([
      texts.programme,
      texts.takeHome,
    ]);
    expect(await section('parked-heading').locator('li').allTextContents()).toEqual([texts.parked]);

    // Answer by answer: Anna's is anonymous, and her name is nowhere on the screen.
    const answers = page.locator('ol.answers > li');
    expect(await answers.count()).toBe(3);
    const annas = answers.filter({ hasText: 'Betyg 8' });
    expect(await annas.locator('.answer-head').innerText()).toMatch(/^Betyg 8 · Anonymt · /);
    expect(await annas.innerText()).toContain(texts.takeHome);
    expect(text).not.toContain(anna.name);
    expect(text).not.toContain(anna.email);
    expect(await answers.filter({ hasText: 'Betyg 6' }).locator('.answer-head').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('Bertil'), expect.stringContaining('Cecilia')]),
    );

    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('axe-core on the screens a coordinator reads most', () => {
  it('overview, registrations (searched, filtered, downloaded), meetings and evaluations: no serious or critical violation', async () => {
    const { page, consoleErrors } = await asCoordinator(`/n/${networkId}`);
    const found: Record<string, string[]> = {};
    const check = async (screen: string) => {
      await mainText(page);
      found[screen] = await seriousViolations(page);
    };

    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    expect(await mainText(page)).toContain(registrants.confirmed);
    await check('overview');

    await page
      .getByRole('navigation', { name: 'Nätverk' })
      .getByRole('link', { name: 'Anmälningar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Anmälningar' }).waitFor();
    const names = () => page.locator('table tbody tr').allInnerTexts();
    await expect.poll(names, answered).toHaveLength(2);
    await page.getByRole('searchbox', { name: 'Sök' }).fill('Björkskolan');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(names, answered).toEqual([expect.stringContaining(registrants.confirmed)]);
    expect(new URL(page.url()).searchParams.get('search')).toBe('Björkskolan');
    await check('registrations, searched');

    // Cleared, then filtered at once: the list without a filter (held back a little) answers while the
    // filtered one (held back longer) is on its way, and must not end up on the screen.
    const listPath = `/v1/admin/networks/${networkId}/registrations`;
    const filteredList = (url: URL) => url.pathname === listPath && url.searchParams.has('status');
    const held: string[] = [];
    await page.route(
      (url) => url.pathname === listPath,
      async (route) => {
        const url = new URL(route.request().url());
        if (route.request().method() === 'GET') {
          held.push(filteredList(url) ? 'filtered' : 'unfiltered');
          await new Promise((resolve) => setTimeout(resolve, filteredList(url) ? 1500 : 300));
        }
        return route.fallback();
      },
    );
    const filteredAnswer = page.waitForResponse(
      (response) => filteredList(new URL(response.url())) && response.request().method() === 'GET',
    );
    await page.getByRole('button', { name: 'Rensa sökning och filter' }).click();
    await page.getByLabel('Status').selectOption({ label: 'Ej bekräftad' });
    expect(new URL(page.url()).searchParams.get('status')).toBe('pending_confirmation');
    await (await filteredAnswer).finished();
    expect(held).toEqual(['unfiltered', 'filtered']);
    await expect.poll(names, answered).toEqual([expect.stringContaining(registrants.pending)]);
    await page.unrouteAll({ behavior: 'wait' });
    // The file has what the filter shows: the one unconfirmed registration, not the confirmed one.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^registrations-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(registrants.pending);
    expect(csv).not.toContain(registrants.confirmed);
    await expect
      .poll(() => page.getByText(/^Laddade ner registrations-.*\.csv\.$/).count(), answered)
      .toBe(1);
    await check('registrations, filtered');

    await page.getByRole('navigation', { name: 'Nätverk' }).getByRole('link', { name: 'Träffar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Träffar' }).waitFor();
    expect(await mainText(page)).toContain(groupTitle);
    await check('meetings');

    await page
      .getByRole('navigation', { name: 'Nätverk' })
      .getByRole('link', { name: 'Utvärderingar' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Utvärderingar' }).waitFor();
    expect(await mainText(page)).toContain(groupTitle);
    await check('evaluations');

    expect(found).toEqual({
      overview: [],
      'registrations, searched': [],
      'registrations, filtered': [],
      meetings: [],
      evaluations: [],
    });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe('a coordinator of another network', () => {
  it('is told plainly that they have no access, and sees none of the network’s data', async () => {
    const other = `annan-${randomUUID().slice(0, 6)}@example.org`;
    const { page } = await openConsole(browser, stack, {
      email: other,
      networks: ['other-net'],
      path: `/n/${networkId}`,
    });
    for (const screen of [`/n/${networkId}`, `/n/${networkId}/groups`]) {
      if (new URL(page.url()).pathname !== screen) await page.goto(consoleUrlOf(stack, screen));
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.count(), { ...answered, message: screen }).toBe(1);
      expect(await alert.innerText()).toContain('Du är inte samordnare för det här nätverket');
      expect(await page.locator('main h1').innerText()).not.toBe('');
      const text = await page.locator('body').innerText();
      for (const secret of [groupTitle, registrants.confirmed, registrants.pending, anna.name])
        expect(text, `${screen} shows ${secret}`).not.toContain(secret);
    }
    await page.context().close();
  });
});

/** An answer of samla's API as the browser would get it from another origin (the console's). */
function busy(route: Route, origin: string) {
  return route.fulfill({
    status: 503,
    headers: {
      'content-type': 'application/json',
      'access-control-allow-origin': origin,
      vary: 'Origin',
    },
    body: JSON.stringify({ error: { code: 'service_unavailable', message: 'Service unavailable' } }),
  });
}

describe('bad input and failure (issue 14)', () => {
  it('a 503 is tried once more: the screen loads; a second 503 is said plainly', async () => {
    const { page, context, consoleErrors } = await asCoordinator(`/n/${networkId}`);
    const origin = new URL(stack.consoleUrl ?? '').origin;
    const groupsUrl = `${stack.apiUrl}/v1/admin/networks/${networkId}/groups`;
    let calls = 0;
    let failing = 1;
    await page.route(groupsUrl, async (route) => {
      if (route.request().method() !== 'GET') return route.fallback();
      calls += 1;
      if (calls <= failing) return busy(route, origin);
      return route.fallback();
    });

    await page.goto(consoleUrlOf(stack, `/n/${networkId}/meetings`));
    await page.getByRole('heading', { level: 1, name: 'Träffar' }).waitFor();
    await expect.poll(() => page.locator('main').innerText(), answered).toContain(groupTitle);
    expect(calls).toBe(2);
    expect(await page.getByRole('alert').count()).toBe(0);

    // Busy twice in a row: the screen says so, and offers to try again.
    calls = 0;
    failing = 2;
    await page.reload();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), answered).toBe(1);
    expect(await alert.innerText()).toContain('samla är upptaget just nu');
    expect(calls).toBe(2);
    await page.getByRole('heading', { level: 1, name: 'Träffar' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\bat \S+:\d+|TypeError|Error:|undefined/);
    expect(text).not.toContain(groupTitle);
    // Once samla answers again, "try again" loads the screen.
    failing = 0;
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await expect.poll(() => page.locator('main').innerText(), answered).toContain(groupTitle);
    expect(calls).toBe(3);
    // Chromium reports each 503 as a console error; nothing else may appear.
    expect(consoleErrors.filter((e) => !/status of 503\b/.test(e))).toEqual([]);
    await context.close();
  });

  it('a network error while saving: nothing looks saved, what was typed stays, and the error is shown', async () => {
    const { page, context } = await asCoordinator(`/n/${networkId}/settings`);
    await page.getByRole('heading', { level: 1, name: 'Inställningar' }).waitFor();
    const name = page.getByRole('textbox', { name: 'Namn', exact: true });
    await expect.poll(() => name.inputValue(), answered).toBe(networkName);
    let patches = 0;
    await page.route(`${stack.apiUrl}/v1/admin/networks/${networkId}`, (route) => {
      if (route.request().method() !== 'PATCH') return route.fallback();
      patches += 1;
      return route.abort('internetdisconnected');
    });

    await name.fill('Skolledarnätverket i Norr');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), answered).toBe(1);
    expect(await alert.innerText()).toContain('samla gick inte att nå, så ingenting har ändrats');
    expect(patches).toBe(1);
    expect(await page.getByText('Sparat.', { exact: true }).count()).toBe(0);
    expect(await name.inputValue()).toBe('Skolledarnätverket i Norr');
    expect(await page.getByRole('button', { name: 'Spara ändringarna' }).isEnabled()).toBe(true);
    const stored = await stack.api(`/v1/admin/networks/${networkId}`, { headers });
    expect(((await stored.json()) as { name: string }).name).toBe(networkName);
    await context.close();
  });

  it('an expired session: submitting signs in again and comes back to the same form with what was typed', async () => {
    const { page, context } = await asCoordinator(`/n/${networkId}/groups?new=1`);
    await page.getByRole('heading', { level: 2, name: 'Ny grupp' }).waitFor();
    const title = page.getByRole('textbox', { name: 'Rubrik', exact: true });
    const question = page.getByRole('textbox', { name: 'Fråga', exact: true });
    await title.fill('Nya rektorer');
    await question.fill('Hur kommer nya rektorer in i arbetet?');
    await page.getByRole('textbox', { name: 'Samtalsledare', exact: true }).fill('Greta');

    // The ID token's hour is over: oidc-client-ts keeps the user in sessionStorage with its expiry.
    const expired = await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: DomStorage }).sessionStorage;
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
      const key = keys.find((k) => k.startsWith('oidc.user:'));
      if (key === undefined) return false;
      const user = JSON.parse(storage.getItem(key) ?? '{}') as { expires_at?: number };
      storage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60 }));
      return true;
    });
    expect(expired).toBe(true);

    // Every page the tab is sent to, redirects included (the provider answers with one when it knows her).
    const visited: string[] = [];
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame())
        visited.push(new URL(request.url()).pathname);
    });
    const posts: string[] = [];
    // For a failure's message: whether a POST carried the first sign-in's token or a later one (this test
    // has failed in CI with a POST sent before the sign-in round trip, cause not found yet).
    const expiredAt = Math.floor(Date.now() / 1000);
    const tokens: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(`${stack.apiUrl}/v1/`)) {
        posts.push(request.url());
        const payload = (request.headers().authorization ?? '').split('.')[1] ?? '';
        const { iat } = JSON.parse(Buffer.from(payload, 'base64url').toString() || '{}') as { iat?: number };
        tokens.push(
          `token issued ${iat === undefined ? '?' : iat - expiredAt} s from the expiry; ${visited.join(' → ')}`,
        );
      }
    });
    // Each document of the tab notes its clicks and submits with the session's seconds left then, for a
    // failure's message: which document sent a stray POST, and whether its session had expired.
    await context.addInitScript({ content: noteEvents });
    await page.evaluate(noteEvents);
    // The tab as it is now is marked, so that the same address in a new page can be told from it.
    await page.evaluate(() => {
      (globalThis as unknown as { beforeSignIn?: boolean }).beforeSignIn = true;
    });
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();
    // The provider remembers her (its session cookie), so it sends the tab straight back with a code.
    const backOnTheForm = () =>
      page
        .evaluate((groupsPath) => {
          const tab = globalThis as unknown as {
            beforeSignIn?: boolean;
            location: { pathname: string; search: string };
          };
          return (
            tab.beforeSignIn === undefined && `${tab.location.pathname}${tab.location.search}` === groupsPath
          );
        }, `/n/${networkId}/groups?new=1`)
        .catch(() => false);
    await expect.poll(backOnTheForm, answered).toBe(true);
    expect(visited.some((p) => p.includes('/local-issuer/'))).toBe(true);
    expect(visited).toContain('/callback');
    const events = await page.evaluate(() =>
      (globalThis as unknown as { sessionStorage: DomStorage }).sessionStorage.getItem('test.events'),
    );
    expect(posts, `${tokens.join('; ')}; in the tab: ${events}`).toEqual([]);

    await page.getByRole('heading', { level: 2, name: 'Ny grupp' }).waitFor();
    expect(await title.inputValue()).toBe('Nya rektorer');
    expect(await question.inputValue()).toBe('Hur kommer nya rektorer in i arbetet?');
    expect(await page.getByRole('textbox', { name: 'Samtalsledare', exact: true }).inputValue()).toBe(
      'Greta',
    );
    // Signed in again, the same button creates the group.
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nya rektorer' }).waitFor();
    expect(posts).toEqual([`${stack.apiUrl}/v1/admin/networks/${networkId}/groups`]);
    await context.close();
  });
});

/**
 * Run in each document of a tab (a string: the test's types have no DOM): notes the document's start and
 * every click and submit, with the seconds left of the stored oidc session, in sessionStorage's
 * `test.events`, which the tab keeps across its documents.
 */
const noteEvents = `(() => {
  const documentId = Math.random().toString(36).slice(2, 6);
  const note = (kind) => {
    let left = 'no session';
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) ?? '';
      if (key.startsWith('oidc.user:'))
        left = String((JSON.parse(sessionStorage.getItem(key) ?? '{}').expires_at ?? 0) - Math.floor(Date.now() / 1000)) + ' s';
    }
    const events = JSON.parse(sessionStorage.getItem('test.events') ?? '[]');
    // The callback's query is its one-time code: the path says enough.
    const at = location.pathname === '/callback' ? location.pathname : location.pathname + location.search;
    events.push(documentId + ' ' + kind + ' at ' + at + ', session ' + left);
    sessionStorage.setItem('test.events', JSON.stringify(events));
  };
  note('start');
  for (const type of ['click', 'submit'])
    document.addEventListener(type, (event) => note(type + (event.isTrusted ? '' : ' (untrusted)')), true);
})()`;

/** The parts of the DOM read in the page (the test's types have no DOM). */
interface DomElement {
  readonly textContent: string | null;
  readonly children: ArrayLike<DomElement> & Iterable<DomElement>;
  getAttribute(name: string): string | null;
}
interface DomStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
