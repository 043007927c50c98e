import * as z from 'zod';
import { languages } from '../i18n.ts';
import { email, singleLine } from './schemas.ts';

/* Requests and answers about groups and join requests; one schema validates, types and documents each. */

export const GroupParams = z.object({ groupId: z.string().meta({ description: 'The group’s id' }) });
export const JoinRequestParams = z.object({ groupId: z.string(), requestId: z.string() });

export const JoinRequestBody = z
  .object({
    name: singleLine(120).meta({ example: 'Ola Nordmann' }),
    email: email.meta({
      description: 'Work email address: its domain decides whether a seat is given at once',
    }),
    organisation: singleLine(160),
    role: singleLine(120),
    message: z.string().trim().max(4000).optional().meta({ description: 'A note to the coordinators' }),
    language: z.enum(languages).optional(),
    consent: z.literal(true, 'consent_required'),
    homepage: z.string().max(500).optional().meta({ description: 'Leave empty (a field only bots fill in)' }),
  })
  .strict()
  .meta({ id: 'JoinRequestBody' });
export type JoinRequestBody = z.output<typeof JoinRequestBody>;

export const JoinRequestAccepted = z
  .object({ id: z.string(), status: z.literal('pending_confirmation') })
  .meta({ id: 'JoinRequestAccepted' });

export const PublicGroup = z
  .object({
    id: z.string(),
    title: z.string(),
    question: z.string(),
    facilitator: z.string(),
    seatsLeft: z.number().int(),
    mode: z.enum(['online', 'in_person']),
    location: z.string().optional(),
    upcomingMeetings: z
      .array(z.iso.datetime())
      .meta({ description: 'Start times; empty until meetings exist' }),
  })
  .meta({ id: 'PublicGroup' });

export const PublicGroupList = z.object({ groups: z.array(PublicGroup) }).meta({ id: 'PublicGroupList' });

const groupFields = {
  title: singleLine(160),
  question: z.string().trim().min(1).max(2000),
  facilitator: z.object({ name: singleLine(120), email: email.optional() }).strict(),
  capacity: z.number().int().min(1).max(500),
  mode: z.enum(['online', 'in_person']),
  location: z
    .string()
    .trim()
    .max(500)
    .optional()
    .meta({ description: 'Address, or the meeting link for online' }),
};

export const CreateGroup = z.object(groupFields).strict().meta({ id: 'CreateGroup' });
export type CreateGroup = z.output<typeof CreateGroup>;

export const FollowUpSharingSchema = z
  .object({
    suggestions: z.enum(['facilitator', 'group']),
    parkedQuestions: z.enum(['facilitator', 'group']),
  })
  .strict()
  .meta({
    description:
      'Who sees the last evaluations’ follow-ups in meeting emails (default: suggestions the facilitator, parked questions the group)',
  });

export const UpdateGroup = z
  .object({ ...groupFields, status: z.enum(['open', 'closed']), sharing: FollowUpSharingSchema })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })
  .meta({ id: 'UpdateGroup' });
export type UpdateGroup = z.output<typeof UpdateGroup>;

