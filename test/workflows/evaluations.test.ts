import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as stepsHandler } from '../../functions/meeting-steps/handler.ts';
import { lambdaContext } from '../../infra/local/lambda.ts';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { personId } from '../../shared/domain/person.ts';
import { evaluationTimes } from '../../shared/services/evaluation-times.ts';
import { remindEvaluations, requestEvaluations } from '../../shared/services/evaluations.ts';
import { loadMeetingContext } from '../../shared/services/meeting-context.ts';
import { keys } from '../../shared/store/keys.ts';
import { createMeetings, getMeeting, recordAttendance } from '../../shared/store/meetings.ts';
import { createNetworkIfMissing, getNetwork } from '../../shared/store/networks.ts';
import { setMailChoice } from '../../shared/store/people.ts';
import { feedbackTokenOf } from '../support/evaluations.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { allItems } from '../support/table.ts';

// The meeting's workflow runs on into the evaluation; the waits between its steps take a moment here.
let stack: TestStack;
let headers: Record<string, string>;
const networkId = `evaluations-${randomUUID().slice(0, 6)}`;
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;

beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: 3000 } });
  await createNetworkIfMissing({
    id: networkId,
    name: 'Grundskolenätverket',
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinator],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
  });
  headers = {
    authorization: `Bearer ${await stack.token({ email: coordinator, networks: [networkId] })}`,
    'content-type': 'application/json',
  };
});
afterAll(() => stack.stop());

const ratingLinks = (text: string | undefined) =>
  [...(text ?? '').matchAll(/https?:\S+\/v1\/feedback\/[A-Za-z0-9_-]+\?rating=(\d+)/g)].map((m) => ({
    url: m[0],
    rating: Number(m[1]),
  }));

