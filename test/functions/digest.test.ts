import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import type { JoinRequest } from '../../shared/domain/group.ts';
import type { Meeting } from '../../shared/domain/meeting.ts';
import type { Network } from '../../shared/domain/network.ts';
import {
  closeEvaluation,
  putAnswer,
  recordEvaluationAsked,
  recordEvaluationMean,
} from '../../shared/store/evaluations.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { createNetworkIfMissing, getNetwork } from '../../shared/store/networks.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { registerAndConfirm } from '../support/members.ts';
import { oneClickUnsubscribe } from '../support/one-click.ts';
import { rawHeadRecorder } from '../support/raw-heads.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let network: Network;
let coordinatorSv: string;
let coordinatorEn: string;

const day = 24 * 3600_000;

const localHour = (timeZone: string) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()),
  );

beforeAll(async () => {
  // Each tick covers up to its own moment: the span's settling time (shared/domain/digest.ts) has unit tests.
  stack = await useLocalStack({ env: { DIGEST_SETTLE_SECONDS: '0' } });
  coordinatorSv = uniqueEmail('samordnare');
  coordinatorEn = uniqueEmail('coordinator');
  network = {
    id: `digest-${randomUUID().slice(0, 8)}`,
    name: 'Rektorsnätverket Väst',
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinatorSv, coordinatorEn],
    coordinatorLanguages: { [coordinatorEn]: 'en' },
    timeZone: 'Europe/Stockholm',
    memberDomains: [],
    // Due at this hour's tick, so the scheduled handler can be run by the test.
    digest: { frequency: 'daily', hour: localHour('Europe/Stockholm') },
  };
  await createNetworkIfMissing(network);
  raw.start();
});
afterAll(() => {
  raw.stop();
  return stack?.stop();
});

