import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildRawEmail, HeaderInjectionError, type RawEmailInput } from '../../shared/mail/mime.ts';
import { renderMail } from '../support/mail-templates.ts';

const mail = renderMail(
  {
    kind: 'confirm-registration',
    recipientName: 'Åsa Ericson',
    networkName: 'Grundskolenätverket Väst',
    confirmUrl: 'https://api.samla.example/v1/confirm/abc',
    expiresAt: new Date('2026-11-29T13:00:00Z'),
    timeZone: 'Europe/Stockholm',
  },
  'sv',
);

const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Nätverksträff: Rektors mandat\r\nEND:VCALENDAR\r\n';
// A view into a larger buffer: only these bytes may end up in the attachment.
const pdfBytes = new Uint8Array([0, 0, 0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0x80, 0, 0]).subarray(2, 9);

const input: RawEmailInput = {
  from: { name: 'Grundskolenätverket Väst – Göteborgsregionen', address: 'natverk@samla.example' },
  to: { name: 'Åsa Ericson', address: 'asa.ericson@ale.example' },
  replyTo: 'samordnare@samla.example',
  subject: 'Bekräfta ditt intresse för Grundskolenätverket Väst – åäö ÅÄÖ',
  text: mail.text,
  html: mail.html,
  headers: { 'List-Unsubscribe': '<https://api.samla.example/v1/unsubscribe/xyz>' },
  attachments: [
    { filename: 'träff.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' },
    { filename: 'program.pdf', content: pdfBytes, contentType: 'application/pdf' },
  ],
};

function headerSection(raw: Uint8Array): string {
  const text = Buffer.from(raw).toString('latin1');
  return text.slice(0, text.indexOf('\r\n\r\n'));
}

