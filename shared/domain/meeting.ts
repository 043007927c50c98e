import type { GroupMode, JoinStatus } from './group.ts';

/**
 * Meetings of a group: "mellan en och sex gånger", "ungefär sex veckors mellanrum", "ca 1,5 timmar",
 * mostly online and sometimes in person. "Varje träff startas med en introduktion", which one participant
 * prepared, and "alla deltagare får vid något tillfälle uppdraget att förbereda en introduktion": the
 * introducer rotates so everyone takes a turn before anyone takes a second one.
 *
 * Everything here is pure: no clock is read (callers pass `now`), nothing is stored or sent.
 */
export type MeetingMode = GroupMode;
export type MeetingStatus = 'scheduled' | 'cancelled';

export interface Meeting {
  id: string;
  groupId: string;
  networkId: string;
  /** 1-based number of the meeting in the group's series. */
  seq: number;
  /** UTC ISO instant. */
  startsAt: string;
  durationMinutes: number;
  /** IANA zone the meeting was planned in (its wall-clock time is shown in this zone). */
  timeZone: string;
  mode: MeetingMode;
  onlineUrl?: string;
  address?: string;
  status: MeetingStatus;
  /** Starts at 1 and grows by 1 on every change; the calendar SEQUENCE is `version - 1`. */
  version: number;
  /** The join request id of the member who prepares the introduction. */
  introducerId?: string;
  /** A coordinator chose the introducer by hand: the rotation leaves this meeting alone. */
  introducerOverride?: boolean;
  createdAt: string;
  updatedAt: string;
  /** How many members were asked to evaluate the meeting, when the request went out. */
  evaluationAsked?: number;
  /** While the evaluation is open: the salt of the answers' keys (removed at the close). */
  evaluationSalt?: string;
  /** The evaluation closed then: answers are no longer taken. */
  evaluationClosedAt?: string;
  /**
   * The close the members were told in the evaluation's request or reminder (the later one): the
   * evaluation never closes before it, whatever the network's settings say since.
   */
  evaluationCloseAt?: string;
  /** The mean rating when the evaluation closed, for the next meeting's "change since last time". */
  evaluationMean?: number;
  /** Time and place before the latest change, for the update email ("moved from … to …"). */
  previous?: Pick<Meeting, 'startsAt' | 'durationMinutes' | 'mode' | 'onlineUrl' | 'address'>;
}

export const defaultMeetingTimeZone = 'Europe/Stockholm';
export const defaultIntervalWeeks = 6;
export const defaultDurationMinutes = 90;
export const minMeetings = 1;
export const maxMeetings = 6;

const minuteMs = 60_000;
const dayMs = 24 * 3600 * 1000;

// ---------------------------------------------------------------------------------------------------------
// Wall-clock time in a zone, with Intl only.

/** A wall-clock time: what a clock on the wall in some zone shows. Months are 1-12. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for a zone Intl does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless Intl knows the zone. */
export function assertTimeZone(timeZone: string): void {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') {
    throw new RangeError('A time zone is required');
  }
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
}

interface Fields extends LocalDateTime {
  second: number;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function utcMsOf(local: LocalDateTime, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  date.setUTCHours(local.hour, local.minute, second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm in summer: +7_200_000). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const fields = fieldsAt(whole, timeZone);
  return utcMsOf(fields, fields.second) - whole;
}

/** The wall-clock time an instant shows in a zone. */
export function toLocal(instant: string | Date, timeZone: string): LocalDateTime {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(instant)}"`);
  assertTimeZone(timeZone);
  const { year, month, day, hour, minute } = fieldsAt(ms, timeZone);
  return { year, month, day, hour, minute };
}

