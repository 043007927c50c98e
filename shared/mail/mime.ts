import MailComposer from 'nodemailer/lib/mail-composer';

/** A mailbox: a bare address, or a display name (any script; encoded as needed) and an address. */
export type Address = string | { name: string; address: string };

export interface Attachment {
  filename: string;
  content: string | Uint8Array;
  /** e.g. `text/calendar; charset=utf-8; method=REQUEST` */
  contentType: string;
}

export interface RawEmailInput {
  from: Address;
  to: Address | readonly Address[];
  subject: string;
  text: string;
  html: string;
  replyTo?: Address | readonly Address[];
  /** Extra headers such as List-Unsubscribe. The structural ones are set here and cannot be replaced. */
  headers?: Readonly<Record<string, string>>;
  attachments?: readonly Attachment[];
}

/**
 * A line break (or NUL) in a value that ends up in a header. Values come from forms, so this is an
 * attack, not a typo: we refuse the whole message rather than fold or strip the value as
 * MailComposer would, which would send something other than what the caller wrote.
 */
export class HeaderInjectionError extends Error {
  override readonly name = 'HeaderInjectionError';

  constructor(readonly field: string) {
    super(`Line break or NUL in the email header value "${field}"`);
  }
}

// U+0085, U+2028 and U+2029 are line breaks to some parsers further down the line.
const lineBreak = /[\r\n\0\u0085\u2028\u2029]/;
// RFC 5322 field name: printable ASCII except the colon.
const fieldName = /^[!-9;-~]+$/;
const reservedHeaders = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'auto-submitted',
]);

function checkValue(field: string, value: string): string {
  if (lineBreak.test(value)) throw new HeaderInjectionError(field);
  return value;
}

function checkAddress(field: string, value: Address): Address {
  if (typeof value === 'string') return checkValue(field, value);
  checkValue(`${field}.name`, value.name);
  checkValue(`${field}.address`, value.address);
  return { name: value.name, address: value.address };
}

function checkAddresses(field: string, value: Address | readonly Address[]): Address[] {
  const list: readonly Address[] = Array.isArray(value) ? value : [value as Address];
  return list.map((address, i) => checkAddress(`${field}[${i}]`, address));
}

function checkHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!fieldName.test(name)) throw new HeaderInjectionError(`headers[${JSON.stringify(name)}]`);
    if (reservedHeaders.has(name.toLowerCase())) {
      throw new TypeError(`The ${name} header is set by buildRawEmail, not through headers`);
    }
    checked[name] = checkValue(`headers.${name}`, value);
  }
  return checked;
}

/**
 * The complete RFC 5322 message for SES SendRawEmail: multipart/alternative (text, then HTML) and,
 * with attachments, inside multipart/mixed; non-ASCII subjects and names as RFC 2047 encoded words.
 * Throws HeaderInjectionError before anything is built if a header value holds a line break.
 */
export async function buildRawEmail(input: RawEmailInput): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: checkAddress('from', input.from),
    to: checkAddresses('to', input.to),
    ...(input.replyTo === undefined ? {} : { replyTo: checkAddresses('replyTo', input.replyTo) }),
    subject: checkValue('subject', input.subject),
    text: input.text,
    html: input.html,
    // Every mail samla sends is automatic: RFC 3834 tells out-of-office and other auto-responders not to
    // answer it (set here, not by callers, so no kind of mail can be without it).
    headers: { ...checkHeaders(input.headers ?? {}), 'Auto-Submitted': 'auto-generated' },
    attachments: (input.attachments ?? []).map((attachment, i) => ({
      filename: checkValue(`attachments[${i}].filename`, attachment.filename),
      contentType: checkValue(`attachments[${i}].contentType`, attachment.contentType),
      content:
        typeof attachment.content === 'string'
          ? attachment.content
          : Buffer.from(
              attachment.content.buffer,
              attachment.content.byteOffset,
              attachment.content.byteLength,
            ),
    })),
    // Content is always passed in memory: never let a value be read as a file path or fetched.
    disableFileAccess: true,
    disableUrlAccess: true,
    // SMTP, and so SES, wants CRLF line ends.
    newline: 'win',
  });
  return composer.compile().build();
}
