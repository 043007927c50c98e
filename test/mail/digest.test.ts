import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../shared/domain/digest.ts';
import type { Language } from '../../shared/i18n.ts';
import { renderMail } from '../support/mail-templates.ts';
import { renderDigestDocs } from '../support/render-digest.ts';
import { sampleDigest } from './privacy-samples.ts';

const render = (digest: Digest, language: Language) =>
  renderMail({ kind: 'coordinator-digest', digest }, language);

const approveUrl = 'https://api.samla.example/v1/decisions/aP1_token';
const declineUrl = 'https://api.samla.example/v1/decisions/dP1_token';

/** Every needle is in `text`, each after the one before. */
function expectInOrder(text: string, needles: readonly string[]): void {
  const found = needles.map((needle) => [needle, text.indexOf(needle)] as const);
  expect(
    found.filter(([, at]) => at === -1).map(([needle]) => needle),
    'missing',
  ).toEqual([]);
  const at = found.map(([, i]) => i);
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

const headings: Record<Language, string[]> = {
  sv: [
    'Förfrågningar att besluta om (1)',
    '2 nya anmälningar',
    'Ämnen som många vill prata om',
    'Gruppförslag som väntar på beslut (1)',
    'Väntelistor och erbjudna platser',
    'Träffar de närmaste två veckorna',
    'Utvärderingar som har stängt',
  ],
  nb: [
    'Forespørsler å ta stilling til (1)',
    '2 nye påmeldinger',
    'Temaer mange vil snakke om',
    'Gruppeforslag som venter på beslutning (1)',
    'Ventelister og tilbudte plasser',
    'Møter de neste to ukene',
    'Evalueringer som er avsluttet',
  ],
  en: [
    'Requests to decide on (1)',
    '2 new registrations',
    'Topics many people want to discuss',
    'Group proposals waiting for a decision (1)',
    'Waitlists and offered seats',
    'Meetings in the next two weeks',
    'Evaluations that have closed',
  ],
};

const choiceLabels: Record<Language, [string, string]> = {
  sv: ['Godkänn', 'Avböj'],
  nb: ['Godkjenn', 'Avslå'],
  en: ['Approve', 'Decline'],
};

describe('the coordinators’ digest', () => {
  for (const language of ['sv', 'nb', 'en'] as const) {
    it(`has every section, decisions first, in the same order in text and HTML (${language})`, () => {
      const mail = render(sampleDigest, language);
      expectInOrder(mail.text, headings[language]);
      // Headings are h2 in HTML: the same order, as headings rather than text in passing.
      expectInOrder(
        mail.html,
        headings[language].map((h) => `>${h}</h2>`),
      );
    });

    it(`puts both decision links in the text and as links in the HTML (${language})`, () => {
      const mail = render(sampleDigest, language);
      const [approve, decline] = choiceLabels[language];
      // Each label next to its own link: a swap would turn an approval into a decline.
      expect(mail.text).toContain(`- ${approve}: ${approveUrl}`);
      expect(mail.text).toContain(`- ${decline}: ${declineUrl}`);
      expect(mail.html).toMatch(new RegExp(`href="${approveUrl}"[^>]*>${approve}</a>`));
      expect(mail.html).toMatch(new RegExp(`href="${declineUrl}"[^>]*>${decline}</a>`));
    });
  }

  it('says in Swedish which topic no group covers, and words a covered one differently', () => {
    const { text, html } = render(sampleDigest, 'sv');
    const uncovered =
      '3 personer vill prata om ”skolans ekonomi” och ingen öppen grupp tar upp det: föreslå en grupp.';
    expect(text).toContain(uncovered);
    expect(html).toContain(uncovered);
    expect(text).toContain('3 personer vill prata om ”Rektors mandat”. En öppen grupp tar redan upp det.');
    expect(text).not.toContain('”Rektors mandat” och ingen grupp');
    // The people behind the topic, so a coordinator knows whom to ask.
    const topicAt = text.indexOf(uncovered);
    expect(text.slice(topicAt)).toMatch(
      /^[^\n]+\n\n- Åsa Ericson, Ekskolan\n- Dennis Berg, Ale kommun\n- Maria Lind, Björkskolan\n/,
    );
  });

  it('words topics in Norwegian and English too', () => {
    expect(render(sampleDigest, 'nb').text).toContain(
      '3 personer vil snakke om «skolans ekonomi», og ingen åpen gruppe tar det opp: foreslå en gruppe.',
    );
    expect(render(sampleDigest, 'en').text).toContain(
      '3 people want to talk about “skolans ekonomi” and no open group covers it: propose a group.',
    );
    expect(render(sampleDigest, 'en').text).toContain(
      '3 people want to talk about “Rektors mandat”. An open group already covers it.',
    );
  });

  it('writes the mean and its change with a decimal comma in Swedish and Norwegian, a point in English', () => {
    expect(render(sampleDigest, 'sv').text).toContain('snittbetyg 7,4 (+0,8 sedan senaste träffen med svar)');
    expect(render(sampleDigest, 'nb').text).toContain('snittkarakter 7,4 (+0,8 siden siste møte med svar)');
    const en = render(sampleDigest, 'en').text;
    expect(en).toContain('mean rating 7.4 (+0.8 since the last meeting with answers)');
    expect(en).not.toContain('7,4');
  });

  it('writes a fall with a real minus sign, and an evaluation nobody answered without a mean', () => {
    const [evaluation] = sampleDigest.closedEvaluations;
    if (!evaluation) throw new Error('the sample has an evaluation');
    const { mean: _mean, change: _change, ...unanswered } = evaluation;
    const digest: Digest = {
      ...sampleDigest,
      closedEvaluations: [
        { ...evaluation, change: -0.3 },
        { ...unanswered, groupTitle: 'Elevhälsa', answered: 0 },
      ],
    };
    const { text } = render(digest, 'sv');
    expect(text).toContain('snittbetyg 7,4 (−0,3 sedan senaste träffen med svar)');
    expect(text).toContain('Elevhälsa, träffen tisdag 10 november: 0 av 9 svarade; inga svar.');
  });

  it('gives the meeting time in the meeting’s local time: 13:00Z is 14.00 in Stockholm in December', () => {
    expect(render(sampleDigest, 'sv').text).toContain(
      'Rektors mandat, träff 2: tisdag 1 december 2026 kl. 14.00. 7 kommer, 1 kan inte, 4 har inte svarat. Inledare: Lars Holm.',
    );
    expect(render(sampleDigest, 'en').text).toContain(
      'Rektors mandat, meeting 2: Tuesday, 1 December 2026 at 14:00.',
    );
    const [meeting] = sampleDigest.upcomingMeetings;
    if (!meeting) throw new Error('the sample has a meeting');
    const { introducerName: _introducer, ...withoutIntroducer } = meeting;
    const summer: Digest = {
      ...sampleDigest,
      upcomingMeetings: [{ ...withoutIntroducer, startsAt: '2026-06-02T13:00:00Z' }],
    };
    // Summer time: 13:00Z is 15.00 in Stockholm.
    expect(render(summer, 'sv').text).toContain(
      'träff 2: tisdag 2 juni 2026 kl. 15.00. 7 kommer, 1 kan inte, 4 har inte svarat. Ingen inledare utsedd än.',
    );
  });

  it('flags a meeting whose link or address the members still wait for', () => {
    const [meeting] = sampleDigest.upcomingMeetings;
    if (!meeting) throw new Error('the sample has a meeting');
    const without = (mode: 'online' | 'in_person'): Digest => ({
      ...sampleDigest,
      upcomingMeetings: [{ ...meeting, mode, placeMissing: true }],
    });
    expect(render(without('online'), 'sv').text).toContain(
      'Länken saknas: deltagarna har fått veta att den kommer före träffen.',
    );
    expect(render(without('in_person'), 'nb').text).toContain('Adressen mangler:');
    expect(render(without('online'), 'en').text).toContain('No link yet:');
    expect(render(sampleDigest, 'sv').text).not.toContain('saknas:');
  });

  it('counts what waits for the coordinator in the subject', () => {
    expect(render(sampleDigest, 'sv').subject).toBe(
      'Nytt i Grundskolenätverket: 2 nya anmälningar, 1 förfrågan att besluta om, 1 ämne utan grupp',
    );
    expect(render(sampleDigest, 'nb').subject).toBe(
      'Nytt i Grundskolenätverket: 2 nye påmeldinger, 1 forespørsel å ta stilling til, 1 tema uten gruppe',
    );
    expect(render(sampleDigest, 'en').subject).toBe(
      'New in Grundskolenätverket: 2 new registrations, 1 request to decide on, 1 topic without a group',
    );
    const [registration] = sampleDigest.newRegistrations;
    const [request] = sampleDigest.pendingJoinRequests;
    if (!registration || !request) throw new Error('the sample has a registration and a request');
    const more: Digest = {
      ...sampleDigest,
      newRegistrations: [registration],
      pendingJoinRequests: [request, { ...request, name: 'Olle Ström' }],
      // Only covered topics: nothing for the subject to ask.
      sharedTopics: sampleDigest.sharedTopics.filter((t) => t.covered),
    };
    expect(render(more, 'sv').subject).toBe(
      'Nytt i Grundskolenätverket: 1 ny anmälan, 2 förfrågningar att besluta om',
    );
    expect(render(more, 'sv').text).toContain('Förfrågningar att besluta om (2)');
    expect(render(more, 'sv').text).toContain('En ny anmälan');
  });

  it('gets the quiet subject when it only has upcoming meetings', () => {
    const quiet: Digest = {
      networkName: 'Grundskolenätverket',
      timeZone: 'Europe/Stockholm',
      since: '2026-11-16T06:00:00Z',
      newRegistrations: [],
      sharedTopics: [],
      proposals: [],
      pendingJoinRequests: [],
      queues: [],
      upcomingMeetings: sampleDigest.upcomingMeetings,
      closedEvaluations: [],
    };
    const sv = render(quiet, 'sv');
    expect(sv.subject).toBe('Läget i Grundskolenätverket');
    expect(render(quiet, 'nb').subject).toBe('Status i Grundskolenätverket');
    expect(render(quiet, 'en').subject).toBe('Where Grundskolenätverket stands');
    expect(sv.text).toContain('Träffar de närmaste två veckorna');
    for (const absent of headings.sv.filter((h) => h !== 'Träffar de närmaste två veckorna'))
      expect(sv.text).not.toContain(absent);
  });

  it('tells coordinators why they get it and where to change how often', () => {
    expect(render(sampleDigest, 'sv').text).toContain(
      'Du får det här mejlet eftersom du är samordnare för Grundskolenätverket.',
    );
  });
});

describe('the rendered sample in docs/', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));

  it('is the current rendering: run `npx tsx test/support/render-digest.ts` after changing the digest', () => {
    const docs = renderDigestDocs();
    expect(Object.keys(docs).sort()).toEqual(['docs/digest.sv.html', 'docs/digest.sv.txt']);
    for (const [path, content] of Object.entries(docs))
      expect(readFileSync(`${root}${path}`, 'utf8'), path).toBe(content);
  });

  it('starts with the subject and shows the Swedish topic line', () => {
    const text = readFileSync(`${root}docs/digest.sv.txt`, 'utf8');
    expect(text.startsWith('Subject: Nytt i Grundskolenätverket: ')).toBe(true);
    expect(text).toContain('”skolans ekonomi” och ingen öppen grupp tar upp det');
    expect(readFileSync(`${root}docs/digest.sv.html`, 'utf8')).toContain('<html lang="sv"');
  });
});

describe('counts in the digest (issue 20.5)', () => {
  it('take their word forms from Intl.PluralRules in every language', () => {
    const one = {
      ...sampleDigest,
      upcomingMeetings: sampleDigest.upcomingMeetings.map((m) => ({
        ...m,
        rsvp: { yes: 1, no: 0, unanswered: 1 },
      })),
    };
    expect(render(one, 'en').text).toContain('1 coming, 0 cannot come, 1 has not answered');
    expect(render(sampleDigest, 'en').text).toContain('7 coming, 1 cannot come, 4 have not answered');
    expect(render(one, 'sv').text).toContain('1 kommer, 0 kan inte, 1 har inte svarat');
    expect(render(one, 'nb').text).toContain('1 kommer, 0 kan ikke, 1 har ikke svart');
  });
});
