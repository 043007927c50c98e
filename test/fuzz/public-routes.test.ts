/**
 * Property tests of every public route of the route table (auth 'public'), through the local HTTP API:
 * requests derived from each route's path and schemas (so a route added later is fuzzed too), mixed with
 * hostile values. FUZZ_RUNS scales the number of requests (default 10,000), FUZZ_SEED replays a run.
 *
 * Two phases. First only requests that must change nothing (GETs, unknown paths, bodies the schema
 * refuses, wrong content types): the table must be byte-for-byte as before. Then anything, valid
 * requests too: never a 5xx, and what a refused request carried is nowhere in the table; every email
 * that went out has exactly the header it should (no injected Bcc, no line break inside a value).
 */
import './quiet-logging.ts';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { freePort } from '../../infra/local/ports.ts';
import { inbox, type LocalSes, recipients, sentTo, startSes, waitForEmail } from '../../infra/local/ses.ts';
import { type Group, type JoinRequest, joinRequestId } from '../../shared/domain/group.ts';
import { errorCodes } from '../../shared/http/messages.ts';
import { prefersHtml } from '../../shared/http/request.ts';
import { type RouteDef, routes } from '../../shared/http/routes.ts';
import { ErrorResponse } from '../../shared/http/schemas.ts';
import { issueLink } from '../../shared/links.ts';
import { createJoinRequest } from '../../shared/store/join-requests.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import type { TokenPurpose } from '../../shared/store/tokens.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';
import { quiesce } from '../support/quiesce.ts';
import { allItems, linkIn } from '../support/table.ts';
import { injectedBcc, SCRIPT_MARKER } from './hostile.ts';
import { headerProblems, type SentRaw, tapRawMessages } from './mime.ts';
import {
  describeRequest,
  type FuzzRequest,
  type FuzzTargets,
  linkKind,
  mustNotWrite,
  requestFor,
} from './requests.ts';

const TOTAL = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED);
/** Requests in flight at once. */
const BATCH = 16;
/** The first phase's share: requests that must not write. */
const READ_ONLY_SHARE = 0.6;

const publicRoutes = routes.filter((route) => route.auth === 'public');
const routeKey = (route: RouteDef) => `${route.method} ${route.path}`;

let stack: TestStack;
let ownInbox: LocalSes;
let tap: { sent: SentRaw[]; stop(): void };
let targets: FuzzTargets;
const networkId = `fuzz-${randomUUID().slice(0, 6)}`;
const coordinator = `coordinator-${randomUUID().slice(0, 6)}@example.org`;
const sentPerRoute = new Map<string, number>();
const statusesPerRoute = new Map<string, Set<number>>();

beforeAll(async () => {
  // An inbox of its own: thousands of fuzzed emails would slow every other test file polling the shared one.
  ownInbox = await startSes({ port: await freePort() });
  stack = await useLocalStack({
    env: {
      AWS_ENDPOINT_URL_SES: ownInbox.url,
      AWS_ENDPOINT_URL_SESV2: ownInbox.url,
      POWERTOOLS_LOG_LEVEL: 'WARN',
    },
  });
  tap = tapRawMessages();
  targets = await makeTargets();
}, 120_000);

afterAll(async () => {
  tap?.stop();
  await stack?.stop();
  await ownInbox?.stop();
});

async function newGroup(inNetwork: string, overrides: Partial<Group> = {}): Promise<Group> {
  const group = { title: 'Skolans ekonomi', question: 'Hur räknar vi?', facilitator: { name: 'Magnus' } };
  const id = `fuzz-${randomUUID().slice(0, 8)}`;
  return (await seedGroup(inNetwork, [], { ...group, id, capacity: 500, ...overrides })).group;
}

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const later = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString();

/**
 * Real things for the path parameters, and real tokens for every kind of emailed link: the confirmation
 * ones from real emails, the rest issued for seeded members as the services issue them.
 */
