import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../../shared/clients/dynamodb.ts';
import { type Group, type JoinRequest, joinRequestId, newJoinRequest } from '../../shared/domain/group.ts';
import { issueLink } from '../../shared/links.ts';
import { optInTiming } from '../../shared/services/opt-in.ts';
import { claimWaitlistPlace, createGroup } from '../../shared/store/groups.ts';
import { createJoinRequest, joinWaitlist, putApprovedMember } from '../../shared/store/join-requests.ts';
import type { TestStack } from './local-stack.ts';

/**
 * A group with seated members, written straight to the table of the test's local stack (joining has
 * tests of its own): for tests of what comes after, meetings and evaluations. Members join in the order
 * named, each with a unique address at skola.se.
 */
export async function seedGroup(
  networkId: string,
  names: readonly string[],
  overrides: Partial<Group> = {},
  /** When the members took their seats: before any past meeting they are to have been at. */
  seatedAt: Date = new Date(),
): Promise<{ group: Group; members: JoinRequest[] }> {
  const at = seatedAt.toISOString();
  const group: Group = {
    id: randomUUID().slice(0, 12),
    networkId,
    title: 'Kollegialt lärande',
    question: 'Hur får vi tid till kollegialt lärande?',
    facilitator: { name: 'Åsa', email: `asa-${randomUUID().slice(0, 6)}@skola.se` },
    capacity: 10,
    seatsTaken: names.length,
    mode: 'online',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
  await createGroup(group);
  const members = names.map((name, i): JoinRequest => {
    const email = `${name.toLowerCase()}-${randomUUID().slice(0, 6)}@skola.se`;
    return {
      id: joinRequestId(group.id, email),
      groupId: group.id,
      networkId,
      name,
      email,
      organisation: 'Skolan',
      role: 'Rektor',
      language: 'sv',
      status: 'approved',
      consent: { at, wording: 'join-v1' },
      createdAt: at,
      confirmationRequestedAt: at,
      confirmationCount: 1,
      expireAt: at,
      approvedAt: new Date(seatedAt.getTime() + i).toISOString(),
    };
  });
  if (members.length > 0)
    await dynamo.send(
      new TransactWriteCommand({ TransactItems: members.map((member) => putApprovedMember(member)) }),
    );
  return { group, members };
}

/** A wall-clock time `days` from now in Stockholm, as the admin API takes it ("2027-01-19T17:00"). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 24 * 3600_000)
    .toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' })
    .slice(0, 16)
    .replace(' ', 'T');
}

/**
 * People on the waitlist of a full group, in this order, placed as confirming would place them (a claimed
 * place, then the request on the list), each with a unique address at skola.se.
 */
export async function seedWaitlist(group: Group, count: number): Promise<JoinRequest[]> {
  const waiting: JoinRequest[] = [];
  for (let i = 0; i < count; i += 1) {
    const now = new Date();
    const email = `waiting${i}-${randomUUID().slice(0, 8)}@skola.se`;
    const request = newJoinRequest(
      group,
      { name: 'Åsa', email, organisation: 'Skolan', role: 'Rektor' },
      'sv',
      optInTiming(),
      now,
    );
    await createJoinRequest(request, now);
    const seq = await claimWaitlistPlace(group.id, request);
    const placed = await joinWaitlist(request, ['pending_confirmation'], seq, now);
    if (placed !== 'done') throw new Error(`could not put ${email} on the waitlist: ${placed}`);
    waiting.push({ ...request, status: 'waitlisted', waitlistSeq: seq });
  }
  return waiting;
}

/** A member's personal leave link, valid for a day. */
export function leaveLinkOf(member: JoinRequest): Promise<string> {
  return issueLink(
    'leave-group',
    {
      networkId: member.networkId,
      subjectId: member.id,
      groupId: member.groupId,
      language: 'sv',
      person: member.email,
    },
    new Date(Date.now() + 24 * 3600_000).toISOString(),
  );
}

/**
 * Closed by a coordinator through the admin API, as the console closes it; throws unless it answers 200.
 * `authorization`: a coordinator's `Bearer …` header for the group's network.
 */
export async function closeGroup(stack: TestStack, groupId: string, authorization: string): Promise<void> {
  const closed = await stack.api(`/v1/admin/groups/${groupId}`, {
    method: 'PATCH',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'closed' }),
  });
  if (closed.status !== 200)
    throw new Error(`closing group ${groupId}: ${closed.status} ${await closed.text()}`);
}
