import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as stepsHandler } from '../../functions/meeting-steps/handler.ts';
import { lambdaContext } from '../../infra/local/lambda.ts';
import { ses } from '../../shared/clients/ses.ts';
import { type JoinRequest, joinRequestId } from '../../shared/domain/group.ts';
import {
  type Meeting,
  type MeetingMailKind,
  meetingDedupeKey,
  reminderKind,
} from '../../shared/domain/meeting.ts';
import { personId } from '../../shared/domain/person.ts';
import { meetingCopy, meetingUpdatedCopy } from '../../shared/mail/meetings.ts';
import type { Step } from '../../shared/services/meeting-steps.ts';
import { passSeatOn } from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { createJoinRequest } from '../../shared/store/join-requests.ts';
import { keys } from '../../shared/store/keys.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { createNetworkIfMissing, getNetwork } from '../../shared/store/networks.ts';
import { setMailChoice, suppressAddress } from '../../shared/store/people.ts';
import { hashToken } from '../../shared/tokens.ts';
import { failNextCall } from '../faults/faults.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type StoredEmail, type TestStack, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { allItems, linkIn } from '../support/table.ts';

// Meetings three weeks ahead, so the introducer's (14 days) and both reminders (7 and 1 day) are due;
// the waits between them are shortened to a moment by the local Step Functions.
let stack: TestStack;
let headers: Record<string, string>;
const networkId = `meetings-${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: 2500 } });
  await createNetworkIfMissing({
    id: networkId,
    name: 'Rektorsnätverket',
    languages: ['sv', 'nb', 'en'],
    coordinators: ['samordnare@example.org'],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
  });
  headers = {
    authorization: `Bearer ${await stack.token({ email: 'samordnare@example.org', networks: [networkId] })}`,
    'content-type': 'application/json',
  };
});
afterAll(() => stack.stop());

/** A group with seated members, written straight to the table (joining is tested elsewhere). */

async function schedule(groupId: string, body: Record<string, unknown>) {
  const response = await stack.api(`/v1/admin/groups/${groupId}/meetings`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ mode: 'online', onlineUrl: 'https://meet.example.org/rektorer', ...body }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { meetings: { id: string; version: number; startsAt: string }[] })
    .meetings;
}

/** A coordinator records attendance: each member with present, half or absent. */
const putAttendance = (groupId: string, meetingId: string, marks: [JoinRequest, string][]) =>
  stack.api(`/v1/admin/groups/${groupId}/meetings/${meetingId}/attendance`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ attendance: marks.map(([member, status]) => ({ memberId: member.id, status })) }),
  });

const executionOf = (meetingId: string, version: number) =>
  stack.waitForExecutionStarted((input) => input.meetingId === meetingId && input.version === version);

const calendarOf = (mail: StoredEmail) => {
  const file = mail.attachments?.find((a) => a.contentType.startsWith('text/calendar'));
  if (!file) return undefined;
  const component = new ICAL.Component(ICAL.parse(Buffer.from(file.content, 'base64').toString('utf8')));
  const event = component.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { method: component.getFirstPropertyValue('method'), event };
};

/**
 * The meeting emails recorded in the outbox, as `memberId:kind:vN`. Outbox keys are hashed (an erased
 * member's ids must not stay in the table), so the candidates are built and looked up by their hash.
 */
const outboxKeys = async (meetingId: string, members: readonly JoinRequest[]) => {
  const present = new Set((await allItems(stack.tableName)).map((item) => String(item.pk)));
  const kinds: MeetingMailKind[] = ['invitation', 'introducer', 'update', 'cancellation'];
  for (let days = 1; days <= 30; days += 1) kinds.push(reminderKind(days));
  const found: string[] = [];
  for (const member of members)
    for (const kind of kinds)
      for (let version = 1; version <= 4; version += 1) {
        const dedupeKey = meetingDedupeKey({ meetingId, memberId: member.id, kind, version });
        if (present.has(keys.outbox(dedupeKey).pk)) found.push(`${member.id}:${kind}:v${version}`);
      }
  // After the reminders the workflow goes on to the evaluation: test/workflows/evaluations.test.ts.
  return found;
};

describe('the meeting workflow', { timeout: 90_000 }, () => {
  it('invites with a calendar file, reminds the introducer first, then everyone 7 days and 1 day before', async () => {
    const { group, members } = await seedGroup(networkId, ['Åsa', 'Dennis']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    const done = await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
    expect(done.status).toBe('SUCCEEDED');

    const [first, second] = members as [JoinRequest, JoinRequest];
    // The evaluation emails that follow the meeting are tested in evaluations.test.ts.
    const beforeEvaluation = (mail: StoredEmail) => !(mail.body.text ?? '').includes('/v1/feedback/');
    const firstMails = (await stack.emailsTo(first.email)).filter(beforeEvaluation);
    const secondMails = (await stack.emailsTo(second.email)).filter(beforeEvaluation);
    // Åsa joined first and introduces; Dennis gets no introducer reminder.
    expect(firstMails).toHaveLength(4);
    expect(secondMails).toHaveLength(3);
    const invitation = firstMails[0] as StoredEmail;
    const calendar = calendarOf(invitation);
    expect(calendar?.method).toBe('REQUEST');
    expect(calendar?.event.getFirstPropertyValue('uid')).toBe(`${meeting.id}@samla`);
    expect(calendar?.event.getFirstPropertyValue('sequence')).toBe(0);
    const start = calendar?.event.getFirstPropertyValue('dtstart');
    expect(start instanceof ICAL.Time && start.toJSDate().toISOString()).toBe(meeting.startsAt);
    expect(calendar?.event.getFirstSubcomponent('valarm')).not.toBeNull();
    expect(invitation.body.text).toContain('/v1/rsvp/');
    expect(firstMails.slice(1).every((mail) => calendarOf(mail) === undefined)).toBe(true);
    const listed = (await (await stack.api(`/v1/networks/${networkId}/groups`)).json()) as {
      groups: { id: string; upcomingMeetings: string[] }[];
    };
    expect(listed.groups.find((g) => g.id === group.id)?.upcomingMeetings).toEqual([meeting.startsAt]);
    expect((await outboxKeys(meeting.id, members)).sort()).toEqual(
      [
        `${first.id}:invitation:v1`,
        `${second.id}:invitation:v1`,
        `${first.id}:introducer:v1`,
        `${first.id}:reminder-7:v1`,
        `${second.id}:reminder-7:v1`,
        `${first.id}:reminder-1:v1`,
        `${second.id}:reminder-1:v1`,
      ].sort(),
    );
  });

  it('an introducer who can’t come is replaced at the next reminder, and the new one is told', async () => {
    const { group, members } = await seedGroup(networkId, ['Ylva', 'Tomas']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    const [ylva, tomas] = members as [JoinRequest, JoinRequest];
    const isIntroducerMail = (mail: StoredEmail) =>
      mail.subject.startsWith('Din tur att hålla introduktionen');
    // Ylva joined first and is asked to introduce; her mail asks her to say so if she can't come.
    await stack.waitForEmailTo(ylva.email, isIntroducerMail);
    const invitation = await stack.waitForEmailTo(ylva.email, (mail) => calendarOf(mail) !== undefined);
    const no = [...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g)][1]?.[0];
    const answered = await fetch(no ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(await answered.json()).toEqual({ result: 'rsvp-recorded-no' });

    const done = await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
    expect(done.status).toBe('SUCCEEDED');
    const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
    const { members: shown } = (await view.json()) as {
      members: { memberId: string; introducer: boolean }[];
    };
    expect(shown.filter((m) => m.introducer).map((m) => m.memberId)).toEqual([tomas.id]);
    const tomasMails = await stack.emailsTo(tomas.email);
    expect(tomasMails.filter(isIntroducerMail)).toHaveLength(1);
    // Everyone's reminders name who introduces now.
    const lastReminder = tomasMails
      .filter(
        (mail) => mail.subject.startsWith('Påminnelse') && !(mail.body.text ?? '').includes('/v1/feedback/'),
      )
      .at(-1);
    expect(lastReminder?.body.text).toContain(meetingCopy.sv.introducer(tomas.name));
    expect((await stack.emailsTo(ylva.email)).filter(isIntroducerMail)).toHaveLength(1);
  });

  it('an introducer a coordinator chose who then says they can’t come is replaced too', async () => {
    const { group, members } = await seedGroup(networkId, ['Ylva', 'Tomas']);
    const [ylva, tomas] = members as [JoinRequest, JoinRequest];
    const meeting = meetingOf(group, {
      startsAt: new Date(Date.now() + 21 * 24 * 3600_000).toISOString(),
      onlineUrl: 'https://meet.example.org/rektorer',
      introducerId: tomas.id,
      introducerOverride: true,
    });
    // Written straight to the table and stepped by hand: the steps' order is the test's, not a clock's.
    await createMeetings([meeting]);
    const step = (event: Record<string, unknown>) =>
      stepsHandler(
        { groupId: group.id, meetingId: meeting.id, version: 1, ...event },
        lambdaContext('meeting-steps'),
      );
    await step({ step: 'invite' });
    const invitation = await stack.waitForEmailTo(tomas.email, (mail) => calendarOf(mail) !== undefined);
    const no = [...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g)][1]?.[0];
    const answered = await fetch(no ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(await answered.json()).toEqual({ result: 'rsvp-recorded-no' });

    // The introducer's mail asked Tomas to say so, "so that someone else has time to prepare": the next
    // step picks Ylva and tells her. Before the fix the coordinator's mark kept Tomas, named in every
    // reminder.
    const introducerAt = new Date(Date.parse(meeting.startsAt) - 14 * 24 * 3600_000).toISOString();
    await step({ step: 'remind', reminder: { kind: 'introducer', at: introducerAt } });
    const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
    const { members: shown } = (await view.json()) as {
      members: { memberId: string; introducer: boolean }[];
    };
    expect(shown.filter((m) => m.introducer).map((m) => m.memberId)).toEqual([ylva.id]);
    expect(await outboxKeys(meeting.id, members)).toContain(`${ylva.id}:introducer:v1`);
  });

  it('when everyone says they can’t come, nobody is named the introducer', async () => {
    const { group, members } = await seedGroup(networkId, ['Ylva', 'Tomas']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    const noLinkOf = async (member: JoinRequest) => {
      const invitation = await stack.waitForEmailTo(member.email, (mail) => calendarOf(mail) !== undefined);
      return [...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g)][1]?.[0];
    };
    for (const member of members) {
      const answered = await fetch((await noLinkOf(member)) ?? '', {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      expect(await answered.json()).toEqual({ result: 'rsvp-recorded-no' });
    }

    const done = await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
    expect(done.status).toBe('SUCCEEDED');
    const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
    const { members: shown } = (await view.json()) as {
      members: { memberId: string; rsvp?: string; introducer: boolean }[];
    };
    expect(shown.map((m) => [m.rsvp, m.introducer])).toEqual([
      ['no', false],
      ['no', false],
    ]);
  });

  it('shows the coordinator which members no invitation reaches', async () => {
    const { group, members } = await seedGroup(networkId, ['Ines', 'Jon', 'Karl', 'Lova']);
    const [ines, jon, karl, lova] = members as [JoinRequest, JoinRequest, JoinRequest, JoinRequest];
    // Ines stopped all mail from the network, Jon's address bounced, Karl stopped only the reminders.
    await setMailChoice(personId(ines.email), networkId, 'all', new Date());
    await suppressAddress(jon.email, 'bounce', new Date());
    await setMailChoice(personId(karl.email), networkId, 'reminders', new Date());
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    await stack.waitForEmailTo(lova.email, (mail) => calendarOf(mail) !== undefined);
    await stack.waitForEmailTo(karl.email, (mail) => calendarOf(mail) !== undefined);

    const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
    const { members: shown } = (await view.json()) as { members: { memberId: string; noMail: boolean }[] };
    expect(Object.fromEntries(shown.map((m) => [m.memberId, m.noMail]))).toEqual({
      [ines.id]: true,
      [jon.id]: true,
      [karl.id]: false,
      [lova.id]: false,
    });
    // What the page says holds: the two it marks got no invitation.
    expect(await stack.emailsTo(ines.email)).toEqual([]);
    expect(await stack.emailsTo(jon.email)).toEqual([]);
  });

  it('moved between two reminders: one update per member with the same calendar entry, and no stale reminder', async () => {
    const { group, members } = await seedGroup(networkId, ['Elin', 'Anders']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    const v1 = await executionOf(meeting.id, 1);
    // Stop the first execution's clock after the introducer's reminder: move the meeting then.
    await stack.sfn.waitForState(v1.executionArn, 'WaitForNext');
    const [elin, anders] = members as [JoinRequest, JoinRequest];
    await stack.waitForEmailTo(elin.email, (mail) => calendarOf(mail) === undefined);
    // Anders can't come at the first time; his answer stands after the move, and his update says so.
    const invitation = await stack.waitForEmailTo(anders.email, (mail) => calendarOf(mail) !== undefined);
    const no = [...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g)][1]?.[0];
    const answered = await fetch(no ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(await answered.json()).toEqual({ result: 'rsvp-recorded-no' });
    const moved = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ startsLocal: inDays(28) }),
    });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ version: 2 });
    const sentBeforeMove = (await outboxKeys(meeting.id, members)).filter((key) => key.endsWith(':v1'));

    const first = await stack.sfn.waitForExecution(v1.executionArn, 45_000);
    const second = await stack.sfn.waitForExecution((await executionOf(meeting.id, 2)).executionArn, 45_000);
    expect([first.status, second.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const keys = await outboxKeys(meeting.id, members);
    expect(keys.filter((key) => key.endsWith(':v1')).sort()).toEqual(sentBeforeMove.sort());
    for (const member of members) {
      expect(keys.filter((key) => key === `${member.id}:update:v2`)).toHaveLength(1);
      const update = (await stack.emailsTo(member.email)).find(
        (mail) => Number(calendarOf(mail)?.event.getFirstPropertyValue('sequence')) === 1,
      );
      expect(update).toBeDefined();
      expect(calendarOf(update as StoredEmail)?.event.getFirstPropertyValue('uid')).toBe(
        `${meeting.id}@samla`,
      );
      expect(update?.body.text).toContain(
        member.id === anders.id ? meetingUpdatedCopy.sv.answerStands.no : meetingUpdatedCopy.sv.rsvpIntro,
      );
    }
    // As told: no reminder for the new time goes to him.
    expect(keys.filter((key) => key.startsWith(`${anders.id}:reminder`) && key.endsWith(':v2'))).toEqual([]);
    expect(keys.filter((key) => key.startsWith(`${elin.id}:reminder`) && key.endsWith(':v2'))).not.toEqual(
      [],
    );
  });

  it('a link sent by mistake, taken back: no member keeps it, each is told it no longer holds', async () => {
    const { group, members } = await seedGroup(networkId, ['Greta']);
    const wrongLink = 'https://meet.example.org/fel-rum';
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21), onlineUrl: wrongLink });
    if (!meeting) throw new Error('no meeting');
    const v1 = await executionOf(meeting.id, 1);
    await stack.sfn.waitForState(v1.executionArn, 'WaitForNext');
    const path = `/v1/admin/groups/${group.id}/meetings/${meeting.id}`;
    // An emptied field is no link: the API still refuses it, as the console sends null instead.
    const empty = await stack.api(path, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ onlineUrl: '' }),
    });
    expect(empty.status).toBe(400);
    const takenBack = await stack.api(path, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ onlineUrl: null }),
    });
    expect(takenBack.status).toBe(200);
    const changed = (await takenBack.json()) as Record<string, unknown>;
    expect(changed).toMatchObject({ version: 2, mode: 'online' });
    expect(changed).not.toHaveProperty('onlineUrl');
    // Taking back what is no longer there is no change: no version, no mail.
    const again = await stack.api(path, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ onlineUrl: null }),
    });
    expect(await again.json()).toMatchObject({ version: 2 });

    await stack.sfn.waitForExecution(v1.executionArn, 45_000);
    await stack.sfn.waitForExecution((await executionOf(meeting.id, 2)).executionArn, 45_000);
    const [greta] = members as [JoinRequest];
    expect((await outboxKeys(meeting.id, members)).filter((key) => !key.endsWith(':v1'))).toEqual(
      expect.arrayContaining([`${greta.id}:update:v2`]),
    );
    const update = (await stack.emailsTo(greta.email)).find(
      (mail) => Number(calendarOf(mail)?.event.getFirstPropertyValue('sequence')) === 1,
    );
    if (!update) throw new Error('no update');
    expect(update.body.text).toContain(meetingUpdatedCopy.sv.linkWithdrawn);
    expect(update.body.text).toContain(meetingCopy.sv.onlineLater);
    expect(update.body.text).not.toContain(meetingUpdatedCopy.sv.newLink);
    expect(`${update.body.text}${update.body.html}`).not.toContain(wrongLink);
    expect(JSON.stringify(calendarOf(update)?.event.toJSON())).not.toContain(wrongLink);
    const mailsAfter = (await stack.emailsTo(greta.email)).filter(
      (mail) => Number(calendarOf(mail)?.event.getFirstPropertyValue('sequence')) >= 1,
    );
    expect(mailsAfter).toHaveLength(1);
  });

  it('cancelled: a cancellation with METHOD:CANCEL, and nothing more', async () => {
    const { group, members } = await seedGroup(networkId, ['Caroline']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(21) });
    if (!meeting) throw new Error('no meeting');
    const v1 = await executionOf(meeting.id, 1);
    await stack.sfn.waitForState(v1.executionArn, 'WaitForNext');
    const cancelled = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', version: 2 });
    await stack.sfn.waitForExecution(v1.executionArn, 45_000);
    await stack.sfn.waitForExecution((await executionOf(meeting.id, 2)).executionArn, 45_000);
    const [caroline] = members as [JoinRequest];
    const keys = await outboxKeys(meeting.id, members);
    expect(keys.filter((key) => key.endsWith(':v2'))).toEqual([`${caroline.id}:cancellation:v2`]);
    expect(keys.filter((key) => key.includes('reminder'))).toEqual([]);
    const cancellation = (await stack.emailsTo(caroline.email)).find(
      (mail) => calendarOf(mail)?.method === 'CANCEL',
    );
    expect(cancellation).toBeDefined();
    expect(calendarOf(cancellation as StoredEmail)?.event.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('numbers stay as sent: a cancelled meeting 2 of 4 is "2 av 4", and a meeting added later is number 5', async () => {
    const { group, members } = await seedGroup(networkId, ['Rut']);
    const series = await schedule(group.id, { firstLocal: inDays(30), count: 4, intervalWeeks: 2 });
    expect(series.map((m) => (m as { seq?: number }).seq)).toEqual([1, 2, 3, 4]);
    const second = series[1];
    if (!second) throw new Error('no second meeting');
    const cancelled = await stack.api(`/v1/admin/groups/${group.id}/meetings/${second.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(cancelled.status).toBe(200);
    await stack.sfn.waitForExecution((await executionOf(second.id, 2)).executionArn, 45_000);
    const [rut] = members as [JoinRequest];
    const cancellation = (await stack.emailsTo(rut.email)).find(
      (mail) => calendarOf(mail)?.method === 'CANCEL',
    );
    expect(cancellation?.body.text).toContain(meetingCopy.sv.position('2', '4'));

    const [added] = await schedule(group.id, { firstLocal: inDays(120) });
    expect((added as { seq?: number } | undefined)?.seq).toBe(5);
  });

  it('retries a step whose email failed once, and still sends each email exactly once', async () => {
    const { group, members } = await seedGroup(networkId, ['Tommy', 'Annika']);
    const fault = failNextCall(ses);
    try {
      const [meeting] = await schedule(group.id, { firstLocal: inDays(3) });
      if (!meeting) throw new Error('no meeting');
      await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
    } finally {
      fault.stop();
    }
    expect(fault.failures).toBe(1);
    for (const member of members) {
      const mails = await stack.emailsTo(member.email);
      // Three days ahead: the invitation and the one-day reminder (the introducer's own for one of them).
      expect(mails.filter((mail) => calendarOf(mail) !== undefined)).toHaveLength(1);
    }
  });
});

