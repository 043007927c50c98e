import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupProposal } from '../../shared/domain/group-proposal.ts';
import type { Network } from '../../shared/domain/network.ts';
import type { Language } from '../../shared/i18n.ts';
import { closeAndSummarise } from '../../shared/services/evaluations.ts';
import { tellCoordinators } from '../../shared/services/group-proposals.ts';
import { loadMeetingContext } from '../../shared/services/meeting-context.ts';
import { tellPlacement } from '../../shared/services/membership.ts';
import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import { seedGroup } from '../support/groups.ts';
import { type StoredEmail, type TestStack, uniqueEmail, useLocalStack } from '../support/local-stack.ts';
import { meetingOf } from '../support/meetings.ts';

// Issue 20.1: with coordinatorLanguages set, every mail to a coordinator (not only the digest) is in
// that coordinator's language. Before the fix all 6 of 6 went out in Swedish, the network's first.
let stack: TestStack;
const nb = uniqueEmail('samordnar-nb');
const en = uniqueEmail('coordinator-en');
const network: Network = {
  id: `coordlang-${randomUUID().slice(0, 6)}`,
  name: 'Rektorsnätverket',
  languages: ['sv', 'nb', 'en'],
  coordinators: [nb, en],
  coordinatorLanguages: { [nb]: 'nb', [en]: 'en' },
  memberDomains: ['skola.se'],
  timeZone: 'Europe/Stockholm',
};

beforeAll(async () => {
  stack = await useLocalStack();
  await createNetworkIfMissing(network);
});
afterAll(() => stack.stop());

const htmlLanguage = (mail: StoredEmail) => /<html lang="([a-z]+)"/.exec(mail.body.html ?? '')?.[1];

describe("coordinators' mails", () => {
  it('go out in each coordinator’s own language: join approvals, proposals, evaluation summaries', async () => {
    const { group, members } = await seedGroup(network.id, ['Anna']);
    const [anna] = members;
    if (!anna) throw new Error('no member');
    const now = new Date();
    const outsider = {
      ...anna,
      id: `${anna.id}-x`,
      email: uniqueEmail('outsider'),
      status: 'pending_approval' as const,
    };
    await tellPlacement(network, group, outsider, { status: 'pending_approval' }, now);

    const proposal: GroupProposal = {
      id: randomUUID(),
      networkId: network.id,
      name: 'Åsa',
      email: uniqueEmail('proposer'),
      organisation: 'Skolan',
      title: 'Skolans ekonomi',
      question: 'Hur räcker pengarna?',
      language: 'sv',
      status: 'proposed',
      consent: { at: now.toISOString(), wording: 'group-proposal-v1' },
      createdAt: now.toISOString(),
      confirmationRequestedAt: now.toISOString(),
      confirmationCount: 1,
      expireAt: now.toISOString(),
    };
    await tellCoordinators(network, proposal);

    const meeting = meetingOf(group, {
      startsAt: new Date(now.getTime() - 3 * 24 * 3600_000).toISOString(),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    });
    await closeAndSummarise(await loadMeetingContext(network, group, meeting), now);

    const expected: Record<string, Language> = { [nb]: 'nb', [en]: 'en' };
    let right = 0;
    let all = 0;
    for (const [coordinator, language] of Object.entries(expected)) {
      const mails = await stack.emailsTo(coordinator);
      // One of each kind: the approval request, the proposal notice, the summary.
      expect(mails).toHaveLength(3);
      for (const mail of mails) {
        all += 1;
        if (htmlLanguage(mail) === language) right += 1;
        expect([mail.subject, htmlLanguage(mail)]).toEqual([mail.subject, language]);
      }
    }
    expect(`${right} of ${all}`).toBe('6 of 6');
  });
});
