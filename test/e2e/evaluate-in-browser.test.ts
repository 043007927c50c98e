import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { evaluationCopy } from '../../shared/mail/evaluations.ts';
import { pageCopy } from '../../shared/pages/copy.ts';
import { feedbackCopy } from '../../shared/pages/feedback.ts';
import { holdEvaluationClose, launchChromium } from '../support/browser.ts';
import { storedAnswersByRating } from '../support/evaluations.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';

const networkId = `evaluate-browser-${randomUUID().slice(0, 6)}`;
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;
const form = feedbackCopy.sv;
const questions = evaluationCopy.sv;

// The evaluation's close waits until the browser is done (see holdEvaluationClose).
const { loadHandler, release: releaseClose } = holdEvaluationClose();

let stack: TestStack;
let browser: Browser;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: 1500 }, loadHandler });
  headers = await seedNetwork(stack, { id: networkId, name: 'Grundskolenätverket', coordinator });
  browser = await launchChromium();
});
afterAll(async () => {
  releaseClose();
  await browser?.close();
  await stack?.stop();
});

const ratingLinks = (text: string | undefined) =>
  [...(text ?? '').matchAll(/https?:\S+\/v1\/feedback\/[A-Za-z0-9_-]+\?rating=(\d+)/g)].map((m) => ({
    url: m[0],
    rating: Number(m[1]),
  }));

/** A page that notes every console error: a Content-Security-Policy violation is reported as one. */
async function openPage(): Promise<{ page: Page; consoleErrors: string[] }> {
  const page = await browser.newPage({ locale: 'sv-SE' });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, consoleErrors };
}

const radio = (page: Page, value: number) => page.getByRole('radio', { name: String(value), exact: true });
const submit = (page: Page) => page.getByRole('button', { name: form.submit, exact: true });
const thanksTitle = pageCopy.sv.results['feedback-thanks'].title({ networkName: 'Grundskolenätverket' });
const ratingGroup = (page: Page) => page.getByRole('group', { name: form.legend, exact: true });

