/**
 * The tokens of a mail's links (shared/links.ts holdingLinks, shared/store/tokens.ts putTokens): held
 * while the mail's parts are built, stored together in one write when the sender says so, never when
 * building fails or the mail is not sent;
 * what DynamoDB leaves unprocessed is written again, so every link issued works.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { holdingLinks, issueLink } from '../../shared/links.ts';
import { getToken } from '../../shared/store/tokens.ts';
import { hashToken } from '../../shared/tokens.ts';
import { type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

type Middleware = (
  next: (args: { input: unknown }) => Promise<{ output?: unknown }>,
  context: { commandName?: string },
) => (args: { input: unknown }) => Promise<unknown>;

const middlewareName = 'linkTokensTest';
afterEach(() => {
  dynamo.middlewareStack.remove(middlewareName);
});

/** Records the DynamoDB commands sent; `leaveUnprocessed` holds back all but the first put of that many batches. */
function watchDynamo(leaveUnprocessed = 0) {
  const commands: string[] = [];
  let held = 0;
  const middleware: Middleware = (next, context) => async (args) => {
    commands.push(context.commandName ?? '');
    const input = args.input as { RequestItems?: Record<string, unknown[]> };
    if (context.commandName !== 'BatchWriteItemCommand' || held >= leaveUnprocessed || !input.RequestItems)
      return next(args);
    held += 1;
    // As a throttled table answers: the first put written, the rest handed back unprocessed.
    const [table, requests] = Object.entries(input.RequestItems)[0] ?? ['', []];
    const result = await next({
      ...args,
      input: { ...input, RequestItems: { [table]: requests.slice(0, 1) } },
    });
    const output = result.output as { UnprocessedItems?: Record<string, unknown[]> };
    return { ...result, output: { ...output, UnprocessedItems: { [table]: requests.slice(1) } } };
  };
  dynamo.middlewareStack.add(middleware as never, {
    step: 'initialize',
    name: middlewareName,
    override: true,
  });
  return commands;
}

const tokenOf = (url: string) => url.split('/').pop() ?? '';
const validUntil = () => new Date(Date.now() + 3600_000).toISOString();
const subject = () => ({
  networkId: 'tokens-net',
  subjectId: 'subject-1',
  language: 'sv' as const,
  person: uniqueEmail('tokens'),
});

describe('holdingLinks', () => {
  it("stores every link a mail's parts issue in one BatchWriteItem, when told to", async () => {
    const commands = watchDynamo();
    const until = validUntil();
    const held = await holdingLinks(async () => {
      const first = await issueLink('unsubscribe-all', subject(), until);
      const [second, third] = await Promise.all([
        issueLink('leave-group', { ...subject(), groupId: 'group-1' }, until),
        issueLink('rsvp-yes', { ...subject(), meetingId: 'meeting-1' }, until),
      ]);
      // Nothing written while the mail is being built.
      expect(commands).toEqual([]);
      return [first, second, third];
    });
    const urls = held.value;
    // Built, not stored yet: none of the links works until store().
    expect(commands).toEqual([]);
    expect(await getToken(hashToken(tokenOf(urls[0] ?? '')))).toBeUndefined();
    await held.store();
    expect(commands.filter((command) => command !== 'GetItemCommand')).toEqual(['BatchWriteItemCommand']);
    expect(urls.map((url) => new URL(url).pathname.split('/').slice(0, 3).join('/'))).toEqual([
      '/v1/unsubscribe',
      '/v1/leave',
      '/v1/rsvp',
    ]);
    const stored = await Promise.all(urls.map((url) => getToken(hashToken(tokenOf(url)))));
    expect(stored.map((token) => token?.purpose)).toEqual(['unsubscribe-all', 'leave-group', 'rsvp-yes']);
    expect(stored.map((token) => token?.validUntil)).toEqual([until, until, until]);
    expect(stored[1]?.groupId).toBe('group-1');
    expect(stored[2]?.meetingId).toBe('meeting-1');
    expect(stored.some((token) => token?.usedAt)).toBe(false);
  });

  it('stores nothing when building the mail fails', async () => {
    let url = '';
    await expect(
      holdingLinks(async () => {
        url = await issueLink('leave-group', subject(), validUntil());
        throw new Error('the template failed');
      }),
    ).rejects.toThrow('the template failed');
    expect(url).not.toBe('');
    expect(await getToken(hashToken(tokenOf(url)))).toBeUndefined();
  });

  it('writes again what DynamoDB leaves unprocessed, until every token is stored', async () => {
    const commands = watchDynamo(2);
    const held = await holdingLinks(async () =>
      Promise.all(
        (['rsvp-yes', 'rsvp-no', 'rsvp-no-series'] as const).map((purpose) =>
          issueLink(purpose, subject(), validUntil()),
        ),
      ),
    );
    await held.store();
    const urls = held.value;
    expect(commands).toEqual(['BatchWriteItemCommand', 'BatchWriteItemCommand', 'BatchWriteItemCommand']);
    const stored = await Promise.all(urls.map((url) => getToken(hashToken(tokenOf(url)))));
    expect(stored.map((token) => token?.purpose)).toEqual(['rsvp-yes', 'rsvp-no', 'rsvp-no-series']);
  });

  it('stores nothing for a mail that is built but not sent (store never called)', async () => {
    const commands = watchDynamo();
    const held = await holdingLinks(async () => issueLink('rsvp-yes', subject(), validUntil()));
    expect(commands).toEqual([]);
    expect(await getToken(hashToken(tokenOf(held.value)))).toBeUndefined();
  });

  it('leaves a link issued outside it to its own conditional put', async () => {
    const commands = watchDynamo();
    const url = await issueLink('feedback', subject(), validUntil());
    expect(commands).toEqual(['PutItemCommand']);
    expect((await getToken(hashToken(tokenOf(url))))?.purpose).toBe('feedback');
  });
});
