import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { type StoredEmail, type TestStack, useLocalStack } from '../support/local-stack.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems, linkIn } from '../support/table.ts';

let stack: TestStack;
let adminHeaders: Record<string, string>;
const networkId = `proposals-${randomUUID().slice(0, 6)}`;
const networkName = 'Rektorsnätverket Väst';
const coordinators = [0, 1].map((i) => `samordnare${i}-${randomUUID().slice(0, 6)}@example.org`);
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@ekskolan.se`;
/** A title of its own per test: the coordinators' inbox is shared by the whole file. */
const title = (label: string) => `${label} ${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  stack = await useLocalStack();
  await createNetworkIfMissing({
    id: networkId,
    name: networkName,
    languages: ['sv', 'nb', 'en'],
    coordinators,
    memberDomains: ['ekskolan.se'],
    timeZone: 'Europe/Stockholm',
  });
  const token = await stack.token({ email: coordinators[0] ?? '', networks: [networkId] });
  adminHeaders = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
});
afterAll(() => stack.stop());

const proposal = (email: string, proposalTitle: string, extra: Record<string, unknown> = {}) => ({
  name: 'Åsa Ericson',
  email,
  organisation: 'Ekskolan',
  title: proposalTitle,
  question: 'Hur tydliggör vi rektors mandat gentemot huvudmannen?',
  consent: true,
  language: 'sv',
  ...extra,
});