async function makeTargets(): Promise<FuzzTargets> {
  await createNetworkIfMissing({
    id: networkId,
    name: 'Fuzznätverket',
    languages: ['sv', 'nb', 'en'],
    coordinators: [coordinator],
    memberDomains: ['ekskolan.se'],
    thankYouUrl: 'https://example.org/tack',
    timeZone: 'Europe/Stockholm',
  });
  const open = await newGroup(networkId);
  const demoGroup = await newGroup(stack.demoNetworkId);
  const closed = await newGroup(networkId, { status: 'closed' });

  const person = { name: 'Anna', organisation: 'Ekskolan', role: 'Rektor', consent: true };
  const registrant = `registrant-${randomUUID().slice(0, 6)}@example.org`;
  const joiner = `joiner-${randomUUID().slice(0, 6)}@example.org`;
  const post = (path: string, body: unknown) =>
    stack.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect(
    (await post(`/v1/networks/${networkId}/interest`, { ...person, email: registrant, topics: [] })).status,
  ).toBe(202);
  expect((await post(`/v1/groups/${open.id}/join-requests`, { ...person, email: joiner })).status).toBe(202);
  const confirmTokens = await Promise.all(
    [registrant, joiner].map(
      async (address) => linkIn((await waitForEmail(ownInbox.url, sentTo(address))).body.text).token,
    ),
  );

  const { group, members } = await seedGroup(networkId, ['Åsa', 'Bo', 'Cilla', 'Dan']);
  const at = new Date().toISOString();
  const meeting = (id: string, startsAt: string, salt?: string) =>
    meetingOf(group, {
      id,
      startsAt,
      onlineUrl: 'https://meet.example.org/x',
      ...(salt ? { evaluationSalt: salt, evaluationAsked: members.length } : {}),
    });
  const upcoming = `fuzz-next-${randomUUID().slice(0, 6)}`;
  const past = `fuzz-past-${randomUUID().slice(0, 6)}`;
  await createMeetings([meeting(upcoming, later(20)), meeting(past, later(-1), randomUUID())]);

  const pending = {
    id: joinRequestId(group.id, 'outsider@elsewhere.example'),
    groupId: group.id,
    networkId,
    name: 'Olle',
    email: 'outsider@elsewhere.example',
    organisation: 'Annan skola',
    role: 'Lärare',
    language: 'sv' as const,
    status: 'pending_approval' as const,
    consent: { at, wording: 'join-v1' },
    createdAt: at,
    confirmationRequestedAt: at,
    confirmationCount: 1,
    expireAt: later(7),
    confirmedAt: at,
  };
  await createJoinRequest(pending, new Date());

  const issue = async (purpose: TokenPurpose, person: { id: string; email: string }, meetingId?: string) =>
    tokenOf(
      await issueLink(
        purpose,
        {
          networkId,
          subjectId: person.id,
          groupId: group.id,
          language: 'sv',
          person: person.email,
          ...(meetingId ? { meetingId } : {}),
        },
        later(30),
      ),
    );
  const [a, b, c, d] = members as [JoinRequest, JoinRequest, JoinRequest, JoinRequest];
  return {
    params: {
      networkId: [networkId, stack.demoNetworkId],
      groupId: [open.id, demoGroup.id, closed.id, group.id],
    },
    tokens: {
      confirm: confirmTokens,
      decisions: [await issue('approve-join-request', pending), await issue('decline-join-request', pending)],
      leave: [await issue('leave-group', a), await issue('leave-group', b)],
      offers: [await issue('accept-offer', c)],
      rsvp: [
        await issue('rsvp-yes', a, upcoming),
        await issue('rsvp-no', b, upcoming),
        await issue('rsvp-no-series', d, upcoming),
      ],
      unsubscribe: [await issue('unsubscribe-reminders', c, upcoming)],
      feedback: [await issue('feedback', a, past), await issue('feedback', b, past)],
    },
  };
}

interface Outcome {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly problems: string[];
}

