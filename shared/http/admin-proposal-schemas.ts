import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { groupFields } from './admin-group-schemas.ts';
import { meta } from './zod-meta.ts';

/* Group proposals: a member proposes a group around one question; coordinators turn it into a group. */

export const GroupProposalParams = z.object({ networkId: z.string(), proposalId: z.string() });

const proposalStatus = z.enum(['pending_confirmation', 'proposed', 'accepted', 'declined', 'expired']);

export const AdminGroupProposal = meta(
  z.object({
    id: z.string(),
    networkId: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.optional(z.string()),
    title: z.string(),
    question: z.string(),
    message: z.optional(z.string()),
    language: z.enum(languages),
    status: proposalStatus,
    createdAt: z.string(),
    confirmedAt: z.optional(z.string()),
    decidedAt: z.optional(z.string()),
    groupId: meta(z.optional(z.string()), { description: 'The group it became, once accepted' }),
    decisionMessage: z.optional(z.string()),
  }),
  { id: 'AdminGroupProposal' },
);

export const AdminGroupProposalList = meta(z.object({ proposals: z.array(AdminGroupProposal) }), {
  id: 'AdminGroupProposalList',
});

/** Only confirmed proposals are listed: unconfirmed ones are nobody's business until confirmed. */
export const GroupProposalListQuery = z.strictObject({
  status: z.optional(z.enum(['proposed', 'accepted', 'declined'])),
});

/**
 * What turns a proposal into a group. A proposal carries a title and a question (which the coordinator
 * may rewrite), but no facilitator, capacity or mode: those are required here.
 */
export const AcceptGroupProposal = meta(
  z.strictObject({
    ...groupFields,
    title: meta(z.optional(groupFields.title), { description: 'Default: the proposal’s title' }),
    question: meta(z.optional(groupFields.question), { description: 'Default: the proposal’s question' }),
  }),
  { id: 'AcceptGroupProposal' },
);

export type AcceptGroupProposal = z.output<typeof AcceptGroupProposal>;

export const ProposalDeclined = meta(z.object({ id: z.string(), status: z.literal('declined') }), {
  id: 'ProposalDeclined',
});
