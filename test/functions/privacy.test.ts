import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationAnswer } from '../../shared/domain/evaluation.ts';
import type { JoinRequest } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';
import { personId, suppressionHash } from '../../shared/domain/person.ts';
import { registrationId } from '../../shared/domain/registration.ts';
import { formatDateTime } from '../../shared/mail/format.ts';
import { putAnswer } from '../../shared/store/evaluations.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { meetingOf as newMeeting } from '../support/meetings.ts';
import { registerAndConfirm } from '../support/members.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let networkId: string;

beforeAll(async () => {
  stack = await useLocalStack();
  networkId = stack.demoNetworkId;
});
afterAll(() => stack?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function meetingOf(groupId: string, introducer: JoinRequest, seq: number, startsAt: string): Meeting {
  const [id, onlineUrl, introducerId] = [`m-${groupId}-${seq}`, 'https://meet.example/abc', introducer.id];
  return newMeeting({ id: groupId, networkId }, { id, seq, startsAt, onlineUrl, introducerId });
}

/**
 * A person with a bit of everything: a confirmed registration, a seat in a group (introducer of its
 * next meeting, an RSVP, an evaluation answer with their name), a request waiting for a coordinator in
 * another group, an unsubscribe; and a fellow member whose anonymous answer must not be touched.
 */
async function seedPerson() {
  const { group, members } = await seedGroup(networkId, ['Greta', 'Hugo']);
  const [person, fellow] = members as [JoinRequest, JoinRequest];
  await registerAndConfirm(stack, networkId, {
    name: person.name,
    email: person.email,
    topics: ['Skolans ekonomi'],
  });
  const [past, next] = [
    meetingOf(group.id, fellow, 1, new Date(Date.now() - 2 * 24 * 3600_000).toISOString()),
    meetingOf(group.id, person, 2, new Date(Date.now() + 20 * 24 * 3600_000).toISOString()),
  ] as [Meeting, Meeting];
  await createMeetings([past, next]);
  const named: EvaluationAnswer = {
    rating: 8,
    anonymous: false,
    memberId: person.id,
    answeredAt: new Date().toISOString(),
    nextTimeBetter: 'Mer tid för samtal',
  };
  const anonymous: EvaluationAnswer = {
    rating: 6,
    anonymous: true,
    answeredAt: new Date().toISOString().slice(0, 10),
  };
  expect(await putAnswer(group.id, past.id, 'answer-of-person', named, person.id, new Date())).toBe('stored');
  expect(await putAnswer(group.id, past.id, 'answer-of-fellow', anonymous, fellow.id, new Date())).toBe(
    'stored',
  );

  const { group: other } = await seedGroup(networkId, ['Ivar'], { capacity: 1 });
  expect(
    (
      await post(`/v1/groups/${other.id}/join-requests`, {
        name: person.name,
        email: person.email,
        organisation: 'Ekskolan',
        role: 'Rektor',
        consent: true,
      })
    ).status,
  ).toBe(202);
  const joinMail = await stack.waitForEmailTo(
    person.email,
    (m) => m.body.text?.includes(other.title) ?? false,
  );
  expect((await post(`/v1/confirm/${linkIn(joinMail.body.text).token}`, {})).status).toBe(200);

  // The receipt carries the personal unsubscribe link; one click turns reminders off.
  const receipt = await stack.waitForEmailTo(
    person.email,
    (m) => m.body.text?.includes('/v1/unsubscribe/') ?? false,
  );
  const unsubscribe = linkIn(receipt.body.text, '/v1/unsubscribe/');
  const oneClick = await stack.api(`/v1/unsubscribe/${unsubscribe.token}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
  expect(oneClick.status).toBe(200);
  return { person, fellow, group, other, past, next };
}

/** Every string that identifies the person: the address and each id derived from it. */
function identifiersOf(email: string, joinRequestIds: string[]): string[] {
  return [email, personId(email), registrationId(networkId, email), ...joinRequestIds];
}

const mentions = (item: Record<string, unknown>, needles: readonly string[]) => {
  const text = JSON.stringify(item);
  return needles.some((needle) => text.includes(needle));
};

describe('privacy requests', { timeout: 60_000 }, () => {
  it('answers 202 whatever the address, and mails a link only to an address it holds data for', async () => {
    const stranger = uniqueEmail('stranger');
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const response = await post('/v1/privacy/requests', { email: stranger, kind: 'export' });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'accepted' });
    const bad = await post(
      '/v1/privacy/requests',
      { email: 'not-an-address', kind: 'delete-everything' },
      { 'accept-language': 'sv' },
    );
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'kind']);
    expect(await allItems(stack.tableName)).toEqual(before);
    expect(await stack.emailsTo(stranger)).toEqual([]);
  });

  it('exports everything stored about the person: every item naming them is in the JSON', async () => {
    const { person, group, other, past, next } = await seedPerson();
    const otherRequestId = (await allItems(stack.tableName)).find(
      (item) => item.type === 'join-request' && item.groupId === other.id && item.email === person.email,
    )?.id as string;
    expect((await post('/v1/privacy/requests', { email: person.email, kind: 'export' })).status).toBe(202);
    const confirm = await stack.waitForEmailTo(
      person.email,
      (m) => m.body.text?.includes('/v1/privacy/') ?? false,
    );
    const { token } = linkIn(confirm.body.text, '/v1/privacy/');

    await quiesce(stack); // workflows write on their own (a link, an outbox entry)

    const before = await allItems(stack.tableName);
    const page = await stack.api(`/v1/privacy/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect(await allItems(stack.tableName)).toEqual(before);

    const held = (await allItems(stack.tableName)).filter((item) =>
      mentions(item, identifiersOf(person.email, [person.id, otherRequestId])),
    );
    expect((await post(`/v1/privacy/${token}`, {})).status).toBe(200);
    const exported = await stack.waitForEmailTo(person.email, (m) =>
      m.attachments.some((a) => a.filename?.endsWith('.json')),
    );
    const file = exported.attachments.find((a) => a.filename?.endsWith('.json'));
    const document = JSON.parse(Buffer.from(file?.content ?? '', 'base64').toString('utf8')) as {
      address: string;
      records: { pk: string; sk: string }[];
      meetingReplies: { pk: string; sk: string }[];
      evaluationAnswers: { pk: string; sk: string }[];
      introductions: { groupId: string; meetingId: string }[];
    };
    expect(document.address).toBe(person.email);
    const exportedKeys = new Set(
      [...document.records, ...document.meetingReplies, ...document.evaluationAnswers].map(
        (r) => `${r.pk}|${r.sk}`,
      ),
    );
    for (const meeting of document.introductions)
      exportedKeys.add(`GROUP#${meeting.groupId}|MEETING#${meeting.meetingId}`);
    const missing = held.map((item) => `${item.pk}|${item.sk}`).filter((key) => !exportedKeys.has(key));
    expect(missing).toEqual([]);
    // Kinds a person would expect to see, each really there.
    const types = new Set(document.records.map((r) => (r as { type?: string }).type));
    for (const type of ['registration', 'join-request', 'consent', 'opt-out', 'person', 'token'])
      expect(types).toContain(type);
    expect(document.evaluationAnswers).toHaveLength(1);

    // The readable summary in the person's language (Swedish): words and names, not codes and ids.
    const summary = exported.body.text ?? '';
    expect(summary).toContain('Intresseanmälningar');
    expect(summary).toContain('Demonätverket: Greta');
    expect(summary).toContain('Demonätverket: Greta, Ekskolan, Rektor (bekräftad; skickad ');
    expect(summary).toContain(`${group.title}, Demonätverket: Greta`);
    expect(summary).toContain('med i gruppen');
    expect(summary).toContain(`${other.title}, Demonätverket`);
    expect(summary).toContain('Samtycke till att nätverket sparar dina uppgifter för en plats i en grupp');
    // Meetings by group and time where they take place: the answer, and the meeting they introduce.
    expect(summary).toContain(
      `${group.title}, ${formatDateTime(new Date(past.startsAt), 'sv', past.timeZone)}: betyg 8`,
    );
    expect(summary).toContain('Träffar där du håller inledningen');
    expect(summary).toContain(
      `${group.title}, ${formatDateTime(new Date(next.startsAt), 'sv', next.timeZone)}`,
    );
    for (const raw of [
      group.id,
      other.id,
      past.id,
      next.id,
      'confirmed',
      'approved',
      'agreed join',
      '(join-v1',
    ])
      expect(summary).not.toContain(raw);
    // The link did its work once.
    expect((await post(`/v1/privacy/${token}`, {})).status).toBe(410);
  });

  it('mails in the language the person chose when the request names none; a named language wins', async () => {
    // Registered (and confirmed) in Norwegian and in English, in a network whose first language is Swedish.
    const registerIn = async (language: 'nb' | 'en') => {
      const email = uniqueEmail(`privacy-${language}`);
      const body = {
        name: 'Kari',
        email,
        organisation: 'Skolen',
        role: 'Rektor',
        topics: [],
        consent: true,
        language,
      };
      expect((await post(`/v1/networks/${networkId}/interest`, body)).status).toBe(202);
      const mail = await stack.waitForEmailTo(email, (m) => m.body.text?.includes('/v1/confirm/') ?? false);
      expect((await post(`/v1/confirm/${linkIn(mail.body.text).token}`, {})).status).toBe(200);
      return email;
    };
    const [norwegian, english] = await Promise.all([registerIn('nb'), registerIn('en')]);
    const privacyMail = async (email: string, subject: string) =>
      (await stack.waitForEmailTo(email, (m) => m.subject.startsWith(subject))).subject;

    // Neither a language field nor Accept-Language: the person's own language.
    expect((await post('/v1/privacy/requests', { email: norwegian, kind: 'export' })).status).toBe(202);
    expect((await post('/v1/privacy/requests', { email: english, kind: 'export' })).status).toBe(202);
    expect(await privacyMail(norwegian, 'Bekreft at du vil få opplysningene dine')).toContain(
      'Demonätverket',
    );
    expect(await privacyMail(english, 'Confirm that you want your data')).toContain('Demonätverket');

    // The request's own language wins: Accept-Language, and the field over it.
    expect(
      (await post('/v1/privacy/requests', { email: norwegian, kind: 'erase' }, { 'accept-language': 'sv' }))
        .status,
    ).toBe(202);
    await privacyMail(norwegian, 'Bekräfta att du vill att');
    expect(
      (
        await post(
          '/v1/privacy/requests',
          { email: english, kind: 'erase', language: 'nb' },
          { 'accept-language': 'sv' },
        )
      ).status,
    ).toBe(202);
    await privacyMail(english, 'Bekreft at du vil at');
    // The confirmation page and the export follow the link's language: the export in Norwegian.
    const confirm = await stack.waitForEmailTo(norwegian, (m) =>
      m.subject.startsWith('Bekreft at du vil få'),
    );
    expect((await post(`/v1/privacy/${linkIn(confirm.body.text, '/v1/privacy/').token}`, {})).status).toBe(
      200,
    );
    const exported = await stack.waitForEmailTo(norwegian, (m) => m.subject.startsWith('Opplysningene dine'));
    expect(exported.body.text).toContain('Interessemeldinger');
    expect(exported.body.text).toContain('Demonätverket: Kari, Skolen, Rektor (bekreftet; sendt ');
  });

  it('erases the person: no item names them, seats pass on, anonymous answers stay, and nothing is mailed again', async () => {
    const { person, fellow, group, past, next } = await seedPerson();
    const seatsBefore = (await getGroup(group.id))?.seatsTaken ?? 0;
    const answersBefore = (await allItems(stack.tableName)).filter(
      (i) => i.pk === `MEETING#${past.id}` && String(i.sk).startsWith('ANSWER#'),
    );
    const joinIds = (await allItems(stack.tableName))
      .filter((item) => item.type === 'join-request' && item.email === person.email)
      .map((item) => String(item.id));
    expect(joinIds).toHaveLength(2);

    expect(
      (await post('/v1/privacy/requests', { email: person.email, kind: 'erase', language: 'sv' })).status,
    ).toBe(202);
    const confirm = await stack.waitForEmailTo(person.email, (m) => m.subject.includes('tar bort'));
    const { token } = linkIn(confirm.body.text, '/v1/privacy/');
    const done = await stack.api(`/v1/privacy/${token}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ result: 'erased' });

    const after = await allItems(stack.tableName);
    const needles = identifiersOf(person.email, joinIds);
    expect(after.filter((item) => mentions(item, needles)).map((i) => `${i.pk}|${i.sk}`)).toEqual([]);
    expect(after.filter((item) => item.type === 'suppression').map((i) => i.pk)).toContain(
      `SUPPRESSION#${suppressionHash(person.email)}`,
    );

    // The evaluation stays, both answers, neither with a member id; the fellow's is unchanged.
    const answersAfter = after.filter(
      (i) => i.pk === `MEETING#${past.id}` && String(i.sk).startsWith('ANSWER#'),
    );
    expect(answersAfter).toHaveLength(answersBefore.length);
    expect(answersAfter.every((a) => a.memberId === undefined && a.anonymous === true)).toBe(true);
    expect(answersAfter.find((a) => a.sk === 'ANSWER#answer-of-fellow')).toEqual(
      answersBefore.find((a) => a.sk === 'ANSWER#answer-of-fellow'),
    );
    // The seat is free again, and the next meeting no longer has them as introducer.
    expect((await getGroup(group.id))?.seatsTaken).toBe(seatsBefore - 1);
    const nextMeeting = after.find((i) => i.pk === `GROUP#${group.id}` && i.sk === `MEETING#${next.id}`);
    expect(nextMeeting?.introducerId).toBeUndefined();
    expect(after.some((i) => i.type === 'join-request' && i.id === fellow.id)).toBe(true);

    // Never mailed again, even when someone types the address into a form.
    const mailsBefore = (await stack.emailsTo(person.email)).length;
    expect(
      (
        await post(`/v1/networks/${networkId}/interest`, {
          name: 'X',
          email: person.email,
          organisation: 'Y',
          role: 'Z',
          topics: [],
          consent: true,
        })
      ).status,
    ).toBe(202);
    expect((await post('/v1/privacy/requests', { email: person.email, kind: 'export' })).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await stack.emailsTo(person.email)).toHaveLength(mailsBefore);
    // The link is gone with everything else.
    expect((await post(`/v1/privacy/${token}`, {})).status).toBe(404);
  });
});
