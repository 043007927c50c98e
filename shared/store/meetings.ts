import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../clients/dynamodb.ts';
import { env } from '../config.ts';
import type { Meeting } from '../domain/meeting.ts';
import { queryAll, readRecord } from './common.ts';
import { isConditionalCheckFailed, isTransactionCancelled } from './errors.ts';
import { keys } from './keys.ts';
import { respendToken, spendToken } from './tokens.ts';
import { updateExpression } from './update-expression.ts';

export type Rsvp = 'yes' | 'no';
export type Attendance = 'present' | 'absent' | 'half';

export interface Participation {
  meetingId: string;
  memberId: string;
  rsvp?: Rsvp;
  rsvpAt?: string;
  attendance?: Attendance;
  attendanceAt?: string;
  /** The member answered the evaluation (what they answered is kept apart, see evaluations.ts). */
  answeredAt?: string;
  /** The evaluation's request went to the member: only they are reminded, and counted as asked. */
  evaluationAskedAt?: string;
  /** The request went to them only at the reminder step (marked present after it): asked, not reminded. */
  evaluationAskedLateAt?: string;
}

function fromMeetingItem(item: Record<string, unknown>): Meeting {
  const { pk: _pk, sk: _sk, type: _t, ...meeting } = item;
  return readRecord<Meeting>(meeting, 'meeting', ['id', 'groupId', 'version', 'startsAt']);
}

