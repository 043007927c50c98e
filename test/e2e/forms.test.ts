import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { errorMessages, fieldMessages } from '../../shared/http/messages.ts';
import { pageCopy } from '../../shared/pages/copy.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { axeViolations } from '../support/axe.ts';
import { holdEvaluationClose, launchChromium } from '../support/browser.ts';
import { storedAnswersByRating } from '../support/evaluations.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { allItems } from '../support/table.ts';

/*
 * The website forms of examples/ in a real browser, served from their own origin as an organisation's
 * site would serve them: each with JavaScript (JSON, inline errors) and without (a plain form post).
 */

const networkId = `forms-${randomUUID().slice(0, 6)}`;
const networkName = 'Rektorsnätverket';
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;
const sv = { fields: fieldMessages.sv, errors: errorMessages.sv, pages: pageCopy.sv };

// The evaluation's close waits until the browser is done (see holdEvaluationClose).
const { loadHandler, release: releaseClose } = holdEvaluationClose();

let stack: TestStack;
let site: string;
let browser: Browser;
beforeAll(async () => {
  stack = await useLocalStack({ examples: true, waitTimeOverrides: { WaitForNext: 1500 }, loadHandler });
  site = stack.examplesUrl ?? '';
  if (!site) throw new Error('the local stack serves no examples');
  // A second network with a thank-you page of its own, so a plain post is answered by a redirect (303);
  // the demo network has none and answers with samla's receipt.
  await createNetworkIfMissing({
    id: networkId,
    name: networkName,
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinator],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
    thankYouUrl: `${site}/examples/thank-you.html`,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  releaseClose();
  await browser?.close();
  await stack?.stop();
});

interface OpenPage {
  page: Page;
  /** Console errors, page errors included: a Content-Security-Policy violation is reported as one. */
  consoleErrors: string[];
  /** POSTs the page made, in order. */
  posts: Request[];
}

/** `bypassCSP` lets a test run axe-core, which the pages' own policy (script-src 'self') would refuse. */
async function openPage(javaScriptEnabled: boolean, { bypassCSP = false } = {}): Promise<OpenPage> {
  const context = await browser.newContext({ locale: 'sv-SE', javaScriptEnabled, bypassCSP });
  // A step that cannot happen fails with its own message, well before the test's time is up.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const posts: Request[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request);
  });
  page.on('close', () => void context.close());
  return { page, consoleErrors, posts };
}

/** Chromium reports a 4xx answer to fetch as a console error: expected where a field is wrong. */
const unexpected = (errors: readonly string[]) => errors.filter((text) => !/status of 400\b/.test(text));

interface Person {
  name: string;
  email: string;
  organisation: string;
  role: string;
}

async function fillPerson(page: Page, person: Person): Promise<void> {
  await textbox(page, 'Namn').fill(person.name);
  await textbox(page, 'E-postadress').fill(person.email);
  await textbox(page, 'Skola eller organisation').fill(person.organisation);
  await textbox(page, 'Roll').fill(person.role);
}

/* By accessible name, as a screen reader announces it: the required marker (*) is hidden from it. */
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const consent = (page: Page) => page.getByRole('checkbox', { name: /^Jag godkänner/ });

/** The interest form filled in as this person, consented and sent: the answer the browser went to. */
async function sendInterest(page: Page, person: Person) {
  await fillPerson(page, person);
  await consent(page).check();
  const [answer] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Skicka anmälan' }).click(),
  ]);
  return answer;
}

const status = (page: Page) => page.getByRole('status');
/** Until samla has answered a script's request: a first call may wait for a handler's cold start. */
const answered = { timeout: 15_000 } as const;

/** The message the script put beside a field: the first id its aria-describedby names, with its text. */
async function fieldError(page: Page, field: Locator) {
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const id = describedBy.split(' ')[0] ?? '';
  const error = page.locator(`[id="${id}"]`);
  return {
    id,
    text: (await error.textContent())?.trim(),
    visible: await error.isVisible(),
    // Beside the field: in the same box (its .field or fieldset), before the field itself.
    beside: await error.evaluate(
      (node, fieldId) => {
        const element = node as unknown as DomNode;
        const input = element.ownerDocument.getElementById(fieldId);
        const box = element.parentElement;
        if (input === null || box === null) return false;
        // 4: DOCUMENT_POSITION_FOLLOWING, the field comes after its message.
        return box.contains(input) && (element.compareDocumentPosition(input) & 4) !== 0;
      },
      (await field.getAttribute('id')) ?? '',
    ),
  };
}

