/**
 * The console's size as a coordinator's browser fetches it: the JavaScript index.html loads at once (its
 * module script and what it preloads), raw and gzip-compressed (CloudFront compresses with gzip or
 * Brotli; gzip -9 is the conservative figure), plus what loads later (lazy chunks) and the CSS.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../../infra/local/console.ts';

export const CONSOLE_INITIAL_JS_GZIP_BUDGET = 60 * 1024;

export interface ConsoleBundle {
  readonly initialJs: { files: string[]; raw: number; gzip: number };
  readonly laterJs: { files: string[]; raw: number; gzip: number };
  readonly css: { raw: number; gzip: number };
}

function sizes(dir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(dir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Sizes of a build in `dir` (index.html and assets/). */
export function measureBuiltConsole(dir: string): ConsoleBundle {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
  ].map((match) => match[1] as string);
  const initial = [...new Set(referenced)];
  const assets = readdirSync(join(dir, 'assets')).map((name) => `assets/${name}`);
  const later = assets.filter((file) => file.endsWith('.js') && !initial.includes(file));
  return {
    initialJs: { files: initial, ...sizes(dir, initial) },
    laterJs: { files: later, ...sizes(dir, later) },
    css: sizes(
      dir,
      assets.filter((file) => file.endsWith('.css')),
    ),
  };
}

/** Builds the console into a temporary folder and measures it. */
export async function measureConsole(): Promise<ConsoleBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'samla-console-'));
  try {
    await buildConsole(dir);
    return measureBuiltConsole(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
