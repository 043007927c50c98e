import type { Network } from '../domain/network.ts';
import { type Overview, overviewFrom, overviewLimits, withinDaysBefore } from '../domain/overview.ts';
import { collectNetworkState } from './network-state.ts';

/**
 * The console's overview of a network (GET /v1/admin/networks/{networkId}/overview): the digest's
 * collection (shared/services/network-state.ts), read now, with the evaluations of the last month.
 *
 * What one call costs, by AWS's billing rules (a Query adds up the sizes of the items it reads, filtered or
 * not, and rounds up once per 4 KB: 1 RRU strongly consistent, 0.5 RRU eventually consistent; an empty
 * Query still costs its minimum). Measured with test/bench's meter for a network of 500 confirmed members
 * (two topics each), 25 open groups of 12 members with 3 meetings each, two waitlists of 3, 4 meetings in
 * the coming two weeks with 12 RSVPs each and 4 evaluations closed in the last month with 8 answers:
 *
 * - confirmed registrations (gsi1, eventual): 500 items, ~316 KB → 39.5 RRU (one 1 MB page);
 * - open groups, waiting proposals, pending approvals (gsi1, eventual): 1.5 + 0.5 + 0.5 RRU;
 * - per open group: its join requests (strong, ~6 KB → 2 RRU), its meetings (strong, ~1.5 KB → 1 RRU)
 *   and its waitlist (gsi1, eventual → 0.5 RRU): 3.5 RRU × 25 = 87.5 RRU;
 * - per meeting in the window, its RSVPs (strong, ~2 KB → 1 RRU): 4 RRU;
 * - per evaluation closed in the last month, its answer count (Select COUNT is billed as the items it
 *   reads; eventual → 0.5 RRU): 2 RRU;
 *
 * 135.5 RRU in 87 Queries a call: the same reads as one digest. The registrations grow with the members
 * (~8 RRU per 100), the group partitions with the open groups and their history (members who left stay in
 * the partition). `registrationsTotal` costs nothing more: the topics need every confirmed registration
 * anyway. Only Queries on keys, never a Scan; what the answer lists is bounded (overviewLimits), the reads
 * by the network's size.
 */
export async function collectOverview(network: Network, now: Date): Promise<Overview> {
  const state = await collectNetworkState(network, now, {
    evaluationsClosed: (closedAt) => withinDaysBefore(closedAt, now, overviewLimits.evaluationDays),
  });
  return overviewFrom(network, state, now);
}