describe('evaluating a meeting', () => {
  it('asks those who attended, takes one-tap answers, reminds the rest once, and closes with a summary', async () => {
    const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil', 'Cecilia']);
    const [anna, bertil, cecilia] = members as [JoinRequest, JoinRequest, JoinRequest];
    const created = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        firstLocal: inDays(2),
        mode: 'online',
        onlineUrl: 'https://meet.example.org/x',
      }),
    });
    const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
    if (!meeting) throw new Error('no meeting');
    const attendance = await stack.api(`/v1/admin/groups/${group.id}/meetings/${meeting.id}/attendance`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        attendance: [
          { memberId: anna.id, status: 'present' },
          { memberId: bertil.id, status: 'half' },
          { memberId: cecilia.id, status: 'absent' },
        ],
      }),
    });
    expect(attendance.status).toBe(200);

    const request = await stack.waitForEmailTo(
      anna.email,
      (mail) => ratingLinks(mail.body.text).length > 0,
      20_000,
    );
    const links = ratingLinks(request.body.text);
    expect(links.map((l) => l.rating)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const { url } of links) expect(request.body.html).toContain(url.replaceAll('&', '&amp;'));

    // Tapping 8 opens the form with 8 chosen, and changes nothing.
    const eight = links[7]?.url ?? '';
    const watched = async () =>
      (await allItems(stack.tableName)).filter((i) => String(i.pk) === `MEETING#${meeting.id}`);
    const before = await watched();
    const form = await fetch(eight, { headers: { accept: 'text/html' } });
    expect(form.status).toBe(200);
    const formHtml = await form.text();
    expect(formHtml.match(/<input type="radio"[^>]*checked[^>]*>/g), formHtml).toEqual([
      expect.stringContaining('value="8"'),
    ]);
    expect(await watched()).toEqual(before);

    const formUrl = eight.split('?')[0] ?? '';
    const post = (body: unknown) =>
      fetch(formUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const bad of [
      { rating: 11 },
      { rating: 8, mood: 'great' },
      { rating: 8, nextTimeBetter: 'x'.repeat(4001) },
      { rating: 8, parkedQuestions: Array(21).fill('?') },
    ]) {
      const refused = await post(bad);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { fields: object } }).error.fields).not.toEqual({});
    }
    expect(await watched()).toEqual(before);

    const answered = await post({
      rating: 8,
      nextTimeBetter: 'Mer tid för samtal i smågrupper',
      reflections: { takeHome: 'Ett nytt sätt att planera' },
      parkedQuestions: ['Hur gör vi med lokalerna?'],
      anonymous: true,
    });
    expect(await answered.json()).toEqual({ status: 'recorded', anonymous: true });

    // Bertil has not answered: he gets one reminder. Answering by it and then by the first request's link
    // is still one answer, the later one.
    const bertilLinks = async (count: number) => {
      const mails = (await stack.emailsTo(bertil.email)).filter(
        (mail) => ratingLinks(mail.body.text).length > 0,
      );
      if (mails.length < count) return undefined;
      return mails.map((mail) => (ratingLinks(mail.body.text)[0]?.url ?? '').split('?')[0] ?? '');
    };
    let both: string[] | undefined;
    for (let i = 0; i < 100 && !both; i += 1) {
      both = await bertilLinks(2);
      if (!both) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [requestLink, reminderLink] = both ?? [];
    const answerAs = (url: string | undefined, body: unknown) =>
      fetch(url ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await answerAs(reminderLink, { rating: 6 })).status).toBe(200);
    expect((await answerAs(requestLink, { rating: 7, nextTimeBetter: 'Tydligare agenda' })).status).toBe(200);

    // Cecilia was absent and is not asked; Anna answered and got no reminder.
    const summary = await stack.waitForEmailTo(
      coordinator,
      (mail) => (mail.body.text ?? '').includes('lokalerna'),
      20_000,
    );
    expect(summary.body.text).toContain('Mer tid för samtal i smågrupper');
    expect(summary.body.text).toContain('Ett nytt sätt att planera');
    expect(summary.body.text).toMatch(/2 av 2/);
    expect(summary.body.text).toContain('Tydligare agenda');
    await stack.waitForEmailTo(group.facilitator.email ?? '', (mail) =>
      (mail.body.text ?? '').includes('lokalerna'),
    );
    expect(
      (await stack.emailsTo(cecilia.email)).filter((mail) => ratingLinks(mail.body.text).length > 0),
    ).toHaveLength(0);
    expect(
      (await stack.emailsTo(bertil.email)).filter((mail) => ratingLinks(mail.body.text).length > 0),
    ).toHaveLength(2);
    expect(
      (await stack.emailsTo(anna.email)).filter((mail) => ratingLinks(mail.body.text).length > 0),
    ).toHaveLength(1);

    // Stored without identity; and after the close no answer is taken.
    const stored = (await allItems(stack.tableName)).filter(
      (i) => i.type === 'evaluation-answer' && i.meetingId === meeting.id,
    );
    expect(stored.map((answer) => answer.rating).sort()).toEqual([7, 8]);
    expect(stored.find((answer) => answer.rating === 8)).not.toHaveProperty('memberId');
    expect(stored.find((answer) => answer.rating === 7)).toMatchObject({ memberId: bertil.id });
    expect(JSON.stringify(stored)).not.toContain(anna.id);
    expect(JSON.stringify(stored)).not.toContain(anna.email);
    expect((await post({ rating: 9 })).status).toBe(410);

    // Closing the loop: the parked question is quoted to the group in the next meeting's invitation; the
    // suggestion by default goes to the facilitator only (in the summary), not to every member.
    const followUps = (await (
      await stack.api(`/v1/admin/groups/${group.id}/follow-ups`, { headers })
    ).json()) as {
      followUps: { id: string; kind: string; text: string; status: string }[];
    };
    expect(followUps.followUps.map((f) => [f.kind, f.text, f.status]).sort()).toEqual([
      ['parked-question', 'Hur gör vi med lokalerna?', 'open'],
      ['suggestion', 'Mer tid för samtal i smågrupper', 'open'],
      ['suggestion', 'Tydligare agenda', 'open'],
    ]);
    const next = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        firstLocal: inDays(40),
        mode: 'online',
        onlineUrl: 'https://meet.example.org/x',
      }),
    });
    const [nextMeeting] = ((await next.json()) as { meetings: { id: string }[] }).meetings;
    const invitation = await stack.waitForEmailTo(
      bertil.email,
      (mail) =>
        (mail.body.text ?? '').includes('/v1/rsvp/') &&
        (mail.attachments ?? []).length > 0 &&
        mail.messageId !== undefined &&
        (mail.body.text ?? '').includes('lokalerna'),
    );
    expect(invitation.body.text).not.toContain('Mer tid för samtal');
    expect(nextMeeting).toBeDefined();

    // Marked done, it is quoted no more.
    const parked = followUps.followUps.find((f) => f.kind === 'parked-question');
    const done = await stack.api(`/v1/admin/groups/${group.id}/follow-ups/${parked?.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'done' }),
    });
    expect(await done.json()).toMatchObject({ status: 'done' });
    const third = await stack.api(`/v1/admin/groups/${group.id}/meetings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        firstLocal: inDays(80),
        mode: 'online',
        onlineUrl: 'https://meet.example.org/x',
      }),
    });
    const [thirdMeeting] = ((await third.json()) as { meetings: { id: string }[] }).meetings;
    const later = await stack.waitForEmailTo(bertil.email, (mail) =>
      (mail.attachments ?? []).some((a) =>
        Buffer.from(a.content, 'base64').toString('utf8').includes(`${thirdMeeting?.id}@samla`),
      ),
    );
    expect(later.body.text).not.toContain('lokalerna');
  }, 90_000);
});

