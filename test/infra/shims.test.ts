import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { ReadableStream } from '../../infra/shims/node-stream-web.ts';

describe('the node:stream/web shim (infra/shims)', () => {
  it('answers instanceof as Node’s ReadableStream does', () => {
    expect(new NodeReadableStream() instanceof ReadableStream).toBe(true);
    expect(new globalThis.ReadableStream() instanceof ReadableStream).toBe(true);
    for (const other of ['body', { getReader: () => undefined }, new Uint8Array(1), null])
      expect(other instanceof ReadableStream, String(other)).toBe(false);
  });
});
