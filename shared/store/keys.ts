import { createHash } from 'node:crypto';

/**
 * Every key in the table is built here and nowhere else. The table is generic (`pk`, `sk`, `gsi1pk`,
 * `gsi1sk`); the prefixes say what an item is, so one Query never returns a mix by accident.
 */
export const keys = {
  network: (networkId: string) => ({ pk: `NETWORK#${networkId}`, sk: 'NETWORK' }),
  /** Every network, for the hourly digest tick: a Query, however large the table. */
  networkIndex: (networkId = '') => ({ gsi1pk: 'NETWORKS', gsi1sk: networkId }),
  registration: (networkId: string, registrationId: string) => ({
    pk: `NETWORK#${networkId}`,
    sk: `REGISTRATION#${registrationId}`,
  }),
  /** The registration id in a registration's sort key (a page's last key); undefined for any other item. */
  registrationIdOf: (sk: unknown) =>
    typeof sk === 'string' && sk.startsWith('REGISTRATION#') ? sk.slice('REGISTRATION#'.length) : undefined,
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
  /**
   * A join request's claim on a waitlist place, noted on the group until the request is on the list. The
   * request's creation time is part of it: a person who leaves and asks again makes a new claim.
   */
  waitlistClaim: (requestId: string, createdAt: string) => `${requestId}.${Date.parse(createdAt)}`,
  /** The request a claim belongs to (request ids are base64url, so they hold no dot). */
  waitlistClaimRequest: (claim: string) => claim.slice(0, claim.lastIndexOf('.')),
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
  isToken: (key: { pk: string }) => key.pk.startsWith('TOKEN#'),
  /**
   * One item per email sent: the dedupe key makes a retried step a no-op. Keyed by the key's hash, because
   * dedupe keys hold member ids and an erased person's ids must not stay behind in the table.
   */
  outbox: (dedupeKey: string) => ({
    pk: `OUTBOX#${createHash('sha256').update(dedupeKey).digest('base64url')}`,
    sk: 'OUTBOX',
  }),
  /** A person's own partition: their profile (activity for the retention sweep), consent log and opt-outs. */
  person: (personId: string) => ({ pk: `PERSON#${personId}`, sk: 'PROFILE' }),
  personPartition: (personId: string) => ({ pk: `PERSON#${personId}` }),
  /** The person id of an item in a person's partition (a profile read from the activity index). */
  personIdOf: (pk: string) => pk.slice('PERSON#'.length),
  consent: (personId: string, at: string, subject: string) => ({
    pk: `PERSON#${personId}`,
    sk: `CONSENT#${at}#${subject}`,
  }),
  optOut: (personId: string, networkId: string) => ({ pk: `PERSON#${personId}`, sk: `OPTOUT#${networkId}` }),
  /** A coordinator who turned off a network's digest (its one-click unsubscribe). */
  digestOptOut: (personId: string, networkId: string) => ({
    pk: `PERSON#${personId}`,
    sk: `DIGEST-OPTOUT#${networkId}`,
  }),
  /**
   * The person index: every item elsewhere that holds a person's data (registrations, join requests,
   * proposals, link tokens) carries it, so export and erasure are one Query.
   */
  personIndex: (personId: string, kind: string) => ({ gsi2pk: `PERSON#${personId}`, gsi2sk: kind }),
  /**
   * People by last activity, oldest first, for the retention sweep; those asked whether they want to stay
   * move to the second partition, by when their answer is due.
   */
  activity: (lastActiveAt: string, personId = '') => ({
    gsi1pk: 'PEOPLE#ACTIVE',
    gsi1sk: personId === '' ? lastActiveAt : `${lastActiveAt}#${personId}`,
  }),
  stayAsked: (answerDueAt: string, personId = '') => ({
    gsi1pk: 'PEOPLE#STAY_ASKED',
    gsi1sk: personId === '' ? answerDueAt : `${answerDueAt}#${personId}`,
  }),
  /**
   * How many unsolicited mails (confirmation and privacy links) an address has had in its current window,
   * keyed by a hash of the address that is not its person id (shared/domain/mail-allowance.ts).
   */
  mailAllowance: (hash: string) => ({ pk: `MAILCAP#${hash}`, sk: 'MAILCAP' }),
  /** An address that is never emailed again (erased, hard bounce, complaint): only its hash is kept. */
  suppression: (hash: string) => ({ pk: `SUPPRESSION#${hash}`, sk: 'SUPPRESSION' }),
} as const;

export type ItemKey = { pk: string; sk: string };