const focusedId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: DomDocument }).document.activeElement?.id ?? '');

const itemsOf = async (type: string, email: string) =>
  (await allItems(stack.tableName)).filter((item) => item.type === type && item.email === email);

describe('the interest form (examples/interest.html)', () => {
  it('with JavaScript: posts JSON in Swedish, shows each problem beside its field, then the thanks', async () => {
    const { page, consoleErrors, posts } = await openPage(true);
    expect((await page.goto(`${site}/examples/interest.html`))?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    // The page is as published: the API's address written in.
    expect(await page.locator('form').getAttribute('action')).toBe(
      `${stack.apiUrl}/v1/networks/demo/interest`,
    );

    const email = uniqueEmail('anna');
    await fillPerson(page, {
      name: 'Anna Lindqvist',
      email: 'anna@skolan',
      organisation: 'Ekskolan',
      role: '',
    });
    await page.getByLabel('Skolans ekonomi').check();
    await page.getByLabel('Elevhälsa').check();
    await page.getByLabel('Andra ämnen, ett per rad').fill('Skolskjuts på landsbygden\n\nLovskola');
    await consent(page).check();
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();

    const emailField = textbox(page, 'E-postadress');
    const roleField = textbox(page, 'Roll');
    await expect.poll(() => emailField.getAttribute('aria-invalid'), answered).toBe('true');
    expect(await roleField.getAttribute('aria-invalid')).toBe('true');
    expect(await textbox(page, 'Namn').getAttribute('aria-invalid')).toBeNull();
    expect(await fieldError(page, emailField)).toMatchObject({
      text: sv.fields.invalid_email(),
      visible: true,
      beside: true,
    });
    expect(await fieldError(page, roleField)).toMatchObject({ text: sv.fields.required(), beside: true });
    // The field's own hint is still described, after the error.
    expect(await emailField.getAttribute('aria-describedby')).toMatch(/^\S+-error email-hint$/);
    expect(await focusedId(page)).toBe('email');
    expect(await status(page).textContent()).toContain(sv.errors.validation_failed);
    expect(await status(page).getAttribute('aria-live')).toBe('polite');

    // One JSON post, in the page's language, with the topics as samla reads them from a plain form.
    expect(posts).toHaveLength(1);
    const [first] = posts as [Request];
    expect(await first.headerValue('content-type')).toBe('application/json');
    expect(await first.headerValue('accept-language')).toBe('sv');
    expect(first.postDataJSON()).toMatchObject({
      name: 'Anna Lindqvist',
      topics: ['Skolans ekonomi', 'Elevhälsa', 'Skolskjuts på landsbygden', 'Lovskola'],
      language: 'sv',
      consent: true,
    });
    expect(first.postDataJSON()).not.toHaveProperty('homepage');
    expect(first.postDataJSON()).not.toHaveProperty('message');

    await emailField.fill(email);
    await roleField.fill('Rektor');
    await page.getByRole('button', { name: 'Skicka anmälan' }).click();
    await expect
      .poll(() => status(page).textContent(), answered)
      .toContain('Vi har skickat ett mejl till dig');
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await page.locator('.samla-error').count()).toBe(0);
    // The form is out of sight (and of the accessibility tree) now: the field by its id.
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#email').getAttribute('aria-describedby')).toBe('email-hint');
    expect(await focusedId(page)).toBe('');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: DomDocument }).document.activeElement?.getAttribute('role') ??
          '',
      ),
    ).toBe('status');

    const mail = await stack.waitForEmailTo(email);
    expect(mail.body.text).toMatch(/\/v1\/confirm\/[A-Za-z0-9_-]+/);
    const [registration] = await itemsOf('registration', email);
    expect(registration).toMatchObject({
      status: 'pending_confirmation',
      language: 'sv',
      topics: ['Skolans ekonomi', 'Elevhälsa', 'Skolskjuts på landsbygden', 'Lovskola'],
    });
    expect(unexpected(consoleErrors)).toEqual([]);
    await page.close();
  });

  it('without JavaScript: a plain post, answered by samla’s Swedish receipt, or a page naming each problem', async () => {
    const { page, consoleErrors } = await openPage(false);
    await page.goto(`${site}/examples/interest.html`);
    expect(await page.getByRole('status').count()).toBe(0);

    // Passes the browser's own check (type=email), not samla's.
    const refused = await sendInterest(page, {
      name: 'Bo Ek',
      email: 'bo@skolan',
      organisation: 'Ekskolan',
      role: 'Rektor',
    });
    expect(refused?.status()).toBe(400);
    expect(page.url()).toBe(`${stack.apiUrl}/v1/networks/demo/interest`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await expect(page.title()).resolves.toContain(sv.pages.errors.invalid.title);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).toContain(`${sv.pages.fields.email}: ${sv.fields.invalid_email()}`);
    expect(body).toContain(sv.errors.validation_failed);

    const email = uniqueEmail('bo');
    await page.goto(`${site}/examples/interest.html`);
    await page.getByLabel('Lokaler och skolbyggnader').check();
    const receipt = await sendInterest(page, {
      name: 'Bo Ek',
      email,
      organisation: 'Ekskolan',
      role: 'Rektor',
    });
    expect(receipt?.status()).toBe(200);
    await expect(page.title()).resolves.toContain(sv.pages.receipt.title);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');

    await stack.waitForEmailTo(email);
    expect(await itemsOf('registration', email)).toEqual([
      expect.objectContaining({ language: 'sv', topics: ['Lokaler och skolbyggnader'] }),
    ]);
    // Chromium logs the refused post's 400 as an error; nothing else may appear.
    expect(unexpected(consoleErrors)).toEqual([]);
    await page.close();
  });

  it('posts UTF-8 from a page in another encoding, so å, ä and ö arrive as typed', async () => {
    const { page } = await openPage(false);
    // The organisation's own page is Windows-1252 (older sites are): the pasted form keeps samla's text.
    await page.route(`${site}/examples/interest.html`, async (route) => {
      const original = await route.fetch();
      const text = (await original.text()).replace('<meta charset="utf-8">', '<meta charset="windows-1252">');
      await route.fulfill({
        response: original,
        headers: { ...original.headers(), 'content-type': 'text/html; charset=windows-1252' },
        body: Buffer.from(text, 'latin1'),
      });
    });
    await page.goto(`${site}/examples/interest.html`);
    expect(await page.evaluate('document.characterSet')).toBe('windows-1252');
    const email = uniqueEmail('asa');
    const receipt = await sendInterest(page, {
      name: 'Åsa Öberg',
      email,
      organisation: 'Bäckaskolan',
      role: 'Rektor',
    });
    expect(receipt?.status()).toBe(200);
    await stack.waitForEmailTo(email);
    expect(await itemsOf('registration', email)).toEqual([
      expect.objectContaining({ name: 'Åsa Öberg', organisation: 'Bäckaskolan' }),
    ]);
    await page.close();
  });

  it('on a site CORS does not allow, the script’s post is refused and the browser posts the form itself', async () => {
    const { page, posts } = await openPage(true);
    // Same server, another origin: not in allowedOrigins.
    const otherOrigin = site.replace('127.0.0.1', 'localhost');
    await page.goto(`${otherOrigin}/examples/interest.html`);
    const email = uniqueEmail('cecilia');
    const receipt = await sendInterest(page, {
      name: 'Cecilia Berg',
      email,
      organisation: 'Ekskolan',
      role: 'Rektor',
    });
    expect(receipt?.status()).toBe(200);
    await expect(page.title()).resolves.toContain(sv.pages.receipt.title);
    // The script tried JSON first; the browser then posted the form.
    expect(await Promise.all(posts.map((post) => post.headerValue('content-type')))).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    await stack.waitForEmailTo(email);
    expect(await itemsOf('registration', email)).toHaveLength(1);
    await page.close();
  });
});

