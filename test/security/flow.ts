/**
 * One pass through what members and coordinators do, through the local API and the emailed links:
 * registering and confirming, joining (seat, waitlist, a coordinator's decision), leaving and taking an
 * offered seat, proposing a group, answering a meeting and evaluating it. Returns every address used and
 * every emailed link, so the security tests can look for them where they must not be.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { JoinRequest } from '../../shared/domain/group.ts';
import { routes } from '../../shared/http/routes.ts';
import { inDays, seedGroup } from '../support/groups.ts';
import type { StoredEmail, TestStack } from '../support/local-stack.ts';
import { seedNetwork } from '../support/networks.ts';

export interface Link {
  readonly kind: string;
  readonly url: string;
  readonly token: string;
}

export interface Walked {
  readonly networkId: string;
  /** The one-seat group, and the member who joined it first and left it by the emailed link. */
  readonly groupId: string;
  readonly leaver: string;
  /** Every address the pass used: members, coordinators, the facilitator. */
  readonly addresses: readonly string[];
  /** Every link in every email they got, by kind (`confirm`, `leave`, …). */
  readonly links: readonly Link[];
  readonly emails: readonly StoredEmail[];
}

/** The wait between a meeting workflow's steps: time to answer before the next one. */
export const WAIT_FOR_NEXT_MS = 3000;

