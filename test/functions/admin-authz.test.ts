/**
 * The authorisation matrix of the admin API, generated from the route table: every route with auth
 * 'coordinator' — the ones there now and any added later — is called through the local gateway with no
 * token, a badly signed one, an expired one, a token for another network and one for the right network.
 *
 * Path parameters: `{networkId}` is the seeded demo network; any other gets a dummy id, so the right
 * network may well answer 404 there (it must not answer 401 or 403). A route whose path names no network
 * cannot tell "another network" from "no such thing" for a dummy id, so there 403 or 404 both pass —
 * unless `realIds` below can make a real one for its parameter, which makes the check strict.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpsFrom } from '../../shared/domain/follow-up.ts';
import { type JoinRequest, joinRequestId } from '../../shared/domain/group.ts';
import { type RouteDef, routes } from '../../shared/http/routes.ts';
import { addFollowUps } from '../../shared/store/follow-ups.ts';
import { createJoinRequest } from '../../shared/store/join-requests.ts';
import { createMeetings } from '../../shared/store/meetings.ts';
import { seedGroup } from '../support/groups.ts';
import { type TestStack, type TestTokenRequest, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await useLocalStack();
});
afterAll(() => stack.stop());

const coordinatorRoutes = routes.filter((route) => route.auth === 'coordinator');
const OTHER_NETWORK = 'some-other-network';

/**
 * Makes a real resource for a path parameter of the demo network (e.g. a group for `{groupId}`), so that
 * a token for another network must get 403 rather than 404. Add one when a route needs it.
 */
const realIds: Record<string, (stack: TestStack, networkId: string) => Promise<string>> = {
  groupId: (_stack, networkId) => {
    let id = realGroups.get(networkId);
    if (id === undefined) {
      id = createRealGroup(networkId);
      realGroups.set(networkId, id);
    }
    return id;
  },
  // A member of that group: deciding on it again is a 409, so no call of the matrix changes anything.
  requestId: async (stack, networkId) => {
    const groupId = await (realIds.groupId as (s: TestStack, n: string) => Promise<string>)(stack, networkId);
    let id = realRequests.get(groupId);
    if (id === undefined) {
      id = createRealMember(groupId, networkId);
      realRequests.set(groupId, id);
    }
    return id;
  },
  // A follow-up of that group: marking it again changes nothing that matters here.
  followUpId: async (stack, networkId) => {
    const groupId = await (realIds.groupId as (s: TestStack, n: string) => Promise<string>)(stack, networkId);
    let id = realFollowUps.get(groupId);
    if (id === undefined) {
      id = createRealFollowUp(groupId);
      realFollowUps.set(groupId, id);
    }
    return id;
  },
  // A cancelled meeting of that group: changing it again is a 409, so no call starts a workflow.
  meetingId: async (stack, networkId) => {
    const groupId = await (realIds.groupId as (s: TestStack, n: string) => Promise<string>)(stack, networkId);
    let id = realMeetings.get(groupId);
    if (id === undefined) {
      id = createRealMeeting(groupId, networkId);
      realMeetings.set(groupId, id);
    }
    return id;
  },
};

const realMeetings = new Map<string, Promise<string>>();
const realFollowUps = new Map<string, Promise<string>>();

async function createRealFollowUp(groupId: string): Promise<string> {
  const [followUp] = followUpsFrom(
    groupId,
    `meeting-${groupId}`,
    { parkedQuestions: ['En parkerad fråga'], suggestions: [] },
    new Date(),
  );
  if (!followUp) throw new Error('no follow-up');
  await addFollowUps([followUp]);
  return followUp.id;
}

async function createRealMeeting(groupId: string, networkId: string): Promise<string> {
  const id = `meeting-${groupId}`;
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  await createMeetings([
    meetingOf({ id: groupId, networkId }, { id, startsAt, status: 'cancelled', version: 2 }),
  ]);
  return id;
}

/** One group of the network for every `{groupId}` route; nothing those calls do changes what it is. */
const realGroups = new Map<string, Promise<string>>();
const realRequests = new Map<string, Promise<string>>();

async function createRealMember(groupId: string, networkId: string): Promise<string> {
  const at = new Date().toISOString();
  const request: JoinRequest = {
    id: joinRequestId(groupId, 'member@example.org'),
    groupId,
    networkId,
    name: 'Åsa',
    email: 'member@example.org',
    organisation: 'Ekskolan',
    role: 'Rektor',
    language: 'sv',
    status: 'approved',
    consent: { at, wording: 'join-v1' },
    createdAt: at,
    confirmationRequestedAt: at,
    confirmationCount: 1,
    expireAt: at,
    confirmedAt: at,
    approvedAt: at,
  };
  await createJoinRequest(request, new Date());
  return request.id;
}

async function createRealGroup(networkId: string): Promise<string> {
  const { group } = await seedGroup(networkId, [], {
    id: `authz-${randomUUID().slice(0, 8)}`,
    title: 'Rektors mandat',
    question: 'Hur tydliggör vi rektors mandat?',
    facilitator: { name: 'Maria' },
    capacity: 10,
  });
  return group.id;
}

