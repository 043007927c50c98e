import { join } from 'node:path';

/**
 * How every function is bundled (esbuild): also what `npm run bench` measures, so its sizes are the
 * deployed ones. Some CommonJS dependencies call require(); an ESM bundle has none unless we make one.
 */
export const bundleOptions = {
  format: 'esm',
  target: 'node22',
  platform: 'node',
  mainFields: ['module', 'main'],
  minify: true,
  banner:
    "import { createRequire as __samlaCreateRequire } from 'node:module'; const require = __samlaCreateRequire(import.meta.url);",
  /** Modules bundled in place of others: each shim says why it is safe and what it saves. */
  alias: { 'node:stream/web': join(import.meta.dirname, 'shims/node-stream-web.ts') },
} as const;