describe('evaluating a meeting in a real browser', () => {
  it('opens the one-tap link with the rating chosen, takes the answer, and shows a field error beside the rating', async () => {
    const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
    const [anna, bertil] = members as [JoinRequest, JoinRequest];
    const created = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        firstLocal: inDays(2),
        mode: 'online',
        onlineUrl: 'https://meet.example.org/x',
      }),
    });
    expect(created.status).toBe(201);
    const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
    if (!meeting) throw new Error('no meeting');

    const requestTo = async (member: JoinRequest) => {
      const mail = await stack.waitForEmailTo(
        member.email,
        (m) => ratingLinks(m.body.text).length > 0,
        20_000,
      );
      const links = ratingLinks(mail.body.text);
      expect(links.map((l) => l.rating)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      return links;
    };
    const annasLinks = await requestTo(anna);

    // Anna taps 8 in her inbox: the form opens in Swedish with 8 chosen, and nothing breaks the page's CSP.
    const first = await openPage();
    const eight = annasLinks.find((l) => l.rating === 8)?.url ?? '';
    const opened = await first.page.goto(eight);
    expect(opened?.status()).toBe(200);
    await expect(first.page.title()).resolves.toContain(form.title);
    expect(await first.page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await radio(first.page, 8).isChecked()).toBe(true);
    for (const other of [1, 7, 9, 10]) expect(await radio(first.page, other).isChecked()).toBe(false);
    expect(first.consoleErrors).toEqual([]);

    // As long as the field lets her write, with line breaks: Chromium counts each as one character, and
    // posts each as two (CRLF).
    const lines = Array.from({ length: 40 }, (_, i) => `Rad ${i + 1}: ett nytt sätt att planera`).join('\n');
    const takeHomeText = lines + '.'.repeat(4000 - lines.length);
    const annasTakeHome = first.page.getByLabel(questions.reflections.takeHome);
    await annasTakeHome.fill(takeHomeText);
    expect(await annasTakeHome.inputValue()).toBe(takeHomeText);
    await first.page.getByLabel(form.parkedLabel, { exact: true }).fill('Hur gör vi med lokalerna?');
    await first.page.getByLabel(form.anonymousLabel).check();
    const [thanks] = await Promise.all([first.page.waitForNavigation(), submit(first.page).click()]);
    expect(thanks?.status()).toBe(200);
    await expect(first.page.title()).resolves.toContain(thanksTitle);
    expect(await first.page.locator('html').getAttribute('lang')).toBe('sv');
    expect(first.consoleErrors).toEqual([]);
    await first.page.close();

    // Bertil opens his form without a number tapped and sends it without a rating.
    const bertilsForm = (await requestTo(bertil))[0]?.url.split('?')[0] ?? '';
    const second = await openPage();
    expect((await second.page.goto(bertilsForm))?.status()).toBe(200);
    for (const value of [1, 5, 10]) expect(await radio(second.page, value).isChecked()).toBe(false);
    const nextTime = second.page.getByLabel(questions.nextTimeQuestion);
    const takeHome = second.page.getByLabel(questions.reflections.takeHome);
    const parked = second.page.getByLabel(form.parkedLabel, { exact: true });
    await nextTime.fill('Mer tid för samtal i smågrupper');
    await takeHome.fill('Frågorna att ställa till eleverna');
    await parked.fill('Vem bokar lokalen?\nNär ses vi i vår?');

    // Chromium's own check (the radios are required) stops the post: nothing is sent.
    const posts: string[] = [];
    second.page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await submit(second.page).click();
    expect(
      await radio(second.page, 1).evaluate((input) => (input as unknown as RadioState).validity.valueMissing),
    ).toBe(true);
    expect(posts).toEqual([]);

    // A browser that does not check forms posts it anyway: the form comes back with the error at the rating.
    await second.page.locator('form').evaluate((element) => {
      (element as unknown as { noValidate: boolean }).noValidate = true;
    });
    const [refused] = await Promise.all([second.page.waitForNavigation(), submit(second.page).click()]);
    expect(refused?.status()).toBe(400);
    expect(posts).toHaveLength(1);
    await expect(second.page.title()).resolves.toContain(form.title);
    expect(await second.page.locator('html').getAttribute('lang')).toBe('sv');
    const describedBy = (await ratingGroup(second.page).getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((id) => id !== 'rating-hint');
    if (!errorId) throw new Error(`the rating group names no error (aria-describedby="${describedBy}")`);
    const error = ratingGroup(second.page).locator(`[id="${errorId}"]`);
    expect(await error.isVisible()).toBe(true);
    expect((await error.textContent())?.trim()).not.toBe('');
    for (const value of [1, 10])
      expect(await radio(second.page, value).getAttribute('aria-invalid')).toBe('true');
    expect(await second.page.getByRole('alert').textContent()).toContain(form.errorsIntro);
    // What Bertil wrote is still there.
    expect(await nextTime.inputValue()).toBe('Mer tid för samtal i smågrupper');
    expect(await takeHome.inputValue()).toBe('Frågorna att ställa till eleverna');
    expect(await parked.inputValue()).toBe('Vem bokar lokalen?\nNär ses vi i vår?');
    expect(await nextTime.getAttribute('aria-invalid')).toBeNull();

    await radio(second.page, 6).check();
    const [accepted] = await Promise.all([second.page.waitForNavigation(), submit(second.page).click()]);
    expect(accepted?.status()).toBe(200);
    await expect(second.page.title()).resolves.toContain(thanksTitle);
    // Chromium logs the 400 of the refused post as an error; nothing else (no CSP violation) may appear.
    expect(second.consoleErrors.filter((text) => !/status of 400\b/.test(text))).toEqual([]);
    await second.page.close();

    // Exactly the two answers are stored: Anna's without her identity, Bertil's with everything he wrote.
    const byRating = await storedAnswersByRating(stack, meeting.id, 2);
    expect(byRating.get(8)).toMatchObject({
      anonymous: true,
      reflections: { takeHome: takeHomeText },
      parkedQuestions: ['Hur gör vi med lokalerna?'],
    });
    expect(JSON.stringify(byRating.get(8))).not.toContain(anna.id);
    expect(byRating.get(6)).toMatchObject({
      anonymous: false,
      memberId: bertil.id,
      nextTimeBetter: 'Mer tid för samtal i smågrupper',
      reflections: { takeHome: 'Frågorna att ställa till eleverna' },
      parkedQuestions: ['Vem bokar lokalen?', 'När ses vi i vår?'],
    });
    releaseClose();
  }, 60_000);
});

/** The part of an input's constraint validation read here (the test's types have no DOM). */
interface RadioState {
  validity: { valueMissing: boolean };
}
