import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import type { JoinRequest } from '../../shared/domain/group.ts';
import type { MeetingFeedback as MeetingFeedbackSchema } from '../../shared/http/evaluation-schemas.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { seedNetwork } from '../support/networks.ts';

// The coordinators' view of the evaluations, after two meetings of a series were evaluated for real: the
// meeting workflow asks, the members answer through their links, the workflow closes.
let stack: TestStack;
let headers: Record<string, string>;
const networkId = `feedback-${randomUUID().slice(0, 6)}`;
const coordinator = `samordnare-${randomUUID().slice(0, 6)}@example.org`;

beforeAll(async () => {
  stack = await useLocalStack({ waitTimeOverrides: { WaitForNext: 3000 } });
  headers = await seedNetwork(stack, { id: networkId, name: 'Rektorsnätverket', coordinator });
});
afterAll(() => stack.stop());

const formLink = (text: string | undefined) =>
  (text ?? '').match(/https?:\S+\/v1\/feedback\/[A-Za-z0-9_-]+/)?.[0];

type Answer = Record<string, unknown>;

/**
 * Schedules one meeting, answers its evaluation request for each member as given, and waits for the
 * close (the summary to the coordinator, which quotes `marker`). Emails from before are left alone.
 */
async function evaluateMeeting(
  groupId: string,
  firstLocal: string,
  answers: readonly (readonly [JoinRequest, Answer])[],
  marker: string,
): Promise<string> {
  const before = new Set(
    (await Promise.all(answers.map(([member]) => stack.emailsTo(member.email))))
      .flat()
      .map((mail) => mail.messageId),
  );
  const created = await stack.api(`/v1/admin/groups/${groupId}/meetings`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ firstLocal, mode: 'online', onlineUrl: 'https://meet.example.org/ekonomi' }),
  });
  expect(created.status).toBe(201);
  const [meeting] = ((await created.json()) as { meetings: { id: string }[] }).meetings;
  if (!meeting) throw new Error('no meeting');
  await Promise.all(
    answers.map(async ([member, answer]) => {
      const request = await stack.waitForEmailTo(
        member.email,
        (mail) => !before.has(mail.messageId) && formLink(mail.body.text) !== undefined,
        40_000,
      );
      const posted = await fetch(formLink(request.body.text) ?? '', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(answer),
      });
      expect(posted.status).toBe(200);
    }),
  );
  await stack.waitForEmailTo(coordinator, (mail) => (mail.body.text ?? '').includes(marker), 40_000);
  return meeting.id;
}

/** GET …/feedback's body, as its response schema types it. */
type MeetingFeedback = z.output<typeof MeetingFeedbackSchema>;