/**
 * A meeting held two hours ago by a group of `names`, written straight to the table with no workflow:
 * its evaluation request goes when the test calls `ask`, and nothing closes it.
 */
async function meetingHeld(names: readonly string[]) {
  const heldAt = new Date(Date.now() - 2 * 3600_000);
  const { group, members } = await seedGroup(
    networkId,
    names,
    {},
    new Date(heldAt.getTime() - 24 * 3600_000),
  );
  const meeting = meetingOf(group, {
    startsAt: heldAt.toISOString(),
    onlineUrl: 'https://meet.example.org/x',
  });
  await createMeetings([meeting]);
  const network = await getNetwork(networkId);
  if (!network) throw new Error('no network');
  const ask = async () => requestEvaluations(await loadMeetingContext(network, group, meeting), new Date());
  return { heldAt, group, members, meeting, network, ask };
}

describe('an evaluation whose close a coordinator moves after the request went out', () => {
  it('keeps the close its mails announced: a later one applies at once, an earlier one not to an evaluation asked', async () => {
    const { heldAt, group, members, meeting, network, ask } = await meetingHeld(['Dagny']);
    const [dagny] = members as [JoinRequest];
    const setClose = async (closeAfterDays: number) => {
      const patched = await stack.api(`/v1/admin/networks/${networkId}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ evaluation: { reminderAfterDays: 1, closeAfterDays } }),
      });
      expect(patched.status).toBe(200);
    };
    // The request goes an hour after the 90-minute meeting; the close is whole days after the request.
    const requestAt = heldAt.getTime() + 90 * 60_000 + 60 * 60_000;
    const day = (days: number) => new Date(requestAt + days * 24 * 3600_000).toISOString();
    const open = async (daysAfter: number) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(heldAt.getTime() + daysAfter * 24 * 3600_000);
        const response = await stack.api(`/v1/feedback/${token}`, { headers: { accept: 'text/html' } });
        return { status: response.status, page: await response.text() };
      } finally {
        vi.useRealTimers();
      }
    };
    const context = async () =>
      loadMeetingContext(
        (await getNetwork(networkId)) ?? network,
        group,
        (await getMeeting(meeting.groupId, meeting.id)) ?? meeting,
      );
    await setClose(7);
    await ask();
    const token = await feedbackTokenOf(stack, dagny, meeting.id);
    expect((await getMeeting(meeting.groupId, meeting.id))?.evaluationCloseAt).toBe(day(7));

    // Down to two days after the request said seven: on day three the form still takes answers.
    await setClose(2);
    const dayThree = await open(3);
    expect(dayThree.status, dayThree.page).toBe(200);
    expect(dayThree.page).toContain('<input type="radio"');
    expect((await open(8)).status).toBe(410);

    // Up to fourteen: the form is open on day ten (the link outlives the close it was sent with), and the
    // close step planned for day seven waits again, until day fourteen, instead of closing.
    await setClose(14);
    expect((await open(10)).status).toBe(200);
    expect((await open(15)).status).toBe(410);
    const closeStep = await stepsHandler(
      {
        step: 'remind',
        groupId: meeting.groupId,
        meetingId: meeting.id,
        version: meeting.version,
        reminder: { kind: 'evaluation-close', at: day(7) },
      },
      lambdaContext('meeting-steps'),
    );
    expect(closeStep).toEqual({ next: { kind: 'evaluation-close', at: day(14) } });
    expect((await getMeeting(meeting.groupId, meeting.id))?.evaluationClosedAt).toBeUndefined();

    // The reminder announces day fourteen; lowered to seven again after it, the close stays at fourteen.
    await remindEvaluations(await context(), new Date());
    expect((await getMeeting(meeting.groupId, meeting.id))?.evaluationCloseAt).toBe(day(14));
    await setClose(7);
    expect((await open(10)).status).toBe(200);
    expect(
      evaluationTimes({
        network: (await getNetwork(networkId)) ?? network,
        meeting: (await getMeeting(meeting.groupId, meeting.id)) ?? meeting,
      }).closeAt,
    ).toBe(day(14));
  });

  it('counts as asked only those the request reaches', async () => {
    const { group, members, meeting, ask } = await meetingHeld(['Erik', 'Frida', 'Gösta']);
    const [erik, frida, gosta] = members as [JoinRequest, JoinRequest, JoinRequest];
    // Erik stopped all mail from the network; Gösta stopped only the reminders, which the request is not.
    await setMailChoice(personId(erik.email), networkId, 'all', new Date());
    await setMailChoice(personId(gosta.email), networkId, 'reminders', new Date());
    await ask();

    await feedbackTokenOf(stack, frida, meeting.id);
    await feedbackTokenOf(stack, gosta, meeting.id);
    expect(await stack.emailsTo(erik.email)).toEqual([]);
    // Before: 3, so the summary's "1 of 3 answered" counted someone who was never asked.
    expect((await getMeeting(group.id, meeting.id))?.evaluationAsked).toBe(2);
  });

  it('asks one marked present after the request with the request itself at the reminder, and counts them', async () => {
    const { group, members, meeting, network, ask } = await meetingHeld(['Hanna', 'Ivar']);
    const [hanna, ivar] = members as [JoinRequest, JoinRequest];
    await recordAttendance(meeting.id, hanna.id, 'present', new Date());
    await recordAttendance(meeting.id, ivar.id, 'absent', new Date());
    await ask();
    await feedbackTokenOf(stack, hanna, meeting.id);
    expect(await stack.emailsTo(ivar.email)).toEqual([]);
    // The coordinator corrects the minutes: Ivar was there after all. He never got the request.
    await recordAttendance(meeting.id, ivar.id, 'present', new Date());
    const remind = async () =>
      remindEvaluations(
        await loadMeetingContext(network, group, (await getMeeting(group.id, meeting.id)) ?? meeting),
        new Date(),
      );
    await remind();
    const subjects = async (member: JoinRequest) =>
      (await stack.emailsTo(member.email)).map((m) => m.subject);
    // Hanna gets the reminder; Ivar the request itself, not "the only reminder" of a mail he never had.
    expect((await subjects(hanna)).filter((s) => s.startsWith('Påminnelse'))).toHaveLength(1);
    expect(await subjects(ivar)).toEqual([expect.stringMatching(/^Hur var träffen\?/)]);
    expect((await getMeeting(group.id, meeting.id))?.evaluationAsked).toBe(2);
    // The step retried: nobody gets a second mail, and the count stays.
    await remind();
    expect(await subjects(ivar)).toHaveLength(1);
    expect((await subjects(hanna)).filter((s) => s.startsWith('Påminnelse'))).toHaveLength(1);
    expect((await getMeeting(group.id, meeting.id))?.evaluationAsked).toBe(2);
  });

  it('counts an answer, anonymous too, as taking part: the retention sweep counts from it', async () => {
    const { members, meeting, ask } = await meetingHeld(['Jonna']);
    const [jonna] = members as [JoinRequest];
    await ask();
    const token = await feedbackTokenOf(stack, jonna, meeting.id);
    const before = Date.now();
    const answered = await stack.api(`/v1/feedback/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ rating: 7, anonymous: true }),
    });
    expect(answered.status).toBe(200);
    const { pk, sk } = keys.person(personId(jonna.email));
    const profile = (await allItems(stack.tableName)).find((item) => item.pk === pk && item.sk === sk);
    // Before: no profile was touched, so one who only evaluates was asked after 24 months and erased.
    expect(Date.parse(String(profile?.lastActiveAt))).toBeGreaterThanOrEqual(before);
  });
});
