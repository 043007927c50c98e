import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCategory } from '../../shared/domain/person.ts';
import { personId } from '../../shared/domain/person.ts';
import { composeRegistrationReceipt } from '../../shared/mail/registration.ts';
import { mail } from '../../shared/mail/render.ts';
import { sendOnce } from '../../shared/notify.ts';
import { remindEvaluations, requestEvaluations } from '../../shared/services/evaluations.ts';
import { loadMeetingContext } from '../../shared/services/meeting-context.ts';
import { sendMeetingMail } from '../../shared/services/meetings.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { oneClickUnsubscribe } from '../support/one-click.ts';
import { quiesce } from '../support/quiesce.ts';
import { rawHeadRecorder } from '../support/raw-heads.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let networkId: string;

beforeAll(async () => {
  stack = await useLocalStack();
  networkId = stack.demoNetworkId;
  raw.start();
});
afterAll(async () => {
  raw.stop();
  await stack?.stop();
});

/** A member mail of the given category, through the one sender every workflow uses. */
const mailTo = (to: string, category: MailCategory) =>
  sendOnce({
    dedupeKey: `test:${randomUUID()}`,
    to,
    language: 'sv',
    member: { networkId, category },
    message: () =>
      mail(composeRegistrationReceipt, {
        recipientName: 'Maja',
        networkName: 'Nätverk för skolledare',
        topics: [],
        timeZone: 'Europe/Stockholm',
      }),
  });

const raw = rawHeadRecorder('watchRawMail');
const header = raw.header;

/** A group of one member, who introduces its one meeting `days` ahead; all stored. */
async function memberWithMeeting(name: string, days: number) {
  const network = await getNetwork(networkId);
  if (!network) throw new Error('no demo network');
  const { group, members } = await seedGroup(networkId, [name]);
  const [member] = members;
  if (!member) throw new Error('no member');
  const meeting = meetingOf(group, {
    startsAt: new Date(Date.now() + days * 24 * 3600_000).toISOString(),
    onlineUrl: 'https://meet.example.org/x',
    introducerId: member.id,
  });
  await createMeetings([meeting]);
  return { network, group, member, meeting };
}

