import * as z from 'zod/mini';
import { sharedTopicThreshold, upcomingWindowDays } from '../domain/digest.ts';
import { overviewLimits as limits } from '../domain/overview.ts';
import { languages } from '../i18n.ts';

/*
 * The answer of GET /v1/admin/networks/{networkId}/overview (shared/domain/overview.ts). Field names are
 * those of the admin routes that show the same things: `requestId`, `groupId`, `meetingId` and
 * `proposalId` as in their paths, people as in the join request, registration and proposal lists, seats
 * as in AdminGroup, meetings as in AdminMeeting, evaluations as in the feedback routes.
 */

const integer = () => z.number().check(z.int());

const mode = z.enum(['online', 'in_person']);

export const OverviewDecision = z
  .object({
    groupId: z.string(),
    groupTitle: z.string(),
    requestId: z.string().check(
      z.meta({
        description:
          'With groupId: POST /v1/admin/groups/{groupId}/join-requests/{requestId}/approve (or /decline)',
      }),
    ),
    name: z.string(),
    email: z.string().check(z.meta({ description: 'As the join request list shows it' })),
    organisation: z.string(),
    role: z.string(),
    message: z.optional(z.string()).check(z.meta({ description: 'The person’s note to the coordinators' })),
    language: z.enum(languages),
    createdAt: z.string(),
    confirmedAt: z
      .optional(z.string())
      .check(z.meta({ description: 'When it began to wait for a decision' })),
  })
  .check(z.meta({ id: 'OverviewDecision' }));

export const OverviewRegistration = z
  .object({
    registrationId: z.string(),
    name: z.string(),
    email: z.string().check(z.meta({ description: 'As the registration list shows it' })),
    organisation: z.string(),
    role: z.string(),
    topics: z.array(z.string()),
    language: z.enum(languages),
    confirmedAt: z.string(),
  })
  .check(z.meta({ id: 'OverviewRegistration' }));

export const OverviewTopic = z
  .object({
    label: z.string().check(z.meta({ description: 'The wording most people used' })),
    count: integer().check(z.meta({ description: 'Everyone who named it (people lists the first of them)' })),
    people: z
      .array(z.object({ registrationId: z.string(), name: z.string(), organisation: z.string() }))
      .check(z.meta({ description: `At most ${limits.peoplePerTopic}` })),
    coveredBy: z
      .array(z.object({ groupId: z.string(), groupTitle: z.string() }))
      .check(
        z.meta({ description: 'Open groups whose title or question covers it; empty: no group does yet' }),
      ),
  })
  .check(z.meta({ id: 'OverviewTopic' }));

export const OverviewProposal = z
  .object({
    proposalId: z.string().check(
      z.meta({
        description: 'POST /v1/admin/networks/{networkId}/group-proposals/{proposalId}/accept (or /decline)',
      }),
    ),
    title: z.string(),
    question: z.string(),
    name: z.string().check(z.meta({ description: 'Who proposed it' })),
    email: z.string().check(z.meta({ description: 'As the proposal list shows it' })),
    organisation: z.string(),
    role: z.optional(z.string()),
    message: z.optional(z.string()),
    createdAt: z.string(),
    confirmedAt: z.optional(z.string()),
  })
  .check(z.meta({ id: 'OverviewProposal' }));

export const OverviewGroup = z
  .object({
    groupId: z.string(),
    title: z.string(),
    capacity: integer(),
    seatsTaken: integer().check(z.meta({ description: 'Members plus seats held by an open offer' })),
    waitlisted: integer().check(z.meta({ description: 'Everyone on the waitlist' })),
    waitlist: z
      .array(
        z.object({
          requestId: z.string(),
          name: z.string(),
          email: z.string(),
          organisation: z.string(),
          waitlistPosition: integer().check(z.meta({ description: '1 is next in line' })),
        }),
      )
      .check(z.meta({ description: `In order; the first ${limits.waitlist}` })),
    offers: z
      .array(
        z.object({
          requestId: z.string(),
          name: z.string(),
          email: z.string(),
          organisation: z.string(),
          offeredAt: z.optional(z.string()),
          offerExpiresAt: z
            .string()
            .check(z.meta({ description: 'The seat goes to the next in line after this' })),
        }),
      )
      .check(
        z.meta({
          description: `Seats offered from the waitlist and not yet taken; at most ${limits.offers}`,
        }),
      ),
  })
  .check(z.meta({ id: 'OverviewGroup' }));

