/**
 * Evaluating a meeting afterwards, as the networks' own minutes do it at check-out: "sätt in dagens möte
 * på en skala från 1–10 … Du avgör vad och hur du bedömer" and "för att nästa möte minst skall bli en
 * poäng högre, vad behöver hända då?". A municipality's written feedback adds reflections on the
 * programme, the preparations and the execution, "vad tar ni med er hem?" and "hur avser ni att arbeta
 * vidare på hemmaplan?", and asks that questions which come up off-topic be "parkerade" to be handled at a
 * set time later.
 *
 * Everything here is pure: no clock is read (callers pass `now`), nothing is stored or sent. A summary
 * never tells who answered what: anonymous and named answers are counted and listed alike.
 */

/** A rating on the scale from 1 to 10. */
export type Rating = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export const ratings: readonly Rating[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export function isRating(value: unknown): value is Rating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;
}

/** The reflections of the written feedback (seed 004), in the order the form asks them. */
export const reflectionFields = [
  'programme',
  'preparation',
  'execution',
  'takeHome',
  'continueAtHome',
] as const;
export type ReflectionField = (typeof reflectionFields)[number];
export type Reflections = Partial<Record<ReflectionField, string>>;

/** The longest text a member may write in one field of the form. */
export const evaluationTextMaxLength = 4000;
/** Parked questions: one a line, so many at most, each so long at most. */
export const parkedQuestionsMax = 20;
export const parkedQuestionMaxLength = 1000;

export interface EvaluationAnswer {
  rating: Rating;
  /** "What has to happen for the next meeting to score at least one point higher?" */
  nextTimeBetter?: string;
  reflections?: Reflections;
  /** Off-topic questions to handle at a set time later, one per item. */
  parkedQuestions?: string[];
  /** Sent without the member's name: stored through `withoutIdentity`. */
  anonymous: boolean;
  /** The member who answered; absent when anonymous. */
  memberId?: string;
  /** UTC ISO instant (for an anonymous answer only the day: see `withoutIdentity`). */
  answeredAt: string;
}

const minuteMs = 60_000;
const dayMs = 24 * 3600 * 1000;

// ---------------------------------------------------------------------------------------------------------
// Who is asked

/** What the attendance list says about a member: there, not there, there half the time ("halva mötestiden"). */
export type Attendance = 'present' | 'absent' | 'half';

/**
 * Whether a mark says the member was there (the whole meeting or half of it): they are asked to evaluate
 * it, and it counts as taking part for the retention sweep.
 */
export const attended = (mark: Attendance | undefined): boolean => mark === 'present' || mark === 'half';

export interface WhoIsAskedInput {
  /** The group's members (join request ids), in the order the ids come back; `joinedAt` when seated. */
  members: readonly { id: string; joinedAt?: string }[];
  /** When the meeting began: someone seated after it was not there, unless attendance says they were. */
  startsAt?: string;
  /** The attendance taken at the meeting, by member id; empty when nobody took it. */
  attendance: Readonly<Record<string, Attendance>>;
  /** Members who answered that they could not come to this meeting. */
  rsvpNo: ReadonlySet<string>;
}

/**
 * Who is asked to evaluate a meeting, in member order, each once. When attendance was taken (for anyone),
 * it decides: those marked present or present half the time, whatever they answered beforehand; nobody
 * who is unmarked or absent. When no attendance was taken at all, everyone except those who said they
 * could not come and those seated after the meeting began. A member marked absent is never asked.
 */
export function whoIsAsked(input: WhoIsAskedInput): string[] {
  const marks = input.attendance;
  const recorded = Object.values(marks).some(
    (mark) => mark === 'present' || mark === 'half' || mark === 'absent',
  );
  const mark = (id: string): Attendance | undefined => (Object.hasOwn(marks, id) ? marks[id] : undefined);
  const asked: string[] = [];
  const seen = new Set<string>();
  for (const { id, joinedAt } of input.members) {
    if (seen.has(id)) continue;
    seen.add(id);
    const m = mark(id);
    if (m === 'absent') continue;
    const joinedLate = input.startsAt !== undefined && joinedAt !== undefined && joinedAt > input.startsAt;
    const ask = recorded ? attended(m) : !input.rsvpNo.has(id) && !joinedLate;
    if (ask) asked.push(id);
  }
  return asked;
}

