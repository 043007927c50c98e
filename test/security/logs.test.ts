/**
 * What the functions log during a whole pass of registering, confirming, joining, deciding, leaving,
 * answering a meeting and evaluating it: never an email address, never a link token. shared/logger.ts
 * writes to process.stdout and process.stderr, past vitest's console, so both are captured at the stream.
 */
import './debug-logging.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../shared/logger.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { WAIT_FOR_NEXT_MS, type Walked, walkThrough } from './flow.ts';

const captured: string[] = [];
const CANARY = 'capture canary';
const CANARY_ADDRESS = 'canary@capture.example';
/** What the functions logged: the canary line left out. */
const logged = () =>
  captured
    .join('')
    .split('\n')
    .filter((line) => !line.includes(CANARY));

/** Copies whatever is written to stdout and stderr into `captured`, and still writes it. */
function captureOutput(): () => void {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    const original = originals[i] as typeof stream.write;
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  return () =>
    streams.forEach((stream, i) => {
      stream.write = originals[i] as typeof stream.write;
    });
}

let stack: TestStack;
let walked: Walked;
let restore: (() => void) | undefined;
beforeAll(async () => {
  restore = captureOutput();
  try {
    stack = await useLocalStack({
      waitTimeOverrides: { WaitForNext: WAIT_FOR_NEXT_MS },
      env: { POWERTOOLS_LOG_LEVEL: 'DEBUG' },
    });
    walked = await walkThrough(stack);
    // Through the functions' own logger, at the lowest level: proves the capture sees what they log.
    logger.debug(CANARY, { address: CANARY_ADDRESS });
  } finally {
    restore();
    restore = undefined;
  }
}, 180_000);
afterAll(() => {
  restore?.();
  return stack?.stop();
});

const anyAddress = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]+/i;

describe('structured logs', () => {
  it('were written: the capture is looking at the functions’ logs', () => {
    const canary = captured
      .join('')
      .split('\n')
      .find((line) => line.includes(CANARY));
    expect(canary).toContain(CANARY_ADDRESS);
    expect(JSON.parse(canary ?? '{}')).toMatchObject({ level: 'DEBUG', service: 'samla' });
    const structured = logged()
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level?: string; service?: string; message?: string });
    expect(structured.length).toBeGreaterThan(20);
    expect(structured.every((entry) => entry.service === 'samla' && typeof entry.level === 'string')).toBe(
      true,
    );
    expect(structured.map((entry) => entry.message)).toEqual(
      expect.arrayContaining(['registration confirmed', 'email sent']),
    );
  });

  it('hold no address used in the pass and no token of an emailed link', () => {
    const output = logged().join('\n');
    expect(walked.addresses.length).toBeGreaterThan(5);
    for (const address of walked.addresses) expect(output.toLowerCase()).not.toContain(address.toLowerCase());
    expect(walked.links.length).toBeGreaterThan(15);
    for (const { token, kind } of walked.links)
      expect(output.includes(token), `${kind} token in the logs`).toBe(false);
  });

  it('hold nothing that looks like an email address', () => {
    const lines = logged();
    expect(lines.filter((line) => anyAddress.test(line))).toEqual([]);
  });

  it('the gateway’s and the workflows’ own log lines name routes, never paths with tokens', () => {
    expect(stack.requests.length).toBeGreaterThan(20);
    const lines = stack.requests.join('\n');
    for (const { token } of walked.links) expect(lines.includes(token)).toBe(false);
    expect(lines).not.toMatch(anyAddress);
  });
});
