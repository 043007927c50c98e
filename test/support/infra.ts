import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError, parseConfig } from '../../infra/config.ts';

/** What parseConfig says is wrong with a `samla` object; empty when it is accepted. */
export function configProblems(raw: unknown): string[] {
  try {
    parseConfig(raw);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

/** Relative path → SHA-256 of every file under `path` (or of `path` itself: some assets are one zip). */
export function fileHashes(path: string): Record<string, string> {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  if (!statSync(path).isDirectory()) return { '.': hash(path) };
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(path, full)] = hash(full);
    }
  };
  walk(path);
  return out;
}
