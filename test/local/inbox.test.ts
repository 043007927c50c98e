import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedInbox, waitForEmail } from '../../infra/local/ses.ts';

// A stand-in for the inbox's GET /store that counts its requests and answers each a little later.
const asked: string[] = [];
const server = createServer((request, response) => {
  asked.push(request.url ?? '');
  setTimeout(() => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ emails: [], templates: {} }));
  }, 30);
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the shared inbox reader', () => {
  it('serves everyone who asks while a reading is under way from that one reading, then reads again', async () => {
    asked.length = 0;
    const read = sharedInbox(url, 1_700_000_000);
    const together = await Promise.all(Array.from({ length: 50 }, () => read()));
    expect(together.every((emails) => emails.length === 0)).toBe(true);
    expect(asked).toEqual(['/store?since=1700000000']);
    await read();
    expect(asked).toHaveLength(2);
  });

  it('lets many waiters poll it together, each still failing on its own time', async () => {
    asked.length = 0;
    const read = sharedInbox(url);
    const waits = Array.from({ length: 40 }, () => waitForEmail(read, () => false, 300));
    const outcomes = await Promise.allSettled(waits);
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    // Forty waiters for 300 ms, a reading every ~80 ms: a handful of requests, not forty per round.
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.length).toBeLessThan(40);
  });
});
