import { describe, expect, it } from 'vitest';
import { joinStatuses } from '../../shared/domain/group.ts';
import type { GroupProposalStatus } from '../../shared/domain/group-proposal.ts';
import type { RegistrationStatus } from '../../shared/domain/registration.ts';
import { languages } from '../../shared/i18n.ts';
import { privacySummary, type SummaryData, type SummaryNames } from '../../shared/mail/privacy-summary.ts';

/*
 * The export's readable summary: every status a member can be in reads as words in sv, nb and en, and
 * ids give way to names (networks, groups) and to when a meeting is, in the meeting's own time zone.
 */

const registrationStatuses: RegistrationStatus[] = ['pending_confirmation', 'confirmed', 'expired'];
const proposalStatuses: GroupProposalStatus[] = [
  'pending_confirmation',
  'proposed',
  'accepted',
  'declined',
  'expired',
];
const at = '2026-11-18T09:12:00Z';

const data: SummaryData = {
  items: [
    ...registrationStatuses.map((status) => ({
      type: 'registration',
      networkId: 'net-1',
      name: 'Kari',
      organisation: 'Skolen',
      role: 'Rektor',
      status,
      createdAt: at,
      topics: ['Ledelse'],
    })),
    ...joinStatuses.map((status) => ({
      type: 'join-request',
      networkId: 'net-1',
      groupId: 'group-1',
      name: 'Kari',
      organisation: 'Skolen',
      status,
      createdAt: at,
    })),
    ...proposalStatuses.map((status) => ({
      type: 'group-proposal',
      networkId: 'net-1',
      title: 'Elevhelse',
      status,
      createdAt: at,
    })),
    ...['interest', 'join', 'group-proposal', 'mail-reminders', 'mail-all'].map((subject) => ({
      type: 'consent',
      action: 'agreed',
      subject,
      networkId: 'net-1',
      wording: `${subject}-v1`,
      at,
    })),
    { type: 'consent', action: 'agreed', subject: 'stay', networkId: '', wording: 'stay-v1', at },
    ...['mail-reminders', 'mail-all'].map((subject) => ({
      type: 'consent',
      action: 'withdrew',
      subject,
      networkId: 'net-1',
      wording: 'unsubscribe-v1',
      at,
    })),
    { type: 'opt-out', networkId: 'net-1', scope: 'reminders' },
    { type: 'opt-out', networkId: 'net-1', scope: 'all' },
    { type: 'digest-opt-out', networkId: 'net-1', at },
    { type: 'person', lastActiveAt: at },
    { type: 'token' },
  ],
  participation: [
    { meetingId: 'meeting-1', rsvp: 'yes', attendance: 'present' },
    { meetingId: 'meeting-1', rsvp: 'no', attendance: 'absent' },
    { meetingId: 'meeting-1', attendance: 'half' },
  ],
  answers: [{ meetingId: 'meeting-1', rating: 9 }],
  introductions: [{ groupId: 'group-1', meetingId: 'meeting-1' }],
};

const names: SummaryNames = {
  network: (id) => (id === 'net-1' ? 'Rektornettverket' : undefined),
  group: (id) => (id === 'group-1' ? 'Skolens økonomi' : undefined),
  // 22.00 UTC is 17.00 in New York: the meeting's own zone, not the network's (Stockholm, 23.00).
  meeting: (id) =>
    id === 'meeting-1'
      ? { groupId: 'group-1', startsAt: '2027-01-19T22:00:00Z', timeZone: 'America/New_York' }
      : undefined,
};

const codes = [
  ...new Set([...registrationStatuses, ...joinStatuses, ...proposalStatuses]),
  'agreed',
  'withdrew',
  'mail-reminders',
  'mail-all',
  'reminders',
  'yes',
  'present',
  'absent',
  'half',
];
const ids = ['net-1', 'group-1', 'meeting-1'];

describe('the export’s readable summary', () => {
  for (const language of languages) {
    it(`${language}: statuses as words, networks and groups by name, meetings by their time`, () => {
      const sections = privacySummary(data, names, language, 'Europe/Stockholm');
      const lines = sections.flatMap((section) => section.lines);
      const textOf = lines.join('\n');
      for (const id of ids) expect(textOf).not.toContain(id);
      // A code is a word of its own only in English ("confirmed", "declined"): none shows as a code.
      const asCode = (code: string) => new RegExp(`(^|[\\s(;:,])${code}($|[\\s);:,])`);
      for (const code of codes.filter((c) => language !== 'en' || /[_-]/.test(c)))
        expect({ code, found: asCode(code).test(textOf) }).toEqual({ code, found: false });
      expect(textOf).toContain('Rektornettverket: Kari, Skolen, Rektor (');
      expect(textOf).toContain('Skolens økonomi, Rektornettverket: Kari, Skolen (');
      // Every status its own words: nine join statuses, nine different lines.
      const joinLines = sections.find((s) => s.lines.some((l) => l.startsWith('Skolens økonomi, Rekt')));
      expect(new Set(joinLines?.lines).size).toBe(joinStatuses.length);
      const clock = language === 'en' ? '17:00' : '17.00';
      const meetingLines = lines.filter((line) => line.startsWith('Skolens økonomi, '));
      expect(meetingLines.filter((line) => line.includes(clock))).toHaveLength(5);
      expect(textOf).not.toContain('23.00');
      expect(textOf).not.toContain('23:00');
    });
  }

  it('speaks each language: the same records, in Swedish, Norwegian and English', () => {
    const line = (language: 'sv' | 'nb' | 'en') =>
      privacySummary(
        { items: [data.items[1] ?? {}], participation: [], answers: [], introductions: [] },
        names,
        language,
        'Europe/Stockholm',
      )[0]?.lines[0];
    expect(line('sv')).toMatch(
      /^Rektornettverket: Kari, Skolen, Rektor \(bekräftad; skickad .+\) – ämnen: Ledelse$/,
    );
    expect(line('nb')).toMatch(
      /^Rektornettverket: Kari, Skolen, Rektor \(bekreftet; sendt .+\) – temaer: Ledelse$/,
    );
    expect(line('en')).toMatch(
      /^Rektornettverket: Kari, Skolen, Rektor \(confirmed; sent .+\) – topics: Ledelse$/,
    );
  });

  it('shows an id it cannot name (a group since deleted) as it is, rather than leaving the line out', () => {
    const sections = privacySummary(
      {
        items: [
          {
            type: 'join-request',
            networkId: 'gone',
            groupId: 'gone-group',
            name: 'Kari',
            status: 'left',
            createdAt: at,
          },
        ],
        participation: [],
        answers: [],
        introductions: [],
      },
      names,
      'en',
      'Europe/Stockholm',
    );
    expect(sections[0]?.lines[0]).toMatch(/^gone-group, gone: Kari \(left the group; sent /);
  });
});
