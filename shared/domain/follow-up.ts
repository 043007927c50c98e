import { createHash } from 'node:crypto';

/**
 * Closing the loop: what an evaluation leaves for the next meeting. Parked questions (seed 004: collect
 * off-topic questions and handle them at a set time) and "one point better" suggestions (seed 003) become
 * follow-ups of the group, which coordinators mark done or remove, so nothing goes out unchecked.
 */
export type FollowUpKind = 'parked-question' | 'suggestion';
export type FollowUpStatus = 'open' | 'done' | 'removed';

export interface FollowUp {
  id: string;
  groupId: string;
  meetingId: string;
  kind: FollowUpKind;
  text: string;
  status: FollowUpStatus;
  createdAt: string;
}

/** Who sees follow-ups in the next meeting's emails. */
export interface FollowUpSharing {
  suggestions: 'facilitator' | 'group';
  parkedQuestions: 'facilitator' | 'group';
}

/** Suggestions can be pointed, so they go to the facilitator unless the group chooses otherwise. */
export const defaultSharing: FollowUpSharing = { suggestions: 'facilitator', parkedQuestions: 'group' };

/** The same text from the same meeting is one follow-up, however often the close step runs. */
export function followUpId(meetingId: string, kind: FollowUpKind, text: string): string {
  return createHash('sha256')
    .update(`${meetingId}\0${kind}\0${text.trim().toLowerCase()}`)
    .digest('base64url')
    .slice(0, 16);
}

export function followUpsFrom(
  groupId: string,
  meetingId: string,
  found: { parkedQuestions: readonly string[]; suggestions: readonly string[] },
  now: Date,
): FollowUp[] {
  const make = (kind: FollowUpKind) => (text: string) => ({
    id: followUpId(meetingId, kind, text),
    groupId,
    meetingId,
    kind,
    text,
    status: 'open' as const,
    createdAt: now.toISOString(),
  });
  const all = [
    ...found.parkedQuestions.map(make('parked-question')),
    ...found.suggestions.map(make('suggestion')),
  ];
  return [...new Map(all.map((f) => [f.id, f])).values()];
}

/** What the members' emails quote: open follow-ups of the kinds the group shares with everyone. */
export function sharedWithGroup(
  followUps: readonly FollowUp[],
  sharing: FollowUpSharing = defaultSharing,
): { parkedQuestions: string[]; suggestions: string[] } {
  const open = followUps.filter((f) => f.status === 'open');
  return {
    parkedQuestions:
      sharing.parkedQuestions === 'group'
        ? open.filter((f) => f.kind === 'parked-question').map((f) => f.text)
        : [],
    suggestions:
      sharing.suggestions === 'group' ? open.filter((f) => f.kind === 'suggestion').map((f) => f.text) : [],
  };
}
