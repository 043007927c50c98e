import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../shared/http/limits.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { optInFor } from '../support/opt-in.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

const body = (email: string, extra: Record<string, unknown> = {}) => ({
  name: 'Anna Lindqvist',
  email,
  organisation: 'Ekskolan',
  role: 'Rektor',
  topics: ['Skolans ekonomi', 'Rekrytering'],
  consent: true,
  ...extra,
});

function postJson(path: string, payload: unknown, headers: Record<string, string> = {}) {
  return stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
}

function postForm(path: string, fields: string, headers: Record<string, string> = {}) {
  return stack.api(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: fields,
    redirect: 'manual',
  });
}

describe('registering interest and confirming it', () => {
  it('walks the whole double opt-in: email, a GET that changes nothing, a POST that confirms, a receipt', async () => {
    const email = uniqueEmail('anna');
    const response = await postJson('/v1/networks/demo/interest', body(email.toUpperCase()), {
      'accept-language': 'sv',
    });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; status: string };
    expect(accepted.status).toBe('pending_confirmation');
    expect(accepted.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const confirmation = await stack.waitForEmailTo(email);
    expect(confirmation.subject).toMatch(/Demonätverket/);
    expect(confirmation.body.text).toContain('Anna Lindqvist');
    expect(confirmation.body.html).toContain('<html');
    const { url, token } = linkIn(confirmation.body.text);
    expect(url.startsWith(`${stack.apiUrl}/v1/confirm/`)).toBe(true);
    expect(confirmation.body.html).toContain(url);

    // The workflow records the send just after the inbox has the email: let it reach its wait first.
    const execution = await stack.waitForExecutionStarted(optInFor(accepted.id));
    await stack.sfn.waitForState(execution.executionArn, 'WaitForConfirmation');
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toMatch(/<form method="post"/);
    expect(pageHtml).toContain('lang="sv"');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await allItems(stack.tableName)).toEqual(before);

    const confirmed = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ status: 'confirmed', networkId: 'demo' });
    const receipt = await stack.waitForEmailTo(email, (m) => m.messageId !== confirmation.messageId);
    expect(receipt.body.text).toContain('Skolans ekonomi');

    const registration = (await allItems(stack.tableName)).find(
      (item) => item.sk === `REGISTRATION#${accepted.id}`,
    );
    expect(registration).toMatchObject({ status: 'confirmed', email });
    expect(registration).not.toHaveProperty('expiresAt');
    const stored = (await allItems(stack.tableName)).find((item) => String(item.pk).startsWith('TOKEN#'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const again = await fetch(url, { method: 'POST', headers: { accept: 'text/html' } });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('lang="sv"');
    expect(await stack.emailsTo(email)).toHaveLength(2);
  });

  it('writes in the language asked for, else the browser’s, else the network’s first', async () => {
    const cases: { email: string; extra: object; headers: Record<string, string>; lang: string }[] = [
      {
        email: uniqueEmail('nb'),
        extra: { language: 'nb' },
        headers: { 'accept-language': 'en' },
        lang: 'nb',
      },
      { email: uniqueEmail('en'), extra: {}, headers: { 'accept-language': 'en-GB,en;q=0.9' }, lang: 'en' },
      { email: uniqueEmail('sv'), extra: {}, headers: {}, lang: 'sv' },
    ];
    const subjects = new Map<string, string>();
    for (const c of cases) {
      expect(
        (await postJson('/v1/networks/demo/interest', body(c.email, { ...c.extra }), c.headers)).status,
      ).toBe(202);
      const mail = await stack.waitForEmailTo(c.email);
      const page = await fetch(linkIn(mail.body.text).url);
      expect(await page.text()).toContain(`lang="${c.lang}"`);
      subjects.set(c.lang, mail.subject);
    }
    expect(new Set(subjects.values()).size).toBe(3);
  });

  it('never makes a second member of the same address, and re-sends at most every ten minutes', async () => {
    const email = uniqueEmail('twice');
    const first = await postJson('/v1/networks/demo/interest', body(email));
    await stack.waitForEmailTo(email);
    const second = await postJson(
      '/v1/networks/demo/interest',
      body(` ${email.toUpperCase()} `, { name: 'Someone Else' }),
    );
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    const registrations = (await allItems(stack.tableName)).filter(
      (item) => item.type === 'registration' && item.email === email,
    );
    expect(registrations).toHaveLength(1);
    expect(registrations[0]?.name).toBe('Anna Lindqvist');
    const executions = stack.sfn
      .listExecutions()
      .filter((execution) =>
        optInFor(String(registrations[0]?.sk).slice('REGISTRATION#'.length))(JSON.parse(execution.input)),
      );
    expect(executions).toHaveLength(1);
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it('re-sends the confirmation, with a fresh working link, once ten minutes have passed', async () => {
    const email = uniqueEmail('later');
    const { id } = (await (await postJson('/v1/networks/demo/interest', body(email))).json()) as {
      id: string;
    };
    const first = await stack.waitForEmailTo(email);
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000).toISOString();
    await documents.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: 'NETWORK#demo', sk: `REGISTRATION#${id}` },
        UpdateExpression: 'SET confirmationRequestedAt = :t',
        ExpressionAttributeValues: { ':t': elevenMinutesAgo },
      }),
    );
    expect((await postJson('/v1/networks/demo/interest', body(email))).status).toBe(202);
    expect((await postJson('/v1/networks/demo/interest', body(email))).status).toBe(202);
    const second = await stack.waitForEmailTo(email, (mail) => mail.messageId !== first.messageId);
    expect(linkIn(second.body.text).token).not.toBe(linkIn(first.body.text).token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stack.emailsTo(email)).toHaveLength(2);
    const confirmed = await fetch(linkIn(second.body.text).url, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(await confirmed.json()).toMatchObject({ status: 'confirmed' });
  });

  it('answers a plain HTML form with a receipt page, or a redirect to the network’s thank-you page', async () => {
    const fields = (email: string) =>
      new URLSearchParams({
        name: 'Ola Nordmann',
        email,
        organisation: 'Bakkeskolen',
        role: 'Rektor',
        topics: 'Skolemiljø\nRekruttering',
        consent: 'on',
        language: 'nb',
      }).toString();
    const receipt = await postForm('/v1/networks/demo/interest', fields(uniqueEmail('form')), {
      accept: 'text/html',
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toContain('text/html');
    expect(await receipt.text()).toContain('lang="nb"');

    await createNetworkIfMissing({
      id: 'with-thanks',
      name: 'Skolledarnätverket',
      languages: ['sv'],
      coordinators: ['coordinator@example.org'],
      thankYouUrl: 'https://example.org/tack',
      timeZone: 'Europe/Stockholm',
      memberDomains: [],
    });
    const email = uniqueEmail('redirect');
    const redirect = await postForm('/v1/networks/with-thanks/interest', fields(email));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('https://example.org/tack');
    const mail = await stack.waitForEmailTo(email);
    expect(mail.body.text).toContain('Skolledarnätverket');
  });
});

