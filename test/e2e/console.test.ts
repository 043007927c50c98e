/**
 * The coordinators' console in a real browser (issue 14): each task as a coordinator does it, signed in
 * through the local OpenID provider's page, and then what the admin API holds afterwards. Every screen
 * visited is checked with axe-core. Each test has a network of its own.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { fieldMessages } from '../../shared/http/messages.ts';
import { launchChromium } from '../support/browser.ts';
import {
  type ConsolePage,
  consoleUrlOf,
  openConsole,
  requestToJoinFromOutside,
  seriousViolations,
} from '../support/console.ts';
import { closeGroup, inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';

const timeZone = 'Europe/Stockholm';

let stack: TestStack;
let browser: Browser;
const opened: ConsolePage[] = [];
beforeAll(async () => {
  stack = await useLocalStack({ console: true });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const { context } of opened) await context.close();
  await browser?.close();
  await stack?.stop();
});

interface Network {
  readonly id: string;
  readonly name: string;
  readonly coordinator: string;
  /** The coordinator's admin API headers, for seeding and for reading what the console saved. */
  readonly headers: Record<string, string>;
}

async function newNetwork(): Promise<Network> {
  const id = `console-${randomUUID().slice(0, 8)}`;
  const name = `Rektorsnätverket ${id.slice(-4)}`;
  const coordinator = uniqueEmail('samordnare');
  const headers = await seedNetwork(stack, { id, name, coordinator });
  return { id, name, coordinator, headers };
}

/** The console signed in as the network's coordinator, on `path`. */
async function signIn(network: Network, path: string): Promise<ConsolePage> {
  const session = await openConsole(browser, stack, {
    email: network.coordinator,
    networks: [network.id],
    path,
  });
  opened.push(session);
  return session;
}

async function adminGet<T>(network: Network, path: string): Promise<T> {
  const response = await stack.api(path, { headers: network.headers });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** Meetings scheduled through the admin API (what the attendance screen then shows): their ids in order. */
async function scheduleThroughApi(network: Network, groupId: string, count: number): Promise<string[]> {
  const created = await stack.api(`/v1/admin/groups/${groupId}/meetings`, {
    method: 'POST',
    headers: network.headers,
    body: JSON.stringify({
      firstLocal: inDays(3),
      count,
      mode: 'online',
      onlineUrl: 'https://meet.example.org/x',
    }),
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { meetings: { id: string }[] }).meetings.map((m) => m.id);
}

const heading = (page: Page) => page.locator('main h1');

/** Waits for a screen's content (not its 'Hämtar…' placeholder) to be shown under its heading. */
async function screenShows(page: Page, title: string, content: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  await page.getByText(content, { exact: true }).first().waitFor();
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

/** What has focus (the body when nothing has): its tag, and its aria-label, label (a field) or text. */
async function focused(page: Page): Promise<{ tag: string; name: string }> {
  return page.evaluate(() => {
    const { activeElement } = (
      globalThis as unknown as {
        document: {
          activeElement: {
            tagName: string;
            textContent: string | null;
            labels?: { textContent: string | null }[] | null;
            getAttribute(name: string): string | null;
          } | null;
        };
      }
    ).document;
    if (activeElement === null) return { tag: 'none', name: '' };
    const label =
      activeElement.getAttribute('aria-label') ??
      activeElement.labels?.[0]?.textContent ??
      activeElement.textContent ??
      '';
    return { tag: activeElement.tagName.toLowerCase(), name: label.trim().slice(0, 80) };
  });
}

/** Presses Tab until the element with this label or text has focus (as a keyboard user would). */
async function tabTo(page: Page, name: string, limit = 20): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).name === name) return;
  }
  throw new Error(
    `Tab never reached "${name}" (${limit} presses; last: ${JSON.stringify(await focused(page))})`,
  );
}

/** A wall-clock instant as it reads in the network's zone: "2027-01-19 18:30". */
const localInZone = (instant: string) => new Date(instant).toLocaleString('sv-SE', { timeZone }).slice(0, 16);

