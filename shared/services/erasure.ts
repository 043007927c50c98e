import { withoutIdentity } from '../domain/evaluation.ts';
import { logger } from '../logger.ts';
import { answerFromItem } from '../store/evaluations.ts';
import { getGroup } from '../store/groups.ts';
import { leaveWaitlist } from '../store/join-requests.ts';
import type { ItemKey } from '../store/keys.ts';
import { getNetwork } from '../store/networks.ts';
import { suppressAddress } from '../store/people.ts';
import { clearIntroducer, deleteItems, deleteParticipation, replaceAnswer } from '../store/person-data.ts';
import { startOfferWorkflow } from '../workflows/offers.ts';
import { passSeatOn } from './membership.ts';
import { collectPersonData } from './privacy.ts';

/**
 * Erases a person: their seats pass to the waitlist as when leaving, their places on waitlists and their
 * replies go, answers they gave with their name stay without it, and every item under their person id is
 * deleted. The suppression entry is written first, so nothing is mailed to them even if a step fails;
 * the steps are idempotent, and the link keeps working until the last one (which deletes it), so a retry
 * finishes the job.
 */
export async function erasePerson(email: string, now: Date): Promise<void> {
  await suppressAddress(email, 'erased', now);
  const data = await collectPersonData(email);
  for (const member of data.memberships) {
    // The place is given up as when leaving, so nobody behind is told a position that counts it.
    if (member.status === 'waitlisted') await leaveWaitlist(member, now);
    if (member.status === 'approved' || member.status === 'offered') {
      const [network, group] = await Promise.all([getNetwork(member.networkId), getGroup(member.groupId)]);
      if (network && group) {
        const passed = await passSeatOn(network, group, member, ['approved', 'offered'], now);
        if (passed.offer) await startOfferWorkflow(passed.offer);
      }
    }
  }
  for (const reply of data.participation)
    await deleteParticipation(String(reply.meetingId), String(reply.memberId));
  for (const answer of data.answers) {
    await replaceAnswer(
      { pk: answer.pk, sk: answer.sk },
      String(answer.meetingId),
      withoutIdentity({ ...answerFromItem(answer), anonymous: true }),
    );
  }
  for (const intro of data.introductions) {
    const member = data.memberships.find((m) => m.groupId === intro.groupId);
    if (member) await clearIntroducer(intro.groupId, intro.meetingId, member.id);
  }
  const keysToDelete: ItemKey[] = data.items.map(({ pk, sk }) => ({ pk, sk }));
  await deleteItems(keysToDelete);
  logger.info('person erased', { items: keysToDelete.length, memberships: data.memberships.length });
}
