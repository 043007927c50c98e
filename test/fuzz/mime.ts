import { ses } from '../../shared/clients/ses.ts';

/** A raw message as SES was handed it, with the recipients of the envelope. */
export interface SentRaw {
  readonly raw: string;
  readonly destinations: readonly string[];
}

/**
 * Records every raw message handed to the real SES client, and changes nothing: the local inbox keeps
 * only what its parser made of a message, and a header injection is in the bytes, before parsing.
 */
export function tapRawMessages(): { sent: SentRaw[]; stop(): void } {
  const sent: SentRaw[] = [];
  const name = 'fuzzRawMessageTap';
  const tap = (next: (args: { input: unknown }) => Promise<unknown>) => async (args: { input: unknown }) => {
    const input = args.input as { RawMessage?: { Data?: Uint8Array }; Destinations?: string[] };
    if (input.RawMessage?.Data)
      sent.push({
        raw: Buffer.from(input.RawMessage.Data).toString('utf8'),
        destinations: input.Destinations ?? [],
      });
    return next(args);
  };
  ses.middlewareStack.add(tap as never, { step: 'initialize', name, override: true });
  return { sent, stop: () => ses.middlewareStack.remove(name) };
}

/** The header fields of a raw message, unfolded, as [name, value] in order. */
export function headerFields(raw: string): [string, string][] {
  const end = raw.indexOf('\r\n\r\n');
  const head = end < 0 ? raw : raw.slice(0, end);
  const fields: [string, string][] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1] as [string, string];
      last[1] += line;
    } else {
      const colon = line.indexOf(':');
      fields.push([line.slice(0, colon < 0 ? line.length : colon), line.slice(colon + 1)]);
    }
  }
  return fields;
}

/**
 * What is wrong with a message's header section: a bare CR or LF (a line break that is not a fold), a
 * field that is not a header, a Bcc or Cc header, more than one To, or a To that is not the envelope's.
 */
export function headerProblems(message: SentRaw): string[] {
  const problems: string[] = [];
  const end = message.raw.indexOf('\r\n\r\n');
  if (end < 0) return ['no blank line between header and body'];
  const head = message.raw.slice(0, end);
  if (/\r(?!\n)|(?<!\r)\n/.test(head)) problems.push('a bare CR or LF in the header section');
  if (head.includes('\0')) problems.push('NUL in the header section');
  const fields = headerFields(message.raw);
  for (const [name] of fields)
    if (!/^[!-9;-~]+$/.test(name)) problems.push(`not a header field: ${JSON.stringify(name.slice(0, 80))}`);
  const named = (wanted: string) => fields.filter(([name]) => name.toLowerCase() === wanted);
  if (named('bcc').length > 0) problems.push('a Bcc header');
  if (named('cc').length > 0) problems.push('a Cc header');
  const to = named('to');
  if (to.length !== 1) problems.push(`${to.length} To headers`);
  // The address is in the last angle brackets; a display name before it may hold anything, quoted.
  const value = (to[0]?.[1] ?? '').trim();
  const address = ([...value.matchAll(/<([^<>]*)>/g)].at(-1)?.[1] ?? value).toLowerCase();
  const envelope = message.destinations.map((d) => d.toLowerCase());
  if (envelope.length !== 1 || address !== envelope[0])
    problems.push(`To ${JSON.stringify(address)} is not the envelope ${JSON.stringify(envelope)}`);
  if (named('subject').length !== 1) problems.push(`${named('subject').length} Subject headers`);
  return problems;
}