// ---------------------------------------------------------------------------------------------------------
// Summary

export interface EvaluationSummary {
  /** Answers counted (those with a rating from 1 to 10). */
  responses: number;
  /** How many were asked; never fewer than answered. */
  asked: number;
  /** responses / asked, from 0 to 1; 0 when nobody was asked. */
  responseRate: number;
  /** Ten counts: index 0 is how many rated 1, index 9 how many rated 10. */
  distribution: number[];
  /** The mean rating to one decimal; undefined without answers. */
  mean?: number;
  /** mean − previousMean to one decimal; undefined when either is missing. */
  change?: number;
  /** Every answer to "what has to happen for the next meeting to score one point higher?". */
  suggestions: string[];
  reflections: Record<ReflectionField, string[]>;
  parkedQuestions: string[];
}

/** Rounds to one decimal, without a negative zero. */
export function roundToTenth(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/** Trimmed text, or undefined when there is nothing in it. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Free texts sorted, so that neither the order answers came in nor the position in one list says whose a
 * text in another list is.
 */
function sorted(texts: string[]): string[] {
  return texts.sort((a, b) => a.localeCompare(b, 'sv') || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The figures and texts of a meeting's evaluation. Anonymous and named answers are counted and listed
 * alike and nothing in the result says who gave which: there are no ids, and the texts are sorted rather
 * than kept in the order they came. An answer without a rating from 1 to 10 is not counted.
 */
export function summarise(
  answers: readonly EvaluationAnswer[],
  options: { asked: number; previousMean?: number | undefined },
): EvaluationSummary {
  const distribution = Array.from({ length: 10 }, () => 0);
  const suggestions: string[] = [];
  const reflections = Object.fromEntries(reflectionFields.map((field) => [field, [] as string[]])) as Record<
    ReflectionField,
    string[]
  >;
  const parkedQuestions: string[] = [];
  let sum = 0;
  let responses = 0;
  for (const answer of answers) {
    if (!isRating(answer.rating)) continue;
    responses += 1;
    sum += answer.rating;
    distribution[answer.rating - 1] = (distribution[answer.rating - 1] ?? 0) + 1;
    const suggestion = text(answer.nextTimeBetter);
    if (suggestion !== undefined) suggestions.push(suggestion);
    for (const field of reflectionFields) {
      const reflection = text(answer.reflections?.[field]);
      if (reflection !== undefined) reflections[field].push(reflection);
    }
    for (const question of answer.parkedQuestions ?? []) {
      const parked = text(question);
      if (parked !== undefined) parkedQuestions.push(parked);
    }
  }
  const asked = Number.isFinite(options.asked)
    ? Math.max(Math.floor(options.asked), responses, 0)
    : responses;
  const mean = responses > 0 ? roundToTenth(sum / responses) : undefined;
  const previous = options.previousMean;
  const change =
    mean !== undefined && previous !== undefined && Number.isFinite(previous)
      ? roundToTenth(mean - previous)
      : undefined;
  for (const field of reflectionFields) sorted(reflections[field]);
  return {
    responses,
    asked,
    responseRate: asked > 0 ? responses / asked : 0,
    distribution,
    ...(mean === undefined ? {} : { mean }),
    ...(change === undefined ? {} : { change }),
    suggestions: sorted(suggestions),
    reflections,
    parkedQuestions: sorted(parkedQuestions),
  };
}

/** The questions of a "one question per line" text box: trimmed, blank lines dropped. */
export function parkedQuestionLines(value: string): string[] {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// ---------------------------------------------------------------------------------------------------------
// Trend over a series

export interface TrendInput {
  meetingId: string;
  seq: number;
  /** UTC ISO instant. */
  startsAt: string;
  /** The meeting's mean rating; undefined when nobody answered. */
  mean?: number | undefined;
  responses: number;
}

export type TrendPoint<T extends TrendInput = TrendInput> = T & {
  /** mean − the mean of the latest earlier meeting that had answers, to one decimal. */
  change?: number;
};

/**
 * A group's meetings in order (by start, then number) with each one's change against the latest earlier
 * meeting that had answers; a meeting without answers has no change and is skipped over as "previous".
 */
export function trend<T extends TrendInput>(meetings: readonly T[]): TrendPoint<T>[] {
  const ordered = [...meetings].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.seq - b.seq,
  );
  let previous: number | undefined;
  return ordered.map((meeting) => {
    const answered = meeting.responses > 0 && meeting.mean !== undefined && Number.isFinite(meeting.mean);
    const point: TrendPoint<T> = { ...meeting };
    delete point.change;
    if (answered && meeting.mean !== undefined) {
      if (previous !== undefined) point.change = roundToTenth(meeting.mean - previous);
      previous = meeting.mean;
    }
    return point;
  });
}

// ---------------------------------------------------------------------------------------------------------
// When to ask

export const defaultEvaluationDelayMinutes = 60;
export const defaultEvaluationReminderDays = 3;
export const defaultEvaluationCloseDays = 7;

/** What a network may set (the admin API's schema takes these bounds). */
export const evaluationLimits = {
  delayMinutes: { min: 0, max: 24 * 60 },
  reminderAfterDays: { min: 1, max: 30 },
  closeAfterDays: { min: 2, max: 60 },
} as const;

export interface EvaluationPlanInput {
  /** When the meeting ends (see meetingEnd in meeting.ts). */
  meetingEnd: string | Date;
  /** Minutes after the end that the request goes out; 60 unless given. */
  delayMinutes?: number | undefined;
  /** Days after the request that the one reminder goes out; 3 unless given. */
  reminderAfterDays?: number | undefined;
  /** Days after the request that the evaluation closes; 7 unless given. */
  closeAfterDays?: number | undefined;
  /**
   * The close the request or reminder announced to the members: the evaluation closes no earlier, so a
   * shorter time set since applies only to evaluations not sent yet (a longer one applies at once).
   */
  announcedCloseAt?: string | undefined;
}

export interface EvaluationPlan {
  requestAt: string;
  reminderAt: string;
  closeAt: string;
}

/**
 * When the request, its one reminder and the close fall (UTC ISO). The reminder and the close are
 * measured from the request, in whole 24-hour days. A RangeError for an unreadable end, a negative delay,
 * or a reminder that would not come before the close.
 */
export function evaluationPlan(input: EvaluationPlanInput): EvaluationPlan {
  const end =
    typeof input.meetingEnd === 'string' ? Date.parse(input.meetingEnd) : input.meetingEnd.getTime();
  if (Number.isNaN(end)) throw new RangeError(`Not an instant: "${String(input.meetingEnd)}"`);
  const delay = input.delayMinutes ?? defaultEvaluationDelayMinutes;
  const reminderDays = input.reminderAfterDays ?? defaultEvaluationReminderDays;
  const closeDays = input.closeAfterDays ?? defaultEvaluationCloseDays;
  if (!Number.isFinite(delay) || delay < 0) throw new RangeError(`Not a delay in minutes: ${delay}`);
  if (!Number.isFinite(closeDays) || closeDays <= 0)
    throw new RangeError(`Not a number of days: ${closeDays}`);
  if (!Number.isFinite(reminderDays) || reminderDays <= 0 || reminderDays >= closeDays) {
    throw new RangeError(`The reminder comes after the request and before the close: ${reminderDays} days`);
  }
  const requestAt = end + delay * minuteMs;
  const announced = input.announcedCloseAt === undefined ? Number.NaN : Date.parse(input.announcedCloseAt);
  const closeAt = Math.max(requestAt + closeDays * dayMs, Number.isNaN(announced) ? 0 : announced);
  return {
    requestAt: new Date(requestAt).toISOString(),
    reminderAt: new Date(requestAt + reminderDays * dayMs).toISOString(),
    closeAt: new Date(closeAt).toISOString(),
  };
}

/**
 * The latest the evaluation of a meeting ending at `meetingEnd` can close under any setting a network may
 * choose: how long an evaluation link lives, so that a coordinator who gives members more days after
 * the request went out does not leave its link expired while answers are still taken.
 */
export function latestEvaluationClose(meetingEnd: string | Date): string {
  return evaluationPlan({
    meetingEnd,
    delayMinutes: evaluationLimits.delayMinutes.max,
    reminderAfterDays: evaluationLimits.reminderAfterDays.min,
    closeAfterDays: evaluationLimits.closeAfterDays.max,
  }).closeAt;
}

/** Whether answers are still taken at `now`: before the close, and not closed already. */
export function evaluationOpen(
  input: { closeAt: string; closedAt?: string | undefined },
  now: Date,
): boolean {
  if (input.closedAt !== undefined) return false;
  const close = Date.parse(input.closeAt);
  return !Number.isNaN(close) && now.getTime() < close;
}

// ---------------------------------------------------------------------------------------------------------
// Anonymity

/** The start of the answer's UTC day: the exact time could be matched with a note that someone answered. */
function dayOf(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${instant}"`);
  return new Date(Math.floor(ms / dayMs) * dayMs).toISOString();
}

/**
 * An answer as it is stored. An anonymous one keeps only what was said: the rating, the texts, that it
 * is anonymous and the day (not the time) it came; no member id, and no other property a caller may
 * have put on it (a name, an email address). A named answer is kept as given, with only the known
 * fields. Texts are trimmed and blank ones dropped either way.
 */
export function withoutIdentity(answer: EvaluationAnswer): EvaluationAnswer {
  const nextTimeBetter = text(answer.nextTimeBetter);
  const reflections: Reflections = {};
  for (const field of reflectionFields) {
    const reflection = text(answer.reflections?.[field]);
    if (reflection !== undefined) reflections[field] = reflection;
  }
  const parkedQuestions = (answer.parkedQuestions ?? []).flatMap((question) => text(question) ?? []);
  const anonymous = answer.anonymous === true;
  const memberId = anonymous ? undefined : text(answer.memberId);
  return {
    rating: answer.rating,
    ...(nextTimeBetter === undefined ? {} : { nextTimeBetter }),
    ...(Object.keys(reflections).length === 0 ? {} : { reflections }),
    ...(parkedQuestions.length === 0 ? {} : { parkedQuestions }),
    anonymous,
    ...(memberId === undefined ? {} : { memberId }),
    answeredAt: anonymous ? dayOf(answer.answeredAt) : answer.answeredAt,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Emails

export type EvaluationMailKind = 'evaluation-request' | 'evaluation-reminder';

function refuseAddress(...ids: string[]): void {
  for (const id of ids) {
    if (typeof id !== 'string' || id.trim() === '') throw new RangeError('A dedupe key needs every id');
    if (id.includes('@')) throw new RangeError('A dedupe key is built from ids, not email addresses');
  }
}

/**
 * The request or the reminder to evaluate one version of a meeting, to one member: the same key means
 * the same email, so a retried step never sends it twice. Ids only, as meetingDedupeKey.
 */
export function evaluationDedupeKey(input: {
  meetingId: string;
  memberId: string;
  kind: EvaluationMailKind;
  version: number;
}): string {
  const { meetingId, memberId, kind, version } = input;
  refuseAddress(meetingId, memberId);
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`Not a meeting version: ${version}`);
  return `meeting:${meetingId}:${memberId}:${kind}:v${version}`;
}

/**
 * The summary of a meeting's evaluation to one recipient, named by a tag that is no address: a
 * coordinator's or the facilitator's id, or 'coordinators' for the network's list.
 */
export function summaryDedupeKey(meetingId: string, recipientTag: string): string {
  refuseAddress(meetingId, recipientTag);
  return `meeting:${meetingId}:${recipientTag}:evaluation-summary`;
}