describe('races', () => {
  it('makes one member and sends one confirmation when the same address is posted ten times at once', async () => {
    const email = uniqueEmail('burst');
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => postJson('/v1/networks/demo/interest', body(email))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    const ids = new Set(
      await Promise.all(responses.map(async (r) => ((await r.json()) as { id: string }).id)),
    );
    expect(ids.size).toBe(1);
    await stack.waitForEmailTo(email);
    const registrations = (await allItems(stack.tableName)).filter((item) => item.email === email);
    expect(registrations).toHaveLength(1);
    const [id] = ids;
    expect(stack.sfn.listExecutions().filter((e) => optInFor(String(id))(JSON.parse(e.input)))).toHaveLength(
      1,
    );
    expect(await stack.emailsTo(email)).toHaveLength(1);
  });

  it('confirms once when the button is pressed five times at once', async () => {
    const email = uniqueEmail('presses');
    await postJson('/v1/networks/demo/interest', body(email));
    const { url } = linkIn((await stack.waitForEmailTo(email)).body.text);
    const results = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const response = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
        return { status: response.status, body: (await response.json()) as { status: string } };
      }),
    );
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(200));
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(1);
    expect(results.filter((r) => r.body.status === 'already_confirmed')).toHaveLength(4);
    await stack.waitForEmailTo(email, (mail) => (mail.body.text ?? '').includes('Skolans ekonomi'));
    expect(await stack.emailsTo(email)).toHaveLength(2);
  });
});