async function pathFor(route: RouteDef, networkId: string): Promise<string> {
  let path = route.path;
  for (const [, name] of route.path.matchAll(/\{(\w+)\+?\}/g)) {
    const value =
      name === 'networkId'
        ? networkId
        : await (realIds[name as string]?.(stack, networkId) ?? Promise.resolve('dummy-id-0000'));
    path = path.replace(new RegExp(`\\{${name}\\+?\\}`), encodeURIComponent(value));
  }
  return path;
}

const namesNetwork = (route: RouteDef) => route.path.includes('{networkId}');
const strictOtherNetwork = (route: RouteDef) =>
  namesNetwork(route) ||
  [...route.path.matchAll(/\{(\w+)\+?\}/g)].every(([, name]) => (name as string) in realIds);

async function call(route: RouteDef, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  if (hasBody) headers['content-type'] = 'application/json';
  return stack.api(await pathFor(route, stack.demoNetworkId), {
    method: route.method,
    headers,
    // An empty object: a right-network request may fail validation (400), never authorisation.
    ...(hasBody ? { body: '{}' } : {}),
  });
}

const token = (request: Partial<TestTokenRequest> = {}) =>
  stack.token({ email: 'coordinator@example.org', networks: [stack.demoNetworkId], ...request });

async function expectUnauthorized(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  // What API Gateway's JWT authorizer answers, before any Lambda runs.
  expect(await response.json()).toEqual({ message: 'Unauthorized' });
}

describe('the admin API has routes to check', () => {
  it('lists coordinator routes in the route table', () => {
    expect(coordinatorRoutes.length).toBeGreaterThanOrEqual(5);
  });

  it('covers the group proposal routes, and checks every route that names a group strictly', () => {
    expect(coordinatorRoutes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'GET /v1/admin/networks/{networkId}/group-proposals',
        'POST /v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept',
        'POST /v1/admin/networks/{networkId}/group-proposals/{proposalId}/decline',
      ]),
    );
    const naming = coordinatorRoutes.filter((route) => route.path.includes('{groupId}'));
    expect(naming.length).toBeGreaterThanOrEqual(4);
    for (const route of naming) expect(strictOtherNetwork(route), route.path).toBe(true);
  });
});

describe.each(coordinatorRoutes.map((route) => [`${route.method} ${route.path}`, route] as const))(
  '%s',
  (_, route) => {
    it('answers 401 without a token', async () => {
      await expectUnauthorized(await call(route, undefined));
    });

    it('answers 401 to a token with a bad signature', async () => {
      await expectUnauthorized(await call(route, await token({ admin: true, signWith: 'other-key' })));
    });

    it('answers 401 to an expired token', async () => {
      await expectUnauthorized(await call(route, await token({ admin: true, expiresIn: -60 })));
    });

    it('answers 401 to a token from another issuer or for another audience', async () => {
      await expectUnauthorized(
        await call(route, await token({ admin: true, claims: { iss: 'https://elsewhere.example' } })),
      );
      await expectUnauthorized(await call(route, await token({ admin: true, claims: { aud: 'other-app' } })));
    });

    it('answers 403 to a coordinator of another network', async () => {
      const response = await call(route, await token({ networks: [OTHER_NETWORK] }));
      if (strictOtherNetwork(route) || route.adminOnly) expect(response.status).toBe(403);
      else expect([403, 404]).toContain(response.status);
      const body = (await response.json()) as { error: { code: string } };
      if (response.status === 403) expect(body.error.code).toBe('forbidden');
    });

    if (route.adminOnly) {
      it('answers 403 to a coordinator of the network who is not an admin', async () => {
        const response = await call(route, await token());
        expect(response.status).toBe(403);
      });
    }

    it(`lets ${route.adminOnly ? 'an admin' : 'a coordinator of the network'} through`, async () => {
      const response = await call(route, await token({ admin: route.adminOnly === true }));
      // Anything but an authorisation failure: 200, 201, 400 for the empty body, 404 for a dummy id.
      expect([401, 403], `${response.status} ${await response.text()}`).not.toContain(response.status);
    });

    if (!route.adminOnly) {
      it('lets an admin through without being in the network’s group', async () => {
        const response = await call(route, await token({ networks: [], admin: true }));
        expect([401, 403]).not.toContain(response.status);
      });
    }
  },
);

describe('tokens the authorizer passes but the handlers refuse', () => {
  const route = coordinatorRoutes.find((r) => namesNetwork(r) && r.method === 'GET');

  it('refuses an access token (no email; only ID tokens name the coordinator)', async () => {
    if (route === undefined) throw new Error('no GET route with {networkId}');
    const response = await call(route, await token({ claims: { token_use: 'access' } }));
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('accepts the token without the Bearer prefix, as API Gateway does', async () => {
    if (route === undefined) throw new Error('no GET route with {networkId}');
    const response = await stack.api(await pathFor(route, stack.demoNetworkId), {
      headers: { authorization: await token() },
    });
    expect([401, 403]).not.toContain(response.status);
  });

  it('says why in www-authenticate, as API Gateway does', async () => {
    if (route === undefined) throw new Error('no GET route with {networkId}');
    const response = await call(route, await token({ expiresIn: -60 }));
    expect(response.headers.get('www-authenticate')).toMatch(/invalid_token.*expired/);
  });
});
