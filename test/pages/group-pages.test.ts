import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { escapeHtml } from '../../shared/mail/html.ts';
import { type GroupPageFacts, pageCopy } from '../../shared/pages/copy.ts';
import {
  type ActionPageKind,
  actionPage,
  actionPageKinds,
  declineMessageMaxLength,
  errorPage,
  pageContentSecurityPolicy,
  type ResultPageKind,
  resultPage,
  resultPageKinds,
} from '../../shared/pages/pages.ts';
import { itShowsNoEnglish } from '../support/english.ts';

const networkName = 'Grundskolenätverket';
const groupTitle = 'Rektors mandat';
const requesterName = 'Åsa Ericson';
const actionUrl = 'kQ3x_token?lang=sv&via=mail';
const hostile = '<script>alert("x")</script> & co';
const escapedHostile = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co';
const leaks = /undefined|null|NaN|\[object|\$\{/;

function action(language: Language, kind: ActionPageKind, facts: Partial<GroupPageFacts> = {}): string {
  return actionPage({ language, networkName, kind, groupTitle, requesterName, actionUrl, ...facts });
}

function result(language: Language, kind: ResultPageKind, facts: Partial<GroupPageFacts> = {}): string {
  return resultPage({ language, networkName, kind, groupTitle, requesterName, position: 3, ...facts });
}

function h1(page: string): string | undefined {
  return page.match(/<h1>([^<]+)<\/h1>/)?.[1];
}

function visibleText(page: string): string {
  return page
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, (title) => title.replace(/<\/?title>/g, ' '))
    .replace(/<[^>]+>/g, ' ');
}

function expectDocument(page: string, language: Language): void {
  expect(page.startsWith('<!doctype html>\n<html lang="')).toBe(true);
  expect(page).toContain(`<html lang="${language}">`);
  expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  expect(page).toMatch(/<title>[^<]+<\/title>/);
  expect(page).toMatch(/<h1>[^<]+<\/h1>/);
  expect(page).toContain(`<p class="network">${networkName}</p>`);
  // No scripts, no external assets, no inline style attributes (the CSP allows only the style block).
  expect(page).not.toMatch(/<script|<link|<img|src=|style="/);
  expect(page).not.toMatch(leaks);
}

describe('action pages', () => {
  for (const kind of actionPageKinds) {
    it.each(languages)(`${kind} in %s acts only by a POST from its one button`, (language) => {
      const page = action(language, kind);
      expectDocument(page, language);
      const copy = pageCopy[language].actions[kind];
      expect(h1(page)).toBe(escapeHtml(copy.title));
      expect(page).toContain(groupTitle);
      expect(page.match(/<form /g)).toHaveLength(1);
      expect(page).toContain('<form method="post" action="kQ3x_token?lang=sv&amp;via=mail">');
      expect(page).not.toMatch(/method="get"/i);
      expect(page.match(/<button /g)).toHaveLength(1);
      expect(page).toContain(`<button type="submit">${copy.button}</button>`);
      expect(page).toContain(`<p class="note">${escapeHtml(copy.note)}</p>`);
      // Nothing on the page is a link a scanner could follow to act.
      expect(page).not.toContain('<a ');
    });
  }

  it.each(languages)('gives each action its own title and button in %s', (language) => {
    const pages = actionPageKinds.map((kind) => action(language, kind));
    expect(new Set(pages.map(h1)).size).toBe(actionPageKinds.length);
  });

  describe('decline-join-request', () => {
    it.each(languages)(
      'asks for an optional, labelled message of at most 1000 characters in %s',
      (language) => {
        const page = action(language, 'decline-join-request');
        const copy = pageCopy[language].declineMessage;
        expect(declineMessageMaxLength).toBe(1000);
        expect(page.match(/<textarea /g)).toHaveLength(1);
        expect(page).toContain(
          '<textarea id="message" name="message" rows="5" maxlength="1000" aria-describedby="message-hint"></textarea>',
        );
        expect(page).toContain(`<label for="message">${copy.label(requesterName)}</label>`);
        expect(page).toContain(`<p class="hint" id="message-hint">${copy.hint(1000)}</p>`);
        expect(page).not.toContain(' required');
        // The message travels in the same POST form as the button.
        expect(page).toMatch(
          /<form method="post"[^>]*>\n<label[\s\S]*<textarea[\s\S]*<button[\s\S]*<\/form>/,
        );
      },
    );

    it('names the person in the label, or says "the person"', () => {
      expect(action('sv', 'decline-join-request')).toContain('Meddelande till Åsa Ericson (frivilligt)');
      expect(action('nb', 'decline-join-request', { requesterName: undefined })).toContain(
        'Melding til personen (valgfritt)',
      );
      expect(action('en', 'decline-join-request', { requesterName: undefined })).toContain(
        'Message to the person (optional)',
      );
    });
  });

  it('has no message field on any other action', () => {
    for (const kind of actionPageKinds.filter((k) => k !== 'decline-join-request')) {
      for (const language of languages) expect(action(language, kind)).not.toMatch(/<textarea|<label/);
    }
  });

  it('names the requester to the coordinator', () => {
    expect(action('sv', 'approve-join-request')).toContain(
      'Godkänn anmälan från Åsa Ericson till gruppen ”Rektors mandat”.',
    );
    expect(action('nb', 'approve-join-request')).toContain(
      'påmeldingen fra Åsa Ericson til gruppen «Rektors mandat»',
    );
    expect(action('en', 'decline-join-request')).toContain(
      'Decline the request from Åsa Ericson to join the group “Rektors mandat”.',
    );
  });

  it.each(languages)('reads well without the group title or the requester in %s', (language) => {
    for (const kind of actionPageKinds) {
      const page = action(language, kind, { groupTitle: undefined, requesterName: undefined });
      expect(page).not.toMatch(leaks);
      expect(visibleText(page)).not.toMatch(/””|«»|“”|[^\S\n][.,]/);
    }
  });
});

describe('result pages', () => {
  for (const kind of resultPageKinds) {
    it.each(languages)(`${kind} in %s`, (language) => {
      const page = result(language, kind);
      expectDocument(page, language);
      const copy = pageCopy[language].results[kind];
      const facts = { networkName, groupTitle, requesterName, position: 3 };
      expect(h1(page)).toBe(escapeHtml(copy.title(facts)));
      expect(page).toContain(`<p>${escapeHtml(copy.lead(facts))}</p>`);
      // A result is only news: nothing to press again.
      expect(page).not.toMatch(/<form|<button|<a /);
    });
  }

  it.each(languages)('gives each result its own title in %s', (language) => {
    const titles = resultPageKinds.map((kind) => h1(result(language, kind)));
    expect(new Set(titles).size).toBe(resultPageKinds.length);
  });

  it('shows the place in line, for the member and for the coordinator', () => {
    expect(result('sv', 'join-waitlisted')).toContain('Du står nummer 3 i kön');
    expect(result('nb', 'join-waitlisted')).toContain('Du står nummer 3 i køen');
    expect(result('en', 'join-waitlisted')).toContain('You are number 3 in line');
    expect(result('sv', 'join-request-waitlisted')).toContain('Personen står nummer 3 i kön');
    expect(result('en', 'join-request-waitlisted')).toContain('They are number 3 in line');
    expect(result('sv', 'join-waitlisted', { position: undefined })).toContain('Du står i kön');
  });

  it('tells the coordinator who got the seat', () => {
    expect(h1(result('sv', 'join-request-approved'))).toBe('Åsa Ericson har fått en plats');
    expect(h1(result('nb', 'join-request-approved'))).toBe('Åsa Ericson har fått plass');
    expect(h1(result('en', 'join-request-approved'))).toBe('Åsa Ericson got a seat');
    expect(h1(result('sv', 'join-request-approved', { requesterName: undefined }))).toBe(
      'Personen har fått en plats',
    );
  });

  it('does not name the member back to themselves', () => {
    for (const kind of ['join-approved', 'left-group', 'offer-accepted', 'offer-declined'] as const) {
      for (const language of languages) expect(result(language, kind)).not.toContain(requesterName);
    }
  });

  it.each(languages)(
    'tells a new member who stopped all mail that no invitation will come, in %s',
    (language) => {
      for (const kind of ['join-approved', 'offer-accepted'] as const) {
        const usual = visibleText(result(language, kind));
        const off = visibleText(result(language, kind, { mailOff: true }));
        // The usual page promises the invitations; the other says they will not come, and how to get them.
        expect(off).not.toBe(usual);
        expect(usual).toMatch(/inbjudningar|invitasjoner|invitations/);
        expect(off).toMatch(/kommer inte|kommer ikke|will not come/);
        expect(off).toMatch(/välkomstmejlet|velkomst-e-posten|welcome email/);
      }
    },
  );

  it.each(languages)('reads well without the group title, position or requester in %s', (language) => {
    for (const kind of resultPageKinds) {
      const page = result(language, kind, {
        groupTitle: undefined,
        requesterName: undefined,
        position: undefined,
      });
      expect(page).not.toMatch(leaks);
      expect(visibleText(page)).not.toMatch(/””|«»|“”|[^\S\n][.,]/);
    }
  });
});

describe('escaping', () => {
  it.each(languages)('escapes the network, group, requester and action URL in %s', (language) => {
    const facts = { networkName: hostile, groupTitle: hostile, requesterName: hostile };
    for (const kind of actionPageKinds) {
      const page = actionPage({ language, kind, ...facts, actionUrl: '"><script>alert(1)</script>' });
      expect(page).not.toContain('<script');
      expect(page).toContain(escapedHostile);
      expect(page).toContain('action="&quot;&gt;&lt;script&gt;');
    }
    for (const kind of resultPageKinds) {
      const page = resultPage({ language, kind, ...facts, position: 2 });
      expect(page).not.toContain('<script');
      expect(page).toContain(escapedHostile);
    }
    const label = action(language, 'decline-join-request', { requesterName: hostile });
    expect(label).toMatch(new RegExp(`<label for="message">[^<]*${escapedHostile.replace(/[()]/g, '\\$&')}`));
  });
});

describe('no English on a Swedish or Norwegian page', () => {
  const marker: GroupPageFacts = { networkName: '§', groupTitle: '§', requesterName: '§', position: 7 };
  const bare: GroupPageFacts = { networkName: '§' };
  const en = pageCopy.en;
  const englishPhrases = [
    ...Object.values(en.actions).flatMap((c) => [c.title, c.lead(marker), c.lead(bare), c.button, c.note]),
    ...Object.values(en.results).flatMap((c) => [
      c.title(marker),
      c.title(bare),
      c.lead(marker),
      c.lead(bare),
    ]),
    en.declineMessage.label('§'),
    en.declineMessage.label(),
    en.declineMessage.hint(1000),
    ...['forbidden', 'groupNotFound', 'groupClosed', 'offerExpired'].flatMap((kind) => {
      const { title, lead } = en.errors[kind as keyof typeof en.errors];
      return [title, lead];
    }),
  ]
    .flatMap((sentence) => sentence.split(/§|\d+|[.!?:–]\s*/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(' ').length >= 2);
  const englishWords =
    /\b(the|your|you|and|please|group|seat|waitlist|join|leave|accept|decline|approve|confirm|request|welcome|thank|message|optional|already|nothing)\b/i;

  function allText(language: Language): string {
    return [
      ...actionPageKinds.map((kind) => action(language, kind)),
      ...actionPageKinds.map((kind) =>
        action(language, kind, { groupTitle: undefined, requesterName: undefined }),
      ),
      ...resultPageKinds.map((kind) => result(language, kind)),
      ...resultPageKinds.map((kind) =>
        result(language, kind, { requesterName: undefined, position: undefined }),
      ),
      errorPage({ language, status: 403, code: 'forbidden' }),
      errorPage({ language, status: 404, code: 'group_not_found' }),
      errorPage({ language, status: 409, code: 'group_closed' }),
      errorPage({ language, status: 410, code: 'offer_expired' }),
    ]
      .map(visibleText)
      .join('\n')
      .replace(/Felkod: \w+|Feilkode: \w+|Error code: \w+/g, '');
  }

  itShowsNoEnglish('English pages', allText, { phrases: englishPhrases, words: englishWords, atLeast: 40 });
});

describe('error pages for groups', () => {
  it.each(languages)('give the group codes their own title in %s', (language) => {
    const errors = pageCopy[language].errors;
    const cases = [
      [403, 'forbidden', errors.forbidden],
      [404, 'group_not_found', errors.groupNotFound],
      [409, 'group_closed', errors.groupClosed],
      [410, 'offer_expired', errors.offerExpired],
    ] as const;
    for (const [status, code, copy] of cases) {
      const page = errorPage({ language, status, code });
      expect(h1(page)).toBe(escapeHtml(copy.title));
      expect(page).toContain(`<p>${escapeHtml(copy.lead)}</p>`);
      expect(page).not.toMatch(leaks);
    }
    const titles = cases.map(([status, code]) => h1(errorPage({ language, status, code })));
    expect(new Set([...titles, h1(errorPage({ language, status: 410, code: 'link_expired' }))]).size).toBe(5);
  });

  it('says an offer ran out rather than asking to register again', () => {
    const page = errorPage({ language: 'en', status: 410, code: 'offer_expired' });
    expect(page).toContain('<h1>The offer has expired</h1>');
    expect(page).not.toContain('Please register again');
    expect(errorPage({ language: 'sv', status: 409, code: 'group_closed' })).toContain(
      '<h1>Gruppen tar inte emot fler anmälningar</h1>',
    );
  });

  it('maps any 403 to the access page and keeps the API’s message', () => {
    const page = errorPage({
      language: 'nb',
      status: 403,
      code: 'not_a_coordinator',
      message: 'Egen melding.',
    });
    expect(h1(page)).toBe('Du har ikke tilgang');
    expect(page).toContain('<p>Egen melding.</p>');
    // Other statuses are as before.
    expect(h1(errorPage({ language: 'sv', status: 409, code: 'conflict' }))).toBe('Något gick fel');
    expect(h1(errorPage({ language: 'sv', status: 404, code: 'link_not_found' }))).toBe(
      'Länken är inte giltig',
    );
  });
});

it('publishes a CSP that allows the style block of a page with a form field', () => {
  const page = action('sv', 'decline-join-request');
  const css = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
  expect(css).toContain('textarea{');
  const hash = createHash('sha256').update(css).digest('base64');
  expect(pageContentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
});
