import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateNetworkRequest, UpdateNetworkRequest } from '../../shared/http/admin-schemas.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems } from '../support/table.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

async function admin(path: string, init: { method?: string; body?: unknown; token?: string } = {}) {
  const token = init.token ?? (await stack.token({ email: 'admin@example.org', networks: [], admin: true }));
  return stack.api(path, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const newNetwork = {
  id: 'rektorer-vast',
  name: 'Rektorsnätverket Väst',
  languages: ['sv', 'en'],
  coordinators: [' Karin@Ale.SE '],
  memberDomains: ['Ale.se', 'skövde.se'],
  thankYouUrl: 'https://example.org/tack',
};

describe('creating a network', () => {
  it('creates it (201), normalising addresses and domains, and never twice (409)', async () => {
    const created = await admin('/v1/admin/networks', { method: 'POST', body: newNetwork });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/v1/admin/networks/rektorer-vast');
    const body = await created.json();
    expect(body).toEqual({
      id: 'rektorer-vast',
      name: 'Rektorsnätverket Väst',
      languages: ['sv', 'en'],
      coordinators: ['karin@ale.se'],
      memberDomains: ['ale.se', 'xn--skvde-kua.se'],
      thankYouUrl: 'https://example.org/tack',
      timeZone: 'Europe/Stockholm',
    });

    const again = await admin('/v1/admin/networks', {
      method: 'POST',
      body: { ...newNetwork, name: 'Another name' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.code).toBe('network_exists');
    const read = await admin('/v1/admin/networks/rektorer-vast');
    expect(((await read.json()) as { name: string }).name).toBe('Rektorsnätverket Väst');
  });

  it('takes at creation every setting PATCH takes: the digest, reminders, evaluation and coordinators’ languages', async () => {
    const settings = {
      digest: { frequency: 'daily', hour: 6 },
      meetingReminders: { days: [3], introducerDays: 10 },
      evaluation: { delayMinutes: 30, reminderAfterDays: 2, closeAfterDays: 5 },
      coordinatorLanguages: { 'karin@ale.se': 'en' },
    };
    const created = await admin('/v1/admin/networks', {
      method: 'POST',
      body: { ...newNetwork, id: 'rektorer-norr', ...settings },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'rektorer-norr', ...settings });
    const read = await admin('/v1/admin/networks/rektorer-norr');
    expect(await read.json()).toMatchObject(settings);

    // Checked as PATCH checks them, each problem by its field.
    const refused = await admin('/v1/admin/networks', {
      method: 'POST',
      body: {
        ...newNetwork,
        id: 'rektorer-syd',
        digest: { frequency: 'weekly', weekday: 8, hour: 7 },
        evaluation: { reminderAfterDays: 7, closeAfterDays: 7 },
      },
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(((await refused.json()) as ErrorBody).error.fields).sort()).toEqual([
      'digest.weekday',
      'evaluation.reminderAfterDays',
    ]);
    expect((await admin('/v1/admin/networks/rektorer-syd')).status).toBe(404);

    // What a network is created with stays in step with what can be changed (the id excepted).
    const changeable = Object.keys(UpdateNetworkRequest.shape);
    expect(Object.keys(CreateNetworkRequest.shape)).toEqual(expect.arrayContaining(changeable));
  });

  it('is open to the public interest form at once', async () => {
    const response = await stack.api('/v1/networks/rektorer-vast/interest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Per Holm',
        email: 'per@skola.ale.se',
        organisation: 'Aleskolan',
        role: 'Rektor',
        topics: ['Ledarskap'],
        consent: true,
      }),
    });
    expect(response.status).toBe(202);
  });

  it('names each field problem in the Accept-Language, and stores nothing', async () => {
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const token = await stack.token({ email: 'admin@example.org', networks: [], admin: true });
    const response = await stack.api('/v1/admin/networks', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'sv',
      },
      body: JSON.stringify({
        id: 'Bad Id',
        name: '',
        languages: ['sv', 'sv'],
        coordinators: ['not-an-address'],
        memberDomains: ['https://ale.se'],
        thankYouUrl: 'http://example.org/tack',
        timeZone: 'Mars/Olympus',
        extra: true,
      }),
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(error.code).toBe('validation_failed');
    expect(Object.keys(error.fields).sort()).toEqual([
      'coordinators.0',
      'extra',
      'id',
      'languages',
      'memberDomains.0',
      'name',
      'thankYouUrl',
      'timeZone',
    ]);
    expect(error.fields['memberDomains.0']).toMatch(/domän/);
    expect(error.fields.thankYouUrl).toMatch(/https/);
    expect(error.fields.languages).toMatch(/flera gånger/);
    expect(await allItems(stack.tableName)).toEqual(before);
  });
});

describe('a network’s settings', () => {
  const coordinator = () => stack.token({ email: 'coordinator@example.org', networks: ['demo'] });

  it('are read by its coordinators', async () => {
    const response = await admin('/v1/admin/networks/demo', { token: await coordinator() });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: 'demo',
      languages: ['sv', 'nb', 'en'],
      memberDomains: [],
      timeZone: 'Europe/Stockholm',
    });
  });

  it('change only in the fields given; null removes the thank-you URL', async () => {
    const token = await coordinator();
    const first = await admin('/v1/admin/networks/demo', {
      method: 'PATCH',
      token,
      body: { memberDomains: ['ekskolan.se'], thankYouUrl: 'https://example.org/tack' },
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      id: 'demo',
      name: 'Demonätverket',
      memberDomains: ['ekskolan.se'],
      thankYouUrl: 'https://example.org/tack',
    });

    const second = await admin('/v1/admin/networks/demo', {
      method: 'PATCH',
      token,
      body: { languages: ['nb', 'sv'], thankYouUrl: null, coordinators: ['a@example.org', 'b@example.org'] },
    });
    const settings = (await second.json()) as Record<string, unknown>;
    expect(settings).toMatchObject({
      languages: ['nb', 'sv'],
      coordinators: ['a@example.org', 'b@example.org'],
      memberDomains: ['ekskolan.se'],
    });
    expect(settings).not.toHaveProperty('thankYouUrl');
    const read = (await (await admin('/v1/admin/networks/demo', { token })).json()) as Record<
      string,
      unknown
    >;
    expect(read).toEqual(settings);
  });

  it('refuse an empty coordinator list and unknown fields', async () => {
    const response = await admin('/v1/admin/networks/demo', {
      method: 'PATCH',
      token: await coordinator(),
      body: { coordinators: [], id: 'renamed' },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(((await response.json()) as ErrorBody).error.fields).sort()).toEqual([
      'coordinators',
      'id',
    ]);
  });

  it('of a network that does not exist: 404, and nothing is created by an update', async () => {
    expect((await admin('/v1/admin/networks/no-such-network')).status).toBe(404);
    const patch = await admin('/v1/admin/networks/no-such-network', { method: 'PATCH', body: { name: 'X' } });
    expect(patch.status).toBe(404);
    expect(((await patch.json()) as ErrorBody).error.code).toBe('network_not_found');
    // Other tests' workflows may still be writing elsewhere in the table: look only for this network.
    const touched = (await allItems(stack.tableName)).filter((item) =>
      JSON.stringify(item).includes('no-such-network'),
    );
    expect(touched).toEqual([]);
  });

  it('cannot be created by a coordinator who is not an admin, even for their own network id', async () => {
    const token = await stack.token({ email: 'c@example.org', networks: ['mine-only'] });
    const response = await admin('/v1/admin/networks', {
      method: 'POST',
      token,
      body: { ...newNetwork, id: 'mine-only' },
    });
    expect(response.status).toBe(403);
  });
});