const tokenLink = /https?:\/\/[^\s"'<>]+?\/v1\/([a-z-]+)\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g;

export function linksIn(email: StoredEmail): Link[] {
  const text = `${email.body.text ?? ''}\n${(email.body.html ?? '').replaceAll('&amp;', '&')}`;
  const links = new Map<string, Link>();
  for (const m of text.matchAll(tokenLink)) {
    const token = m[2] as string;
    if (!links.has(token)) links.set(token, { kind: m[1] as string, url: m[0], token });
  }
  return [...links.values()];
}

export async function walkThrough(stack: TestStack): Promise<Walked> {
  const tag = randomUUID().slice(0, 6);
  const networkId = `security-${tag}`;
  const coordinator = `samordnare-${tag}@example.org`;
  const address = (label: string, domain = 'skola.se') => `${label}-${tag}@${domain}`;
  const admin = await seedNetwork(stack, { id: networkId, name: 'Säkerhetsnätverket', coordinator });
  const post = (path: string, body: unknown) =>
    stack.api(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  const press = async (url: string, body?: unknown) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, url).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };
  const open = async (url: string) =>
    expect((await fetch(url, { headers: { accept: 'text/html' } })).status, url).toBeLessThan(500);
  const linkTo = async (to: string, kind: string, predicate: (mail: StoredEmail) => boolean = () => true) => {
    const mail = await stack.waitForEmailTo(
      to,
      (m) => predicate(m) && linksIn(m).some((l) => l.kind === kind),
      30_000,
    );
    return linksIn(mail).filter((l) => l.kind === kind);
  };
  const person = (email: string) => ({
    name: 'Åsa Ericson',
    email,
    organisation: 'Skolan',
    role: 'Rektor',
    consent: true,
  });

  // Registering interest, confirmed by the emailed link after a look at its page.
  const registrant = address('registrant', 'example.org');
  expect(
    (await post(`/v1/networks/${networkId}/interest`, { ...person(registrant), topics: ['Ekonomi'] })).status,
  ).toBe(202);
  const [confirmRegistration] = await linkTo(registrant, 'confirm');
  await open(confirmRegistration?.url ?? '');
  expect(await press(confirmRegistration?.url ?? '')).toMatchObject({ status: 'confirmed' });

  // Joining a group of one seat: the first gets it, the second waits; an outsider needs a decision.
  const { group } = await seedGroup(networkId, [], {
    id: `sec-${tag}`,
    title: 'Rektors mandat',
    question: 'Hur tydliggör vi mandatet?',
    facilitator: { name: 'Maria' },
    capacity: 1,
  });
  const [seated, waiting] = [address('seated'), address('waiting')];
  const outsider = address('outsider', 'elsewhere.example');
  for (const email of [seated, waiting, outsider]) {
    expect((await post(`/v1/groups/${group.id}/join-requests`, person(email))).status).toBe(202);
    const [confirm] = await linkTo(email, 'confirm');
    await open(confirm?.url ?? '');
    await press(confirm?.url ?? '');
  }
  const [approve] = await linkTo(coordinator, 'decisions', (m) => (m.body.text ?? '').includes(outsider));
  await open(approve?.url ?? '');
  expect(await press(approve?.url ?? '')).toMatchObject({ result: 'join-request-waitlisted' });

  // The seated member leaves; the seat is offered to the first in line, who takes it.
  const [leave] = await linkTo(seated, 'leave');
  await open(leave?.url ?? '');
  expect(await press(leave?.url ?? '')).toEqual({ result: 'left-group' });
  const [offer] = await linkTo(waiting, 'offers');
  await open(offer?.url ?? '');
  expect(await press(offer?.url ?? '')).toEqual({ result: 'offer-accepted' });

  // A proposal for a new group, confirmed.
  const proposer = address('proposer');
  expect(
    (
      await post(`/v1/networks/${networkId}/group-proposals`, {
        ...person(proposer),
        title: 'Skolgårdar',
        question: 'Hur gör vi skolgården trygg?',
      })
    ).status,
  ).toBe(202);
  const [confirmProposal] = await linkTo(proposer, 'confirm');
  await press(confirmProposal?.url ?? '');

  // A meeting: invitation with RSVP links, an answer, attendance, then the evaluation and an answer to it.
  const { group: meetingGroup, members } = await seedGroup(networkId, ['Anna', 'Bertil']);
  const [anna, bertil] = members as [JoinRequest, JoinRequest];
  const scheduled = await stack.api(`/v1/admin/groups/${meetingGroup.id}/meetings`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ firstLocal: inDays(2), mode: 'online', onlineUrl: 'https://meet.example.org/s' }),
  });
  expect(scheduled.status).toBe(201);
  const [meeting] = ((await scheduled.json()) as { meetings: { id: string }[] }).meetings;
  const rsvp = await linkTo(anna.email, 'rsvp');
  await open(rsvp[0]?.url ?? '');
  await press(rsvp[0]?.url ?? '');
  await press((await linkTo(bertil.email, 'rsvp'))[1]?.url ?? '');
  const attendance = await stack.api(
    `/v1/admin/groups/${meetingGroup.id}/meetings/${meeting?.id}/attendance`,
    {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ attendance: [{ memberId: anna.id, status: 'present' }] }),
    },
  );
  expect(attendance.status).toBe(200);
  const [feedback] = await linkTo(anna.email, 'feedback');
  await open(`${feedback?.url}?rating=8`);
  expect(
    await press(feedback?.url ?? '', { rating: 8, nextTimeBetter: 'Mer tid', anonymous: false }),
  ).toMatchObject({
    status: 'recorded',
  });

  // A privacy request, where the route table has one.
  const privacyRoute = routes.find(
    (route) => route.path === '/v1/privacy/requests' && route.method === 'POST',
  );
  if (privacyRoute) {
    expect((await post('/v1/privacy/requests', { email: registrant, kind: 'export' })).status).toBe(202);
    await linkTo(registrant, 'privacy');
  }

  // Until the meeting's workflow is done: its evaluation closes with a summary to the coordinator.
  const execution = await stack.waitForExecutionStarted((input) => input.meetingId === meeting?.id);
  await stack.sfn.waitForExecution(execution.executionArn, 60_000);

  const addresses = [
    registrant,
    seated,
    waiting,
    outsider,
    proposer,
    coordinator,
    anna.email,
    bertil.email,
    meetingGroup.facilitator.email ?? '',
  ];
  const emails = (await Promise.all(addresses.map((a) => stack.emailsTo(a)))).flat();
  return { networkId, groupId: group.id, leaver: seated, addresses, links: emails.flatMap(linksIn), emails };
}