/**
 * The instant a wall-clock time in a zone stands for, the way RFC 5545 (3.3.5) reads a DATE-TIME with a
 * TZID, which is also Temporal's `disambiguation: 'compatible'`:
 * - a time that occurs twice (autumn, clocks go back: 02:30 on the last Sunday of October in Stockholm and
 *   Oslo) is its FIRST occurrence, still on summer time;
 * - a time that does not occur (spring, clocks go forward: 02:00–02:59 on the last Sunday of March) is read
 *   with the offset before the gap, so it lands as much later as the gap is long: 02:30 becomes 03:30 CEST.
 * Meetings of school leaders do not start in the night, so in practice neither case arises.
 */
export function localToUtc(local: LocalDateTime, timeZone: string): Date {
  assertTimeZone(timeZone);
  const asUtc = utcMsOf(local);
  // Offsets a day either side cover any transition near this time (zones move at most once a day).
  const before = offsetAt(asUtc - dayMs, timeZone);
  const after = offsetAt(asUtc + dayMs, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((ms) => offsetAt(ms, timeZone) === asUtc - ms)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // In a gap: the offset before the gap, per RFC 5545.
  return new Date(asUtc - before);
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Reads 'YYYY-MM-DDTHH:mm' as wall-clock time; a RangeError for anything else or an impossible date. */
export function parseLocal(text: string): LocalDateTime {
  const match = localPattern.exec(typeof text === 'string' ? text : '');
  if (match === null) throw new RangeError(`Expected a local time as YYYY-MM-DDTHH:mm, got "${text}"`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const check = new Date(utcMsOf({ year, month, day, hour, minute }));
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    throw new RangeError(`Not a valid local time: "${text}"`);
  }
  return { year, month, day, hour, minute };
}

function addDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(utcMsOf({ ...local, hour: 0, minute: 0 }) + days * dayMs);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: local.hour,
    minute: local.minute,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Series dates

export interface SeriesInput {
  /** Wall-clock time of the first meeting in `timeZone`: 'YYYY-MM-DDTHH:mm'. */
  firstLocal: string;
  /** IANA zone; 'Europe/Stockholm' unless given. */
  timeZone?: string;
  /** How many meetings: 1 to 6. */
  count: number;
  /** Whole weeks between meetings, 1 to 52; 6 unless given. */
  intervalWeeks?: number;
}

/**
 * The start instants (UTC ISO) of a series: every `intervalWeeks` weeks on the same weekday at the same
 * WALL-CLOCK time, across daylight-saving changes. 17:00 in Stockholm is 16:00Z on 10 March 2026 and
 * 15:00Z on 21 April 2026. A time that does not exist on one of the days (the spring-forward gap) is moved
 * forward by the gap for that meeting only (see localToUtc); the others keep the time asked for.
 * Throws a RangeError for a malformed time, an unknown zone, a count outside 1–6 or a bad interval.
 */
export function seriesDates(input: SeriesInput): string[] {
  const timeZone = input.timeZone ?? defaultMeetingTimeZone;
  const intervalWeeks = input.intervalWeeks ?? defaultIntervalWeeks;
  const { count } = input;
  if (!Number.isInteger(count) || count < minMeetings || count > maxMeetings) {
    throw new RangeError(`A group meets ${minMeetings} to ${maxMeetings} times, not ${count}`);
  }
  if (!Number.isInteger(intervalWeeks) || intervalWeeks < 1 || intervalWeeks > 52) {
    throw new RangeError(`The interval is 1 to 52 whole weeks, not ${intervalWeeks}`);
  }
  assertTimeZone(timeZone);
  const first = parseLocal(input.firstLocal);
  return Array.from({ length: count }, (_, i) =>
    localToUtc(addDays(first, i * intervalWeeks * 7), timeZone).toISOString(),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Introducer rotation

export interface RotationMember {
  /** Join request id. */
  id: string;
  /** When the seat was given: join order, the earlier first. */
  approvedAt: string;
}

export interface PickIntroducerInput {
  /** The approved members at the time of the meeting. */
  members: readonly RotationMember[];
  /** Introductions given (or assigned) so far, by member id; a missing id counts as 0. */
  introductions: Readonly<Record<string, number>>;
  /** Members who said they cannot come to this meeting. */
  cannotCome?: ReadonlySet<string>;
  /** A coordinator's choice. */
  override?: string;
}

function joinOrder(a: RotationMember, b: RotationMember): number {
  const at = Date.parse(a.approvedAt);
  const bt = Date.parse(b.approvedAt);
  // An unreadable date sorts last rather than breaking the order of the others.
  const av = Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
  const bv = Number.isNaN(bt) ? Number.POSITIVE_INFINITY : bt;
  if (av !== bv) return av < bv ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Whether a meeting's introducer stays: a coordinator's choice does while they are a member; one picked
 * by the rotation does until they say they cannot come (their mail asks them to, "so that someone else
 * has time to prepare"). Otherwise pickIntroducer picks again. A coordinator's choice who says they cannot
 * come after it was made loses the mark (introducerMarkLapses), so the rotation replaces them too.
 */
export function introducerStays(
  meeting: Pick<Meeting, 'introducerId' | 'introducerOverride'>,
  memberIds: ReadonlySet<string>,
  cannotCome: ReadonlySet<string>,
): boolean {
  const current = meeting.introducerId;
  if (current === undefined || !memberIds.has(current)) return false;
  return meeting.introducerOverride === true || !cannotCome.has(current);
}

/**
 * Whether a member's "can't come" takes away a coordinator's mark naming them the introducer: the mark
 * was made before they said so (a choice made knowing it is made after), and the introducer's mail asked
 * them to say so, so that someone else would prepare.
 */
export function introducerMarkLapses(
  meeting: Pick<Meeting, 'introducerId' | 'introducerOverride'>,
  memberId: string,
  answer: 'yes' | 'no',
): boolean {
  return answer === 'no' && meeting.introducerOverride === true && meeting.introducerId === memberId;
}

/**
 * What a meeting stores once its introducer does not stay: the rotation's new pick, or nobody when everyone
 * left says they cannot come (then no reminder names someone who will not be there, and the digest says
 * that no introducer is chosen). The pick is the rotation's, so a coordinator's mark goes with the one it
 * named. Undefined when there is nothing to change.
 */
export function introducerUpdate(
  meeting: Pick<Meeting, 'introducerId' | 'introducerOverride'>,
  picked: string | undefined,
): { introducerId: string | null; introducerOverride?: null } | undefined {
  if (picked === meeting.introducerId && meeting.introducerOverride === undefined) return undefined;
  return {
    introducerId: picked ?? null,
    ...(meeting.introducerOverride === undefined ? {} : { introducerOverride: null }),
  };
}

/**
 * Who prepares the introduction: the member who has introduced least, ties going to whoever joined first,
 * passing over those who said they cannot come. A coordinator's override wins when it names a current
 * member, even one who said they cannot come (the coordinator decided knowing it); an override naming
 * someone who is not a member is ignored. Undefined when nobody is left.
 */
export function pickIntroducer(input: PickIntroducerInput): string | undefined {
  const { members, introductions } = input;
  if (input.override !== undefined && members.some((m) => m.id === input.override)) return input.override;
  const cannotCome = input.cannotCome ?? new Set<string>();
  const count = (id: string): number => introductions[id] ?? 0;
  let best: RotationMember | undefined;
  for (const member of members) {
    if (cannotCome.has(member.id)) continue;
    if (
      best === undefined ||
      count(member.id) < count(best.id) ||
      (count(member.id) === count(best.id) && joinOrder(member, best) < 0)
    ) {
      best = member;
    }
  }
  return best?.id;
}

export interface RotationSlot {
  /** The approved members at the time of this meeting (people join and leave between meetings). */
  members: readonly RotationMember[];
  cannotCome?: ReadonlySet<string>;
  override?: string;
}

export interface RotateSeriesInput {
  /** The meetings to assign, in order. Leave cancelled meetings out. */
  meetings: readonly RotationSlot[];
  /** Introductions before the first of these meetings (see introductionCounts); none unless given. */
  introductions?: Readonly<Record<string, number>>;
}

/**
 * Introducers for a series, one per meeting in order (undefined where nobody can). Each pick counts as an
 * introduction for the meetings after it, so everyone who is there takes a turn before anyone takes a
 * second one; a member who joins later has introduced nothing and so comes next, one who left is no longer
 * picked, one who cannot come is picked at the next meeting they can come to. An override counts too.
 */
export function rotateSeries(input: RotateSeriesInput): (string | undefined)[] {
  const counts: Record<string, number> = { ...(input.introductions ?? {}) };
  return input.meetings.map((slot) => {
    const picked = pickIntroducer({
      members: slot.members,
      introductions: counts,
      ...(slot.cannotCome === undefined ? {} : { cannotCome: slot.cannotCome }),
      ...(slot.override === undefined ? {} : { override: slot.override }),
    });
    if (picked !== undefined) counts[picked] = (counts[picked] ?? 0) + 1;
    return picked;
  });
}

/**
 * Introductions per member from a group's meetings: those not cancelled that have an introducer, and,
 * when `before` is given, start before it (the ones already held).
 */
export function introductionCounts(
  meetings: readonly Pick<Meeting, 'status' | 'introducerId' | 'startsAt'>[],
  before?: string | Date,
): Record<string, number> {
  const limit = before === undefined ? Number.POSITIVE_INFINITY : new Date(before).getTime();
  const counts: Record<string, number> = {};
  for (const meeting of meetings) {
    if (meeting.status === 'cancelled' || meeting.introducerId === undefined) continue;
    if (!(Date.parse(meeting.startsAt) < limit)) continue;
    counts[meeting.introducerId] = (counts[meeting.introducerId] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------------------
// Reminders

export interface ReminderOptions {
  /** Days before the meeting that every member gets a reminder; [7, 1] unless given. */
  reminderDays?: readonly number[];
  /** Days before the meeting that the introducer is reminded to prepare; 14 unless given. */
  introducerDays?: number;
}

export type ReminderTime =
  | { kind: 'reminder'; daysBefore: number; at: string }
  | { kind: 'introducer'; at: string };

export const defaultReminderDays: readonly number[] = [7, 1];
export const defaultIntroducerDays = 14;

/** At one instant the introducer's own reminder goes first, then the members'. */
const reminderRank = (reminder: ReminderTime): number => (reminder.kind === 'introducer' ? 0 : 1);

/**
 * Every reminder of a meeting, past or not, in the order they go out: earliest first, and at the same
 * instant the introducer's first. Days that are not positive are ignored; repeated days count once.
 */
export function reminderPlan(startsAt: string, options: ReminderOptions = {}): ReminderTime[] {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) throw new RangeError(`Not an instant: "${startsAt}"`);
  const at = (days: number): number => start - days * dayMs;
  const valid = (days: number): boolean => Number.isFinite(days) && days > 0;
  const out: { ms: number; item: ReminderTime }[] = [];
  for (const daysBefore of new Set(options.reminderDays ?? defaultReminderDays)) {
    if (!valid(daysBefore)) continue;
    out.push({
      ms: at(daysBefore),
      item: { kind: 'reminder', daysBefore, at: new Date(at(daysBefore)).toISOString() },
    });
  }
  const introducerDays = options.introducerDays ?? defaultIntroducerDays;
  if (valid(introducerDays)) {
    out.push({
      ms: at(introducerDays),
      item: { kind: 'introducer', at: new Date(at(introducerDays)).toISOString() },
    });
  }
  return out
    .sort((a, b) => a.ms - b.ms || reminderRank(a.item) - reminderRank(b.item))
    .map((entry) => entry.item);
}

/**
 * The reminders of a meeting still to send: those whose time (whole 24-hour days before the start) is
 * after `now`, earliest first. A meeting three days ahead gets only the one-day reminder; one that has
 * started gets none.
 */
export function reminderTimes(startsAt: string, options: ReminderOptions = {}, now: Date): ReminderTime[] {
  return reminderPlan(startsAt, options).filter((reminder) => Date.parse(reminder.at) > now.getTime());
}

/**
 * The reminder that follows `after` in the plan. It is found by its place in the order, not by a time
 * after `after`'s, and not among those still ahead of `now` alone: a reminder due at the same instant as
 * the one just sent (the members' 1-day reminder with the introducer's 1-day one) is past by the time
 * that one is out, and must still go. One whose time passed while the workflow was late is skipped, as
 * reminderTimes does.
 */
export function reminderAfter(
  startsAt: string,
  options: ReminderOptions,
  after: ReminderTime,
  now: Date,
): ReminderTime | undefined {
  const afterMs = Date.parse(after.at);
  return reminderPlan(startsAt, options).find((reminder) => {
    const ms = Date.parse(reminder.at);
    const later = ms > afterMs || (ms === afterMs && reminderRank(reminder) > reminderRank(after));
    return later && (ms === afterMs || ms > now.getTime());
  });
}

// ---------------------------------------------------------------------------------------------------------
// Emails about meetings

export type MeetingMailKind =
  | 'invitation'
  | `reminder-${number}`
  | 'introducer'
  | 'update'
  | 'cancellation'
  | 'evaluation';

/** The dedupe kind of the reminder sent `daysBefore` days ahead: 'reminder-7', 'reminder-1'. */
export function reminderKind(daysBefore: number): MeetingMailKind {
  return `reminder-${daysBefore}`;
}

/**
 * One email about one version of a meeting to one member: the same key means the same email, so a retried
 * step never sends it twice, while a changed meeting (a new version) gets its own. Built from ids only:
 * there is no email address in it (a member id containing '@' is refused).
 */
export function meetingDedupeKey(input: {
  meetingId: string;
  memberId: string;
  kind: MeetingMailKind;
  version: number;
}): string {
  const { meetingId, memberId, kind, version } = input;
  if (memberId.includes('@') || meetingId.includes('@')) {
    throw new RangeError('A dedupe key is built from ids, not email addresses');
  }
  if (!Number.isInteger(version) || version < 1) throw new RangeError(`Not a meeting version: ${version}`);
  return `meeting:${meetingId}:${memberId}:${kind}:v${version}`;
}

/** When a meeting ends. */
export function meetingEnd(meeting: Pick<Meeting, 'startsAt' | 'durationMinutes'>): string {
  return new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * minuteMs).toISOString();
}

// ---------------------------------------------------------------------------------------------------------
// Building a series, changing a meeting

export interface MeetingPlace {
  mode: MeetingMode;
  onlineUrl?: string | undefined;
  address?: string | undefined;
}

/** What a coordinator asks for when scheduling: the dates (SeriesInput), the length and the place. */
export interface SeriesRequest extends SeriesInput, MeetingPlace {
  /** 90 unless given. */
  durationMinutes?: number | undefined;
  /** Another mode or place for single meetings, by their number in this request (1-based). */
  overrides?: readonly ({ seq: number } & Partial<MeetingPlace>)[] | undefined;
}

/**
 * The meetings of a new series, numbered after the group's highest number so far (`lastSeq`, cancelled
 * meetings included: a number once sent in a mail names one meeting only), each at version 1 (the
 * invitation's). Throws a RangeError for dates seriesDates refuses.
 */
export function newSeries(
  group: { id: string; networkId: string },
  request: SeriesRequest,
  options: { lastSeq: number; now: Date; newId: () => string },
): Meeting[] {
  const timeZone = request.timeZone ?? defaultMeetingTimeZone;
  const dates = seriesDates({
    firstLocal: request.firstLocal,
    timeZone,
    count: request.count,
    ...(request.intervalWeeks ? { intervalWeeks: request.intervalWeeks } : {}),
  });
  const at = options.now.toISOString();
  return dates.map((startsAt, index) => {
    const override = request.overrides?.find((o) => o.seq === index + 1);
    const onlineUrl = override?.onlineUrl ?? request.onlineUrl;
    const address = override?.address ?? request.address;
    return {
      id: options.newId(),
      groupId: group.id,
      networkId: group.networkId,
      seq: options.lastSeq + index + 1,
      startsAt,
      durationMinutes: request.durationMinutes ?? defaultDurationMinutes,
      timeZone,
      mode: override?.mode ?? request.mode,
      ...(onlineUrl ? { onlineUrl } : {}),
      ...(address ? { address } : {}),
      status: 'scheduled',
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** A coordinator's edit of a meeting's time, place or status; a field left out stays as it is. */
export interface MeetingEdit {
  /** New wall-clock start in the meeting's own zone: 'YYYY-MM-DDTHH:mm'. */
  startsLocal?: string | undefined;
  durationMinutes?: number | undefined;
  mode?: MeetingMode | undefined;
  /** null takes the link back: one given by mistake, the right one to follow. */
  onlineUrl?: string | null | undefined;
  /** null takes the address back, like the link. */
  address?: string | null | undefined;
  status?: 'cancelled' | undefined;
}

/** The fields of a meeting an edit sets; a place set to null is removed. */
export type CalendarChanges = Partial<
  Pick<Meeting, 'startsAt' | 'durationMinutes' | 'mode' | 'status' | 'previous'> & {
    onlineUrl: string | null;
    address: string | null;
  }
>;

/**
 * What an edit changes in everyone's calendar, with the time and place before it (for the update email's
 * "moved from … to …"); undefined when it names nothing of the calendar. Any field named counts as a
 * change, as the coordinator meant one: the meeting gets a new version and its members the update (or the
 * cancellation). Throws a RangeError for a start that is not a wall-clock time.
 */
export function calendarChanges(meeting: Meeting, edit: MeetingEdit): CalendarChanges | undefined {
  const changes: CalendarChanges = {};
  if (edit.startsLocal)
    changes.startsAt = localToUtc(parseLocal(edit.startsLocal), meeting.timeZone).toISOString();
  if (edit.durationMinutes) changes.durationMinutes = edit.durationMinutes;
  if (edit.mode) changes.mode = edit.mode;
  // Taking back a link or an address the meeting does not have changes nothing anyone was told.
  if (edit.onlineUrl || (edit.onlineUrl === null && meeting.onlineUrl)) changes.onlineUrl = edit.onlineUrl;
  if (edit.address || (edit.address === null && meeting.address)) changes.address = edit.address;
  if (edit.status) changes.status = edit.status;
  if (Object.keys(changes).length === 0) return undefined;
  const { startsAt, durationMinutes, mode, onlineUrl, address } = meeting;
  changes.previous = {
    startsAt,
    durationMinutes,
    mode,
    ...(onlineUrl ? { onlineUrl } : {}),
    ...(address ? { address } : {}),
  };
  return changes;
}

/**
 * What a version of a meeting tells its members when its workflow starts: the first version invites, a
 * cancelled one cancels, any other was changed.
 */
export function noticeFor(
  meeting: Pick<Meeting, 'status' | 'version'>,
): 'invitation' | 'update' | 'cancellation' {
  if (meeting.status === 'cancelled') return 'cancellation';
  return meeting.version === 1 ? 'invitation' : 'update';
}

export type MeetingChange = 'time' | 'place' | 'mode';

/**
 * What changed since the version before, for the update email: the time (start or length), the place
 * (address or link), the mode; the start before, when it moved. Without a record of the time and place
 * before, the time is what the email speaks of.
 */
export function changesOf(
  meeting: Pick<Meeting, 'previous' | 'startsAt' | 'durationMinutes' | 'mode' | 'onlineUrl' | 'address'>,
): {
  changes: MeetingChange[];
  previousStartsAt?: string;
} {
  const { previous } = meeting;
  if (!previous) return { changes: ['time'] };
  const changes: MeetingChange[] = [];
  if (previous.startsAt !== meeting.startsAt || previous.durationMinutes !== meeting.durationMinutes)
    changes.push('time');
  if (previous.address !== meeting.address || previous.onlineUrl !== meeting.onlineUrl) changes.push('place');
  if (previous.mode !== meeting.mode) changes.push('mode');
  return {
    changes,
    ...(previous.startsAt !== meeting.startsAt ? { previousStartsAt: previous.startsAt } : {}),
  };
}

/** The scheduled meetings that have not started by `now`: what someone who joins now is invited to. */
export function upcomingMeetings<M extends Pick<Meeting, 'status' | 'startsAt'>>(
  meetings: readonly M[],
  now: Date,
): M[] {
  return meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.startsAt) > now.getTime());
}

/**
 * Whether a yes or no link used before answers again: once another answer was given after it. The pages
 * tell members they can change their mind by the links in the invitation, and each link is single-use, so
 * a link is spent while its own answer stands and open again when the other one has replaced it.
 */
export function answerLinkReopened(
  link: { answer: 'yes' | 'no'; usedAt: string },
  standing: { rsvp?: 'yes' | 'no'; rsvpAt?: string } | undefined,
): boolean {
  return (
    standing?.rsvp !== undefined &&
    standing.rsvp !== link.answer &&
    standing.rsvpAt !== undefined &&
    standing.rsvpAt > link.usedAt
  );
}

/**
 * Why an RSVP link no longer speaks for its member, if it does not: the meeting was cancelled, or the
 * person's place is not what the link is about (a yes or no needs a seat; "the rest of the series", once
 * used, holds while they have left, and unused needs a seat to give up). A used link shows what it did only
 * while that holds: no "vi ses!" for a cancelled meeting, no "your seat is free" to someone seated again.
 */
export function rsvpLinkRefusal(
  link: { series: boolean; used: boolean },
  memberStatus: JoinStatus,
  meetingStatus: MeetingStatus | undefined,
): 'cancelled' | 'not-theirs' | undefined {
  if (link.series && link.used) return memberStatus === 'left' ? undefined : 'not-theirs';
  if (meetingStatus === 'cancelled') return 'cancelled';
  return memberStatus === 'approved' ? undefined : 'not-theirs';
}

/**
 * The answers of those in the group now: someone who left is no longer coming or staying away, whatever
 * they answered while a member (the digest, the overview and the console count the same way).
 */
export function answerCounts(
  answers: readonly { memberId: string; rsvp?: 'yes' | 'no' | undefined }[],
  seated: Pick<ReadonlySet<string>, 'has'>,
): { yes: number; no: number } {
  const counted = answers.filter((a) => seated.has(a.memberId));
  return {
    yes: counted.filter((a) => a.rsvp === 'yes').length,
    no: counted.filter((a) => a.rsvp === 'no').length,
  };
}

/**
 * The meeting as a coordinator reads it: its answers counted as answerCounts does, and no introducer named
 * for a meeting still ahead who has left the group (the next workflow step picks again; the digest names
 * nobody meanwhile). One who introduced a meeting already held stays named.
 */
export function asSeenNow<M extends Pick<Meeting, 'introducerId' | 'startsAt'>>(
  meeting: M,
  answers: readonly { memberId: string; rsvp?: 'yes' | 'no' | undefined }[],
  seated: ReadonlySet<string>,
  now: Date,
): Omit<M, 'introducerId'> & { introducerId?: string; rsvp: { yes: number; no: number } } {
  const { introducerId, ...rest } = meeting;
  const named =
    introducerId !== undefined && (seated.has(introducerId) || Date.parse(meeting.startsAt) <= now.getTime());
  return { ...rest, ...(named ? { introducerId } : {}), rsvp: answerCounts(answers, seated) };
}