describe('the OpenAPI document over HTTP', () => {
  it('is served, cacheable, and lists the interest route', async () => {
    const response = await stack.api('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('max-age');
    const doc = (await response.json()) as { paths: Record<string, unknown> };
    expect(doc.paths).toHaveProperty('/v1/networks/{networkId}/interest');
  });
});

describe('bad input gets a clear answer and leaves nothing behind', () => {
  type ErrorBody = { error: { code: string; message: string; fields: Record<string, string> } };

  async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
    expect(response.status).toBe(status);
    const payload = (await response.json()) as ErrorBody;
    expect(payload.error.code).toBe(code);
    expect(payload.error.message.length).toBeGreaterThan(0);
    expect(typeof payload.error.fields).toBe('object');
    return payload;
  }

  it('names each field problem in the request’s language, for JSON and form posts alike', async () => {
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const bad = {
      name: '',
      email: 'not-an-address',
      organisation: 'Ekskolan',
      topics: 'x',
      consent: false,
      extra: 1,
    };
    const sv = await expectError(
      await postJson('/v1/networks/demo/interest', bad, { 'accept-language': 'sv' }),
      400,
      'validation_failed',
    );
    expect(Object.keys(sv.error.fields).sort()).toEqual([
      'consent',
      'email',
      'extra',
      'name',
      'role',
      'topics',
    ]);
    expect(sv.error.fields.email).toContain('e-postadress');

    const nb = await expectError(
      await postJson('/v1/networks/demo/interest', { ...bad, language: 'nb' }),
      400,
      'validation_failed',
    );
    expect(nb.error.message).not.toBe(sv.error.message);
    expect(nb.error.fields.consent).toMatch(/godta/);

    const form = await expectError(
      await postForm('/v1/networks/demo/interest', 'name=Anna&email=bad', { 'accept-language': 'en' }),
      400,
      'validation_failed',
    );
    expect(form.error.fields.email).toMatch(/valid email/);
    expect(form.error.fields.consent).toBeDefined();
    expect(await allItems(stack.tableName)).toEqual(before);
  });

  it('shows a browser the errors as a page', async () => {
    const response = await postForm('/v1/networks/demo/interest', 'name=Anna', {
      accept: 'text/html',
      'accept-language': 'sv',
    });
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('lang="sv"');
    expect(page).toMatch(/e-post/i);
  });

  it('refuses other content types (415), bodies over the limit (413), broken JSON (400), unknown networks (404)', async () => {
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const email = uniqueEmail('limits');
    await expectError(
      await stack.api('/v1/networks/demo/interest', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(body(email)),
      }),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await postJson('/v1/networks/demo/interest', body(email, { message: 'x'.repeat(maxBodyBytes) })),
      413,
      'payload_too_large',
    );
    await expectError(
      await stack.api('/v1/networks/demo/interest', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "Anna",',
      }),
      400,
      'invalid_json',
    );
    await expectError(
      await postJson('/v1/networks/no-such-network/interest', body(email)),
      404,
      'network_not_found',
    );
    expect(await allItems(stack.tableName)).toEqual(before);
    expect(await stack.emailsTo(email)).toHaveLength(0);
  });

  it('accepts a filled-in honeypot with the usual 202, and stores and sends nothing', async () => {
    await quiesce(stack); // workflows write on their own (a link, an outbox entry)
    const before = await allItems(stack.tableName);
    const email = uniqueEmail('bot');
    const response = await postJson(
      '/v1/networks/demo/interest',
      body(email, { homepage: 'http://spam.example' }),
    );
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ status: 'pending_confirmation' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await allItems(stack.tableName)).toEqual(before);
    expect(await stack.emailsTo(email)).toHaveLength(0);
  });

  it('answers an unknown or malformed link with 404, as JSON or as a page', async () => {
    const unknown = await stack.api(`/v1/confirm/${'A'.repeat(43)}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    await expectError(unknown, 404, 'link_not_found');
    const page = await stack.api('/v1/confirm/not-a-token', {
      headers: { accept: 'text/html', 'accept-language': 'nb' },
    });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('lang="nb"');
  });
});