describe('the coordinators’ feedback API', () => {
  it('shows each meeting’s figures and answers, the trend across the series, and exports CSV', async () => {
    const { group, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
    const [anna, bertil] = members as [JoinRequest, JoinRequest];

    const first = await evaluateMeeting(
      group.id,
      inDays(2),
      [
        [
          anna,
          {
            rating: 8,
            nextTimeBetter: 'Mer tid för samtal i smågrupper',
            reflections: { takeHome: 'Ett nytt sätt att budgetera' },
            parkedQuestions: ['Hur gör vi med lokalerna?', 'Vem bokar rummet?'],
            anonymous: true,
          },
        ],
        [
          bertil,
          { rating: 6, nextTimeBetter: 'Kortare dragningar', reflections: { programme: 'Bra upplägg' } },
        ],
      ],
      'Mer tid för samtal i smågrupper',
    );
    const second = await evaluateMeeting(
      group.id,
      inDays(3),
      [
        [anna, { rating: 9, nextTimeBetter: 'Fler exempel från skolorna', anonymous: true }],
        [bertil, { rating: 8 }],
      ],
      'Fler exempel från skolorna',
    );
    // A cancelled meeting between the two is left out of the trend.
    const startsAt = new Date(Date.now() + 2.5 * 24 * 3600_000).toISOString();
    await createMeetings([
      meetingOf(group, { id: `cancelled-${group.id}`, seq: 3, startsAt, status: 'cancelled', version: 2 }),
    ]);

    // One meeting: the figures, and the answers (the anonymous one without member, and only the day).
    const one = await stack.api(`/v1/admin/groups/${group.id}/meetings/${first}/feedback`, { headers });
    expect(one.status).toBe(200);
    const firstView = (await one.json()) as MeetingFeedback;
    expect(firstView.meeting).toMatchObject({ id: first, seq: 1 });
    expect(firstView.meeting.evaluationClosedAt).toEqual(expect.any(String));
    // The close the request announced, which the console shows while the evaluation is open.
    expect(firstView.meeting.evaluationCloseAt).toEqual(expect.any(String));
    expect(firstView.summary).toEqual({
      responses: 2,
      asked: 2,
      responseRate: 1,
      distribution: [0, 0, 0, 0, 0, 1, 0, 1, 0, 0],
      mean: 7,
      suggestions: ['Kortare dragningar', 'Mer tid för samtal i smågrupper'],
      reflections: {
        programme: ['Bra upplägg'],
        preparation: [],
        execution: [],
        takeHome: ['Ett nytt sätt att budgetera'],
        continueAtHome: [],
      },
      parkedQuestions: ['Hur gör vi med lokalerna?', 'Vem bokar rummet?'],
    });
    expect(firstView.answers).toHaveLength(2);
    const anonymous = firstView.answers.find((a) => a.anonymous);
    const named = firstView.answers.find((a) => !a.anonymous);
    expect(anonymous).toMatchObject({
      rating: 8,
      nextTimeBetter: 'Mer tid för samtal i smågrupper',
      reflections: { takeHome: 'Ett nytt sätt att budgetera' },
      parkedQuestions: ['Hur gör vi med lokalerna?', 'Vem bokar rummet?'],
    });
    expect(anonymous).not.toHaveProperty('member');
    expect(anonymous?.answeredAt).toMatch(/T00:00:00\.000Z$/);
    expect(JSON.stringify(anonymous)).not.toContain(anna.id);
    expect(JSON.stringify(anonymous)).not.toContain('Anna');
    expect(named).toMatchObject({ rating: 6, member: { id: bertil.id, name: 'Bertil' } });
    expect(JSON.stringify(firstView)).not.toContain('@');

    // The second compares with the first, as the summary email did.
    const secondView = (await (
      await stack.api(`/v1/admin/groups/${group.id}/meetings/${second}/feedback`, { headers })
    ).json()) as MeetingFeedback;
    expect(secondView.meeting).toMatchObject({ id: second, seq: 2 });
    expect(secondView.summary).toMatchObject({ responses: 2, asked: 2, mean: 8.5, change: 1.5 });

    // The group: the trend across the series, without the cancelled meeting.
    const trend = await stack.api(`/v1/admin/groups/${group.id}/feedback`, { headers });
    expect(trend.status).toBe(200);
    expect(await trend.json()).toEqual({
      meetings: [
        {
          meetingId: first,
          seq: 1,
          startsAt: firstView.meeting.startsAt,
          evaluationClosedAt: firstView.meeting.evaluationClosedAt,
          evaluationCloseAt: firstView.meeting.evaluationCloseAt,
          mean: 7,
          responses: 2,
          asked: 2,
        },
        {
          meetingId: second,
          seq: 2,
          startsAt: secondView.meeting.startsAt,
          evaluationClosedAt: secondView.meeting.evaluationClosedAt,
          evaluationCloseAt: secondView.meeting.evaluationCloseAt,
          mean: 8.5,
          responses: 2,
          asked: 2,
          change: 1.5,
        },
      ],
    });

    // CSV for Excel: byte order mark, headings in Swedish, one row per answer, no name on anonymous rows.
    const csv = await stack.api(`/v1/admin/groups/${group.id}/feedback.csv`, {
      headers: { ...headers, 'accept-language': 'sv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="feedback-.+\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { ignoreBOM: true })
      .decode(bytes)
      .slice(1)
      .split('\r\n')
      .filter((line) => line !== '');
    expect(lines[0]?.split(';')).toEqual([
      'Träff',
      'Datum',
      'Betyg',
      'En poäng bättre',
      'Programmet',
      'Förberedelserna',
      'Genomförandet',
      'Tar med hem',
      'Arbeta vidare på hemmaplan',
      'Parkerade frågor',
      'Anonym',
      'Namn',
    ]);
    const rows = lines.slice(1).map((line) => line.split(';'));
    expect(rows).toHaveLength(4);
    const firstDay = inDays(2).slice(0, 10);
    expect(rows.slice(0, 2).map((row) => [row[0], row[1]])).toEqual([
      ['1', firstDay],
      ['1', firstDay],
    ]);
    expect(rows.slice(2).map((row) => row[0])).toEqual(['2', '2']);
    const anonymousRow = rows.find((row) => row[2] === '8' && row[0] === '1');
    expect(anonymousRow).toEqual([
      '1',
      firstDay,
      '8',
      'Mer tid för samtal i smågrupper',
      '',
      '',
      '',
      'Ett nytt sätt att budgetera',
      '',
      'Hur gör vi med lokalerna? | Vem bokar rummet?',
      'Ja',
      '',
    ]);
    expect(rows.find((row) => row[2] === '6')?.slice(-2)).toEqual(['Nej', 'Bertil']);
    expect(rows.filter((row) => row[10] === 'Ja').map((row) => row[11])).toEqual(['', '']);
    expect(lines.join('\n')).not.toContain('Anna');

    // English without Accept-Language.
    const english = await (await stack.api(`/v1/admin/groups/${group.id}/feedback.csv`, { headers })).text();
    expect(english.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Meeting;Date;Rating;/);

    // Unknown meeting: 404.
    const unknown = await stack.api(`/v1/admin/groups/${group.id}/meetings/no-such-meeting/feedback`, {
      headers,
    });
    expect(unknown.status).toBe(404);

    // A coordinator of another network: 403 on every route, and nothing of the group.
    const stranger = {
      authorization: `Bearer ${await stack.token({ email: 'other@example.org', networks: ['other-network'] })}`,
    };
    for (const path of [
      `/v1/admin/groups/${group.id}/meetings/${first}/feedback`,
      `/v1/admin/groups/${group.id}/feedback`,
      `/v1/admin/groups/${group.id}/feedback.csv`,
    ]) {
      const refused = await stack.api(path, { headers: stranger });
      expect(refused.status, path).toBe(403);
      const body = await refused.text();
      expect(body).toContain('forbidden');
      expect(body).not.toContain('Bertil');
    }
  }, 150_000);
});