describe('buildRawEmail', () => {
  it('builds a message that parses back with UTF-8 subject, names, both parts and attachments', async () => {
    const raw = await buildRawEmail(input);
    expect(raw).toBeInstanceOf(Uint8Array);
    const parsed = await simpleParser(Buffer.from(raw));

    expect(parsed.subject).toBe(input.subject);
    expect(parsed.from?.value).toEqual([
      { name: 'Grundskolenätverket Väst – Göteborgsregionen', address: 'natverk@samla.example' },
    ]);
    expect(parsed.to).toMatchObject({ value: [{ name: 'Åsa Ericson', address: 'asa.ericson@ale.example' }] });
    expect(parsed.replyTo?.value).toEqual([{ name: '', address: 'samordnare@samla.example' }]);
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <https://api.samla.example/v1/unsubscribe/xyz>',
    );
    expect(parsed.text).toBe(mail.text);
    expect(parsed.html).toBe(mail.html);

    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['träff.ics', 'text/calendar'],
      ['program.pdf', 'application/pdf'],
    ]);
    expect(parsed.attachments[0]?.content.toString('utf8')).toBe(ics);
    expect([...(parsed.attachments[1]?.content ?? [])]).toEqual([...pdfBytes]);
  });

  it('keeps the header section ASCII (encoded words) and the structure multipart', async () => {
    const raw = await buildRawEmail(input);
    const headers = headerSection(raw);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    expect(headers).toMatch(/^From: =\?UTF-8\?[QB]\?/m);
    expect(/^[\x20-\x7e\r\n\t]*$/.test(headers)).toBe(true);
    expect(headers).toMatch(/^Content-Type: multipart\/mixed;/m);
    const body = Buffer.from(raw).toString('latin1');
    expect(body).toMatch(/Content-Type: multipart\/alternative;/);
    expect(body.indexOf('Content-Type: text/plain')).toBeLessThan(body.indexOf('Content-Type: text/html'));
    // SMTP line ends throughout: no bare LF.
    expect(/[^\r]\n/.test(body)).toBe(false);
  });

  it('is multipart/alternative at the top without attachments', async () => {
    const raw = await buildRawEmail({ ...input, attachments: [] });
    expect(headerSection(raw)).toMatch(/^Content-Type: multipart\/alternative;/m);
    const parsed = await simpleParser(Buffer.from(raw));
    expect(parsed.attachments).toEqual([]);
    expect(parsed.text).toBe(mail.text);
  });

  const injections: [string, Partial<RawEmailInput>][] = [
    ['a display name', { from: { name: 'Eve\r\nBcc: x@y', address: 'eve@example.org' } }],
    ['a recipient name', { to: [{ name: 'Eve\nBcc: x@y', address: 'eve@example.org' }] }],
    ['a bare address', { to: 'eve@example.org\r\nBcc: x@y' }],
    ['the subject', { subject: 'Eve\r\nBcc: x@y' }],
    ['the subject (lone CR)', { subject: 'Eve\rBcc: x@y' }],
    ['the subject (U+2028)', { subject: 'Eve\u2028Bcc: x@y' }],
    ['reply-to', { replyTo: ['ok@example.org', 'Eve\r\nBcc: x@y <eve@example.org>'] }],
    ['a custom header value', { headers: { 'X-Note': 'fine\r\nBcc: x@y' } }],
    ['a custom header name', { headers: { 'X-Note: a\r\nBcc': 'x@y' } }],
    [
      'an attachment filename',
      { attachments: [{ filename: 'a.ics\r\nBcc: x@y', content: 'x', contentType: 'text/plain' }] },
    ],
    [
      'an attachment type',
      { attachments: [{ filename: 'a.txt', content: 'x', contentType: 'text/plain\r\nBcc: x@y' }] },
    ],
  ];

  it.each(injections)('refuses a line break in %s', async (_where, override) => {
    const attempt = buildRawEmail({ ...input, ...override });
    await expect(attempt).rejects.toBeInstanceOf(HeaderInjectionError);
    await expect(attempt).rejects.toMatchObject({ name: 'HeaderInjectionError' });
  });

  it('names the field that was refused', async () => {
    await expect(buildRawEmail({ ...input, subject: 'a\nb' })).rejects.toMatchObject({ field: 'subject' });
    await expect(
      buildRawEmail({ ...input, from: { name: 'Eve\r\nBcc: x@y', address: 'eve@example.org' } }),
    ).rejects.toMatchObject({ field: 'from.name' });
  });

  it('does not let custom headers replace the structural ones', async () => {
    await expect(buildRawEmail({ ...input, headers: { bcc: 'x@y' } })).rejects.toBeInstanceOf(TypeError);
    await expect(
      buildRawEmail({ ...input, headers: { 'Content-Type': 'text/plain' } }),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('marks every message Auto-Submitted (RFC 3834), which no caller can take off (issue 20.7)', async () => {
    for (const built of [input, { ...input, headers: {}, attachments: [] }]) {
      const parsed = await simpleParser(Buffer.from(await buildRawEmail(built)));
      expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    }
    await expect(buildRawEmail({ ...input, headers: { 'Auto-Submitted': 'no' } })).rejects.toBeInstanceOf(
      TypeError,
    );
  });

  it('keeps a long List-Unsubscribe URL whole, puts a domain in Punycode and a stored UTF-8 local part as it is', async () => {
    const url = `<https://api.samla.example/v1/unsubscribe/${'x'.repeat(120)}>`;
    const raw = await buildRawEmail({
      ...input,
      to: [{ name: 'Åsa', address: 'åsa@skola.se' }, 'info@gävle.se'],
      headers: { 'List-Unsubscribe': url, 'X-Samla-Note': 'Träff' },
    });
    const headers = headerSection(raw);
    expect(headers).toContain(`List-Unsubscribe: ${url}\r\n`);
    expect(headers).toContain('info@xn--gvle-loa.se');
    const parsed = await simpleParser(Buffer.from(raw));
    expect(parsed.to).toMatchObject({
      value: [
        { name: 'Åsa', address: 'åsa@skola.se' },
        // mailparser shows the domain decoded again
        { name: '', address: 'info@gävle.se' },
      ],
    });
    // An unstructured custom header in another script is an encoded word (mailparser leaves those as is).
    expect(headers).toContain(`X-Samla-Note: =?UTF-8?B?${Buffer.from('Träff').toString('base64')}?=`);
    await expect(buildRawEmail({ ...input, to: 'Åsa <asa@skola.se>' })).rejects.toBeInstanceOf(TypeError);
  });

  // Any text a form or a template can put in a header or a body, in any script (no line breaks in
  // headers: those are refused above; no white space around a header value, which RFC 5322 folding
  // makes insignificant and samla's schemas trim). The message must read back as it was written.
  const noBreaks = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 120 })
    .filter((s) => !/[\r\n\0\u0085\u2028\u2029]/.test(s) && s.trim() === s && s !== '');
  const body = fc
    .array(fc.string({ unit: 'grapheme', maxLength: 200 }), { minLength: 1, maxLength: 6 })
    .map((lines) => lines.join('\n'))
    .filter((text) => text.trim() !== ''); // templates never send an empty part

  it('reads back any subject, display name, text, HTML and file name as written', async () => {
    await fc.assert(
      fc.asyncProperty(
        noBreaks,
        noBreaks,
        body,
        body,
        noBreaks,
        async (subject, name, text, html, filename) => {
          const raw = await buildRawEmail({
            ...input,
            subject,
            to: { name, address: 'asa.ericson@ale.example' },
            text,
            html,
            attachments: [
              { filename, content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' },
            ],
          });
          const headers = headerSection(raw);
          expect(/^[\x20-\x7e\r\n\t]*$/.test(headers)).toBe(true);
          // RFC 5322's 78 characters on every line of the message, parts included (the one-click
          // unsubscribe URL excepted, which has no place to fold).
          for (const line of Buffer.from(raw).toString('latin1').split('\r\n'))
            if (!line.startsWith('List-')) expect(line.length).toBeLessThanOrEqual(78);
          const parsed = await simpleParser(Buffer.from(raw));
          expect(parsed.subject).toBe(subject);
          expect(parsed.to).toMatchObject({ value: [{ name, address: 'asa.ericson@ale.example' }] });
          expect(parsed.text).toBe(text);
          expect(parsed.html).toBe(html);
          expect(parsed.attachments[0]?.filename).toBe(filename);
          expect(parsed.attachments[0]?.content.toString('utf8')).toBe(ics);
        },
      ),
      { numRuns: 200 },
    );
  });
});
