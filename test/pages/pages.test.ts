import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/http/messages.ts';
import { languages } from '../../shared/i18n.ts';
import { escapeHtml } from '../../shared/mail/html.ts';
import { pageCopy } from '../../shared/pages/copy.ts';
import {
  confirmedPage,
  confirmPage,
  errorPage,
  pageContentSecurityPolicy,
  receiptPage,
} from '../../shared/pages/pages.ts';

const networkName = 'Grundskolenätverket';
const hostile = '<script>alert("x")</script> & co';
const escapedHostile = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co';

function allPages(language: (typeof languages)[number], name = networkName): string[] {
  return [
    confirmPage({ language, networkName: name, actionUrl: '/v1/confirm/abc' }),
    confirmedPage({ language, networkName: name, alreadyConfirmed: false }),
    confirmedPage({ language, networkName: name, alreadyConfirmed: true }),
    receiptPage({ language, networkName: name }),
    receiptPage({ language, networkName: name, what: 'join-request' }),
    errorPage({ language, status: 404, code: 'link_not_found' }),
  ];
}

describe('pages', () => {
  it.each(languages)('are complete, self-contained documents in %s', (language) => {
    for (const page of allPages(language)) {
      expect(page.startsWith('<!doctype html>\n<html lang="')).toBe(true);
      expect(page).toContain(`<html lang="${language}">`);
      expect(page).toContain('<meta charset="utf-8">');
      expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(page).toMatch(/<title>[^<]+<\/title>/);
      expect(page).toMatch(/<h1>[^<]+<\/h1>/);
      // No scripts, no external assets, no inline style attributes (the CSP allows only the style block).
      expect(page).not.toMatch(/<script|<link|<img|src=|style="/);
      expect(page).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
    }
  });

  it('confirms only by a POST from the one button', () => {
    const page = confirmPage({
      language: 'sv',
      networkName,
      actionUrl: 'https://api.samla.example/v1/confirm/a?b=1&c=2',
    });
    expect(page.match(/<form /g)).toHaveLength(1);
    expect(page).toContain(
      '<form method="post" action="https://api.samla.example/v1/confirm/a?b=1&amp;c=2">',
    );
    expect(page.match(/<button type="submit">/g)).toHaveLength(1);
    expect(page).toContain('<button type="submit">Bekräfta</button>');
    expect(page).toContain('<h1>Bekräfta din anmälan</h1>');
    // Nothing on the page is a link a scanner could follow to confirm.
    expect(page).not.toContain('<a ');
  });

  it('says whether this confirmation was the first', () => {
    expect(confirmedPage({ language: 'nb', networkName, alreadyConfirmed: false })).toContain(
      '<h1>Takk – nå er du påmeldt</h1>',
    );
    expect(confirmedPage({ language: 'nb', networkName, alreadyConfirmed: true })).toContain(
      '<h1>Allerede bekreftet</h1>',
    );
  });

  it('asks the reader to check their inbox after a form post', () => {
    expect(receiptPage({ language: 'en', networkName })).toContain('<h1>Thanks – check your inbox</h1>');
    expect(receiptPage({ language: 'sv', networkName })).toContain('skräpposten');
  });

  it.each(languages)('tells one who asked to join a group what confirming leads to, in %s', (language) => {
    const join = receiptPage({ language, networkName, what: 'join-request' });
    // Not "then your registration is complete": a seat, the waitlist or a coordinator's review follows.
    expect(join).not.toBe(receiptPage({ language, networkName }));
    expect(join).toMatch(/väntelistan|ventelisten|waitlist/);
  });

  it.each(languages)('escapes the network name and the action URL in %s', (language) => {
    for (const page of allPages(language, hostile).slice(0, 5)) {
      expect(page).not.toContain('<script');
      expect(page).toContain(escapedHostile);
    }
    const page = confirmPage({ language, networkName, actionUrl: '"><script>alert(1)</script>' });
    expect(page).not.toContain('<script');
    expect(page).toContain('action="&quot;&gt;&lt;script&gt;');
  });

  it('gives each status its own title, in each language', () => {
    const statuses = [400, 404, 410, 413, 415, 429, 503];
    for (const language of languages) {
      const titles = statuses.map(
        (status) => errorPage({ language, status, code: 'x' }).match(/<h1>([^<]+)<\/h1>/)?.[1],
      );
      expect(new Set(titles).size).toBe(statuses.length);
    }
    expect(errorPage({ language: 'sv', status: 404, code: 'link_not_found' })).toContain(
      '<h1>Länken är inte giltig</h1>',
    );
    expect(errorPage({ language: 'en', status: 404, code: 'link_not_found' })).toContain(
      '<h1>This link is not valid</h1>',
    );
    const expired = errorPage({ language: 'en', status: 410, code: 'registration_expired' });
    expect(expired).toContain('<h1>This link has expired</h1>');
    expect(expired).toContain('Please register again');
    expect(errorPage({ language: 'nb', status: 500, code: 'internal_error' })).toContain(
      '<h1>Noe gikk galt hos oss</h1>',
    );
    expect(errorPage({ language: 'sv', status: 409, code: 'conflict' })).toContain('<h1>Något gick fel</h1>');
  });

  it('lists field errors with labels in the reader’s language, escaped', () => {
    const page = errorPage({
      language: 'sv',
      status: 400,
      code: 'validation_failed',
      message: 'Några uppgifter behöver rättas.',
      fields: {
        email: 'Ange en giltig e-postadress.',
        'topics.2': 'Högst 200 tecken.',
        '<b>odd</b>': '<i>weird</i>',
      },
    });
    expect(page).toContain('<h1>Något i formuläret behöver rättas</h1>');
    expect(page).toContain('<p>Några uppgifter behöver rättas.</p>');
    expect(page).not.toContain(pageCopy.sv.errors.invalid.lead);
    expect(page).toContain('<li><strong>E-postadress</strong>: Ange en giltig e-postadress.</li>');
    expect(page).toContain('<li><strong>Ämnen</strong>: Högst 200 tecken.</li>');
    expect(page).toContain('<li><strong>&lt;b&gt;odd&lt;/b&gt;</strong>: &lt;i&gt;weird&lt;/i&gt;</li>');
    expect(page).toContain('<p class="code">Felkod: validation_failed</p>');
  });

  it('explains a form too large or in an unknown format in the form’s terms, not the API’s', () => {
    for (const language of languages) {
      for (const [status, code, kind] of [
        [413, 'payload_too_large', 'tooLarge'],
        [415, 'unsupported_media_type', 'unsupportedType'],
      ] as const) {
        const message = errorMessages[language][code];
        const page = errorPage({ language, status, code, message });
        expect(page).toContain(`<p>${escapeHtml(pageCopy[language].errors[kind].lead)}</p>`);
        expect(page).not.toContain(escapeHtml(message));
      }
    }
    expect(errorPage({ language: 'sv', status: 413, code: 'payload_too_large' })).toContain(
      'Korta ner texten och försök igen.',
    );
  });

  it('falls back to the default explanation and escapes message and code', () => {
    const plain = errorPage({ language: 'nb', status: 429, code: 'too_many' });
    expect(plain).toContain(`<p>${pageCopy.nb.errors.tooManyRequests.lead}</p>`);
    expect(plain).not.toContain('<ul>');
    const hostilePage = errorPage({ language: 'en', status: 400, code: hostile, message: hostile });
    expect(hostilePage).not.toContain('<script');
    expect(hostilePage).toContain(`<p>${escapedHostile}</p>`);
  });

  it('publishes a CSP that allows exactly its own style block', () => {
    const page = receiptPage({ language: 'sv', networkName });
    const css = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    const hash = createHash('sha256').update(css).digest('base64');
    expect(pageContentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
    expect(pageContentSecurityPolicy).toContain("default-src 'none'");
    expect(pageContentSecurityPolicy).toContain("form-action 'self'");
    expect(pageContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });
});
