/**
 * The coordinators' console for `npm start` and the browser tests: built by Vite (console/) into a
 * folder and served on a loopback origin of its own, with the headers CloudFront adds in AWS (the strict
 * CSP, no framing) and the same /config.json the stack's BucketDeployment writes — so the console meets
 * here what it meets in production: another origin than the API, CORS, and a real OpenID provider.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from '../console-csp.ts';
import { repoRoot } from './lambda.ts';
import { assertPortFree } from './ports.ts';

export const DEFAULT_CONSOLE_PORT = 5173;
export const consoleRoot = join(repoRoot, 'console');

export const consoleOrigin = (port: number) => `http://127.0.0.1:${port}`;

/** `vite build` of console/ into `outDir` (about a second). */
export async function buildConsole(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(consoleRoot, 'vite.config.ts'),
    root: consoleRoot,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export interface ConsoleSettings {
  readonly apiUrl: string;
  /** The OpenID provider's issuer URL. */
  readonly authority: string;
  readonly clientId: string;
}

/** CloudFront's CSP (infra/console-csp.ts), with this machine's API and provider as the allowed origins. */
export function consoleCsp(settings: ConsoleSettings): string {
  const provider = new URL(settings.authority).origin;
  return contentSecurityPolicy({ api: new URL(settings.apiUrl).origin, cognito: provider, signIn: provider });
}

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface LocalConsole {
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

export async function startConsole(options: {
  port: number;
  /** The built console (buildConsole's outDir). */
  dir: string;
  settings: ConsoleSettings;
  portEnvVar?: string;
}): Promise<LocalConsole> {
  if (!existsSync(join(options.dir, 'index.html')))
    throw new Error(`${options.dir} has no built console: buildConsole() first`);
  if (options.port !== 0) await assertPortFree(options.port, 'Console', options.portEnvVar ?? 'CONSOLE_PORT');
  const config = `${JSON.stringify({ ...options.settings, redirectPath: '/callback', postLogoutPath: '/' }, null, 2)}\n`;
  const headers = {
    'content-security-policy': consoleCsp(options.settings),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD', ...headers }).end();
        return;
      }
      if (pathname === '/config.json') {
        response.writeHead(200, { 'content-type': types['.json'], 'cache-control': 'no-cache', ...headers });
        response.end(config);
        return;
      }
      const file = normalize(join(options.dir, pathname));
      const inside = file.startsWith(`${normalize(options.dir)}${sep}`);
      // As CloudFront does: a path without a file (a screen's URL) gets index.html; a missing asset 404s.
      const isAsset = extname(pathname) !== '';
      try {
        if (!inside) throw new Error('outside');
        const target = isAsset ? file : join(options.dir, 'index.html');
        const body = await readFile(target);
        const type = types[extname(target)] ?? 'application/octet-stream';
        const cache = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        response.writeHead(200, { 'content-type': type, 'cache-control': cache, ...headers });
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers })
          .end('not found\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const origin = consoleOrigin(port);
  return {
    url: `${origin}/`,
    origin,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
