import { randomBytes, randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

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
 * attack, not a typo: we refuse the whole message rather than fold or strip the value, which would send
 * something other than what the caller wrote.
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

/*
 * Why not nodemailer's MailComposer, which samla used before: it brings nodemailer's table of 1,500 file
 * types (74 KB), its address parser and its URL fetcher into every function that sends mail, for messages
 * whose every type and file name samla sets itself. Without them the confirm function's cold start is
 * 5.0 ms shorter (63.3 → 58.3 ms over bare node, its SDK floor 50.1 ms; meeting-steps 3.5 ms; 21 paired
 * rounds) and its bundle 133 KB smaller. What is easy to get wrong stays a library's: quoted-printable
 * (soft breaks that never split a UTF-8 sequence, trailing white space) is nodemailer's own encoder. The
 * rest is the structure below, which test/mail/mime.test.ts reads back with mailparser, a property test
 * over any script included.
 */

const crlf = '\r\n';
/** RFC 5322 atext and spaces: a display name that needs no quotes. */
const plainPhrase = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;
const printableAscii = /^[\x20-\x7e]*$/;
/** An addr-spec: one @, no white space or angle brackets (a bare address, not a mailbox with a name). */
const addrSpec = /^([^\s<>@]+)@([^\s<>@]+)$/;
/** RFC 2045 token: a parameter value that needs no quotes. */
const token = /^[!#$%&'*+\-.0-9A-Z^_`a-z{|}~]+$/;

/** Lines of a header stay within RFC 5322's 78 characters: what is already on the line counts. */
const lineLength = 78;

/**
 * RFC 2047 encoded words (UTF-8, base64), each on a line of its own after the first, which starts
 * `used` characters in. A word holds whole characters only, so no UTF-8 sequence is split, and stays
 * within RFC 2047's 75 characters.
 */
function encodedWords(value: string, used: number): string {
  const words: string[] = [];
  // 12 characters of each word are `=?UTF-8?B?` and `?=`; base64 writes 4 characters for 3 bytes.
  const room = (start: number) => Math.floor((Math.min(75, lineLength - start) - 12) / 4) * 3;
  let limit = room(used);
  let chunk = '';
  for (const char of value) {
    if (chunk !== '' && Buffer.byteLength(chunk + char) > limit) {
      words.push(chunk);
      chunk = '';
      limit = room(1);
    }
    chunk += char;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join(`${crlf} `);
}

/** An RFC 5322 quoted string: backslash and double quote escaped. */
const quotedString = (value: string) => `"${value.replace(/[\\"]/g, '\\$&')}"`;

const lastLine = (folded: string) => folded.length - folded.lastIndexOf('\n') - 1;

/** The subject: as it is if ASCII and it fits on its line, else encoded words. */
function subjectText(value: string): string {
  const used = 'Subject: '.length;
  return printableAscii.test(value) && used + value.length <= lineLength ? value : encodedWords(value, used);
}

/**
 * A custom header (List-Unsubscribe and the like): structured, so an ASCII value goes as it is, however
 * long (a URL has nowhere to fold); only other text is encoded.
 */
const customValue = (name: string, value: string) =>
  printableAscii.test(value) ? value : encodedWords(value, name.length + 2);

/**
 * A bare address for a header: its domain in Punycode if it has other letters (RFC 5890). A local part
 * with other letters stays UTF-8 (RFC 6532), as MailComposer left it (samla's forms take ASCII addresses
 * only, but the store does not insist).
 */
function addrSpecOf(value: string): string {
  const parts = addrSpec.exec(value);
  if (!parts) throw new TypeError('An email address must be a bare address');
  const domain = printableAscii.test(parts[2] ?? '') ? parts[2] : domainToASCII(parts[2] ?? '');
  if (!domain) throw new TypeError('An email address must have a valid domain');
  return `${parts[1]}@${domain}`;
}

/** A mailbox, starting `used` characters into its line; the address goes on a line of its own if need be. */
function formatAddress(value: Address, used: number): string {
  const address = addrSpecOf(typeof value === 'string' ? value : value.address);
  if (typeof value === 'string' || value.name === '') return address;
  const quoted = plainPhrase.test(value.name) ? value.name : quotedString(value.name);
  const phrase =
    printableAscii.test(value.name) && used + quoted.length <= lineLength
      ? quoted
      : encodedWords(value.name, used);
  const fits =
    (phrase.includes('\n') ? lastLine(phrase) : used + phrase.length) + address.length + 3 <= lineLength;
  return `${phrase}${fits ? ' ' : `${crlf} `}<${address}>`;
}

const addressList = (name: string, values: Address[]) =>
  values.map((value, i) => formatAddress(value, i === 0 ? name.length + 2 : 1)).join(`,${crlf} `);

/**
 * A Content-Type or Content-Disposition parameter on a line of its own: a token, a quoted string, or
 * RFC 2231 UTF-8 in numbered sections that keep each line short without splitting a %XX.
 */
function parameter(name: string, value: string): string {
  if (token.test(value) && value.length < 60) return `${name}=${value}`;
  if (printableAscii.test(value) && value.length < 60) return `${name}=${quotedString(value)}`;
  const encoded = encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  // At most 45 characters a section: ` filename*12*=utf-8''` and the `;` leave that much of 78.
  const sections: string[] = [];
  for (const piece of encoded.match(/%[0-9A-F]{2}|[^%]/g) ?? []) {
    const last = sections.at(-1);
    if (last !== undefined && last.length + piece.length <= 45) sections[sections.length - 1] = last + piece;
    else sections.push(piece);
  }
  return sections
    .map((section, i) => `${name}*${i}*=${i === 0 ? "utf-8''" : ''}${section}`)
    .join(`;${crlf} `);
}

/** A body part's header lines and content, as one string (CRLF throughout). */
interface Part {
  headers: string[];
  body: string;
}

function textPart(type: 'plain' | 'html', content: string): Part {
  return {
    headers: [`Content-Type: text/${type}; charset=utf-8`, 'Content-Transfer-Encoding: quoted-printable'],
    // SMTP, and so SES, wants CRLF line ends: normalised before encoding, so they stay literal breaks.
    body: qpWrap(qpEncode(content.replace(/\r\n|\r|\n/g, crlf)), 76),
  };
}

function attachmentPart(attachment: Attachment): Part {
  const bytes =
    typeof attachment.content === 'string'
      ? Buffer.from(attachment.content, 'utf8')
      : Buffer.from(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength);
  return {
    headers: [
      `Content-Type: ${attachment.contentType};${crlf} ${parameter('name', attachment.filename)}`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment;${crlf} ${parameter('filename', attachment.filename)}`,
    ],
    body: bytes.toString('base64').replace(/.{76}(?=.)/g, `$&${crlf}`),
  };
}

function multipart(subtype: 'mixed' | 'alternative', parts: Part[]): Part {
  const boundary = `samla-${randomBytes(12).toString('hex')}`;
  return {
    headers: [`Content-Type: multipart/${subtype};${crlf} boundary="${boundary}"`],
    body: `${parts.map((part) => `--${boundary}${crlf}${render(part)}${crlf}`).join('')}--${boundary}--`,
  };
}

const render = (part: Part) => `${part.headers.join(crlf)}${crlf}${crlf}${part.body}`;

/**
 * The complete RFC 5322 message for SES SendRawEmail: multipart/alternative (text, then HTML) and,
 * with attachments, inside multipart/mixed; non-ASCII subjects and names as RFC 2047 encoded words.
 * Throws HeaderInjectionError before anything is built if a header value holds a line break.
 */
export async function buildRawEmail(input: RawEmailInput): Promise<Uint8Array> {
  const from = checkAddress('from', input.from);
  const to = checkAddresses('to', input.to);
  const replyTo = input.replyTo === undefined ? undefined : checkAddresses('replyTo', input.replyTo);
  const subject = checkValue('subject', input.subject);
  const custom = checkHeaders(input.headers ?? {});
  const attachments = (input.attachments ?? []).map((attachment, i) => ({
    ...attachment,
    filename: checkValue(`attachments[${i}].filename`, attachment.filename),
    contentType: checkValue(`attachments[${i}].contentType`, attachment.contentType),
  }));

  const alternative = multipart('alternative', [textPart('plain', input.text), textPart('html', input.html)]);
  const body =
    attachments.length === 0
      ? alternative
      : multipart('mixed', [alternative, ...attachments.map(attachmentPart)]);
  const fromAddress = addrSpecOf(typeof from === 'string' ? from : from.address);
  const headers = [
    `From: ${formatAddress(from, 6)}`,
    `To: ${addressList('To', to)}`,
    ...(replyTo === undefined ? [] : [`Reply-To: ${addressList('Reply-To', replyTo)}`]),
    `Subject: ${subjectText(subject)}`,
    `Message-ID: <${randomUUID()}@${fromAddress.slice(fromAddress.lastIndexOf('@') + 1)}>`,
    `Date: ${new Date().toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    // Every mail samla sends is automatic: RFC 3834 tells out-of-office and other auto-responders not to
    // answer it (set here, not by callers, so no kind of mail can be without it).
    'Auto-Submitted: auto-generated',
    ...Object.entries(custom).map(([name, value]) => `${name}: ${customValue(name, value)}`),
  ];
  return Buffer.from(`${headers.join(crlf)}${crlf}${render(body)}${crlf}`, 'utf8');
}
