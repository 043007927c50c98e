/**
 * Bundled in place of `node:stream/web` (bundle-options.ts). Its one importer in samla's bundles is
 * @middy/core, which reads `ReadableStream` only to tell a streamed response body from others, and samla
 * streams no response. Importing the real module makes Node load its whole Web Streams implementation
 * before the function's first line runs, ~2–3 ms of every cold start (npm run bench). This answers
 * `instanceof` exactly as Node's own does, by asking the global class, which Node loads on first use.
 */
export const ReadableStream = {
  [Symbol.hasInstance]: (value: unknown): boolean => value instanceof globalThis.ReadableStream,
};