describe('unsubscribing', { timeout: 60_000 }, () => {
  it('puts a personal link in the footer and RFC 8058 headers on every mail to a member', async () => {
    const to = uniqueEmail('maja');
    expect(await mailTo(to, 'transactional')).toBe('sent');
    const [mail] = await stack.emailsTo(to);
    const { url } = linkIn(mail?.body.text, '/v1/unsubscribe/');
    expect(mail?.body.text).toContain('Avsluta prenumerationen eller välj bort påminnelser');
    expect(mail?.body.html).toContain(`href="${url}"`);
    expect(header(to, 'List-Unsubscribe')).toBe(`<${url}>`);
    expect(header(to, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('offers reminders-only or everything on GET without changing anything, and records the choice on POST', async () => {
    const to = uniqueEmail('nils');
    await mailTo(to, 'reminder');
    const { token } = linkIn((await stack.emailsTo(to))[0]?.body.text, '/v1/unsubscribe/');
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const page = await stack.api(`/v1/unsubscribe/${token}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('name="scope" value="reminders"');
    expect(html).toContain('name="scope" value="all"');
    // The mail was a reminder: stopping reminders is the first choice.
    expect(html.indexOf('value="reminders"')).toBeLessThan(html.indexOf('value="all"'));
    expect(await allItems(stack.tableName)).toEqual(before);

    const bad = await stack.api(`/v1/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'scope=everything',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'scope',
    );
    expect(await allItems(stack.tableName)).toEqual(before);

    const chosen = await stack.api(`/v1/unsubscribe/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'scope=reminders',
    });
    expect(chosen.status).toBe(200);
    expect(await chosen.text()).toContain('Inga fler påminnelser');
    const items = await allItems(stack.tableName);
    const pk = `PERSON#${personId(to)}`;
    expect(items.find((i) => i.pk === pk && i.sk === `OPTOUT#${networkId}`)?.scope).toBe('reminders');
    expect(items.find((i) => i.pk === pk && String(i.sk).startsWith('CONSENT#'))).toMatchObject({
      action: 'withdrew',
      subject: 'mail-reminders',
      wording: 'unsubscribe-v1',
    });

    expect(await mailTo(to, 'reminder')).toBe('opted-out');
    expect(await mailTo(to, 'news')).toBe('sent');
    expect(await mailTo(to, 'transactional')).toBe('sent');
  });

  it('takes a mail client’s one-click POST, after which only mails the person asked for still go', async () => {
    const to = uniqueEmail('olle');
    await mailTo(to, 'news');
    const url = header(to, 'List-Unsubscribe')?.slice(1, -1) ?? '';
    expect(url).toContain('/v1/unsubscribe/');
    const oneClick = await oneClickUnsubscribe(url);
    expect(oneClick.status).toBe(200);
    expect(await oneClick.json()).toEqual({ result: 'unsubscribed', scope: 'all' });
    const sent = (await stack.emailsTo(to)).length;
    expect(await mailTo(to, 'reminder')).toBe('opted-out');
    expect(await mailTo(to, 'news')).toBe('opted-out');
    expect(await mailTo(to, 'transactional')).toBe('sent');
    expect(await stack.emailsTo(to)).toHaveLength(sent + 1);
    // Clicked again later: the page says what is recorded, it is not an error.
    const again = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ result: 'unsubscribed', scope: 'all' });
  });

  it('"stop reminders" in a mail that is no reminder opens on that choice; a one-click still stops all of it', async () => {
    const { network, group, member: ove, meeting } = await memberWithMeeting('Ove', 3);
    await sendMeetingMail(await loadMeetingContext(network, group, meeting), ove, 'introducer');
    const [mail] = await stack.emailsTo(ove.email);
    const stop = (mail?.body.text ?? '').match(/Sluta skicka påminnelser: (\S+)/)?.[1] ?? '';
    expect(new URL(stop).searchParams.get('first')).toBe('reminders');
    const html = await (await fetch(stop)).text();
    expect(html.indexOf('value="reminders"')).toBeLessThan(html.indexOf('value="all"'));
    // The same token without the hint (the footer's link, the mail client's one-click): everything first.
    const plain = stop.replace(/\?.*$/, '');
    const footerPage = await (await fetch(plain)).text();
    expect(footerPage.indexOf('value="all"')).toBeLessThan(footerPage.indexOf('value="reminders"'));
    expect(await (await oneClickUnsubscribe(plain)).json()).toEqual({ result: 'unsubscribed', scope: 'all' });
  });

  it('"stop reminders" stops the reminders only, says so, and the same link turns them back on (issue 20.3)', async () => {
    const { network, group, member: nora, meeting } = await memberWithMeeting('Nora', 1);
    const ctx = await loadMeetingContext(network, group, meeting);
    const count = async () => (await stack.emailsTo(nora.email)).length;

    await sendMeetingMail(ctx, nora, 'reminder-7', { daysBefore: 7 });
    const [reminder] = await stack.emailsTo(nora.email);
    // The mail says what "stop reminders" stops and what still comes.
    expect(reminder?.body.text).toContain('mejlet när det är din tur att inleda får du ändå');
    const { url } = linkIn(reminder?.body.text, '/v1/unsubscribe/');
    const oneClick = await oneClickUnsubscribe(url);
    expect(await oneClick.json()).toEqual({ result: 'unsubscribed', scope: 'reminders' });

    // Not reminders: the introducer's mail and the evaluation request. Before the fix both were withheld.
    const before = await count();
    await sendMeetingMail(ctx, nora, 'introducer');
    await requestEvaluations(ctx, new Date());
    expect(await count()).toBe(before + 2);
    // Reminders: the next meeting reminder and the evaluation's reminder.
    await sendMeetingMail(ctx, nora, 'reminder-1', { daysBefore: 1 });
    await remindEvaluations(await loadMeetingContext(network, group, meeting), new Date());
    expect(await count()).toBe(before + 2);

    // The same link now says what is off, and offers to turn it back on.
    const page = await (await fetch(url)).text();
    expect(page).toContain('Inga fler påminnelser');
    expect(page).toContain('name="scope" value="none"');
    const back = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'scope=none',
    });
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Påslaget igen');
    await sendMeetingMail(ctx, nora, 'reminder-1', { daysBefore: 1 });
    expect(await count()).toBe(before + 3);
    // And off again from the same link, once more.
    const off = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: 'scope=reminders',
    });
    expect(await off.json()).toEqual({ result: 'unsubscribed', scope: 'reminders' });
    expect(await mailTo(nora.email, 'reminder')).toBe('opted-out');
  });
});