export const AdminGroup = z
  .object({
    id: z.string(),
    networkId: z.string(),
    title: z.string(),
    question: z.string(),
    facilitator: z.object({ name: z.string(), email: z.string().optional() }),
    capacity: z.number().int(),
    seatsTaken: z.number().int(),
    mode: z.enum(['online', 'in_person']),
    location: z.string().optional(),
    status: z.enum(['open', 'closed']),
    sharing: FollowUpSharingSchema.optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AdminGroup' });

export const UpdatedGroup = AdminGroup.extend({
  promotedFromWaitlist: z
    .number()
    .int()
    .meta({ description: 'Members moved up from the waitlist by this change (a higher capacity)' }),
}).meta({ id: 'UpdatedGroup' });

export const AdminJoinRequest = z
  .object({
    id: z.string(),
    groupId: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.string(),
    message: z.string().optional(),
    language: z.enum(languages),
    status: z.string(),
    waitlistPosition: z.number().int().optional(),
    createdAt: z.string(),
    confirmedAt: z.string().optional(),
    approvedAt: z.string().optional(),
    offeredAt: z.string().optional().meta({ description: 'When a seat was offered from the waitlist' }),
    offerExpiresAt: z
      .string()
      .optional()
      .meta({ description: 'Until when the offered seat is held (status offered); then it passes on' }),
  })
  .meta({ id: 'AdminJoinRequest' });

export const JoinRequestListQuery = z
  .object({
    status: z
      .enum([
        'pending_confirmation',
        'pending_approval',
        'approved',
        'waitlisted',
        'offered',
        'declined',
        'left',
      ])
      .optional(),
  })
  .strict();

export const DeclineBody = z
  .object({ message: z.string().trim().max(1000).optional().meta({ description: 'Quoted in the email' }) })
  .strict()
  .meta({ id: 'DeclineBody' });

export const DecisionResult = z
  .object({
    status: z.enum(['approved', 'waitlisted', 'declined']),
    waitlistPosition: z.number().int().optional(),
  })
  .meta({ id: 'DecisionResult' });

/* Group proposals: a member proposes a group around one question; coordinators turn it into a group. */

export const GroupProposalParams = z.object({ networkId: z.string(), proposalId: z.string() });

export const GroupProposalBody = z
  .object({
    name: singleLine(120).meta({ example: 'Åsa Ericson' }),
    email: email.meta({ description: 'Work email address: the confirmation link and the decision go there' }),
    organisation: singleLine(160),
    role: z
      .string()
      .trim()
      .max(120)
      .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'single_line')
      .optional()
      .meta({ description: 'Role, e.g. principal (optional)' }),
    title: singleLine(160).meta({ description: 'What the group would be called', example: 'Rektors mandat' }),
    question: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .meta({ description: 'The one question the group would gather around' }),
    message: z.string().trim().max(4000).optional().meta({ description: 'A note to the coordinators' }),
    language: z.enum(languages).optional(),
    consent: z.literal(true, 'consent_required'),
    homepage: z.string().max(500).optional().meta({ description: 'Leave empty (a field only bots fill in)' }),
  })
  .strict()
  .meta({ id: 'GroupProposalBody' });
export type GroupProposalBody = z.output<typeof GroupProposalBody>;

export const GroupProposalAccepted = z
  .object({ id: z.string(), status: z.literal('pending_confirmation') })
  .meta({ id: 'GroupProposalAccepted' });

const proposalStatus = z.enum(['pending_confirmation', 'proposed', 'accepted', 'declined', 'expired']);

export const AdminGroupProposal = z
  .object({
    id: z.string(),
    networkId: z.string(),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    role: z.string().optional(),
    title: z.string(),
    question: z.string(),
    message: z.string().optional(),
    language: z.enum(languages),
    status: proposalStatus,
    createdAt: z.string(),
    confirmedAt: z.string().optional(),
    decidedAt: z.string().optional(),
    groupId: z.string().optional().meta({ description: 'The group it became, once accepted' }),
    decisionMessage: z.string().optional(),
  })
  .meta({ id: 'AdminGroupProposal' });

export const AdminGroupProposalList = z
  .object({ proposals: z.array(AdminGroupProposal) })
  .meta({ id: 'AdminGroupProposalList' });

/** Only confirmed proposals are listed: unconfirmed ones are nobody's business until confirmed. */
export const GroupProposalListQuery = z
  .object({ status: z.enum(['proposed', 'accepted', 'declined']).optional() })
  .strict();

/**
 * What turns a proposal into a group. A proposal carries a title and a question (which the coordinator
 * may rewrite), but no facilitator, capacity or mode: those are required here.
 */
export const AcceptGroupProposal = z
  .object({
    ...groupFields,
    title: groupFields.title.optional().meta({ description: 'Default: the proposal’s title' }),
    question: groupFields.question.optional().meta({ description: 'Default: the proposal’s question' }),
  })
  .strict()
  .meta({ id: 'AcceptGroupProposal' });
export type AcceptGroupProposal = z.output<typeof AcceptGroupProposal>;

export const ProposalDeclined = z
  .object({ id: z.string(), status: z.literal('declined') })
  .meta({ id: 'ProposalDeclined' });

export const FollowUpParams = z.object({ groupId: z.string(), followUpId: z.string() });

export const FollowUpView = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    kind: z.enum(['parked-question', 'suggestion']),
    text: z.string(),
    status: z.enum(['open', 'done', 'removed']),
    createdAt: z.string(),
  })
  .meta({ id: 'FollowUp' });

export const UpdateFollowUp = z
  .object({ status: z.enum(['open', 'done', 'removed']) })
  .strict()
  .meta({ id: 'UpdateFollowUp' });
