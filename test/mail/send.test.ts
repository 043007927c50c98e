import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRawEmail } from '../../shared/mail/mime.ts';
import { renderMail } from '../support/mail-templates.ts';

/*
 * sendRawEmail against a real SES endpoint: aws-ses-v2-local, started in this file on a free port so
 * the test needs no global setup. The endpoint reaches the SDK the same way as everywhere else,
 * through AWS_ENDPOINT_URL_SES, set before the module that creates the client is loaded.
 */
let server: Server;
let endpoint: string;
let sendRawEmail: typeof import('../../shared/mail/send.ts').sendRawEmail;

interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  attachments: { filename: string; contentType: string; content: string }[];
}

beforeAll(async () => {
  // A CommonJS module: Vitest hands over its `exports.default`, Node's own loader module.exports.
  const loaded: { default: unknown } = await import('aws-ses-v2-local');
  const sesLocal = (
    typeof loaded.default === 'function' ? loaded.default : (loaded.default as { default: unknown }).default
  ) as (config: { host: string; port: number }) => Promise<Server>;
  server = await sesLocal({ host: '127.0.0.1', port: 0 });
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.AWS_ENDPOINT_URL_SES = endpoint;
  process.env.AWS_REGION ??= 'eu-north-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  ({ sendRawEmail } = await import('../../shared/mail/send.ts'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('sendRawEmail', () => {
  it('sends the raw message through SES and returns its message id', async () => {
    const mail = renderMail(
      {
        kind: 'registration-receipt',
        recipientName: 'Åsa Ericson',
        networkName: 'Grundskolenätverket',
        topics: ['Rektors mandat'],
        timeZone: 'Europe/Stockholm',
      },
      'sv',
    );
    const raw = await buildRawEmail({
      from: { name: 'Grundskolenätverket', address: 'natverk@samla.example' },
      to: 'asa@ale.example',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: [
        {
          filename: 'träff.ics',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          contentType: 'text/calendar',
        },
      ],
    });

    const { messageId } = await sendRawEmail(raw, ['asa@ale.example']);
    expect(messageId).toMatch(/\S/);

    const store = (await (await fetch(`${endpoint}/store`)).json()) as { emails: StoredEmail[] };
    const sent = store.emails.find((email) => email.messageId === messageId);
    expect(sent).toMatchObject({
      subject: 'Du är anmäld till Grundskolenätverket',
      destination: { to: ['asa@ale.example'] },
      body: { text: mail.text, html: mail.html },
    });
    expect(sent?.attachments.map((a) => a.filename)).toEqual(['träff.ics']);
  });

  it('refuses to send without recipients', async () => {
    await expect(sendRawEmail(new Uint8Array([0x41]), [])).rejects.toBeInstanceOf(TypeError);
  });
});