describe('the join form (examples/join.html)', () => {
  it('with JavaScript: lists the open groups, asks for one, shows field errors inline, then the thanks', async () => {
    const { group: economy } = await seedGroup(networkId, [], {
      title: 'Skolans ekonomi',
      question: 'Hur räknar vi på inredningen?',
    });
    const { group: recruitment } = await seedGroup(networkId, [], {
      title: 'Rekrytering',
      question: 'Hur behåller vi våra lärare?',
      capacity: 6,
    });
    await seedGroup(networkId, [], { title: 'Stängd grupp', status: 'closed' });

    const { page, consoleErrors, posts } = await openPage(true);
    await page.goto(`${site}/examples/join.html?network=${networkId}`);
    const select = page.getByRole('combobox', { name: 'Grupp', exact: true });
    await expect.poll(() => select.locator('option').count(), answered).toBe(3);
    const options = await select.locator('option').allTextContents();
    expect(options[0]).toBe('Välj en grupp');
    expect(options.slice(1).sort()).toEqual([
      'Rekrytering (digitalt, 6 platser kvar)',
      'Skolans ekonomi (digitalt, 10 platser kvar)',
    ]);
    expect(await page.locator('noscript').isVisible()).toBe(false);

    // No group chosen: said beside the list, and nothing is sent.
    const person = {
      name: 'Ola Nordmann',
      email: uniqueEmail('ola').replace('@example.org', '@skola.se'),
      organisation: 'Skolan',
      role: 'Rektor',
    };
    await fillPerson(page, { ...person, email: 'ola@skolan' });
    await consent(page).check();
    const send = page.getByRole('button', { name: 'Skicka förfrågan' });
    await send.click();
    expect(await fieldError(page, select)).toMatchObject({ text: 'Välj en grupp', beside: true });
    expect(await select.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('group');
    expect(posts).toHaveLength(0);

    await select.selectOption(recruitment.id);
    expect(await page.locator('#group-hint').textContent()).toBe('Hur behåller vi våra lärare?');
    await send.click();
    const emailField = textbox(page, 'E-postadress');
    await expect.poll(() => emailField.getAttribute('aria-invalid'), answered).toBe('true');
    expect(await select.getAttribute('aria-invalid')).toBeNull();
    expect(await fieldError(page, emailField)).toMatchObject({
      text: sv.fields.invalid_email(),
      visible: true,
      beside: true,
    });
    expect(await focusedId(page)).toBe('email');
    expect(posts.map((post) => post.url())).toEqual([
      `${stack.apiUrl}/v1/groups/${recruitment.id}/join-requests`,
    ]);
    expect(await posts[0]?.headerValue('accept-language')).toBe('sv');

    await emailField.fill(person.email);
    await send.click();
    await expect
      .poll(() => status(page).textContent(), answered)
      .toContain('Vi har skickat ett mejl till dig');

    await stack.waitForEmailTo(person.email);
    const requests = await itemsOf('join-request', person.email);
    expect(requests).toEqual([
      expect.objectContaining({ groupId: recruitment.id, status: 'pending_confirmation', language: 'sv' }),
    ]);
    expect(requests[0]?.groupId).not.toBe(economy.id);
    expect(unexpected(consoleErrors)).toEqual([]);
    await page.close();
  });

  it('without JavaScript: posts to the group the page is about and lands on the network’s thank-you page (303)', async () => {
    const { group } = await seedGroup(networkId, [], { title: 'Elevhälsa', question: 'Hur når vi alla?' });
    const { page, consoleErrors } = await openPage(false);
    await page.goto(`${site}/examples/join.html?network=${networkId}&group=${group.id}`);
    // Playwright's text search skips <noscript>, so the note is read from the element itself.
    expect(await page.locator('noscript p').isVisible()).toBe(true);
    expect(await page.locator('noscript p').textContent()).toContain(
      'Utan JavaScript kan vi inte visa listan',
    );
    expect(await page.locator('#group').isVisible()).toBe(false);

    const email = uniqueEmail('kari').replace('@example.org', '@skola.se');
    await fillPerson(page, { name: 'Kari Nordmann', email, organisation: 'Skolan', role: 'Rektor' });
    await consent(page).check();
    const answers: { url: string; status: number }[] = [];
    page.on('response', (response) => answers.push({ url: response.url(), status: response.status() }));
    const [landed] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Skicka förfrågan' }).click(),
    ]);
    expect(answers[0]).toEqual({ url: `${stack.apiUrl}/v1/groups/${group.id}/join-requests`, status: 303 });
    expect(landed?.status()).toBe(200);
    expect(page.url()).toBe(`${site}/examples/thank-you.html`);
    await expect(page.title()).resolves.toContain('Tack');

    await stack.waitForEmailTo(email);
    expect(await itemsOf('join-request', email)).toEqual([
      expect.objectContaining({ groupId: group.id, status: 'pending_confirmation' }),
    ]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('without JavaScript and without a group in the link: says the link lacks one and offers no form', async () => {
    const { page, posts } = await openPage(false);
    expect((await page.goto(`${site}/examples/join.html?network=${networkId}`))?.status()).toBe(200);
    // A form here could only post to a literal {{groupId}}: a 404 after the reader filled it all in.
    expect(await page.locator('form').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Skicka förfrågan' }).count()).toBe(0);
    const notes = page.locator('noscript p');
    expect(await notes.count()).toBe(1);
    expect(await notes.isVisible()).toBe(true);
    expect(await notes.textContent()).toContain('Länken hit saknar en grupp');
    expect(posts).toHaveLength(0);
    await page.close();
  });
});

describe('the examples pages in axe-core', () => {
  it('the index and every page have their content in landmarks, one main, and no other violation', async () => {
    const { group } = await seedGroup(networkId, [], { title: 'Lovskola', question: 'Vem kommer?' });
    const pages = [
      '',
      'interest.html',
      `join.html?network=${networkId}`,
      `join.html?network=${networkId}&group=${group.id}`,
      'evaluation.html?token=x',
      'thank-you.html',
    ];
    // With JavaScript only: axe waits on timers, which a page without it never runs.
    const { page } = await openPage(true, { bypassCSP: true });
    for (const path of pages) {
      await page.goto(`${site}/examples/${path}`);
      if (path.startsWith('join.html'))
        await expect.poll(() => page.locator('#group option').count(), answered).toBeGreaterThan(1);
      const violations = (await axeViolations(page)).map(({ rule, targets }) => ({ rule, targets }));
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
    await page.close();
  });
});

const ratingLinks = (text: string | undefined) =>
  [...(text ?? '').matchAll(/https?:\S+\/v1\/feedback\/([A-Za-z0-9_-]+)\?rating=(\d+)/g)].map((m) => ({
    url: m[0],
    token: m[1] ?? '',
    rating: Number(m[2]),
  }));

describe('the evaluation form (examples/evaluation.html)', () => {
  it('with JavaScript it posts to the member’s link; without, it sends the reader to the emailed link', async () => {
    const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
    const [anna, bertil] = members as [JoinRequest, JoinRequest];
    const created = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await stack.token({ email: coordinator, networks: [networkId] })}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        firstLocal: inDays(2),
        mode: 'online',
        onlineUrl: 'https://meet.example.org/x',
      }),
    });
    expect(created.status).toBe(201);
    const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
    if (!meeting) throw new Error('no meeting');
    const linksTo = async (member: JoinRequest) =>
      ratingLinks(
        (await stack.waitForEmailTo(member.email, (m) => ratingLinks(m.body.text).length > 0, 30_000)).body
          .text,
      );
    const [annasLinks, bertilsLinks] = await Promise.all([linksTo(anna), linksTo(bertil)]);
    const token = annasLinks[0]?.token ?? '';

    // With JavaScript: the form appears, and a tapped number (?rating=) is chosen.
    const { page, consoleErrors, posts } = await openPage(true);
    await page.goto(`${site}/examples/evaluation.html?token=${token}&rating=9`);
    const radio = (value: number) => page.getByRole('radio', { name: String(value), exact: true });
    expect(await page.locator('form').isVisible()).toBe(true);
    expect(await radio(9).isChecked()).toBe(true);
    expect(await page.locator('noscript').isVisible()).toBe(false);

    // Without a rating: samla's message (in the member's language, Swedish) beside the ten numbers.
    await page.goto(`${site}/examples/evaluation.html?token=${token}`);
    for (const value of [1, 9, 10]) expect(await radio(value).isChecked()).toBe(false);
    await page.getByLabel('Vad tar du med dig hem från träffen?').fill('Ett nytt sätt att planera');
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await expect.poll(() => radio(1).getAttribute('aria-invalid'), answered).toBe('true');
    expect(await radio(10).getAttribute('aria-invalid')).toBe('true');
    const error = await fieldError(page, radio(1));
    expect(error).toMatchObject({ text: sv.fields.required(), visible: true });
    // Inside the group of numbers, after its legend and hint.
    const ratingGroup = page.getByRole('group', { name: 'Ditt betyg från 1 till 10' });
    expect(await ratingGroup.locator(`[id="${error.id}"]`).count()).toBe(1);
    expect(await focusedId(page)).toBe('');
    expect(
      await page.evaluate(() => {
        const active = (globalThis as unknown as { document: DomDocument }).document.activeElement;
        return active?.getAttribute('name') ?? '';
      }),
    ).toBe('rating');
    expect(posts.map((post) => post.url())).toEqual([`${stack.apiUrl}/v1/feedback/${token}`]);

    await radio(8).check();
    await page.getByLabel('Parkera frågor').fill('Hur gör vi med lokalerna?\nVem bokar rummet?');
    await page.getByLabel('Skicka utan mitt namn').check();
    await page.getByRole('button', { name: 'Skicka', exact: true }).click();
    await expect.poll(() => status(page).textContent(), answered).toContain('Tack för ditt svar!');
    expect(posts[1]?.postDataJSON()).toEqual({
      rating: 8,
      reflections: { takeHome: 'Ett nytt sätt att planera' },
      parkedQuestions: ['Hur gör vi med lokalerna?', 'Vem bokar rummet?'],
      anonymous: true,
    });
    expect(unexpected(consoleErrors)).toEqual([]);

    // Without the code in the address, the script says so and shows no form.
    await page.goto(`${site}/examples/evaluation.html`);
    expect(await status(page).textContent()).toContain('Länken är ofullständig');
    expect(await page.locator('form').isVisible()).toBe(false);
    await page.close();

    // Without JavaScript: no form that cannot work, a pointer to the emailed link, and that link works.
    const plain = await openPage(false);
    const bertilsToken = bertilsLinks[0]?.token ?? '';
    await plain.page.goto(`${site}/examples/evaluation.html?token=${bertilsToken}`);
    expect(await plain.page.locator('form').isVisible()).toBe(false);
    expect(await plain.page.locator('noscript p').isVisible()).toBe(true);
    expect(await plain.page.locator('noscript p').textContent()).toContain(
      'Det här formuläret behöver JavaScript',
    );
    await plain.page.goto(bertilsLinks.find((link) => link.rating === 6)?.url ?? '');
    expect(await plain.page.getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
    const [thanks] = await Promise.all([
      plain.page.waitForNavigation(),
      plain.page.getByRole('button', { name: 'Skicka', exact: true }).click(),
    ]);
    expect(thanks?.status()).toBe(200);
    await expect(plain.page.title()).resolves.toContain(
      sv.pages.results['feedback-thanks'].title({ networkName }),
    );
    await plain.page.close();

    const byRating = await storedAnswersByRating(stack, meeting.id, 2);
    expect(byRating.get(8)).toMatchObject({
      anonymous: true,
      reflections: { takeHome: 'Ett nytt sätt att planera' },
      parkedQuestions: ['Hur gör vi med lokalerna?', 'Vem bokar rummet?'],
    });
    expect(JSON.stringify(byRating.get(8))).not.toContain(anna.id);
    expect(byRating.get(6)).toMatchObject({ anonymous: false, memberId: bertil.id });
    releaseClose();
  }, 60_000);
});