export const OverviewMeeting = z
  .object({
    groupId: z.string(),
    groupTitle: z.string(),
    meetingId: z.string(),
    seq: integer(),
    startsAt: z.string(),
    durationMinutes: integer(),
    timeZone: z.string(),
    mode,
    rsvp: z
      .object({ yes: integer(), no: integer(), unanswered: integer() })
      .check(
        z.meta({ description: 'Answers of the members in the group now; unanswered: the rest of them' }),
      ),
    introducerId: z.optional(z.string()).check(z.meta({ description: 'A member’s id (their join request)' })),
    introducerName: z.optional(z.string()).check(z.meta({ description: 'Absent: no introducer chosen yet' })),
  })
  .check(z.meta({ id: 'OverviewMeeting' }));

export const OverviewEvaluation = z
  .object({
    groupId: z.string(),
    groupTitle: z.string(),
    meetingId: z.string(),
    seq: integer(),
    startsAt: z.string(),
    timeZone: z.string(),
    evaluationClosedAt: z.string(),
    responses: integer().check(z.meta({ description: 'Answers counted' })),
    asked: integer().check(z.meta({ description: 'Members asked to evaluate' })),
    mean: z
      .optional(z.number())
      .check(z.meta({ description: 'Mean rating to one decimal; absent without answers' })),
    change: z
      .optional(z.number())
      .check(z.meta({ description: 'Against the mean of the group’s latest earlier meeting with answers' })),
  })
  .check(z.meta({ id: 'OverviewEvaluation' }));

export const NetworkOverview = z
  .object({
    networkId: z.string(),
    networkName: z.string(),
    timeZone: z.string(),
    generatedAt: z.string().check(z.meta({ description: 'When this answer was read' })),
    decisions: z.array(OverviewDecision).check(
      z.meta({
        description: `Join requests waiting for a coordinator’s decision, oldest first; at most ${limits.decisions}`,
      }),
    ),
    decisionsTotal: integer(),
    registrations: z.array(OverviewRegistration).check(
      z.meta({
        description: `Registrations confirmed in the last ${limits.registrationDays} days, newest first; at most ${limits.registrations}`,
      }),
    ),
    registrationsTotal: integer().check(
      z.meta({ description: 'Every confirmed registration of the network' }),
    ),
    topics: z.array(OverviewTopic).check(
      z.meta({
        description: `Topics at least ${sharedTopicThreshold} people named, most shared first; at most ${limits.topics}`,
      }),
    ),
    topicsTotal: integer(),
    proposals: z.array(OverviewProposal).check(
      z.meta({
        description: `Confirmed group proposals waiting for a decision, oldest first; at most ${limits.proposals}`,
      }),
    ),
    proposalsTotal: integer(),
    groups: z.array(OverviewGroup).check(
      z.meta({
        description: `Open groups with a waitlist or an open offer; at most ${limits.groups}`,
      }),
    ),
    meetings: z.array(OverviewMeeting).check(
      z.meta({
        description: `Meetings of open groups in the next ${upcomingWindowDays} days, not cancelled, soonest first; at most ${limits.meetings}`,
      }),
    ),
    evaluations: z.array(OverviewEvaluation).check(
      z.meta({
        description: `Evaluations of open groups’ meetings that closed in the last ${limits.evaluationDays} days, latest first; at most ${limits.evaluations}`,
      }),
    ),
  })
  .check(z.meta({ id: 'NetworkOverview' }));