const stackTrace = /\bat [\w$.<>]+ \(|node:internal|\.ts:\d+:\d+|TypeError|ReferenceError/;

/** Sends one request and says what is wrong with the answer. */
async function send(request: FuzzRequest): Promise<Outcome> {
  const key = routeKey(request.route);
  sentPerRoute.set(key, (sentPerRoute.get(key) ?? 0) + 1);
  const response = await fetch(`${stack.apiUrl}${request.url}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
    redirect: 'manual',
  });
  const text = await response.text();
  const status = response.status;
  let seen = statusesPerRoute.get(key);
  if (!seen) {
    seen = new Set();
    statusesPerRoute.set(key, seen);
  }
  seen.add(status);
  const problems: string[] = [];
  const type = response.headers.get('content-type') ?? '';
  if (status >= 500) problems.push(`answered ${status}: ${text.slice(0, 300)}`);
  if (stackTrace.test(text))
    problems.push(`a stack trace or error name in the answer: ${text.slice(0, 300)}`);
  const marker = text.indexOf(SCRIPT_MARKER);
  if (marker >= 0)
    problems.push(
      `the script marker came back unescaped (${status} ${type}): ${text.slice(Math.max(0, marker - 120), marker + 40)}`,
    );
  if (status >= 400 && status < 500) {
    if (type.startsWith('application/json')) {
      const raw = safeJson(text);
      const parsed = z.strictObject(ErrorResponse.shape).safeParse(raw);
      if (!parsed.success)
        problems.push(`an error that is not { error: { code, message, fields } }: ${text.slice(0, 300)}`);
      else {
        const { code, message } = parsed.data.error;
        // The keys as sent: the schema's record would drop a "__proto__" field.
        const fields = (raw as { error: { fields: object } }).error.fields;
        if (!(errorCodes as readonly string[]).includes(code)) problems.push(`unknown error code ${code}`);
        if (message.trim() === '') problems.push('an empty error message');
        if (code === 'validation_failed' && Object.keys(fields).length === 0)
          problems.push('validation_failed without naming a field');
      }
    } else if (type.startsWith('text/html')) {
      // Pages are for browsers: when the caller asked for HTML, posted a form, or opened a page's link.
      const fromBrowser =
        prefersHtml(request.headers.accept) ||
        request.encoding === 'form' ||
        request.route.responses[status]?.html === true;
      if (!fromBrowser) problems.push(`an HTML error page to a caller that did not ask for one (${status})`);
      if (!/<html/i.test(text)) problems.push('an HTML error that is not a page');
    } else problems.push(`a ${status} as ${type || 'no content type'}`);
  } else if (status < 400) {
    const documented = request.route.responses[status];
    if (!documented) problems.push(`${status} is not among the route's documented answers`);
    if (status === 303) {
      if (request.encoding !== 'form') problems.push('a redirect for something other than a form post');
      if (!response.headers.get('location')) problems.push('a redirect without a location');
    }
    if (documented?.json && type.startsWith('application/json')) {
      const parsed = documented.json.safeParse(safeJson(text));
      if (!parsed.success) problems.push(`a ${status} that does not match its schema: ${text.slice(0, 200)}`);
    }
  }
  return { request, status, problems };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Distinct problems, each with the first request that showed it. A run goes on past a problem, so one
 * run reports every kind of problem there is, not only the first.
 */
const found = new Map<string, string>();

/** Runs a batch at once and records what is wrong with each answer. */
async function runBatch(batch: FuzzRequest[], outcomes?: Outcome[]): Promise<void> {
  const results = await Promise.all(batch.map(send));
  outcomes?.push(...results);
  for (const result of results)
    for (const problem of result.problems) {
      const kind = `${routeKey(result.request.route)}: ${problem.replace(/\d+/g, '#').slice(0, 80)}`;
      if (!found.has(kind)) found.set(kind, `${describeRequest(result.request)}\n    → ${problem}`);
    }
  const polluted = Object.keys(Object.prototype).concat(
    ({} as Record<string, unknown>).polluted === undefined ? [] : ['polluted'],
  );
  if (polluted.length > 0) found.set('pollution', `Object.prototype polluted: ${polluted.join(', ')}`);
}

/** Drives `runs` batches of requests from the arbitrary with the seed; the problems are in `found`. */
async function fuzz(arbitrary: fc.Arbitrary<FuzzRequest>, runs: number, seed: number, outcomes?: Outcome[]) {
  found.clear();
  await fc.assert(
    fc.asyncProperty(batches(arbitrary), (batch) => runBatch(batch, outcomes)),
    { numRuns: runs, seed },
  );
}

/** Any public route; `bodyWeight` favours the routes that take a body (forms that store and send mail). */
const anyRoute = (filter: (request: FuzzRequest) => boolean = () => true, bodyWeight = 1) =>
  fc.oneof(
    ...publicRoutes.map((route) => ({
      weight: route.body && !route.path.includes('{token}') ? bodyWeight : 1,
      arbitrary: requestFor(route, targets).filter(filter),
    })),
  );

const batches = (arbitrary: fc.Arbitrary<FuzzRequest>) =>
  fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH });

const emailOf = (request: FuzzRequest): string | undefined => {
  const payload = request.payload as { email?: unknown } | undefined;
  const email = typeof payload === 'object' && payload !== null ? payload.email : undefined;
  return typeof email === 'string' && email.includes('@') ? email.trim().toLowerCase() : undefined;
};

/** Every string in a request's payload, trimmed and lower-cased as the table check compares them. */
const stringsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value.trim().toLowerCase()];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
};