describe('answers, attendance and late joiners', { timeout: 90_000 }, () => {
  it('changing one’s mind by the invitation’s links, back and forth: the answer that stands is the one told', async () => {
    const { group, members } = await seedGroup(networkId, ['Vera']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(5) });
    if (!meeting) throw new Error('no meeting');
    const [vera] = members as [JoinRequest];
    const invitation = await stack.waitForEmailTo(vera.email, (mail) => calendarOf(mail) !== undefined);
    const [yes = '', no = ''] = [
      ...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g),
    ].map((m) => m[0]);
    const post = async (url: string) =>
      (await fetch(url, { method: 'POST', headers: { accept: 'application/json' } })).json();
    const standing = async () => {
      const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
      const body = (await view.json()) as { members: { memberId: string; rsvp: string | null }[] };
      return body.members.find((m) => m.memberId === vera.id)?.rsvp;
    };

    expect(await post(yes)).toEqual({ result: 'rsvp-recorded-yes' });
    expect(await post(no)).toEqual({ result: 'rsvp-recorded-no' });
    expect(await standing()).toBe('no');
    // "Ändrar du dig kan du svara på nytt via länkarna i inbjudan": the yes link, used, answers again.
    const token = `TOKEN#${hashToken(linkIn(yes, '/v1/rsvp/').token)}`;
    const before = (await allItems(stack.tableName)).filter(
      (item) => item.pk === token || item.pk === `MEETING#${meeting.id}`,
    );
    const page = await fetch(yes, { headers: { accept: 'text/html' } });
    expect(await page.text()).toMatch(/<form method="post"/);
    expect(
      (await allItems(stack.tableName)).filter(
        (item) => item.pk === token || item.pk === `MEETING#${meeting.id}`,
      ),
    ).toEqual(before);
    // Two clicks at once: one answer, and both are told what stands.
    expect(await Promise.all([post(yes), post(yes)])).toEqual([
      { result: 'rsvp-recorded-yes' },
      { result: 'rsvp-recorded-yes' },
    ]);
    expect(await standing()).toBe('yes');
    // While its own answer stands a link is spent: it tells what it did and changes nothing.
    expect(await post(yes)).toEqual({ result: 'rsvp-recorded-yes' });
    expect(await post(no)).toEqual({ result: 'rsvp-recorded-no' });
    expect(await standing()).toBe('no');

    // Once the meeting is cancelled, no link thanks anyone for an answer to it.
    const cancelled = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(cancelled.status).toBe(200);
    const late = await fetch(yes, { method: 'POST', headers: { accept: 'application/json' } });
    expect(late.status).toBe(410);
    expect(await late.json()).toMatchObject({ error: { code: 'meeting_cancelled' } });
    // Nor the spent one whose answer stands: no "Noterat" for a meeting that is off.
    const spent = await fetch(no, { method: 'POST', headers: { accept: 'application/json' } });
    expect(spent.status).toBe(410);
    expect(await spent.json()).toMatchObject({ error: { code: 'meeting_cancelled' } });
    expect(await standing()).toBe('no');
  });

  it('attendance counts as taking part: the present and the half-present are active for the retention sweep', async () => {
    const { group, members } = await seedGroup(networkId, ['Pia', 'Olof', 'Nils']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(5) });
    if (!meeting) throw new Error('no meeting');
    const [pia, olof, nils] = members as [JoinRequest, JoinRequest, JoinRequest];
    const before = new Date().toISOString();
    const recorded = await putAttendance(group.id, meeting.id, [
      [pia, 'present'],
      [olof, 'half'],
      [nils, 'absent'],
    ]);
    expect(recorded.status).toBe(200);
    const items = await allItems(stack.tableName);
    const lastActive = (member: JoinRequest) => {
      const { pk, sk } = keys.person(personId(member.email));
      return items.find((item) => item.pk === pk && item.sk === sk)?.lastActiveAt;
    };
    expect(Date.parse(String(lastActive(pia)))).toBeGreaterThanOrEqual(Date.parse(before));
    expect(Date.parse(String(lastActive(olof)))).toBeGreaterThanOrEqual(Date.parse(before));
    expect(lastActive(nils)).toBeUndefined();
  });

  it('records RSVPs from the emailed links, skips reminders for those who can’t come, and shows coordinators', async () => {
    const { group, members } = await seedGroup(networkId, ['Lars', 'Marie', 'Sandra']);
    const [meeting] = await schedule(group.id, { firstLocal: inDays(5) });
    if (!meeting) throw new Error('no meeting');
    const [lars, marie] = members as [JoinRequest, JoinRequest];
    const linksOf = async (member: JoinRequest) => {
      const invitation = await stack.waitForEmailTo(member.email, (mail) => calendarOf(mail) !== undefined);
      return [...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g)].map(
        (m) => m[0],
      );
    };
    const [yes] = await linksOf(lars);
    const [, no] = await linksOf(marie);
    // The workflow writes elsewhere meanwhile: watch what the link could change, its token and the answers.
    const watched = async () =>
      (await allItems(stack.tableName)).filter(
        (item) =>
          item.pk === `MEETING#${meeting.id}` ||
          item.pk === `TOKEN#${hashToken(linkIn(yes, '/v1/rsvp/').token)}`,
      );
    const before = await watched();
    expect(before.length).toBeGreaterThan(0);
    expect((await fetch(yes ?? '')).status).toBe(200);
    expect(await watched()).toEqual(before);
    const post = (url: string) => fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(await (await post(yes ?? '')).json()).toEqual({ result: 'rsvp-recorded-yes' });
    expect(await (await post(no ?? '')).json()).toEqual({ result: 'rsvp-recorded-no' });

    await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
    const keys = await outboxKeys(meeting.id, members);
    expect(keys).not.toContain(`${marie.id}:reminder-1:v1`);
    expect(keys).toContain(`${lars.id}:reminder-1:v1`);

    const view = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}`, { headers });
    const { members: answers } = (await view.json()) as {
      members: { memberId: string; rsvp: string | null }[];
    };
    expect(Object.fromEntries(answers.map((a) => [a.memberId, a.rsvp]))).toMatchObject({
      [lars.id]: 'yes',
      [marie.id]: 'no',
    });
    const list = (await (await stack.api(`/v1/admin/groups/${group.id}/meetings`, { headers })).json()) as {
      meetings: { id: string; rsvp: { yes: number; no: number } }[];
    };
    expect(list.meetings.find((m) => m.id === meeting.id)?.rsvp).toEqual({ yes: 1, no: 1 });

    const attendance = await putAttendance(group.id, meeting.id, [
      [lars, 'present'],
      [marie, 'half'],
    ]);
    const recorded = (await attendance.json()) as {
      members: { memberId: string; attendance: string | null }[];
    };
    expect(Object.fromEntries(recorded.members.map((m) => [m.memberId, m.attendance]))).toMatchObject({
      [lars.id]: 'present',
      [marie.id]: 'half',
    });
    const wrong = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}/attendance`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ attendance: [{ memberId: 'nobody', status: 'maybe' }] }),
    });
    expect(wrong.status).toBe(400);

    // The meeting's own page counts as the list does; once Lars has left, his yes is counted by neither.
    const meetingPath = `/v1/admin/groups/${group.id}/meetings/${meeting.id}`;
    type Seen = { rsvp?: { yes: number; no: number }; introducerId?: string };
    const seen = async () => {
      const page = (await (await stack.api(meetingPath, { headers })).json()) as { meeting: Seen };
      const listed = (await (
        await stack.api(`/v1/admin/groups/${group.id}/meetings`, { headers })
      ).json()) as { meetings: (Seen & { id: string })[] };
      return [page.meeting, listed.meetings.find((m) => m.id === meeting.id)];
    };
    const counted = async () => (await seen()).map((m) => m?.rsvp);
    // Lars joined first and introduces this meeting, still ahead.
    expect((await seen()).map((m) => m?.introducerId)).toEqual([lars.id, lars.id]);
    expect(await counted()).toEqual([
      { yes: 1, no: 1 },
      { yes: 1, no: 1 },
    ]);
    const [network, current] = await Promise.all([getNetwork(networkId), getGroup(group.id)]);
    if (!network || !current) throw new Error('no network or group');
    await passSeatOn(network, current, lars, ['approved'], new Date());
    expect(await counted()).toEqual([
      { yes: 0, no: 1 },
      { yes: 0, no: 1 },
    ]);
    // Nor is he named its introducer any more; the next step picks again.
    expect((await seen()).map((m) => m?.introducerId)).toEqual([undefined, undefined]);
  });

  it('“can’t come to the rest of the series” frees the seat for the waitlist; late joiners are invited', async () => {
    const { group, members } = await seedGroup(networkId, ['Katarina'], { capacity: 1 });
    const meetings = await schedule(group.id, { firstLocal: inDays(30), count: 2 });
    const [katarina] = members as [JoinRequest];
    // The first meeting's invitation: only a meeting with others after it offers "the rest of the series".
    const firstId = meetings[0]?.id;
    const invitation = await stack.waitForEmailTo(
      katarina.email,
      (mail) => calendarOf(mail)?.event.getFirstPropertyValue('uid') === `${firstId}@samla`,
    );
    const [, , noSeries] = [
      ...(invitation.body.text ?? '').matchAll(/https?:\S+\/v1\/rsvp\/[A-Za-z0-9_-]+/g),
    ].map((m) => m[0]);

    // Someone waits for the seat.
    const waiting = `martin-${randomUUID().slice(0, 6)}@skola.se`;
    await stack.api(`/v1/groups/${group.id}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Martin',
        email: waiting,
        organisation: 'Skolan',
        role: 'Rektor',
        consent: true,
      }),
    });
    const confirm = await stack.waitForEmailTo(waiting, (mail) =>
      (mail.body.text ?? '').includes('/v1/confirm/'),
    );
    const placed = await fetch(linkIn(confirm.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await placed.json()).toEqual({ status: 'waitlisted', waitlistPosition: 1 });

    const freed = await fetch(noSeries ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(await freed.json()).toEqual({ result: 'rsvp-recorded-no-series' });
    const offer = await stack.waitForEmailTo(waiting, (mail) =>
      (mail.body.text ?? '').includes('/v1/offers/'),
    );
    const accepted = await fetch(linkIn(offer.body.text, '/v1/offers/').url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await accepted.json()).toEqual({ result: 'offer-accepted' });
    // The new member is invited to both meetings still ahead, each with its calendar entry, by the
    // meeting workflow's member branch rather than inside the request that placed them.
    const requestId = joinRequestId(group.id, waiting);
    const invitations = await stack.waitForExecutionStarted((input) => input.requestId === requestId);
    expect(JSON.parse(invitations.input)).toEqual({ groupId: group.id, requestId });
    expect((await stack.sfn.waitForExecution(invitations.executionArn, 45_000)).status).toBe('SUCCEEDED');
    for (const meeting of meetings)
      await stack.waitForEmailTo(
        waiting,
        (mail) => calendarOf(mail)?.event.getFirstPropertyValue('uid') === `${meeting.id}@samla`,
      );
    // Each invitation once, under its dedupe key: the member branch ran once for this placement.
    const invited = (await stack.emailsTo(waiting)).filter((mail) => calendarOf(mail) !== undefined);
    expect(invited).toHaveLength(meetings.length);
    expect(
      (await allItems(stack.tableName)).find(
        (item) => item.pk === `GROUP#${group.id}` && item.sk === 'GROUP',
      ),
    ).toMatchObject({ seatsTaken: 1 });

    // The used link tells what it did while that holds; once she has asked to join again, it does not.
    const again = await fetch(noSeries ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(await again.json()).toEqual({ result: 'rsvp-recorded-no-series' });
    await stack.api(`/v1/groups/${group.id}/join-requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: katarina.name,
        email: katarina.email,
        organisation: katarina.organisation,
        role: 'Rektor',
        consent: true,
      }),
    });
    const rejoin = await stack.waitForEmailTo(katarina.email, (mail) =>
      (mail.body.text ?? '').includes('/v1/confirm/'),
    );
    const asked = await fetch(linkIn(rejoin.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(['waitlisted', 'pending_approval']).toContain(
      ((await asked.json()) as { status?: string }).status,
    );
    const stale = await fetch(noSeries ?? '', { method: 'POST', headers: { accept: 'application/json' } });
    expect(stale.status).toBe(410);
    expect(await stale.json()).toMatchObject({ error: { code: 'link_expired' } });
  });
});

describe('a member placed after meetings were scheduled', { timeout: 60_000 }, () => {
  it('is invited by the member branch to the scheduled meetings still ahead, and nobody who left is', async () => {
    const { group, members } = await seedGroup(networkId, ['Yrsa']);
    const [yrsa] = members as [JoinRequest];
    const email = `zacharias-${randomUUID().slice(0, 6)}@skola.se`;
    const left: JoinRequest = { ...yrsa, id: joinRequestId(group.id, email), email, status: 'left' };
    expect(await createJoinRequest(left, new Date())).toEqual({ created: true });
    const meeting = (inDaysFromNow: number, fields: Partial<Meeting> = {}) =>
      meetingOf(group, {
        startsAt: new Date(Date.now() + inDaysFromNow * 24 * 3600_000).toISOString(),
        onlineUrl: 'https://meet.example.org/rektorer',
        ...fields,
      });
    const [past, cancelled, ahead] = [
      meeting(-2),
      meeting(10, { status: 'cancelled', version: 2 }),
      meeting(20),
    ];
    await createMeetings([past, cancelled, ahead]);
    for (const requestId of [yrsa.id, left.id, yrsa.id])
      expect(
        await stepsHandler(
          { step: 'invite-member', groupId: group.id, requestId },
          lambdaContext('meeting-steps'),
        ),
      ).toEqual({});
    const everyone = [yrsa, left];
    expect(await outboxKeys(ahead.id, everyone)).toEqual([`${yrsa.id}:invitation:v1`]);
    expect(await outboxKeys(past.id, everyone)).toEqual([]);
    expect(await outboxKeys(cancelled.id, everyone)).toEqual([]);
    // Run twice, as a retried step would: one invitation.
    expect((await stack.emailsTo(yrsa.email)).filter((mail) => calendarOf(mail) !== undefined)).toHaveLength(
      1,
    );
    expect(await stack.emailsTo(email)).toEqual([]);
  });
});

describe('reminder settings', { timeout: 90_000 }, () => {
  it('follow the network’s own days, and skip members who unsubscribed with one click (RFC 8058)', async () => {
    const { group, members } = await seedGroup(networkId, ['Ulrika', 'Anders']);
    const patched = await stack.api(`/v1/admin/networks/${networkId}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ meetingReminders: { days: [3], introducerDays: 10 } }),
    });
    expect(await patched.json()).toMatchObject({ meetingReminders: { days: [3], introducerDays: 10 } });
    try {
      const [meeting] = await schedule(group.id, { firstLocal: inDays(12) });
      if (!meeting) throw new Error('no meeting');
      const [ulrika, anders] = members as [JoinRequest, JoinRequest];
      const invitation = await stack.waitForEmailTo(anders.email, (mail) => calendarOf(mail) !== undefined);
      const { url } = linkIn(invitation.body.text, '/v1/unsubscribe/');
      const oneClick = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      await stack.sfn.waitForExecution((await executionOf(meeting.id, 1)).executionArn, 45_000);
      expect((await outboxKeys(meeting.id, members)).sort()).toEqual(
        [
          `${ulrika.id}:invitation:v1`,
          `${anders.id}:invitation:v1`,
          `${ulrika.id}:introducer:v1`,
          `${ulrika.id}:reminder-3:v1`,
        ].sort(),
      );
    } finally {
      await stack.api(`/v1/admin/networks/${networkId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ meetingReminders: { days: [7, 1], introducerDays: 14 } }),
      });
    }
  });
  it('sends the members’ reminder due at the same instant as the introducer’s (issue 20.2)', async () => {
    // The workflow's step runs a moment after the instant both are due, so the step is driven here at
    // that moment (the local Wait would run it early, when the old plan still found the second one).
    const { group, members } = await seedGroup(networkId, ['Vera', 'Wilhelm', 'Xenia']);
    const reminders = (meetingReminders: object) =>
      stack.api(`/v1/admin/networks/${networkId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ meetingReminders }),
      });
    expect((await reminders({ days: [1], introducerDays: 1 })).status).toBe(200);
    const at = new Date().toISOString();
    const meeting: Meeting = {
      id: randomUUID().slice(0, 12),
      groupId: group.id,
      networkId,
      seq: 1,
      startsAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
      durationMinutes: 90,
      timeZone: 'Europe/Stockholm',
      mode: 'online',
      onlineUrl: 'https://meet.example.org/rektorer',
      status: 'scheduled',
      version: 1,
      introducerId: members[0]?.id ?? '',
      createdAt: at,
      updatedAt: at,
    };
    await createMeetings([meeting]);
    const due = new Date(Date.parse(meeting.startsAt) - 24 * 3600_000).toISOString();
    const run = (reminder: Step) =>
      stepsHandler(
        { step: 'remind', groupId: group.id, meetingId: meeting.id, version: 1, reminder },
        lambdaContext('meeting-steps'),
      );
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse(due) + 1500);
      const afterIntroducer = await run({ kind: 'introducer', at: due });
      expect(afterIntroducer).toEqual({ next: { kind: 'reminder', daysBefore: 1, at: due } });
      if (!afterIntroducer.next) throw new Error('no next step');
      await run(afterIntroducer.next);
    } finally {
      vi.useRealTimers();
      await reminders({ days: [7, 1], introducerDays: 14 });
    }
    const found = await outboxKeys(meeting.id, members);
    // Before the fix: the introducer's mail only, 0 of 3 one-day reminders.
    expect(found.filter((key) => key.endsWith(':reminder-1:v1'))).toHaveLength(members.length);
    expect(found.sort()).toEqual(
      [...members.map((m) => `${m.id}:reminder-1:v1`), `${members[0]?.id}:introducer:v1`].sort(),
    );
  });
});
