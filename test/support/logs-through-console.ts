/**
 * shared/logger.ts writes its JSON lines to process.stdout and process.stderr, as Lambda wants them;
 * vitest holds back a passing test's output ('passed-only' in vitest.config.ts) only when it goes
 * through console. Here, in every test file, those two streams hand their lines to console instead,
 * so a failing test shows what its handlers logged and a passing run shows none of it. Tests that
 * read the streams themselves (test/security/logs.test.ts) still see every write first.
 */
let forwarding = false;

for (const [stream, log] of [
  [process.stdout, (line: string) => console.log(line)],
  [process.stderr, (line: string) => console.error(line)],
] as const) {
  const original = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    // Should console itself end up on this stream (vitest lets go of it after a file), write through.
    if (forwarding) return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    forwarding = true;
    try {
      log((typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).replace(/\n$/, ''));
    } finally {
      forwarding = false;
    }
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stream.write;
}