function propose(body: unknown, headers: Record<string, string> = {}, network = networkId) {
  return stack.api(`/v1/networks/${network}/group-proposals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const admin = (path: string, method: string, body?: unknown) =>
  stack.api(`/v1/admin/networks/${networkId}${path}`, {
    method,
    headers: adminHeaders,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const postJson = (url: string) => fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
const mentions = (text: string) => (mail: StoredEmail) =>
  `${mail.subject}\n${mail.body.text ?? ''}`.includes(text);
const hasLink = (path: string) => (mail: StoredEmail) => (mail.body.text ?? '').includes(path);

interface ListedProposal {
  id: string;
  status: string;
  title: string;
  groupId?: string;
  [field: string]: unknown;
}
const listed = async (query = '') =>
  ((await (await admin(`/group-proposals${query}`, 'GET')).json()) as { proposals: ListedProposal[] })
    .proposals;

const proposalItems = async () =>
  (await allItems(stack.tableName)).filter(
    (item) => item.pk === `NETWORK#${networkId}` && item.type === 'group-proposal',
  );

/** Proposes and confirms by the emailed link; returns the proposal's id. */
async function proposeConfirmed(email: string, proposalTitle: string, extra: Record<string, unknown> = {}) {
  const response = await propose(proposal(email, proposalTitle, extra));
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  const { url } = linkIn((await stack.waitForEmailTo(email, hasLink('/v1/confirm/'))).body.text);
  expect(await (await postJson(url)).json()).toEqual({ status: 'proposed', proposalId: id });
  return id;
}

const group = { facilitator: { name: 'Maria Lindqvist' }, capacity: 6, mode: 'online' };

describe('proposing a group', () => {
  it('walks it all: email, a GET that changes nothing, a POST that confirms, the coordinators, a group', async () => {
    const email = address('asa');
    const proposalTitle = title('Rektors mandat');
    const response = await propose(
      proposal(email, proposalTitle, { role: 'Rektor', message: 'Gärna i Borås.' }),
    );
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as { id: string; status: string };
    expect(accepted).toEqual({
      id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      status: 'pending_confirmation',
    });

    const confirmation = await stack.waitForEmailTo(email, hasLink('/v1/confirm/'));
    expect(confirmation.subject).toContain(proposalTitle);
    expect(confirmation.subject).toContain(networkName);
    expect(confirmation.body.text).toContain('Bekräfta mitt förslag');
    const { url } = linkIn(confirmation.body.text);
    // Unconfirmed: not listed for the coordinators, and nobody told.
    expect((await listed()).map((p) => p.id)).not.toContain(accepted.id);

    const before = await allItems(stack.tableName);
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const pageHtml = await page.text();
    expect(pageHtml).toMatch(/<form method="post"/);
    expect(pageHtml).toContain('lang="sv"');
    expect(pageHtml).toContain(proposalTitle);
    expect(await allItems(stack.tableName)).toEqual(before);

    const confirmed = await fetch(url, { method: 'POST', headers: { accept: 'text/html' } });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('<h1>Tack för ditt förslag</h1>');
    for (const coordinator of coordinators) {
      const told = await stack.waitForEmailTo(coordinator, mentions(proposalTitle));
      expect(told.body.text).toContain('Hur tydliggör vi rektors mandat gentemot huvudmannen?');
      expect(told.body.text).toContain('Åsa Ericson');
      expect(told.body.text).toContain(email);
      expect(told.body.text).toContain('> Gärna i Borås.');
    }
    // Pressing again says the same and tells nobody twice.
    expect(await (await postJson(url)).json()).toEqual({ status: 'proposed', proposalId: accepted.id });
    expect((await stack.emailsTo(coordinators[0] ?? '')).filter(mentions(proposalTitle))).toHaveLength(1);
    // No receipt email: the result page is the receipt, the decision comes by email.
    expect(await stack.emailsTo(email)).toHaveLength(1);

    const proposed = (await listed()).find((p) => p.id === accepted.id);
    expect(proposed).toMatchObject({
      status: 'proposed',
      title: proposalTitle,
      email,
      role: 'Rektor',
      message: 'Gärna i Borås.',
      language: 'sv',
      confirmedAt: expect.any(String),
    });
    expect(proposed).not.toHaveProperty('consent');
    expect((await listed('?status=proposed')).map((p) => p.id)).toContain(accepted.id);
    expect((await listed('?status=declined')).map((p) => p.id)).not.toContain(accepted.id);

    const created = await admin(`/group-proposals/${accepted.id}/accept`, 'POST', group);
    expect(created.status).toBe(201);
    const newGroup = (await created.json()) as { id: string; [field: string]: unknown };
    expect(newGroup).toMatchObject({
      networkId,
      title: proposalTitle,
      question: 'Hur tydliggör vi rektors mandat gentemot huvudmannen?',
      facilitator: { name: 'Maria Lindqvist' },
      capacity: 6,
      seatsTaken: 1,
      mode: 'online',
      status: 'open',
    });

    const publicList = (await (await stack.api(`/v1/networks/${networkId}/groups`)).json()) as {
      groups: { id: string; seatsLeft: number; title: string }[];
    };
    expect(publicList.groups.find((g) => g.id === newGroup.id)).toMatchObject({
      title: proposalTitle,
      seatsLeft: 5,
    });
    const members = (await (
      await stack.api(`/v1/admin/groups/${newGroup.id}/join-requests`, { headers: adminHeaders })
    ).json()) as { joinRequests: { email: string; status: string; name: string }[] };
    expect(members.joinRequests).toEqual([
      expect.objectContaining({ email, status: 'approved', name: 'Åsa Ericson', role: 'Rektor' }),
    ]);

    const welcome = await stack.waitForEmailTo(email, hasLink('/v1/leave/'));
    expect(welcome.subject).toContain(proposalTitle);
    expect(welcome.body.text).toContain('du är dess första deltagare');
    expect(welcome.body.text).toContain('Träffarna leds av Maria Lindqvist.');

    const again = await admin(`/group-proposals/${accepted.id}/accept`, 'POST', group);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('proposal_already_decided');
    expect((await admin(`/group-proposals/${accepted.id}/decline`, 'POST', {})).status).toBe(409);
    const groups = (await (await admin('/groups', 'GET')).json()) as { groups: { title: string }[] };
    expect(groups.groups.filter((g) => g.title === proposalTitle)).toHaveLength(1);
    expect((await stack.emailsTo(email)).filter(hasLink('/v1/leave/'))).toHaveLength(1);
    expect((await listed('?status=accepted')).find((p) => p.id === accepted.id)).toMatchObject({
      groupId: newGroup.id,
      decidedAt: expect.any(String),
    });

    // The proposer is a member like any other: the leave link gives the seat back.
    const leave = linkIn(welcome.body.text, '/v1/leave/');
    expect(await (await postJson(leave.url)).json()).toEqual({ result: 'left-group' });
    const seats = (await allItems(stack.tableName)).find(
      (item) => item.pk === `GROUP#${newGroup.id}` && item.sk === 'GROUP',
    );
    expect(seats).toMatchObject({ seatsTaken: 0 });
  });

  it('lets the coordinators rewrite the title and question, and names the group in the proposer’s language', async () => {
    const email = address('kari');
    const proposalTitle = title('Ledelse i praksis');
    const id = await proposeConfirmed(email, proposalTitle, { language: 'nb', name: 'Kari Nordmann' });
    const created = await admin(`/group-proposals/${id}/accept`, 'POST', {
      ...group,
      title: `${proposalTitle} – vår`,
      question: 'Hvordan leder vi ledere?',
      mode: 'in_person',
      location: 'Oslo',
      capacity: 1,
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      title: `${proposalTitle} – vår`,
      question: 'Hvordan leder vi ledere?',
      capacity: 1,
      seatsTaken: 1,
      location: 'Oslo',
    });
    const welcome = await stack.waitForEmailTo(email, hasLink('/v1/leave/'));
    expect(welcome.subject).toContain('Forslaget ditt ble en gruppe');
    expect(welcome.body.text).toContain(`Du foreslo den med tittelen «${proposalTitle}».`);
    expect(welcome.body.text).toContain('Møtested: Oslo');
  });

  it('declines with a message quoted to the proposer, and creates nothing', async () => {
    const email = address('bo');
    const proposalTitle = title('Skolgårdens utemiljö');
    const id = await proposeConfirmed(email, proposalTitle, { language: 'nb' });
    const groupsBefore = (await allItems(stack.tableName)).filter((item) => item.type === 'group').length;

    const declined = await admin(`/group-proposals/${id}/decline`, 'POST', {
      message: 'Det finnes allerede en gruppe om dette.\nMeld deg gjerne på den!',
    });
    expect(declined.status).toBe(200);
    expect(await declined.json()).toEqual({ id, status: 'declined' });
    const news = await stack.waitForEmailTo(email, mentions('Det finnes allerede en gruppe om dette.'));
    expect(news.subject).toContain(proposalTitle);
    expect(news.body.text).toContain('> Det finnes allerede en gruppe om dette.\n> Meld deg gjerne på den!');

    expect((await admin(`/group-proposals/${id}/decline`, 'POST', {})).status).toBe(409);
    const accept = await admin(`/group-proposals/${id}/accept`, 'POST', group);
    expect(accept.status).toBe(409);
    expect((await allItems(stack.tableName)).filter((item) => item.type === 'group')).toHaveLength(
      groupsBefore,
    );
    expect((await listed('?status=declined')).find((p) => p.id === id)).toMatchObject({
      status: 'declined',
      decisionMessage: 'Det finnes allerede en gruppe om dette.\nMeld deg gjerne på den!',
    });
    expect((await stack.emailsTo(email)).filter(mentions('allerede en gruppe'))).toHaveLength(1);
  });

  it('keeps the same proposal twice as one, however the address and title are written', async () => {
    const email = address('twice');
    const proposalTitle = title('Samverkan med socialtjänsten');
    const first = await propose(proposal(email, proposalTitle));
    const second = await propose(
      proposal(` ${email.toUpperCase()} `, `  ${proposalTitle.toUpperCase().replace(' ', '   ')}`, {
        name: 'Någon annan',
      }),
    );
    expect(second.status).toBe(202);
    expect(await second.json()).toEqual(await first.json());
    const mine = (await proposalItems()).filter((item) => item.email === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ name: 'Åsa Ericson', confirmationCount: 1 });
    // Within ten minutes the confirmation is not sent again.
    await stack.waitForEmailTo(email, hasLink('/v1/confirm/'));
    expect(await stack.emailsTo(email)).toHaveLength(1);
    // Another title is another proposal.
    await propose(proposal(email, `${proposalTitle} igen`));
    expect((await proposalItems()).filter((item) => item.email === email)).toHaveLength(2);
  });

  it('refuses bad input in the request’s language, and stores nothing', async () => {
    // Earlier posts' workflows write on their own (a confirmation's link): let them settle first.
    await quiesce(stack);
    const before = await allItems(stack.tableName);
    const bad = { name: 'Åsa', email: 'not-an-address', organisation: 'Ekskolan', title: '', consent: false };
    const inNorwegian = await propose({ ...bad, language: 'nb' });
    expect(inNorwegian.status).toBe(400);
    const { error } = (await inNorwegian.json()) as {
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Noen opplysninger må rettes. Se feltene nedenfor.');
    expect(error.fields).toEqual({
      email: 'Oppgi en gyldig e-postadresse, f.eks. navn@skole.no.',
      title: 'Feltet må fylles ut.',
      question: 'Feltet må fylles ut.',
      consent: 'Du må godta at vi lagrer opplysningene dine, ellers kan vi ikke ta imot det du sender.',
    });
    const inSwedish = await propose(bad, { 'accept-language': 'sv-SE,sv;q=0.9' });
    expect(
      ((await inSwedish.json()) as { error: { fields: Record<string, string> } }).error.fields.title,
    ).toBe('Fältet måste fyllas i.');
    const unknownField = await propose(
      { ...proposal(address('x'), 'Titel', { language: undefined }), capacity: 5 },
      { 'accept-language': 'en' },
    );
    expect(unknownField.status).toBe(400);
    expect(
      ((await unknownField.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toEqual({
      capacity: 'Unknown field.',
    });
    const page = await stack.api(`/v1/networks/${networkId}/group-proposals`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        'accept-language': 'sv',
      },
      body: new URLSearchParams({
        name: 'Åsa',
        email: 'x@ekskolan.se',
        organisation: 'E',
        title: 'T',
      }).toString(),
    });
    expect(page.status).toBe(400);
    const pageHtml = await page.text();
    expect(pageHtml).toContain('<strong>Fråga</strong>');
    expect(pageHtml).toContain('<strong>Samtycke</strong>');
    expect(await allItems(stack.tableName)).toEqual(before);
  });

  it('answers 404 for an unknown network, storing nothing', async () => {
    const before = await allItems(stack.tableName);
    const response = await propose(
      proposal(address('lost'), 'Titel'),
      { 'accept-language': 'sv' },
      'no-such-network',
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'network_not_found',
      message: 'Nätverket finns inte.',
    });
    expect(await allItems(stack.tableName)).toEqual(before);
  });

  it('takes a plain HTML form: a receipt page; a bot’s honeypot is answered alike and dropped', async () => {
    const email = address('form');
    const proposalTitle = title('Nyanlända elever');
    const fields = {
      name: 'Åsa Ericson',
      email,
      organisation: 'Ekskolan',
      role: '',
      title: proposalTitle,
      question: 'Hur tar vi emot nyanlända mitt i terminen?',
      consent: 'on',
    };
    const response = await stack.api(`/v1/networks/${networkId}/group-proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('to confirm your group proposal');
    const mail = await stack.waitForEmailTo(email, hasLink('/v1/confirm/'));
    expect(mail.subject).toContain('Confirm your proposal');
    expect((await proposalItems()).find((item) => item.email === email)).not.toHaveProperty('role');

    const bot = address('bot');
    const trap = await propose(proposal(bot, title('Köp billigt'), { homepage: 'https://spam.example' }));
    expect(trap.status).toBe(202);
    expect((await proposalItems()).filter((item) => item.email === bot)).toHaveLength(0);
  });
});

describe('coordinators’ proposal routes', () => {
  it('validate what a proposal does not carry, and know only confirmed proposals', async () => {
    const id = await proposeConfirmed(address('val'), title('Elevhälsa'));
    const invalid = await admin(`/group-proposals/${id}/accept`, 'POST', { capacity: 0, mode: 'boat' });
    expect(invalid.status).toBe(400);
    const { error } = (await invalid.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(error.fields).sort()).toEqual(['capacity', 'facilitator', 'mode']);
    expect((await listed('?status=proposed')).find((p) => p.id === id)).toMatchObject({ status: 'proposed' });

    const missing = await admin('/group-proposals/no-such-proposal/accept', 'POST', group);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('proposal_not_found');

    const unconfirmed = await propose(proposal(address('unconfirmed'), title('Obekräftad')));
    const { id: unconfirmedId } = (await unconfirmed.json()) as { id: string };
    expect((await admin(`/group-proposals/${unconfirmedId}/accept`, 'POST', group)).status).toBe(404);
    expect((await admin(`/group-proposals/${unconfirmedId}/decline`, 'POST', {})).status).toBe(404);

    expect((await admin('/group-proposals?status=whatever', 'GET')).status).toBe(400);
    const elsewhere = await stack.api('/v1/admin/networks/no-such-network/group-proposals', {
      headers: {
        authorization: `Bearer ${await stack.token({ email: 'a@example.org', networks: [], admin: true })}`,
      },
    });
    expect(elsewhere.status).toBe(404);
  });
});

describe('coordinators deciding at the same moment', () => {
  it.each([1, 2])(
    'three accept and three decline at once: one decision, told to one coordinator, one group at most, one mail to the proposer (round %i)',
    async () => {
      const email = address('samtidig');
      const proposalTitle = title('Samtidigt beslut');
      const id = await proposeConfirmed(email, proposalTitle);
      const answers = await Promise.all(
        ['accept', 'accept', 'accept', 'decline', 'decline', 'decline'].map(async (verb) => {
          const response = await admin(
            `/group-proposals/${id}/${verb}`,
            'POST',
            verb === 'accept' ? group : {},
          );
          return { verb, status: response.status };
        }),
      );
      const decided = answers.filter((a) => a.status < 300);
      expect(decided, JSON.stringify(answers)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
      const [winner] = decided as [{ verb: string; status: number }];

      const [stored] = (await proposalItems()).filter((item) => item.id === id);
      expect(stored?.status).toBe(winner.verb === 'accept' ? 'accepted' : 'declined');
      const groups = (await allItems(stack.tableName)).filter(
        (item) => item.type === 'group' && item.title === proposalTitle,
      );
      expect(groups).toHaveLength(winner.verb === 'accept' ? 1 : 0);
      // The proposer hears the one decision that was made: the confirmation link, then that decision only.
      await stack.waitForEmailTo(email, (mail) => !hasLink('/v1/confirm/')(mail));
      await new Promise((resolve) => setTimeout(resolve, 500));
      const decisions = (await stack.emailsTo(email)).filter((mail) => !hasLink('/v1/confirm/')(mail));
      expect(decisions).toHaveLength(1);
      expect(hasLink('/v1/leave/')(decisions[0] as StoredEmail)).toBe(winner.verb === 'accept');
    },
    60_000,
  );
});