const raw = rawHeadRecorder('watchDigestHeaders');
const header = raw.header;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function digestNow() {
  const token = await stack.token({ email: coordinatorSv, networks: [network.id] });
  return stack.api(`/v1/admin/networks/${network.id}/digest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
}

const runScheduledTick = async () => {
  const { handler } = await import('../../functions/digest/handler.ts');
  return (await handler({}, {} as never)) as { networks: number; sent: number };
};

describe('the coordinators’ digest', { timeout: 90_000 }, () => {
  it('tells each coordinator, in their language, about registrations, shared topics and decisions, with links that work once', async () => {
    // The same topic written three ways by three people, and a fourth who names something else.
    await registerAndConfirm(stack, network.id, {
      name: 'Anna',
      organisation: 'Annaskolan',
      topics: ['Skolans ekonomi', 'Rektors mandat'],
    });
    await registerAndConfirm(stack, network.id, {
      name: 'Bertil',
      organisation: 'Bertilskolan',
      topics: ['skolans  ekonomi!'],
    });
    await registerAndConfirm(stack, network.id, {
      name: 'Cecilia',
      organisation: 'Ceciliaskolan',
      topics: ['Skolans Ekonomi'],
    });
    await registerAndConfirm(stack, network.id, {
      name: 'David',
      organisation: 'Davidskolan',
      topics: ['Betyg och bedömning'],
    });
    const { group, members } = await seedGroup(network.id, ['Erik'], { title: 'Rektors mandat' });
    const [erik] = members as [JoinRequest];
    // A meeting in ten days with Erik introducing, and one last week whose evaluation closed.
    const meeting = (seq: number, startsAt: number): Meeting =>
      meetingOf(group, {
        id: `${group.id}-m${seq}`,
        seq,
        startsAt: new Date(startsAt).toISOString(),
        introducerId: erik.id,
      });
    const [past, upcoming] = [meeting(1, Date.now() - 7 * day), meeting(2, Date.now() + 10 * day)] as [
      Meeting,
      Meeting,
    ];
    await createMeetings([past, upcoming]);
    const answer = { rating: 8 as const, anonymous: true, answeredAt: new Date().toISOString().slice(0, 10) };
    await recordEvaluationAsked(group.id, past.id, 1, 'salt', new Date().toISOString());
    expect(await putAnswer(group.id, past.id, 'a1', answer, erik.id, new Date())).toBe('stored');
    expect(await closeEvaluation(group.id, past.id, new Date())).toBe(true);
    await recordEvaluationMean(group.id, past.id, 8);
    const requester = uniqueEmail('fredrik');
    const join = {
      name: 'Fredrik',
      email: requester,
      organisation: 'Friskolan',
      role: 'Rektor',
      consent: true,
    };
    expect((await post(`/v1/groups/${group.id}/join-requests`, join)).status).toBe(202);
    const joinMail = await stack.waitForEmailTo(
      requester,
      (m) => m.body.text?.includes('/v1/confirm/') ?? false,
    );
    expect((await post(`/v1/confirm/${linkIn(joinMail.body.text).token}`, {})).status).toBe(200);

    const response = await digestNow();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sent: 2 });

    const sv = await stack.waitForEmailTo(coordinatorSv, (m) => m.subject.startsWith('Nytt i'));
    const text = sv.body.text ?? '';
    expect(sv.subject).toBe(
      'Nytt i Rektorsnätverket Väst: 4 nya anmälningar, 1 förfrågan att besluta om, 1 ämne utan grupp',
    );
    expect(text).toContain(
      '3 personer vill prata om ”Skolans ekonomi” och ingen öppen grupp tar upp det: föreslå en grupp.',
    );
    for (const name of ['Anna, Annaskolan', 'Bertil, Bertilskolan', 'Cecilia, Ceciliaskolan'])
      expect(text).toContain(name);
    expect(text).toContain('Fredrik (Friskolan) vill gå med i Rektors mandat.');
    expect(text).not.toContain('Betyg och bedömning');
    expect(text).toContain('Träffar de närmaste två veckorna');
    expect(text).toMatch(
      /Rektors mandat, träff 2: .*0 kommer, 0 kan inte, 1 har inte svarat\. Inledare: Erik\./,
    );
    // Online, and no link yet: the members were told it comes before the meeting.
    expect(text).toContain(
      'Inledare: Erik. Länken saknas: deltagarna har fått veta att den kommer före träffen.',
    );
    expect(text).toContain('Utvärderingar som har stängt');
    expect(text).toMatch(/Rektors mandat, träffen .*: 1 av 1 svarade; snittbetyg 8,0\./);
    // No unsubscribe footer: this is a coordinator's mail, not a member's.
    expect(text).not.toContain('/v1/unsubscribe/');

    const en = await stack.waitForEmailTo(coordinatorEn, (m) => m.subject.startsWith('New in'));
    expect(en.body.text).toContain(
      '3 people want to talk about “Skolans ekonomi” and no open group covers it: propose a group.',
    );

    // Each coordinator has their own single-use links; the first decision counts.
    const approve = linkIn(sv.body.text, '/v1/decisions/');
    const approveEn = linkIn(en.body.text, '/v1/decisions/');
    expect(approve.token).not.toBe(approveEn.token);
    const decided = await post(`/v1/decisions/${approve.token}`, {});
    expect(decided.status).toBe(200);
    const first = await decided.json();
    // The other coordinator's link now finds the request decided; the used one shows what it did.
    const late = await post(`/v1/decisions/${approveEn.token}`, {});
    expect(await late.json()).not.toEqual(first);
    const request = (await allItems(stack.tableName)).find(
      (i) => i.type === 'join-request' && i.email === requester,
    );
    expect(request?.status).toBe('approved');
  });

  it('sends nothing on its schedule when nothing changed, and again once something did', async () => {
    const before = (await stack.emailsTo(coordinatorSv)).length;
    const quiet = await runScheduledTick();
    expect(quiet.sent).toBe(0);
    expect(quiet.networks).toBeGreaterThanOrEqual(1);
    expect(await stack.emailsTo(coordinatorSv)).toHaveLength(before);

    await registerAndConfirm(stack, network.id, {
      name: 'Gustav',
      organisation: 'Gustavskolan',
      topics: ['Skolans ekonomi'],
    });
    const busy = await runScheduledTick();
    expect(busy.sent).toBeGreaterThanOrEqual(2);
    const latest = await stack.waitForEmailTo(coordinatorSv, (m) => m.subject.includes('1 ny anmälan'));
    expect(latest.body.text).toContain('Gustav, Gustavskolan');
    expect(latest.body.text).toContain('4 personer vill prata om');
    // The tick again at once: the same slot, nothing new, nothing sent twice.
    expect((await runScheduledTick()).sent).toBe(0);
    expect((await getNetwork(network.id))?.lastDigestAt).toBeDefined();
  });

  it('answers 404 for a network that does not exist, and lets only its coordinators ask', async () => {
    const admin = await stack.token({ email: coordinatorSv, networks: [], admin: true });
    const missing = await stack.api('/v1/admin/networks/no-such-network/digest', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(missing.status).toBe(404);
    const outsider = await stack.token({ email: uniqueEmail('outsider'), networks: ['demo'] });
    const forbidden = await stack.api(`/v1/admin/networks/${network.id}/digest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${outsider}` },
    });
    expect(forbidden.status).toBe(403);
  });

  it('is automatic and one-click unsubscribable: a coordinator turns off their own digest, and on again (issue 20.7)', async () => {
    await registerAndConfirm(stack, network.id, { name: 'Ingrid', topics: ['Rekrytering'] });
    raw.heads.clear();
    expect((await digestNow()).status).toBe(200);
    for (const coordinator of network.coordinators) {
      expect(header(coordinator, 'Auto-Submitted')).toBe('auto-generated');
      expect(header(coordinator, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    }
    const url = /^<(.+)>$/.exec(header(coordinatorEn, 'List-Unsubscribe') ?? '')?.[1] ?? '';
    expect(url).toContain('/v1/unsubscribe/');
    // A GET only shows the choice.
    expect(await (await fetch(url)).text()).toContain('Stop sending me the digest');
    const oneClick = await oneClickUnsubscribe(url);
    expect(await oneClick.json()).toEqual({ result: 'unsubscribed', scope: 'digest' });

    await registerAndConfirm(stack, network.id, { name: 'Jonas', topics: ['Skolans ekonomi'] });
    raw.heads.clear();
    expect((await digestNow()).status).toBe(200);
    expect([...raw.heads.keys()].filter((to) => network.coordinators.includes(to))).toEqual([coordinatorSv]);

    const page = await (await fetch(url)).text();
    expect(page).toContain('Turn the digest back on');
    const back = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'scope=none',
    });
    expect(await back.text()).toContain('Stop sending me the digest');
    raw.heads.clear();
    expect((await digestNow()).status).toBe(200);
    expect([...raw.heads.keys()].filter((to) => network.coordinators.includes(to)).sort()).toEqual(
      [...network.coordinators].sort(),
    );
  });

  it('names no introducer who has left the group, nor counts their reply (issue 20.5)', async () => {
    const { group, members } = await seedGroup(network.id, ['Petra', 'Rasmus']);
    const [petra] = members;
    if (!petra) throw new Error('no member');
    const item = (await allItems(stack.tableName)).find(
      (i) => i.type === 'join-request' && i.id === petra.id && i.groupId === group.id,
    );
    if (!item) throw new Error('no join request item');
    await dynamo.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET #status = :left',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':left': 'left' },
      }),
    );
    const startsAt = new Date(Date.now() + 5 * day).toISOString();
    await createMeetings([
      meetingOf(group, { startsAt, onlineUrl: 'https://meet.example.org/x', introducerId: petra.id }),
    ]);
    const before = (await stack.emailsTo(coordinatorEn)).length;
    expect((await digestNow()).status).toBe(200);
    const mails = await stack.emailsTo(coordinatorEn);
    expect(mails.length).toBe(before + 1);
    const text = mails.at(-1)?.body.text ?? '';
    expect(text).not.toContain('Introducer: Petra');
    // One member left in the group, who has not answered: in the singular (Intl.PluralRules).
    expect(text).toContain('0 coming, 0 cannot come, 1 has not answered. No introducer chosen yet.');
    // This meeting has its link: no flag on its line.
    expect(text).toMatch(/1 has not answered\. No introducer chosen yet\.(?! No link yet)/);
  });
});
