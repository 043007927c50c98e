import { describe, expect, it } from 'vitest';
import { joinRequestId } from '../../shared/domain/group.ts';
import {
  type GroupProposal,
  groupFromProposal,
  groupProposalId,
  newGroupProposal,
  normaliseTitle,
  proposalDedupeKey,
  proposerMembership,
} from '../../shared/domain/group-proposal.ts';
import { isLapsed } from '../../shared/domain/opt-in.ts';
import { recipientTag } from '../../shared/domain/registration.ts';

const now = new Date('2026-11-23T10:00:00Z');
const timing = { reminderAfterSeconds: 48 * 3600, expireAfterSeconds: 7 * 24 * 3600 };
const input = {
  name: 'Åsa Ericson',
  email: ' Asa@Ekskolan.SE ',
  organisation: 'Ekskolan',
  title: 'Rektors mandat',
  question: 'Hur tydliggör vi rektors mandat gentemot huvudmannen?',
};

describe('proposal ids', () => {
  it('are one per network, address and title, however the title is spaced or cased', () => {
    const id = groupProposalId('demo', 'asa@ekskolan.se', 'Rektors mandat');
    expect(groupProposalId('demo', ' ASA@ekskolan.se', '  rektors   MANDAT ')).toBe(id);
    expect(groupProposalId('demo', 'asa@ekskolan.se', 'Rektors mandat i praktiken')).not.toBe(id);
    expect(groupProposalId('other', 'asa@ekskolan.se', 'Rektors mandat')).not.toBe(id);
    expect(groupProposalId('demo', 'bo@ekskolan.se', 'Rektors mandat')).not.toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('normalise titles: Unicode form, spacing and case (Swedish and Norwegian letters too)', () => {
    expect(normaliseTitle('  Skolans   ÖVERGÅNGAR ')).toBe('skolans övergångar');
    expect(normaliseTitle('Ledelse på Ø')).toBe(normaliseTitle('ledelse PÅ ø'));
    // "å" as one code point and as "a" with a combining ring.
    expect(normaliseTitle('Skolgård')).toBe(normaliseTitle('Skolga\u030Ard'));
  });
});

describe('a new proposal', () => {
  it('waits for its confirmation as configured, reminded once, with the address normalised and the consent recorded', () => {
    const proposal = newGroupProposal('demo', { ...input, role: '', message: '' }, 'sv', timing, now);
    expect(proposal).toMatchObject({
      id: groupProposalId('demo', 'asa@ekskolan.se', 'Rektors mandat'),
      networkId: 'demo',
      email: 'asa@ekskolan.se',
      status: 'pending_confirmation',
      language: 'sv',
      consent: { at: now.toISOString(), wording: 'proposal-v1' },
      confirmationCount: 1,
      confirmationRequestedAt: now.toISOString(),
      remindAt: '2026-11-25T10:00:00.000Z',
      expireAt: '2026-11-30T10:00:00.000Z',
    });
    // Blank optional fields are left out, not stored empty.
    expect(proposal).not.toHaveProperty('role');
    expect(proposal).not.toHaveProperty('message');
    expect(newGroupProposal('demo', { ...input, role: 'Rektor' }, 'nb', timing, now)).toMatchObject({
      role: 'Rektor',
      language: 'nb',
    });
  });

  it('lapses when unconfirmed past its expiry, and only then', () => {
    const proposal = newGroupProposal('demo', input, 'sv', timing, now);
    const later = new Date(Date.parse(proposal.expireAt));
    expect(isLapsed(proposal, now)).toBe(false);
    expect(isLapsed(proposal, later)).toBe(true);
    expect(isLapsed({ ...proposal, status: 'proposed' }, later)).toBe(false);
    expect(isLapsed({ ...proposal, status: 'expired' }, now)).toBe(true);
  });
});

describe('turning a proposal into a group', () => {
  const confirmedAt = '2026-11-23T11:00:00.000Z';
  const proposal: GroupProposal = {
    ...newGroupProposal('demo', { ...input, role: 'Rektor' }, 'nb', timing, now),
    status: 'proposed',
    confirmedAt,
  };
  const decidedAt = new Date('2026-11-25T09:00:00Z');
  const decision = { facilitator: { name: 'Maria Lindqvist' }, capacity: 8, mode: 'online' as const };

  it('takes the proposal’s title and question unless the coordinator rewrote them, with one seat taken', () => {
    const group = groupFromProposal(proposal, decision, 'g1', decidedAt);
    expect(group).toEqual({
      id: 'g1',
      networkId: 'demo',
      title: 'Rektors mandat',
      question: input.question,
      facilitator: { name: 'Maria Lindqvist' },
      capacity: 8,
      seatsTaken: 1,
      mode: 'online',
      status: 'open',
      createdAt: decidedAt.toISOString(),
      updatedAt: decidedAt.toISOString(),
    });
    const rewritten = groupFromProposal(
      proposal,
      {
        ...decision,
        title: 'Rektorer och huvudmän',
        question: 'Vem bestämmer vad?',
        facilitator: { name: 'Maria', email: 'maria@example.org' },
        mode: 'in_person',
        location: 'Göteborg',
      },
      'g2',
      decidedAt,
    );
    expect(rewritten).toMatchObject({
      title: 'Rektorer och huvudmän',
      question: 'Vem bestämmer vad?',
      facilitator: { name: 'Maria', email: 'maria@example.org' },
      location: 'Göteborg',
    });
  });

  it('makes the proposer an approved member, confirmed when the proposal was, in their language', () => {
    const group = groupFromProposal(proposal, decision, 'g1', decidedAt);
    const member = proposerMembership(proposal, group, decidedAt);
    expect(member).toMatchObject({
      id: joinRequestId('g1', 'asa@ekskolan.se'),
      groupId: 'g1',
      networkId: 'demo',
      name: 'Åsa Ericson',
      email: 'asa@ekskolan.se',
      organisation: 'Ekskolan',
      role: 'Rektor',
      language: 'nb',
      status: 'approved',
      consent: proposal.consent,
      confirmedAt,
      approvedAt: decidedAt.toISOString(),
    });
    const { role: _r, ...withoutRole } = proposal;
    expect(proposerMembership(withoutRole, group, decidedAt).role).toBe('');
  });
});

describe('dedupe keys', () => {
  it('give each email of a proposal round its own key, with no address in it', () => {
    const proposal = { networkId: 'demo', id: 'p1', createdAt: '2026-11-23T10:00:00Z' };
    expect(proposalDedupeKey(proposal, 'accepted')).not.toBe(proposalDedupeKey(proposal, 'declined'));
    expect(proposalDedupeKey(proposal, 'accepted')).not.toBe(
      proposalDedupeKey({ ...proposal, createdAt: '2026-12-01T10:00:00Z' }, 'accepted'),
    );
    const tag = recipientTag('Samordnare@Example.org ');
    expect(tag).toBe(recipientTag('samordnare@example.org'));
    expect(tag).not.toContain('@');
    expect(tag).not.toMatch(/samordnare/i);
    expect(recipientTag('annan@example.org')).not.toBe(tag);
  });
});