/** A whole series at once, or none of it (at most six meetings: well within one transaction). */
export async function createMeetings(meetings: readonly Meeting[]): Promise<void> {
  await dynamo.send(
    new TransactWriteCommand({
      TransactItems: meetings.map((meeting) => ({
        Put: {
          TableName: env.tableName(),
          Item: { ...keys.meeting(meeting.groupId, meeting.id), type: 'meeting', ...meeting },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    }),
  );
}

export async function getMeeting(groupId: string, meetingId: string): Promise<Meeting | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.meeting(groupId, meetingId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromMeetingItem(Item) : undefined;
}

/** A group's meetings in the order they take place. */
export async function listMeetings(groupId: string): Promise<Meeting[]> {
  const prefix = keys.meetingPrefix(groupId);
  const items = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  });
  return items.map(fromMeetingItem).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** What an update sets; null removes the attribute (a link or an address taken back). */
export type MeetingChanges = Partial<
  Pick<
    Meeting,
    | 'startsAt'
    | 'durationMinutes'
    | 'mode'
    | 'status'
    | 'previous'
    | 'evaluationAsked'
    | 'evaluationClosedAt'
    | 'evaluationMean'
  > & {
    onlineUrl: string | null;
    address: string | null;
    introducerId: string | null;
    introducerOverride: boolean | null;
  }
>;

/**
 * Applies a change only to the version the caller read, and counts it: every workflow step compares the
 * version it was started for with this one, so nothing stale is ever sent.
 */
export async function updateMeeting(
  meeting: Meeting,
  changes: MeetingChanges,
  now: Date,
  options: { bumpVersion: boolean },
): Promise<Meeting | 'changed-meanwhile'> {
  try {
    const { Attributes } = await dynamo.send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.meeting(meeting.groupId, meeting.id),
        ...updateExpression(
          {
            ...changes,
            updatedAt: now.toISOString(),
            // The condition pins the version read, so setting the next one is the same as counting up.
            ...(options.bumpVersion ? { version: meeting.version + 1 } : {}),
            // A cancelled meeting's workflow stops before the evaluation closes, so the salt of an
            // evaluation already asked goes here, or it would stay for good (see closeEvaluation).
            ...(changes.status === 'cancelled' ? { evaluationSalt: null } : {}),
          },
          {
            expression: '#version = :expected',
            names: { '#version': 'version' },
            values: { ':expected': meeting.version },
          },
        ),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromMeetingItem(Attributes ?? {});
  } catch (error) {
    if (isConditionalCheckFailed(error)) return 'changed-meanwhile';
    throw error;
  }
}

function participationUpdate(meetingId: string, memberId: string, fields: Record<string, string>) {
  return {
    TableName: env.tableName(),
    Key: keys.participation(meetingId, memberId),
    ...updateExpression({ meetingId, memberId, type: 'participation', ...fields }),
  };
}

/** A member's answer and attendance for one meeting, if any. */
export async function getParticipation(
  meetingId: string,
  memberId: string,
): Promise<Pick<Participation, 'rsvp' | 'rsvpAt'> | undefined> {
  const { Item } = await dynamo.send(
    new GetCommand({
      TableName: env.tableName(),
      Key: keys.participation(meetingId, memberId),
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  return Item.rsvp ? { rsvp: Item.rsvp as Rsvp, rsvpAt: String(Item.rsvpAt) } : {};
}

/**
 * A member's answer, given by an emailed link: the answer is stored and the link spent in one
 * transaction, so a link works once and a failed write leaves it working. A link reopened by a later
 * answer (`reopened`: when it was used) is spent again only while that later answer still stands.
 */
export async function recordRsvp(
  meetingId: string,
  memberId: string,
  rsvp: Rsvp,
  now: Date,
  tokenHash: string,
  reopened?: { usedAt: string },
): Promise<'recorded' | 'token-not-usable'> {
  const at = now.toISOString();
  const answer = participationUpdate(meetingId, memberId, { rsvp, rsvpAt: at });
  try {
    await dynamo.send(
      new TransactWriteCommand({
        TransactItems: reopened
          ? [
              respendToken(env.tableName(), tokenHash, at, reopened.usedAt),
              {
                Update: {
                  ...answer,
                  ConditionExpression: '#rsvp <> :rsvp AND #rsvpAt > :usedBefore',
                  ExpressionAttributeValues: {
                    ...answer.ExpressionAttributeValues,
                    ':usedBefore': reopened.usedAt,
                  },
                },
              },
            ]
          : [spendToken(env.tableName(), tokenHash, at), { Update: answer }],
      }),
    );
    return 'recorded';
  } catch (error) {
    if (isTransactionCancelled(error)) return 'token-not-usable';
    throw error;
  }
}

export async function recordAttendance(
  meetingId: string,
  memberId: string,
  attendance: Attendance,
  now: Date,
): Promise<void> {
  await dynamo.send(
    new UpdateCommand(
      participationUpdate(meetingId, memberId, { attendance, attendanceAt: now.toISOString() }),
    ),
  );
}

/** Everyone's answer and attendance for a meeting. */
export async function listParticipation(meetingId: string): Promise<Participation[]> {
  const prefix = keys.participationPrefix(meetingId);
  const items = await queryAll({
    TableName: env.tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': prefix.pk, ':sk': prefix.sk },
    ConsistentRead: true,
  });
  return items.map((item) => ({
    meetingId: String(item.meetingId),
    memberId: String(item.memberId),
    ...(item.rsvp ? { rsvp: item.rsvp as Rsvp, rsvpAt: String(item.rsvpAt) } : {}),
    ...(item.attendance
      ? { attendance: item.attendance as Attendance, attendanceAt: String(item.attendanceAt) }
      : {}),
    ...(item.answeredAt ? { answeredAt: String(item.answeredAt) } : {}),
    ...(item.evaluationAskedAt ? { evaluationAskedAt: String(item.evaluationAskedAt) } : {}),
    ...(item.evaluationAskedLateAt ? { evaluationAskedLateAt: String(item.evaluationAskedLateAt) } : {}),
  }));
}

/**
 * The members the evaluation's request goes to (a retried step marks again): with the request, or `late`,
 * at the reminder step, for someone the rule asks only since.
 */
export async function markEvaluationAsked(
  meetingId: string,
  memberIds: readonly string[],
  now: Date,
  late = false,
): Promise<void> {
  const field = late ? 'evaluationAskedLateAt' : 'evaluationAskedAt';
  await Promise.all(
    memberIds.map((memberId) =>
      dynamo.send(
        new UpdateCommand(participationUpdate(meetingId, memberId, { [field]: now.toISOString() })),
      ),
    ),
  );
}
