import type { Server } from 'node:http';
import { assertPortFree } from './ports.ts';

export interface LocalSes {
  /** Base URL: the SES endpoint (AWS_ENDPOINT_URL_SES), the inbox page at `/`, JSON at `/store`. */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** An email as aws-ses-v2-local stores it (GET /store). */
export interface StoredEmail {
  readonly messageId: string;
  readonly from: string;
  readonly replyTo: string[];
  readonly destination: { readonly to: string[]; readonly cc: string[]; readonly bcc: string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: {
    readonly contentType: string;
    readonly filename?: string;
    readonly content: string;
    readonly size: number;
  }[];
  readonly headers?: { readonly name: string; readonly value: string }[];
  /** Epoch seconds. */
  readonly at: number;
}

type SesServerFactory = (config?: Partial<{ host: string; port: number }>) => Promise<Server>;

/** Runs aws-ses-v2-local in this process on 127.0.0.1 (its default would be every interface). */
export async function startSes(options: { port: number; portEnvVar?: string }): Promise<LocalSes> {
  await assertPortFree(options.port, 'SES inbox', options.portEnvVar ?? 'SES_PORT');
  // The package is CommonJS with `exports.default`: from Node's ESM that is `.default.default`, while a
  // bundler-style interop (vitest inlining) may already unwrap one level.
  const imported = (await import('aws-ses-v2-local')) as unknown as {
    default: SesServerFactory | { default: SesServerFactory };
  };
  const factory = typeof imported.default === 'function' ? imported.default : imported.default.default;
  const server = await factory({ host: '127.0.0.1', port: options.port });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Every email the local SES received, oldest first; `since` (epoch seconds) narrows it. */
export async function inbox(url: string, since?: number): Promise<StoredEmail[]> {
  const response = await fetch(`${url}/store${since === undefined ? '' : `?since=${Math.floor(since)}`}`);
  if (!response.ok) throw new Error(`GET ${url}/store answered ${response.status}`);
  const body = (await response.json()) as { emails: StoredEmail[] };
  return body.emails;
}

/**
 * One reading of the inbox at a time, shared by whoever asks meanwhile: two hundred people waiting for
 * their confirmation poll together instead of fetching the whole store two hundred times over.
 */
export function sharedInbox(url: string, since?: number): () => Promise<StoredEmail[]> {
  let reading: Promise<StoredEmail[]> | undefined;
  return () => {
    reading ??= inbox(url, since).finally(() => {
      reading = undefined;
    });
    return reading;
  };
}

export async function clearInbox(url: string): Promise<void> {
  const response = await fetch(`${url}/clear-store`, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url}/clear-store answered ${response.status}`);
}

/** All recipients (to, cc, bcc), lower-cased, so a test can match the address it registered with. */
export function recipients(email: StoredEmail): string[] {
  const { to, cc, bcc } = email.destination;
  return [...to, ...cc, ...bcc].map((address) =>
    (/<([^>]+)>/.exec(address)?.[1] ?? address).trim().toLowerCase(),
  );
}

export const sentTo =
  (address: string) =>
  (email: StoredEmail): boolean =>
    recipients(email).includes(address.trim().toLowerCase());

/**
 * Polls the inbox (its URL, or a reader such as sharedInbox's) until an email matches; throws with what
 * did arrive when time runs out.
 */
export async function waitForEmail(
  source: string | (() => Promise<StoredEmail[]>),
  predicate: (email: StoredEmail) => boolean,
  timeoutMs = 10_000,
): Promise<StoredEmail> {
  const read = typeof source === 'string' ? () => inbox(source) : source;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const emails = await read();
    const match = emails.find(predicate);
    if (match !== undefined) return match;
    if (Date.now() >= deadline) {
      const seen = emails.map((email) => `${recipients(email).join(',')}: ${email.subject}`).slice(-10);
      throw new Error(
        `No matching email within ${timeoutMs} ms. Last emails seen:\n  ${seen.join('\n  ') || '(none)'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
