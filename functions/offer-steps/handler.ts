import middy from '@middy/core';
import * as z from 'zod/mini';
import { groupDedupeKey } from '../../shared/domain/group.ts';
import { logContext, logger } from '../../shared/logger.ts';
import { composeOfferExpired } from '../../shared/mail/groups.ts';
import { mail } from '../../shared/mail/render.ts';
import { asWorkflowStep, sendOnce } from '../../shared/notify.ts';
import { passSeatOn } from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import type { OfferWorkflowInput } from '../../shared/workflows/offers.ts';

const EndOfferInput = z.object({
  groupId: z.string().check(z.minLength(1)),
  requestId: z.string().check(z.minLength(1)),
  offerExpiresAt: z.iso.datetime(),
});

/**
 * The offer's time is up. If the seat was taken or declined meanwhile there is nothing to do; otherwise
 * the person loses the offer (and is told), and the seat goes to the next in line, whose offer the state
 * machine then waits for.
 */
const steps = middy()
  .use(logContext())
  .handler(async (event: unknown): Promise<{ next?: OfferWorkflowInput }> => {
    const { groupId, requestId, offerExpiresAt } = EndOfferInput.parse(event);
    logger.appendKeys({ groupId, requestId });
    const [group, request] = await Promise.all([getGroup(groupId), getJoinRequest(groupId, requestId)]);
    if (!group || request?.status !== 'offered' || request.offerExpiresAt !== offerExpiresAt) return {};
    const network = await getNetwork(group.networkId);
    if (!network) throw new Error(`network ${group.networkId} is gone`);

    const passed = await passSeatOn(network, group, request, ['offered'], new Date(), {
      leavingStatus: 'offer_expired',
    });
    if (passed.outcome === 'done') {
      await sendOnce({
        dedupeKey: groupDedupeKey(request, `offer-expired:${offerExpiresAt}`),
        to: request.email,
        language: request.language,
        member: { networkId: request.networkId, category: 'transactional' },
        message: () =>
          mail(composeOfferExpired, {
            recipientName: request.name,
            networkName: network.name,
            groupTitle: group.title,
          }),
      });
    }
    return passed.offer ? { next: passed.offer } : {};
  });

/** A workflow step: an email someone else is sending right now is retried, not skipped (notify.ts). */
export const handler = asWorkflowStep(steps);
