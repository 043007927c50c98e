import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

// Kept importable from here: the admin feedback routes share it without building these schemas.
export { MeetingParams } from './common-schemas.ts';

/* Coordinators' requests about meetings; one schema validates, types and documents each. */

const int = () => z.number().check(z.int());

const localTime = meta(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')), {
  description: 'Wall-clock date and time in the meeting’s time zone',
  example: '2026-03-10T17:00',
});

const meetingUrl = z.url({ protocol: /^https$/ }).check(z.maxLength(2000));
const address = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

const place = {
  mode: z.enum(['online', 'in_person']),
  onlineUrl: meta(z.optional(meetingUrl), { description: 'The meeting link (online)' }),
  address: meta(z.optional(address), { description: 'Where to meet (in person)' }),
};

export const CreateMeetings = meta(
  z.strictObject({
    firstLocal: localTime,
    timeZone: meta(z.optional(z.string().check(z.maxLength(64))), {
      description: 'IANA zone; default Europe/Stockholm',
    }),
    count: z._default(int().check(z.gte(1), z.lte(6)), 1),
    intervalWeeks: meta(z.optional(int().check(z.gte(1), z.lte(52))), { description: 'Default 6' }),
    durationMinutes: meta(z.optional(int().check(z.gte(15), z.lte(480))), { description: 'Default 90' }),
    ...place,
    overrides: meta(
      z.optional(
        z
          .array(
            z.strictObject({
              seq: int().check(z.gte(1), z.lte(6)),
              mode: z.optional(place.mode),
              onlineUrl: place.onlineUrl,
              address: place.address,
            }),
          )
          .check(z.maxLength(6)),
      ),
      { description: 'Per meeting of the series (by its number in this request): another mode or place' },
    ),
  }),
  { id: 'CreateMeetings' },
);
export type CreateMeetings = z.output<typeof CreateMeetings>;

export const UpdateMeeting = meta(
  z
    .strictObject({
      startsLocal: z.optional(localTime),
      durationMinutes: z.optional(int().check(z.gte(15), z.lte(480))),
      mode: z.optional(place.mode),
      // A link or an address given by mistake can be taken back: the members are told it no longer holds.
      onlineUrl: meta(z.optional(z.nullable(meetingUrl)), {
        description: 'The meeting link (online); null removes it',
      }),
      address: meta(z.optional(z.nullable(address)), {
        description: 'Where to meet (in person); null removes it',
      }),
      introducerId: meta(z.optional(z.string().check(z.minLength(1), z.maxLength(64))), {
        description: 'A member’s id: overrides the rotation',
      }),
      status: z.optional(z.literal('cancelled')),
    })
    .check(z.refine((changes) => Object.keys(changes).length > 0, { message: 'required', path: ['_'] })),
  { id: 'UpdateMeeting' },
);
export type UpdateMeeting = z.output<typeof UpdateMeeting>;

export const AttendanceBody = meta(
  z.strictObject({
    attendance: z
      .array(
        z.strictObject({
          memberId: z.string().check(z.minLength(1)),
          status: z.enum(['present', 'absent', 'half']),
        }),
      )
      .check(z.minLength(1), z.maxLength(500)),
  }),
  { id: 'AttendanceBody' },
);

export const AdminMeeting = meta(
  z.object({
    id: z.string(),
    seq: int(),
    startsAt: z.string(),
    durationMinutes: int(),
    timeZone: z.string(),
    mode: z.enum(['online', 'in_person']),
    onlineUrl: z.optional(z.string()),
    address: z.optional(z.string()),
    status: z.enum(['scheduled', 'cancelled']),
    version: int(),
    introducerId: z.optional(z.string()),
    rsvp: meta(z.optional(z.object({ yes: int(), no: int() })), {
      description: 'The answers of those in the group now (someone who left is not counted)',
    }),
  }),
  { id: 'AdminMeeting' },
);

export const MeetingParticipants = meta(
  z.object({
    meeting: AdminMeeting,
    members: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        organisation: z.string(),
        rsvp: meta(z.nullable(z.enum(['yes', 'no'])), { description: 'null: no answer' }),
        attendance: meta(z.nullable(z.enum(['present', 'absent', 'half'])), {
          description: 'null: not recorded',
        }),
        introducer: meta(z.boolean(), { description: 'Prepares this meeting’s introduction' }),
        noMail: meta(z.boolean(), {
          description:
            'No mail from the network reaches them (they stopped all of it, or their address is blocked): no invitation, change, cancellation or evaluation request',
        }),
      }),
    ),
  }),
  { id: 'MeetingParticipants' },
);