/** A calendar date `days` after `date` (both YYYY-MM-DD). */
const datePlus = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 24 * 3600_000).toISOString().slice(0, 10);

interface AdminGroupView {
  id: string;
  title: string;
  question: string;
  facilitator: { name: string; email?: string };
  capacity: number;
  seatsTaken: number;
  mode: string;
  location?: string;
  status: string;
}

describe('the coordinators’ console in a real browser', () => {
  it('signs in through the local provider and shows the coordinator and the network', async () => {
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}`);

    expect(new URL(page.url()).pathname).toBe(`/n/${network.id}`);
    // The code and state of the callback are gone from the address.
    expect(new URL(page.url()).search).toBe('');
    await screenShows(page, 'Översikt', 'Ingen förfrågan väntar på beslut.');
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain(`Inloggad som ${network.coordinator.toLowerCase()}`);
    expect(await banner.textContent()).toContain(network.id);
    expect(await page.locator('main').textContent()).toContain(network.name);
    expect(await page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');

    // The session the provider gave is the coordinator's ID token, and the admin API accepts it.
    const idToken = await page.evaluate(() => {
      const storage = (
        globalThis as unknown as {
          sessionStorage: {
            key(i: number): string | null;
            getItem(k: string): string | null;
            length: number;
          };
        }
      ).sessionStorage;
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i) ?? '';
        if (key.startsWith('oidc.user:'))
          return (JSON.parse(storage.getItem(key) ?? '{}') as { id_token?: string }).id_token;
      }
      return undefined;
    });
    if (idToken === undefined) throw new Error('no signed-in user in sessionStorage');
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      email: network.coordinator.toLowerCase(),
      'cognito:groups': [`network-${network.id}`],
    });
    const settings = await stack.api(`/v1/admin/networks/${network.id}`, {
      headers: { authorization: `Bearer ${idToken}` },
    });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ id: network.id, name: network.name });
    expect(consoleErrors).toEqual([]);
  });

  it('opens the one network’s overview when signing in at the console’s bare address', async () => {
    // As npm start and the ConsoleUrl output print it: a coordinator of one network lands on its overview,
    // not on the list of networks under the overview's address.
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, '/');
    await page.waitForURL((url) => url.pathname === `/n/${network.id}`);
    await expect.poll(() => page.locator('main h1').first().textContent()).toBe('Översikt');
    expect(await page.getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe('page');
    expect(consoleErrors).toEqual([]);
  });

  it('creates a group on the Groups screen, and the API has it with what was typed', async () => {
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/groups`);
    await screenShows(page, 'Grupper', 'Ny grupp');
    await page.getByRole('button', { name: 'Ny grupp', exact: true }).click();
    const form = page.getByRole('region', { name: 'Ny grupp' });
    await form.getByLabel('Rubrik', { exact: true }).fill('Skolans lokaler');
    await form.getByLabel('Fråga', { exact: true }).fill('Hur delar vi lokaler med föreningslivet?');
    await form.getByLabel('Samtalsledare', { exact: true }).fill('Magnus Anclair');
    await form.getByLabel('Samtalsledarens e-post (valfritt)').fill('magnus@skola.se');
    await form.getByLabel('Antal platser', { exact: true }).fill('6');
    await form.getByLabel('Träffas', { exact: true }).selectOption({ label: 'Fysiskt' });
    await form.getByLabel('Plats (valfritt)').fill('Aulan, Ekskolan');
    await expectAccessible(page, 'groups list with the new group form');
    await form.getByRole('button', { name: 'Skapa gruppen' }).click();

    // The new group's page opens.
    await page.waitForURL((url) => /\/groups\/[^/]+$/.test(url.pathname));
    await screenShows(page, 'Skolans lokaler', 'Inga förfrågningar väntar på beslut.');
    const groupId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await page.getByText('Tagna platser: 0 av 6', { exact: false }).isVisible()).toBe(true);

    const { groups } = await adminGet<{ groups: AdminGroupView[] }>(
      network,
      `/v1/admin/networks/${network.id}/groups`,
    );
    expect(groups).toEqual([
      expect.objectContaining({
        id: groupId,
        title: 'Skolans lokaler',
        question: 'Hur delar vi lokaler med föreningslivet?',
        facilitator: { name: 'Magnus Anclair', email: 'magnus@skola.se' },
        capacity: 6,
        seatsTaken: 0,
        mode: 'in_person',
        location: 'Aulan, Ekskolan',
        status: 'open',
      }),
    ]);

    // The list shows it too.
    await page.getByRole('navigation', { name: 'Nätverk' }).getByRole('link', { name: 'Grupper' }).click();
    const row = page.getByRole('row', { name: /Skolans lokaler/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('0 av 6');
    expect(await row.textContent()).toContain('Magnus Anclair');
    expect(consoleErrors).toEqual([]);
  });

  it('schedules a series of 3 meetings in the network’s time zone', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna', 'Bertil']);
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/meetings/${group.id}`);
    await screenShows(page, group.title, 'Tiderna gäller i Europe/Stockholm.');

    // A month ahead, at 18:30 in Stockholm (the browser itself runs in another zone).
    const firstDate = inDays(30).slice(0, 10);
    const form = page.getByRole('form', { name: 'Planera en serie träffar' });
    await form.getByLabel('Datum', { exact: true }).fill(firstDate);
    await form.getByLabel('Tid', { exact: true }).fill('18:30');
    await form.getByLabel('Antal träffar').selectOption('3');
    await form.getByLabel('Veckor mellan träffarna').fill('2');
    await form.getByLabel('Länk till träffen').fill('https://meet.example.org/lokaler');
    const preview = form.locator('ol.meeting-preview > li');
    await preview.nth(2).waitFor();
    expect(await preview.count()).toBe(3);
    for (const item of await preview.allTextContents()) expect(item).toContain('18:30');
    await form.getByRole('button', { name: 'Planera', exact: true }).click();

    await page
      .getByText(
        'Serien är inplanerad och deltagarna får träffarna i sina kalendrar, utom de som enligt en träffs sida inte får mejl.',
      )
      .waitFor();
    const upcoming = page.getByRole('heading', { level: 3, name: /^Träff \d+: / });
    await upcoming.nth(2).waitFor();
    const listed = await upcoming.allTextContents();
    expect(listed.map((text) => text.split(':')[0])).toEqual(['Träff 1', 'Träff 2', 'Träff 3']);
    for (const text of listed) expect(text).toContain('18:30');
    await expectAccessible(page, 'group meetings');

    const { meetings } = await adminGet<{
      meetings: {
        seq: number;
        startsAt: string;
        status: string;
        timeZone: string;
        mode: string;
        onlineUrl?: string;
        durationMinutes: number;
      }[];
    }>(network, `/v1/admin/groups/${group.id}/meetings`);
    const scheduled = meetings.filter((m) => m.status === 'scheduled').sort((a, b) => a.seq - b.seq);
    expect(scheduled).toHaveLength(3);
    // Each meeting at 18:30 on its day in Stockholm, two weeks apart, whatever the offset to UTC that day.
    expect(scheduled.map((m) => localInZone(m.startsAt))).toEqual([
      `${firstDate} 18:30`,
      `${datePlus(firstDate, 14)} 18:30`,
      `${datePlus(firstDate, 28)} 18:30`,
    ]);
    // The first instant, worked out from Stockholm's offset that day.
    const offsetMinutes =
      (Date.parse(`${firstDate}T18:30:00Z`) - Date.parse(scheduled[0]?.startsAt ?? '')) / 60_000;
    expect([60, 120]).toContain(offsetMinutes);
    expect(scheduled[0]).toMatchObject({
      timeZone,
      mode: 'online',
      onlineUrl: 'https://meet.example.org/lokaler',
      durationMinutes: 90,
    });
    expect(consoleErrors).toEqual([]);
  });

  it('cancels a meeting after asking; focus moves to what was done, and the API has it cancelled', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna', 'Bertil']);
    const [first, second] = await scheduleThroughApi(network, group.id, 2);
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/meetings/${group.id}`);
    await screenShows(page, group.title, 'Tiderna gäller i Europe/Stockholm.');

    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: /^Träff 1: / }) });
    await card.getByRole('button', { name: 'Ställ in träffen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ställ in träffen' });
    expect(await dialog.textContent()).toContain('Ställa in träff 1');
    await dialog.getByRole('button', { name: 'Ställ in träffen' }).click();

    const told =
      'Träff 1 är inställd och deltagarna får besked via mejl, utom de som enligt träffens sida inte får mejl.';
    await page.getByRole('status').filter({ hasText: told }).waitFor();
    // The meeting's buttons went with it; focus is on the notice, not at the page's start.
    await expect.poll(() => focused(page)).toEqual({ tag: 'p', name: told.slice(0, 80) });
    await expect
      .poll(() => page.getByRole('heading', { level: 3, name: /^Träff \d+: / }).allTextContents())
      .toEqual([expect.stringMatching(/^Träff 2: /)]);
    const { meetings } = await adminGet<{ meetings: { id: string; status: string }[] }>(
      network,
      `/v1/admin/groups/${group.id}/meetings`,
    );
    expect(Object.fromEntries(meetings.map((m) => [m.id, m.status]))).toEqual({
      [first ?? '']: 'cancelled',
      [second ?? '']: 'scheduled',
    });
    expect(consoleErrors).toEqual([]);
  });

  it('takes back a meeting link by emptying its field; the API has the meeting without it', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna']);
    const [meeting] = await scheduleThroughApi(network, group.id, 1);
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/meetings/${group.id}`);
    await screenShows(page, group.title, 'Tiderna gäller i Europe/Stockholm.');

    const card = page.locator('li.card').filter({ has: page.getByRole('heading', { name: /^Träff 1: / }) });
    await card.getByRole('button', { name: 'Flytta eller ändra' }).click();
    const form = page.getByRole('form', { name: 'Ändra träff 1' });
    await form.getByLabel('Länk till träffen').fill('');
    await form.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page
      .getByText(
        'Träff 1 är ändrad och deltagarna får en uppdaterad kalenderbokning, utom de som enligt träffens sida inte får mejl.',
      )
      .waitFor();

    const { meetings } = await adminGet<{ meetings: { id: string; version: number; onlineUrl?: string }[] }>(
      network,
      `/v1/admin/groups/${group.id}/meetings`,
    );
    const changed = meetings.find((m) => m.id === meeting);
    expect(changed).toMatchObject({ version: 2 });
    expect(changed).not.toHaveProperty('onlineUrl');
    expect(consoleErrors).toEqual([]);
  });

  it('approves a pending join request with the keyboard: the person becomes a member and gets the welcome email', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna']);
    const outsider = { name: 'Elin Konsult', email: uniqueEmail('elin') };
    await requestToJoinFromOutside(stack, group.id, outsider);

    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/groups/${group.id}`);
    const pending = page.getByRole('region', { name: 'Väntar på ditt beslut' });
    const approve = pending.getByRole('button', { name: `Godkänn ${outsider.name}` });
    await approve.waitFor();
    expect(await pending.textContent()).toContain(outsider.email);
    await expectAccessible(page, 'group page with a request waiting');
    // Approved with the keyboard: the request's buttons go with it, and focus moves to the section's
    // heading rather than falling to the start of the page.
    await tabTo(page, `Godkänn ${outsider.name}`);
    await page.keyboard.press('Enter');

    await pending.getByText(`${outsider.name} har fått en plats i gruppen och får ett mejl.`).waitFor();
    const members = page.getByRole('region', { name: 'Deltagare' });
    await members.getByRole('rowheader', { name: outsider.name }).waitFor();
    expect(await pending.getByText('Inga förfrågningar väntar på beslut.').isVisible()).toBe(true);
    expect(await focused(page)).toEqual({ tag: 'h2', name: 'Väntar på ditt beslut' });

    const { joinRequests } = await adminGet<{ joinRequests: JoinRequest[] }>(
      network,
      `/v1/admin/groups/${group.id}/join-requests`,
    );
    expect(joinRequests.find((r) => r.email === outsider.email)).toMatchObject({ status: 'approved' });
    const welcome = await stack.waitForEmailTo(outsider.email, (m) => m.subject.startsWith('Välkommen till'));
    expect(welcome.subject).toBe(`Välkommen till ”${group.title}” i ${network.name}`);
    expect(consoleErrors).toEqual([]);
  });

  it('approves a request in place on the overview with the keyboard; focus stays in the decisions', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna']);
    const outsider = { name: 'Olle Extern', email: uniqueEmail('olle') };
    await requestToJoinFromOutside(stack, group.id, outsider);

    const { page, consoleErrors } = await signIn(network, `/n/${network.id}`);
    await screenShows(page, 'Översikt', 'Väntar på beslut (1)');
    await tabTo(page, `Godkänn att ${outsider.name} går med i ${group.title}`);
    await page.keyboard.press('Enter');
    await page.getByText(`${outsider.name} har fått en plats i ${group.title} och får ett mejl.`).waitFor();
    await page.getByText('Ingen förfrågan väntar på beslut.').waitFor();
    expect(await focused(page)).toEqual({ tag: 'h2', name: 'Väntar på beslut (0)' });
    await expectAccessible(page, 'overview after a decision');

    const { joinRequests } = await adminGet<{ joinRequests: JoinRequest[] }>(
      network,
      `/v1/admin/groups/${group.id}/join-requests`,
    );
    expect(joinRequests.find((r) => r.email === outsider.email)).toMatchObject({ status: 'approved' });
    expect(consoleErrors).toEqual([]);
  });

  it('approving on the overview a request whose group closed since: told so in the API’s words, and it still waits', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna']);
    const outsider = { name: 'Stina Extern', email: uniqueEmail('stina') };
    await requestToJoinFromOutside(stack, group.id, outsider);
    await closeGroup(stack, group.id, network.headers.authorization ?? '');

    const { page, consoleErrors } = await signIn(network, `/n/${network.id}`);
    await screenShows(page, 'Översikt', 'Väntar på beslut (1)');
    await page.getByRole('button', { name: `Godkänn att ${outsider.name} går med i ${group.title}` }).click();
    // Nothing changed meanwhile: the group is closed, and the alert says what to do about it.
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      'Gruppen är stängd. Öppna den i konsolen för att godkänna förfrågan, eller avböj den.',
    );
    expect(await alert.textContent()).not.toContain('ändrats under tiden');
    const { joinRequests } = await adminGet<{ joinRequests: JoinRequest[] }>(
      network,
      `/v1/admin/groups/${group.id}/join-requests`,
    );
    expect(joinRequests.find((r) => r.email === outsider.email)).toMatchObject({
      status: 'pending_approval',
    });
    // The refused approval is the API's 409: the browser logs the failed request, nothing else.
    expect(consoleErrors.filter((e) => !e.includes('409'))).toEqual([]);
  });

  it('records attendance for a meeting; a reload shows it and the API returns it', async () => {
    const network = await newNetwork();
    const { group, members } = await seedGroup(network.id, ['Anna', 'Bertil', 'Cecilia']);
    const [meeting] = await scheduleThroughApi(network, group.id, 1);

    const path = `/n/${network.id}/meetings/${group.id}/${meeting}`;
    const { page, consoleErrors } = await signIn(network, path);
    const marks = { Anna: 'Närvarande', Bertil: 'Frånvarande', Cecilia: 'Halva tiden' } as const;
    const form = page.getByRole('form', { name: 'Deltagare och närvaro' });
    await form.getByRole('group', { name: 'Anna' }).waitFor();
    expect(await page.getByText('Inte ifyllt: 3', { exact: false }).isVisible()).toBe(true);
    for (const [name, mark] of Object.entries(marks))
      await form.getByRole('group', { name }).getByRole('radio', { name: mark }).check();
    await expectAccessible(page, 'meeting attendance');
    await form.getByRole('button', { name: 'Spara närvaro' }).click();
    await page.getByText('Närvaron är sparad.').waitFor();

    await page.reload();
    await page.getByText('Närvarande: 1 · Halva tiden: 1 · Frånvarande: 1 · Inte ifyllt: 0').waitFor();
    for (const [name, mark] of Object.entries(marks)) {
      const person = page.getByRole('group', { name });
      expect(await person.getByRole('radio', { name: mark }).isChecked(), `${name}: ${mark}`).toBe(true);
    }

    const participants = await adminGet<{ members: { memberId: string; attendance: string | null }[] }>(
      network,
      `/v1/admin/groups/${group.id}/meetings/${meeting}`,
    );
    const idOf = (name: string) => members.find((m) => m.name === name)?.id;
    expect(Object.fromEntries(participants.members.map((m) => [m.memberId, m.attendance]))).toEqual({
      [idOf('Anna') ?? 'Anna']: 'present',
      [idOf('Bertil') ?? 'Bertil']: 'absent',
      [idOf('Cecilia') ?? 'Cecilia']: 'half',
    });
    expect(consoleErrors).toEqual([]);
  });

  it('shows the API’s field error next to a bad setting, then saves a good one', async () => {
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/settings`);
    const closeDays = page.getByLabel('Dagar tills utvärderingen stängs', { exact: true });
    await closeDays.waitFor();
    const save = page.getByRole('button', { name: 'Spara ändringarna' });

    await closeDays.fill('61');
    await save.click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await closeDays.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await closeDays.getAttribute('aria-describedby')) ?? '';
    const message = page.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect(await message.isVisible(), `aria-describedby="${describedBy}"`).toBe(true);
    // The API's own message, in the browser's Swedish.
    expect((await message.textContent())?.trim()).toBe(fieldMessages.sv.too_big_number(60));
    // Only that field is marked.
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(1);
    await expectAccessible(page, 'settings with a field error');
    const refused = await adminGet<{ evaluation?: { closeAfterDays?: number } }>(
      network,
      `/v1/admin/networks/${network.id}`,
    );
    expect(refused.evaluation?.closeAfterDays).not.toBe(61);
    // A number with a fraction gets the API's "whole number", not "wrong type".
    await closeDays.fill('7.5');
    await save.click();
    await expect.poll(() => message.textContent()).toBe(fieldMessages.sv.whole_number());

    // "10.0" is ten.
    await closeDays.fill('10.0');
    await save.click();
    await page.getByText('Sparat.', { exact: true }).waitFor();
    expect(await closeDays.getAttribute('aria-invalid')).toBeNull();
    const saved = await adminGet<{ evaluation?: { closeAfterDays?: number } }>(
      network,
      `/v1/admin/networks/${network.id}`,
    );
    expect(saved.evaluation?.closeAfterDays).toBe(10);
    await page.reload();
    expect(await page.getByLabel('Dagar tills utvärderingen stängs', { exact: true }).inputValue()).toBe(
      '10',
    );
    // Chromium logs the refused PATCH's 400; nothing else may appear.
    expect(consoleErrors.filter((text) => !/status of 400\b/.test(text))).toEqual([]);
  });

  it('signs out through the provider; the console then asks for a sign-in again', async () => {
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/settings`);
    await heading(page).filter({ hasText: 'Inställningar' }).waitFor();
    const providerPage = (url: URL) => url.pathname.startsWith('/local-issuer/');
    const choice = page.locator(`button[name="email"][value="${network.coordinator.toLowerCase()}"]`);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    // The provider's sign-out runs, comes back to the console, which has no session and sends the
    // browser to sign in: the provider asks who it is (its own session is gone too).
    await page.waitForURL(providerPage);
    await choice.waitFor();
    expect(new URL(page.url()).origin).toBe(new URL(stack.apiUrl).origin);
    // A console screen opened afterwards goes to the provider's sign-in page too.
    await page.goto(consoleUrlOf(stack, `/n/${network.id}/groups`));
    await page.waitForURL(providerPage);
    await choice.waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('creates a group with the keyboard alone; focus lands on the new group', async () => {
    const network = await newNetwork();
    const { page, consoleErrors } = await signIn(network, `/n/${network.id}/groups`);
    await screenShows(page, 'Grupper', 'Ny grupp');
    // A new screen puts focus on its heading.
    expect(await focused(page)).toEqual({ tag: 'h1', name: 'Grupper' });

    await tabTo(page, 'Ny grupp');
    await page.keyboard.press('Enter');
    // The form replaces the button, and focus moves to it.
    expect(await focused(page)).toEqual({ tag: 'h2', name: 'Ny grupp' });
    await tabTo(page, 'Rubrik');
    await page.keyboard.type('Läsfrämjande');
    await tabTo(page, 'Fråga');
    await page.keyboard.type('Hur får fler elever läslust?');
    await tabTo(page, 'Samtalsledare');
    await page.keyboard.type('Karin');
    await tabTo(page, 'Antal platser');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('12');
    await tabTo(page, 'Träffas');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, 'Plats (valfritt)');
    await page.keyboard.type('Biblioteket');
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => /\/groups\/[^/]+$/.test(url.pathname));
    await screenShows(page, 'Läsfrämjande', 'Inga förfrågningar väntar på beslut.');
    expect(await focused(page)).toEqual({ tag: 'h1', name: 'Läsfrämjande' });
    const { groups } = await adminGet<{ groups: AdminGroupView[] }>(
      network,
      `/v1/admin/networks/${network.id}/groups`,
    );
    expect(groups).toEqual([
      expect.objectContaining({
        title: 'Läsfrämjande',
        question: 'Hur får fler elever läslust?',
        facilitator: { name: 'Karin' },
        capacity: 12,
        mode: 'in_person',
        location: 'Biblioteket',
      }),
    ]);
    expect(consoleErrors).toEqual([]);
  });

  it('has no serious or critical axe violations on any screen of these tasks', async () => {
    const network = await newNetwork();
    const { group } = await seedGroup(network.id, ['Anna', 'Bertil']);
    await requestToJoinFromOutside(stack, group.id, { name: 'Elin Konsult', email: uniqueEmail('elin') });
    const [meeting] = await scheduleThroughApi(network, group.id, 2);
    const base = `/n/${network.id}`;
    const screens: [name: string, path: string, title: string, content: string][] = [
      ['overview', base, 'Översikt', 'Väntar på beslut (1)'],
      ['groups list', `${base}/groups`, 'Grupper', group.title],
      ['group page', `${base}/groups/${group.id}`, group.title, 'Godkänn Elin Konsult'],
      ['group meetings', `${base}/meetings/${group.id}`, group.title, 'Planera en serie träffar'],
      [
        'meeting attendance',
        `${base}/meetings/${group.id}/${meeting}`,
        `Träff 1 · ${group.title}`,
        'Spara närvaro',
      ],
      ['settings', `${base}/settings`, 'Inställningar', 'Spara ändringarna'],
    ];
    const { page, consoleErrors } = await signIn(network, base);
    const checked: string[] = [];
    for (const [name, path, title, content] of screens) {
      await page.goto(consoleUrlOf(stack, path));
      await screenShows(page, title, content);
      await expectAccessible(page, name);
      checked.push(name);
    }
    expect(checked).toHaveLength(6);
    expect(consoleErrors).toEqual([]);
  });
});
