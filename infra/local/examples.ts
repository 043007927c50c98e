/**
 * The website forms in examples/, served for `npm start` and the browser tests on a loopback origin of
 * their own: a stand-in for the organisation's website, so the forms call the API across origins as they
 * do in production, and the CORS configuration is exercised instead of sidestepped by sharing an origin.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import type { CorsConfig } from './gateway.ts';
import { repoRoot } from './lambda.ts';
import { assertPortFree } from './ports.ts';

export const DEFAULT_EXAMPLES_PORT = 8080;
export const examplesDir = join(repoRoot, 'examples');

export function examplesOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/*
 * What infra/constructs/api.ts configures when cdk.json lists allowedOrigins. Used only when the template
 * has no CORS at all (allowedOrigins empty), so that the local example origin still gets what a configured
 * website origin would get in AWS.
 */
const stackCors = {
  allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
  allowHeaders: ['content-type', 'authorization', 'accept-language'],
  exposeHeaders: ['content-disposition', 'location'],
  maxAgeSeconds: 3600,
} as const;

/**
 * The HTTP API's CORS with the examples' origin added to `allowedOrigins`: locally, and only locally,
 * the example forms are one more website. Every other origin is refused as API Gateway refuses it.
 */
export function allowExamplesOrigin(cors: CorsConfig | undefined, origin: string): CorsConfig {
  if (cors === undefined) return { allowOrigins: [origin], ...stackCors };
  if (cors.allowOrigins.includes(origin)) return cors;
  return { ...cors, allowOrigins: [...cors.allowOrigins, origin] };
}

export interface ExamplesOptions {
  readonly port: number;
  /** The API's base URL, written into the pages where an organisation writes its own. */
  readonly apiUrl: string;
  /** The network the pages are for, unless `?network=` names another. */
  readonly networkId: string;
  readonly portEnvVar?: string;
  readonly dir?: string;
}

export interface LocalExamples {
  /** e.g. http://127.0.0.1:8080; the forms are under /examples/. */
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const safeId = /^[A-Za-z0-9_-]{1,64}$/;

function escapeAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The page as the organisation would publish it: `{{apiBase}}` and `{{networkId}}` are written once per
 * site. `{{groupId}}` is the group a page is about, which a site writes per group page; here `?group=`
 * stands in for that (and `?network=` for a second site). Without it the page is made what join.html's
 * comment asks of a page about no particular group, so that a reader without JavaScript is told the link
 * lacks a group instead of being offered a form that can only post to a group that does not exist.
 */
function fill(page: string, options: ExamplesOptions, query: URLSearchParams): string {
  const pick = (name: string) => {
    const value = query.get(name);
    return value !== null && safeId.test(value) ? value : undefined;
  };
  const values: Record<string, string | undefined> = {
    apiBase: options.apiUrl.replace(/\/$/, ''),
    networkId: pick('network') ?? options.networkId,
    groupId: pick('group'),
  };
  const kind = values.groupId === undefined ? 'no-group' : 'one-group';
  // Comments are matched first and kept as they are: they name these elements to the organisation.
  const edited = page.replace(
    /<!--[\s\S]*?-->|<noscript data-samla-page="([\w-]+)">[\s\S]*?<\/noscript>\s*|<form\b(?=[^>]*\baction="[^"]*\{\{groupId\}\})/g,
    (whole, pageKind: string | undefined) => {
      if (whole.startsWith('<!--')) return whole;
      if (pageKind !== undefined) return pageKind === kind ? whole : '';
      return kind === 'no-group' ? `${whole} hidden` : whole;
    },
  );
  // Comments keep their placeholders: they tell the organisation what to write where.
  return edited.replace(/<!--[\s\S]*?-->|\{\{(\w+)\}\}/g, (whole, name: string | undefined) => {
    const value = name === undefined ? undefined : values[name];
    return value === undefined ? whole : escapeAttribute(value);
  });
}

/**
 * What a site embedding the forms needs in its own Content-Security-Policy, if it has one: the script from
 * itself, fetch to the API, and form posts to the API whose 303 may lead back to the site's thank-you page.
 */
function pagePolicy(apiUrl: string): string {
  const api = new URL(apiUrl).origin;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src ${api}`,
    `form-action ${api} 'self'`,
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function indexPage(files: readonly string[]): string {
  const links = files.map(
    (file) => `<li><a href="${escapeAttribute(file)}">${escapeAttribute(file)}</a></li>`,
  );
  // Everything inside <main>: assistive technology jumps to the main landmark, and content outside every
  // landmark is easy to miss (axe: landmark-one-main, region).
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>samla: website forms</title><link rel="stylesheet" href="forms.css"></head>
<body><main><h1>samla: website forms</h1>
<p>What an organisation pastes into its website (see <a href="README.md">README.md</a>).</p>
<ul>${links.join('')}</ul></main></body></html>`;
}

export async function startExamples(options: ExamplesOptions): Promise<LocalExamples> {
  if (options.port !== 0)
    await assertPortFree(options.port, 'Example forms', options.portEnvVar ?? 'EXAMPLES_PORT');
  const dir = options.dir ?? examplesDir;
  const policy = pagePolicy(options.apiUrl);
  const common = {
    'x-content-type-options': 'nosniff',
    // The evaluation page carries a member's token in its URL.
    'referrer-policy': 'no-referrer',
    // Edits to examples/ show on the next reload.
    'cache-control': 'no-store',
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { ...common, allow: 'GET, HEAD' }).end();
        return;
      }
      if (url.pathname === '/' || url.pathname === '/examples') {
        response.writeHead(302, { ...common, location: '/examples/' }).end();
        return;
      }
      // Only the folder's own files by name: no path from the request ever reaches the file system.
      const files = (await readdir(dir)).filter((file) => Object.hasOwn(types, extname(file))).sort();
      const name = url.pathname.startsWith('/examples/')
        ? url.pathname.slice('/examples/'.length)
        : undefined;
      if (name === '') {
        const html = files.filter((file) => file.endsWith('.html'));
        response
          .writeHead(200, { ...common, 'content-type': types['.html'] ?? '' })
          .end(request.method === 'HEAD' ? undefined : indexPage(html));
        return;
      }
      if (name === undefined || !files.includes(name)) {
        response.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const type = types[extname(name)] ?? 'application/octet-stream';
      let body = await readFile(join(dir, name), 'utf8');
      const headers: Record<string, string> = { ...common, 'content-type': type };
      if (name.endsWith('.html')) {
        body = fill(body, options, url.searchParams);
        headers['content-security-policy'] = policy;
      }
      response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      console.error('example forms:', error);
      if (!response.headersSent) response.writeHead(500, common);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const origin = examplesOrigin(port);
  return {
    url: origin,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