describe(`fuzzing every public route (${publicRoutes.length} routes, seed ${SEED})`, {
  timeout: 600_000,
}, () => {
  it('covers every public route of the route table', () => {
    expect(publicRoutes.map(routeKey)).toEqual(
      expect.arrayContaining([
        'POST /v1/networks/{networkId}/interest',
        'POST /v1/groups/{groupId}/join-requests',
        'POST /v1/feedback/{token}',
      ]),
    );
    // These kinds of emailed link get real tokens too; a kind added later gets made-up ones.
    const kinds = publicRoutes.filter((r) => r.path.includes('{token}')).map(linkKind);
    for (const kind of ['confirm', 'decisions', 'leave', 'offers', 'rsvp', 'feedback'])
      expect(kinds).toContain(kind);
    for (const kind of Object.keys(targets.tokens)) expect(targets.tokens[kind], kind).not.toHaveLength(0);
  });

  it('requests that must change nothing: never a 5xx, errors in shape, and the table exactly as before', async () => {
    await quiesce(stack);
    const before = await allItems(stack.tableName);
    const sentBefore = tap.sent.length;
    const executionsBefore = stack.sfn.listExecutions().length;
    const runs = Math.ceil((TOTAL * READ_ONLY_SHARE) / BATCH);
    await fuzz(anyRoute(mustNotWrite), runs, SEED);
    expect([...found.values()]).toEqual([]);
    expect(stack.sfn.listExecutions().length).toBe(executionsBefore);
    expect(tap.sent.slice(sentBefore).map((m) => m.raw.slice(0, m.raw.indexOf('\r\n\r\n')))).toEqual([]);
    const after = await allItems(stack.tableName);
    expect(after).toEqual(before);
  });

  it('any request, valid or not: never a 5xx, and nothing of a refused one in the table', async () => {
    const outcomes: Outcome[] = [];
    const runs = Math.ceil((TOTAL * (1 - READ_ONLY_SHARE)) / BATCH);
    await fuzz(anyRoute(undefined, 3), runs, SEED + 1, outcomes);
    expect([...found.values()]).toEqual([]);
    await quiesce(stack);

    const acceptedRequests = outcomes.filter((o) => o.status < 400);
    const accepted = new Set(acceptedRequests.flatMap((o) => emailOf(o.request) ?? []));
    // A hostile string refused as an address may be a fine name or message in an accepted request
    // (e.g. an RFC 2047 encoded word): stored there rightly, so it proves nothing about the refused one.
    const acceptedValues = new Set(acceptedRequests.flatMap((o) => stringsOf(o.request.payload)));
    const refused = new Set(
      outcomes
        .filter((o) => o.status >= 400)
        .flatMap((o) => emailOf(o.request) ?? [])
        .filter((e) => !accepted.has(e) && !acceptedValues.has(e)),
    );
    const stored = new Set<string>();
    for (const item of await allItems(stack.tableName))
      for (const value of Object.values(item)) if (typeof value === 'string') stored.add(value.toLowerCase());
    // Real registrations and join requests happened, so the check below looks where they would be.
    const some = Math.max(3, Math.floor(outcomes.length / 200));
    expect(outcomes.filter((o) => o.status === 202).length).toBeGreaterThan(some);
    expect([...accepted].filter((email) => stored.has(email)).length).toBeGreaterThan(some);
    expect(refused.size).toBeGreaterThan(some);
    expect([...refused].filter((email) => stored.has(email))).toEqual([]);
  });

  it('every email that went out has one recipient, no injected header and no line break in a value', async () => {
    const emails = await inbox(ownInbox.url);
    if (process.env.SAMLA_TEST_VERBOSE) console.log(`${emails.length} emails checked, raw and as received`);
    // Valid requests sent confirmations, with fuzzed names in their headers.
    expect(emails.length).toBeGreaterThan(Math.max(3, Math.floor(TOTAL / 500)));
    expect(tap.sent.length).toBe(emails.length);
    for (const email of emails) {
      expect(email.destination.cc).toEqual([]);
      expect(email.destination.bcc).toEqual([]);
      expect(email.destination.to).toHaveLength(1);
      expect(recipients(email)).not.toContain(injectedBcc);
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
    const problems = tap.sent.flatMap((message) =>
      headerProblems(message).map(
        (problem) => `${problem}\n${message.raw.slice(0, message.raw.indexOf('\r\n\r\n'))}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('spread the requests over every public route', () => {
    const total = [...sentPerRoute.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(TOTAL);
    for (const route of publicRoutes)
      expect(sentPerRoute.get(routeKey(route)) ?? 0, routeKey(route)).toBeGreaterThan(
        TOTAL / publicRoutes.length / 4,
      );
    if (process.env.SAMLA_TEST_VERBOSE)
      console.log(
        [...statusesPerRoute]
          .map(([key, statuses]) => `${key}: ${sentPerRoute.get(key)} → ${[...statuses].sort().join(' ')}`)
          .join('\n'),
      );
  });
});
