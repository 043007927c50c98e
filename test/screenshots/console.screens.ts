import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type HandlerLoader, moduleLoader } from '../../infra/local/lambda.ts';
import { launchChromium } from '../support/browser.ts';
import { consoleUrlOf, openConsole } from '../support/console.ts';
import { inDays } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { registerAndConfirm } from '../support/members.ts';
import { seedNetwork } from '../support/networks.ts';
import { linkIn } from '../support/table.ts';

/*
 * The screenshots in the README (docs/console/*.png): `npm run console:screenshots`. Not a test of its
 * own (npm test includes *.test.ts only); it seeds a Swedish network the way people would fill it, through
 * the public API and the emailed links, and photographs the console in Swedish at 1280 px.
 */

const outDir = join(process.cwd(), 'docs/console');
const networkId = 'rektorer-malardalen';
const coordinator = 'karin.holm@example.org';
const width = 1280;

/*
 * The meeting workflows' waits are shortened, so that the past meetings' evaluations can be asked for,
 * answered and closed now. Their evaluation steps wait for a word from here: a past meeting's close until
 * its answers are in, and an upcoming meeting's evaluation never (it has not taken place).
 */
const evaluating = new Set<string>();
const closable = new Set<string>();
let stopping = false;
const modules = moduleLoader();
const loadHandler: HandlerLoader = async (entry) => {
  const handler = await modules(entry);
  if (entry !== 'functions/meeting-steps/handler.ts') return handler;
  return async (event, context) => {
    const { meetingId = '', reminder } = event as { meetingId?: string; reminder?: { kind?: string } };
    const kind = reminder?.kind ?? '';
    const mayGoOn = () =>
      !kind.startsWith('evaluation') || (kind === 'evaluation-close' ? closable : evaluating).has(meetingId);
    while (!mayGoOn()) {
      if (stopping) return {};
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return handler(event, context);
  };
};

let stack: TestStack;
let browser: Browser;
let headers: Record<string, string>;
beforeAll(async () => {
  stack = await useLocalStack({
    console: true,
    seedDemo: false,
    loadHandler,
    waitTimeOverrides: { WaitForNext: 200 },
  });
  headers = await seedNetwork(stack, { id: networkId, name: 'Rektorsnätverket Mälardalen', coordinator });
  browser = await launchChromium();
  mkdirSync(outDir, { recursive: true });
});
afterAll(async () => {
  stopping = true;
  await browser?.close();
  await stack?.stop();
});

interface Person {
  name: string;
  email: string;
  organisation: string;
  role: string;
}

const person = (name: string, organisation: string, role = 'Rektor', domain = 'skola.se'): Person => ({
  name,
  email: `${name.toLowerCase().replaceAll(' ', '.').normalize('NFD').replace(/\p{M}/gu, '')}@${domain}`,
  organisation,
  role,
});

async function admin(path: string, method: string, body?: unknown): Promise<Response> {
  const response = await stack.api(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return response;
}

/** Asks to join by the public API and confirms by the emailed link, as the website's form would. */
async function joinGroup(groupId: string, who: Person): Promise<string> {
  const asked = await stack.api(`/v1/groups/${groupId}/join-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...who, consent: true, language: 'sv' }),
  });
  expect(asked.status).toBe(202);
  return ((await confirmByLink(who.email)) as { status: string }).status;
}

/** Follows the confirmation link emailed to this address, as its button does; the JSON answer. */
async function confirmByLink(email: string): Promise<unknown> {
  const mail = await stack.waitForEmailTo(email, (m) => m.body.text?.includes('/v1/confirm/') ?? false);
  const confirmed = await fetch(linkIn(mail.body.text).url, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  expect(confirmed.status).toBe(200);
  return confirmed.json();
}

/** The links of an email's text that go to `path`, each once, in order. */
const linksTo = (text: string | undefined, path: string) => [
  ...new Set(
    [...(text ?? '').matchAll(new RegExp(`https?://\\S+${path}[A-Za-z0-9_-]+`, 'g'))].map((m) => m[0]),
  ),
];

/** A wall-clock time in Stockholm `days` from today at `time`, as the admin API takes it. */
const dayAt = (days: number, time: string) => `${inDays(days).slice(0, 10)}T${time}`;

async function seed(): Promise<{ groupId: string; evaluatedMeetingId: string }> {
  // Evaluations stay open three weeks here: the first meeting's links are still valid.
  await admin(`/v1/admin/networks/${networkId}`, 'PATCH', { evaluation: { closeAfterDays: 21 } });
  // Registrations of interest, with topics several people share.
  const registrations: [Person, string[]][] = [
    [person('Lena Ström', 'Västerå skola'), ['Skolans ekonomi', 'Elevhälsa']],
    [person('Mikael Berg', 'Björkängsskolan', 'Biträdande rektor'), ['Elevhälsa', 'Rekrytering av lärare']],
    [person('Sara Lind', 'Norrbyskolan'), ['Skolans ekonomi', 'Lokaler och skolbyggnader']],
    [person('Johan Ek', 'Gillbergaskolan'), ['Rekrytering av lärare', 'Elevhälsa']],
    [person('Fatima Haddad', 'Kvarnbackaskolan'), ['Skolans ekonomi']],
  ];
  for (const [who, topics] of registrations) await registerAndConfirm(stack, networkId, { ...who, topics });

  const created = await admin(`/v1/admin/networks/${networkId}/groups`, 'POST', {
    title: 'Elevhälsa i praktiken',
    question: 'Hur får vi elevhälsan att arbeta förebyggande och inte bara åtgärdande?',
    facilitator: { name: 'Eva Sjöberg', email: 'eva.sjoberg@skola.se' },
    capacity: 6,
    mode: 'online',
    location: 'https://meet.example.org/elevhalsa',
  });
  const groupId = ((await created.json()) as { id: string }).id;
  await admin(`/v1/admin/networks/${networkId}/groups`, 'POST', {
    title: 'Skolans ekonomi',
    question: 'Hur räcker budgeten till det vi vill prioritera?',
    facilitator: { name: 'Per Andersson' },
    capacity: 12,
    mode: 'in_person',
    location: 'Stadshuset, Västerås',
  });

  // A member's proposal for a new group, confirmed by its emailed link: it waits for a decision.
  const proposer = person('Maria Nilsson', 'Tegnérskolan');
  const proposed = await stack.api(`/v1/networks/${networkId}/group-proposals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...proposer,
      title: 'Rekrytering av lärare',
      question: 'Hur blir vi en skola som behöriga lärare söker sig till?',
      consent: true,
      language: 'sv',
    }),
  });
  expect(proposed.status).toBe(202);
  await confirmByLink(proposer.email);

  const members = [
    person('Anna Lindqvist', 'Ekskolan'),
    person('Bertil Nyström', 'Talltorpsskolan'),
    person('Cecilia Wallin', 'Hagaskolan', 'Biträdande rektor'),
    person('David Öberg', 'Skiljeboskolan'),
    person('Elin Forsberg', 'Vallbyskolan'),
    person('Fredrik Sandberg', 'Rönnbyskolan', 'Förskolechef'),
  ];
  for (const who of members) expect(await joinGroup(groupId, who)).toBe('approved');
  for (const who of [person('Gustav Holm', 'Pettersbergsskolan'), person('Hanna Lund', 'Råbyskolan')])
    expect(await joinGroup(groupId, who)).toBe('waitlisted');
  // Outside the member organisations: a coordinator decides.
  expect(
    await joinGroup(groupId, person('Ingrid Dahl', 'Friskolan Kompassen', 'Rektor', 'kompassen.nu')),
  ).toBe('pending_approval');

  // Two meetings behind the group, two ahead: every two weeks at 15:00.
  const series = await admin(`/v1/admin/groups/${groupId}/meetings`, 'POST', {
    firstLocal: dayAt(-17, '15:00'),
    count: 4,
    intervalWeeks: 2,
    mode: 'online',
    onlineUrl: 'https://meet.example.org/elevhalsa',
  });
  const meetings = ((await series.json()) as { meetings: { id: string }[] }).meetings;
  const [first, second] = meetings as [{ id: string }, { id: string }];
  evaluating.add(first.id).add(second.id);

  // The next meeting's invitations: three coming, one not this time, two have not answered.
  const answers: ('yes' | 'no')[] = ['yes', 'yes', 'no', 'yes'];
  for (const [i, answer] of answers.entries()) {
    const who = members[i] as Person;
    const invitation = await stack.waitForEmailTo(
      who.email,
      (m) => (m.body.text?.includes('/v1/rsvp/') ?? false) && m.body.text?.includes('3 av 4') === true,
    );
    const [yes, no] = linksTo(invitation.body.text, '/v1/rsvp/');
    const rsvp = await fetch((answer === 'yes' ? yes : no) ?? '', {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(rsvp.status).toBe(200);
  }

  // The past meetings' evaluations: most answer, some anonymously.
  const evaluations: Record<string, Record<string, unknown>[]> = {
    [first.id]: [
      { rating: 7, nextTimeBetter: 'Tydligare start och mål för träffen' },
      { rating: 6, reflections: { takeHome: 'Att kartlägga elevhälsans tid' } },
      { rating: 8, anonymous: true },
      { rating: 7 },
    ],
    [second.id]: [
      {
        rating: 9,
        nextTimeBetter: 'Mer tid för samtal i smågrupper',
        reflections: {
          takeHome: 'Ett nytt sätt att planera elevhälsomötena',
          continueAtHome: 'Prova strukturen på nästa EHT-möte',
        },
        parkedQuestions: ['Hur delar vi ansvaret med kommunens elevhälsa?'],
      },
      {
        rating: 8,
        nextTimeBetter: 'Ett exempel från en annan skola',
        reflections: { programme: 'Bra att inledningen utgick från ett verkligt fall' },
        anonymous: true,
      },
      {
        rating: 8,
        reflections: { execution: 'Bra tempo, alla kom till tals' },
        parkedQuestions: ['Vem bokar lokalen till vårens träffar?'],
      },
      { rating: 10, nextTimeBetter: 'Samma upplägg igen!' },
      { rating: 7, nextTimeBetter: 'Skicka underlaget en vecka före' },
    ],
  };
  for (const meeting of [first, second]) {
    const seq = meeting === first ? 1 : 2;
    for (const [i, answer] of (evaluations[meeting.id] ?? []).entries()) {
      const who = members[i] as Person;
      const request = await stack.waitForEmailTo(
        who.email,
        (m) =>
          linksTo(m.body.text, '/v1/feedback/').length > 0 &&
          m.body.text?.includes(`träff ${seq} av`) === true,
        20_000,
      );
      const form = linksTo(request.body.text, '/v1/feedback/')[0]?.split('?')[0] ?? '';
      const answered = await fetch(form, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answer),
      });
      expect(answered.status).toBe(200);
    }
  }
  closable.add(first.id).add(second.id);
  for (const meeting of [first, second]) {
    const execution = await stack.waitForExecutionStarted((input) => input.meetingId === meeting.id);
    expect((await stack.sfn.waitForExecution(execution.executionArn, 30_000)).status).toBe('SUCCEEDED');
  }
  return { groupId, evaluatedMeetingId: second.id };
}

/** Waits until the screen has its data: nothing loading, no error, no request in flight. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('main p.muted[aria-live="polite"]').count()).toBe(0);
  expect(await page.locator('main [role="alert"]').count()).toBe(0);
  await page.evaluate(
    () =>
      (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready,
  );
}

async function shoot(page: Page, path: string, file: string): Promise<void> {
  await page.goto(consoleUrlOf(stack, path));
  await page.locator('main h1').first().waitFor();
  await settled(page);
  await page.mouse.move(0, 0);
  await page.screenshot({
    path: join(outDir, file),
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
  });
}

it('photographs the overview, a group and an evaluation', async () => {
  const { groupId, evaluatedMeetingId } = await seed();
  const { page, context, consoleErrors } = await openConsole(browser, stack, {
    email: coordinator,
    networks: [networkId],
    locale: 'sv-SE',
    path: `/n/${networkId}`,
  });
  await page.setViewportSize({ width, height: 800 });
  await shoot(page, `/n/${networkId}`, 'overview.png');
  await shoot(page, `/n/${networkId}/groups/${groupId}`, 'group.png');
  await shoot(page, `/n/${networkId}/evaluations/${groupId}/${evaluatedMeetingId}`, 'evaluation.png');
  expect(consoleErrors).toEqual([]);
  await context.close();
}, 240_000);
