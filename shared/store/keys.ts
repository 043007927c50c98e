/**
 * Every key in the table is built here and nowhere else. The table is generic (`pk`, `sk`, `gsi1pk`,
 * `gsi1sk`); the prefixes say what an item is, so one Query never returns a mix by accident.
 */
export const keys = {
  network: (networkId: string) => ({ pk: `NETWORK#${networkId}`, sk: 'NETWORK' }),
  registration: (networkId: string, registrationId: string) => ({
    pk: `NETWORK#${networkId}`,
    sk: `REGISTRATION#${registrationId}`,
  }),
  /** Registrations of a network, newest first by when they were confirmed, for digests and admin lists. */
  registrationIndex: (networkId: string, confirmedAt: string) => ({
    gsi1pk: `NETWORK#${networkId}#REGISTRATIONS`,
    gsi1sk: confirmedAt,
  }),
  group: (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'GROUP' }),
  /** A network's groups, open ones under their own prefix so the public list reads only those. */
  groupIndex: (networkId: string, status: string, createdAt: string, groupId: string) => ({
    gsi1pk: `NETWORK#${networkId}#GROUPS`,
    gsi1sk: `${status}#${createdAt}#${groupId}`,
  }),
  groupIndexPrefix: (networkId: string, status?: string) => ({
    gsi1pk: `NETWORK#${networkId}#GROUPS`,
    gsi1sk: status ? `${status}#` : '',
  }),
  joinRequest: (groupId: string, requestId: string) => ({ pk: `GROUP#${groupId}`, sk: `JOIN#${requestId}` }),
  joinRequestPrefix: (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'JOIN#' }),
  /** The waitlist of a group in order: the sequence number is zero-padded so strings sort as numbers. */
  waitlist: (groupId: string, seq?: number) => ({
    gsi1pk: `GROUP#${groupId}#WAITLIST`,
    gsi1sk: seq === undefined ? '' : String(seq).padStart(10, '0'),
  }),
  /** Join requests that wait for a coordinator's decision, per network. */
  pendingApproval: (networkId: string, createdAt = '') => ({
    gsi1pk: `NETWORK#${networkId}#PENDING_APPROVAL`,
    gsi1sk: createdAt,
  }),
  /** A member's proposal for a new group, in its network's partition. */
  groupProposal: (networkId: string, proposalId: string) => ({
    pk: `NETWORK#${networkId}`,
    sk: `PROPOSAL#${proposalId}`,
  }),
  /** Confirmed proposals of a network, oldest first, for the coordinators' list. */
  proposalIndex: (networkId: string, createdAt = '') => ({
    gsi1pk: `NETWORK#${networkId}#PROPOSALS`,
    gsi1sk: createdAt,
  }),
  meeting: (groupId: string, meetingId: string) => ({ pk: `GROUP#${groupId}`, sk: `MEETING#${meetingId}` }),
  meetingPrefix: (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'MEETING#' }),
  /** One member's answer (RSVP) and attendance for one meeting. */
  participation: (meetingId: string, memberId: string) => ({
    pk: `MEETING#${meetingId}`,
    sk: `MEMBER#${memberId}`,
  }),
  participationPrefix: (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'MEMBER#' }),
  /**
   * One evaluation answer. The key comes from the member's own link (see shared/services/evaluations.ts),
   * not from who they are, so an anonymous answer cannot be traced back through the table.
   */
  answer: (meetingId: string, answerKey: string) => ({
    pk: `MEETING#${meetingId}`,
    sk: `ANSWER#${answerKey}`,
  }),
  answerPrefix: (meetingId: string) => ({ pk: `MEETING#${meetingId}`, sk: 'ANSWER#' }),
  /** What an evaluation left for the group's next meetings (parked questions, suggestions). */
  followUp: (groupId: string, id: string) => ({ pk: `GROUP#${groupId}`, sk: `FOLLOWUP#${id}` }),
  followUpPrefix: (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'FOLLOWUP#' }),
  token: (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /** One item per email a workflow step sent: the dedupe key makes a retried step a no-op. */
  outbox: (dedupeKey: string) => ({ pk: `OUTBOX#${dedupeKey}`, sk: 'OUTBOX' }),
} as const;

export type ItemKey = { pk: string; sk: string };