describe('CORS for the website forms', () => {
  const preflight = (origin: string) =>
    stack.api('/v1/networks/demo/interest', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,accept-language',
      },
    });

  it('answers a preflight from the examples’ origin and from cdk.json’s allowedOrigins, and from no other', async () => {
    const local = await preflight(site);
    expect(local.status).toBe(204);
    expect(local.headers.get('access-control-allow-origin')).toBe(site);
    expect(local.headers.get('access-control-allow-methods')).toContain('POST');
    expect(local.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(local.headers.get('access-control-allow-headers')).toMatch(/accept-language/);

    const configured = await preflight('https://example.org');
    expect(configured.headers.get('access-control-allow-origin')).toBe('https://example.org');

    for (const other of [site.replace('127.0.0.1', 'localhost'), 'https://evil.example', 'null']) {
      const refused = await preflight(other);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
      expect(refused.headers.get('access-control-allow-methods')).toBeNull();
    }

    // The answer itself carries the header only for an allowed origin.
    const list = (origin: string) => stack.api('/v1/networks/demo/groups', { headers: { origin } });
    expect((await list(site)).headers.get('access-control-allow-origin')).toBe(site);
    expect((await list('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

/** The parts of the DOM read here (the test's types have no DOM). */
interface DomNode {
  readonly ownerDocument: DomDocument;
  readonly parentElement: DomNode | null;
  contains(other: DomNode): boolean;
  compareDocumentPosition(other: DomNode): number;
}
interface DomDocument {
  getElementById(id: string): DomNode | null;
  readonly activeElement: { readonly id: string; getAttribute(name: string): string | null } | null;
}
