import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { linkIn } from '../support/table.ts';

let stack: TestStack;
let token: string;

type Item = {
  id: string;
  name: string;
  email: string;
  organisation: string;
  role: string;
  topics: string[];
  language: string;
  status: string;
  createdAt: string;
  confirmedAt?: string;
  fromMemberOrganisation: boolean;
};
type Page = { items: Item[]; cursor?: string };

const people = [
  {
    name: 'Åsa Öberg',
    organisation: 'Ekskolan',
    topics: ['Skolans ekonomi', 'Rekrytering'],
    domain: 'ekskolan.se',
  },
  { name: 'Bjørn Ødegård', organisation: 'Bergen kommune', topics: ['Rekrytering'], domain: 'example.org' },
  { name: 'Chris Lund', organisation: 'Ekskolan Syd', topics: ['Skolutveckling'], domain: 'syd.ekskolan.se' },
  {
    name: '=HYPERLINK("https://evil.example","klicka")',
    organisation: '+Bolaget',
    topics: ['@risk'],
    domain: 'example.org',
  },
  {
    name: 'Dana "D" Berg; rektor',
    organisation: 'Västskolan',
    topics: ['skolans EKONOMI'],
    domain: 'example.org',
  },
];
const emails: string[] = [];

beforeAll(async () => {
  stack = await useLocalStack();
  token = await stack.token({ email: 'coordinator@example.org', networks: ['demo'] });
  const setup = await stack.api('/v1/admin/networks/demo', {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ memberDomains: ['ekskolan.se'] }),
  });
  expect(setup.status).toBe(200);
  for (const person of people) {
    const email = uniqueEmail('reg').replace('@example.org', `@${person.domain}`);
    emails.push(email);
    const response = await stack.api('/v1/networks/demo/interest', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: person.name,
        email,
        organisation: person.organisation,
        role: 'Rektor',
        topics: person.topics,
        language: person.name.startsWith('Bjørn') ? 'nb' : 'sv',
        consent: true,
      }),
    });
    expect(response.status).toBe(202);
  }
  // Åsa confirms.
  const { url } = linkIn((await stack.waitForEmailTo(emails[0] as string)).body.text);
  expect((await fetch(url, { method: 'POST', headers: { accept: 'application/json' } })).status).toBe(200);
});
afterAll(() => stack.stop());

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return stack.api(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

async function list(query = ''): Promise<Page> {
  const response = await get(`/v1/admin/networks/demo/registrations${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

describe('listing registrations', () => {
  it('shows every registration of the network with the fields coordinators need', async () => {
    const { items, cursor } = await list();
    expect(cursor).toBeUndefined();
    expect(items.map((i) => i.email).sort()).toEqual([...emails].sort());
    const asa = items.find((i) => i.email === emails[0]);
    expect(asa).toMatchObject({
      name: 'Åsa Öberg',
      organisation: 'Ekskolan',
      role: 'Rektor',
      topics: ['Skolans ekonomi', 'Rekrytering'],
      language: 'sv',
      status: 'confirmed',
      fromMemberOrganisation: true,
    });
    expect(asa?.confirmedAt).toEqual(expect.any(String));
    expect(Object.keys(asa ?? {}).sort()).toEqual(
      [
        'confirmedAt',
        'createdAt',
        'email',
        'fromMemberOrganisation',
        'id',
        'language',
        'name',
        'organisation',
        'role',
        'status',
        'topics',
      ].sort(),
    );
    // A subdomain of a member domain counts; another domain does not.
    expect(items.find((i) => i.email === emails[2])?.fromMemberOrganisation).toBe(true);
    expect(items.find((i) => i.email === emails[1])?.fromMemberOrganisation).toBe(false);
  });

  it('filters by status, topic (any case) and part of the organisation’s name', async () => {
    expect((await list('?status=confirmed')).items.map((i) => i.email)).toEqual([emails[0]]);
    expect((await list('?status=pending_confirmation')).items).toHaveLength(people.length - 1);
    const economy = await list(`?topic=${encodeURIComponent('SKOLANS ekonomi')}`);
    expect(economy.items.map((i) => i.email).sort()).toEqual([emails[0], emails[4]].sort());
    const ek = await list('?organisation=ekskolan');
    expect(ek.items.map((i) => i.email).sort()).toEqual([emails[0], emails[2]].sort());
    const both = await list(`?organisation=ekskolan&topic=Rekrytering&status=confirmed`);
    expect(both.items.map((i) => i.email)).toEqual([emails[0]]);
    expect((await list('?topic=Nothing')).items).toEqual([]);
  });

  it('searches part of the name, the email address or the organisation, in any case', async () => {
    const byName = await list(`?search=${encodeURIComponent('ØDEGÅRD')}`);
    expect(byName.items.map((i) => i.email)).toEqual([emails[1]]);
    const byEmail = await list(`?search=${encodeURIComponent(emails[2]?.split('@')[0] ?? '')}`);
    expect(byEmail.items.map((i) => i.email)).toEqual([emails[2]]);
    const byOrganisation = await list('?search=v%C3%A4stskolan');
    expect(byOrganisation.items.map((i) => i.email)).toEqual([emails[4]]);
    const csv = await get(`/v1/admin/networks/demo/registrations.csv?search=${encodeURIComponent('bergen')}`);
    const lines = (await csv.text()).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(2);
  });

  it('pages with an opaque cursor, every registration exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(people.length);
    // A page that ends with the last registration says there are no more (the console would say
    // "showing 5; there are more" and then find none).
    const whole = await list(`?limit=${people.length}`);
    expect(whole.items).toHaveLength(people.length);
    expect(whole.cursor).toBeUndefined();
    expect((await list(`?limit=${people.length - 1}`)).cursor).toEqual(expect.any(String));

    // Filtered pages too.
    const first = await list('?limit=1&status=pending_confirmation');
    expect(first.items).toHaveLength(1);
    expect(first.cursor).toEqual(expect.any(String));
    const rest = await list(`?limit=10&status=pending_confirmation&cursor=${first.cursor}`);
    expect(rest.items).toHaveLength(people.length - 2);
    expect(rest.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
  });

  it('refuses a forged cursor, a bad limit and unknown parameters with field messages', async () => {
    for (const query of ['?cursor=bm90LWEtY3Vyc29y', '?limit=0', '?limit=1000', '?limit=abc', '?sort=name']) {
      const response = await get(`/v1/admin/networks/demo/registrations${query}`, {
        'accept-language': 'nb',
      });
      expect(response.status, query).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; fields: object } };
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields)).toHaveLength(1);
    }
  });
});

describe('the CSV export', () => {
  it('is UTF-8 with a BOM, ;-separated, quoted and safe from formulas, with every registration', async () => {
    const response = await get('/v1/admin/networks/demo/registrations.csv', { 'accept-language': 'sv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="registrations-demo-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // å, ö and ø as UTF-8 bytes, not Latin-1 or mojibake.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(Buffer.from(bytes).includes(Buffer.from('Åsa Öberg', 'utf8'))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from('Bjørn Ødegård', 'utf8'))).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe(
      'Namn;E-post;Organisation;Roll;Ämnen;Språk;Status;Medlemsorganisation;Anmäld;Bekräftad',
    );
    expect(lines).toHaveLength(people.length + 2);
    const asa = lines.find((line) => line.startsWith('Åsa Öberg;'));
    expect(asa).toMatch(
      new RegExp(
        `^Åsa Öberg;${emails[0]};Ekskolan;Rektor;"Skolans ekonomi, Rekrytering";sv;Bekräftad;Ja;\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2};\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`,
      ),
    );
    expect(text).toContain(
      `"'=HYPERLINK(""https://evil.example"",""klicka"")";${emails[3]};'+Bolaget;Rektor;'@risk;`,
    );
    expect(text).toContain(`"Dana ""D"" Berg; rektor";`);
  });

  it('takes the same filters, and its headings follow Accept-Language', async () => {
    const response = await get('/v1/admin/networks/demo/registrations.csv?organisation=ekskolan', {
      'accept-language': 'nb-NO,nb;q=0.9',
    });
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const lines = text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]?.startsWith('Navn;E-post;Organisasjon;')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(text).toContain('Ikke bekreftet');
  });
});
