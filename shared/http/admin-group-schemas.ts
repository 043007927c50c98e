import * as z from 'zod/mini';
import { languages } from '../i18n.ts';
import { email, singleLine } from './form-fields.ts';
import { meta } from './zod-meta.ts';

/* The coordinators' requests and answers about groups, join requests, proposals and follow-ups. */

const int = () => z.number().check(z.int());

export const JoinRequestParams = z.object({ groupId: z.string(), requestId: z.string() });

const groupFields = {
  title: singleLine(160),
  question: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  facilitator: z.strictObject({ name: singleLine(120), email: z.optional(email) }),
  capacity: int().check(z.gte(1), z.lte(500)),
  mode: z.enum(['online', 'in_person']),
  location: meta(z.optional(z.string().check(z.trim(), z.maxLength(500))), {
    description: 'Address, or the meeting link for online',
  }),
};

export const CreateGroup = meta(z.strictObject(groupFields), { id: 'CreateGroup' });

export type CreateGroup = z.output<typeof CreateGroup>;

export const FollowUpSharingSchema = meta(
  z.strictObject({
    suggestions: z.enum(['facilitator', 'group']),
    parkedQuestions: z.enum(['facilitator', 'group']),
  }),
  {
    description:
      'Who sees the last evaluations’ follow-ups in meeting emails (default: suggestions the facilitator, parked questions the group)',
  },
);

export const UpdateGroup = meta(
  z
    .partial(
      z.strictObject({ ...groupFields, status: z.enum(['open', 'closed']), sharing: FollowUpSharingSchema }),
    )
    .check(z.refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })),
  { id: 'UpdateGroup' },
);

export type UpdateGroup = z.output<typeof UpdateGroup>;

export const AdminGroup = meta(
  z.object({
    id: z.string(),
    networkId: z.string(),
    title: z.string(),
    question: z.string(),
    facilitator: z.object({ name: z.string(), email: z.optional(z.string()) }),
    capacity: int(),
    seatsTaken: int(),
    mode: z.enum(['online', 'in_person']),
    location: z.optional(z.string()),
    status: z.enum(['open', 'closed']),
    sharing: z.optional(FollowUpSharingSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  { id: 'AdminGroup' },
);

export const UpdatedGroup = meta(
  z.extend(AdminGroup, {
    promotedFromWaitlist: meta(int(), {
      description: 'Members moved up from the waitlist by this change (a higher capacity)',
    }),
  }),
  { id: 'UpdatedGroup' },
);

export const AdminJoinRequest = meta(
  z.object({
    id: z.string(),
    groupId: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.string(),
    message: z.optional(z.string()),
    language: z.enum(languages),
    status: z.string(),
    waitlistPosition: z.optional(int()),
    createdAt: z.string(),
    confirmedAt: z.optional(z.string()),
    approvedAt: z.optional(z.string()),
    offeredAt: meta(z.optional(z.string()), { description: 'When a seat was offered from the waitlist' }),
    offerExpiresAt: meta(z.optional(z.string()), {
      description: 'Until when the offered seat is held (status offered); then it passes on',
    }),
  }),
  { id: 'AdminJoinRequest' },
);

export const JoinRequestListQuery = z.strictObject({
  status: z.optional(
    z.enum([
      'pending_confirmation',
      'pending_approval',
      'approved',
      'waitlisted',
      'offered',
      'declined',
      'left',
    ]),
  ),
});

export const DeclineBody = meta(
  z.strictObject({
    message: meta(z.optional(z.string().check(z.trim(), z.maxLength(1000))), {
      description: 'Quoted in the email',
    }),
  }),
  { id: 'DeclineBody' },
);

export const DecisionResult = meta(
  z.object({
    status: z.enum(['approved', 'waitlisted', 'declined']),
    waitlistPosition: z.optional(int()),
  }),
  { id: 'DecisionResult' },
);

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

export const FollowUpParams = z.object({ groupId: z.string(), followUpId: z.string() });

export const FollowUpView = meta(
  z.object({
    id: z.string(),
    meetingId: z.string(),
    kind: z.enum(['parked-question', 'suggestion']),
    text: z.string(),
    status: z.enum(['open', 'done', 'removed']),
    createdAt: z.string(),
  }),
  { id: 'FollowUp' },
);

export const UpdateFollowUp = meta(z.strictObject({ status: z.enum(['open', 'done', 'removed']) }), {
  id: 'UpdateFollowUp',
});
