import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { commonCopy } from '../../shared/mail/common.ts';
import { formatMeetingDay, formatMeetingTime } from '../../shared/mail/format.ts';
import {
  introducerReminderCopy,
  meetingCancelledCopy,
  meetingCopy,
  meetingInvitationCopy,
  meetingReminderCopy,
  meetingUpdatedCopy,
  remindersFirst,
} from '../../shared/mail/meetings.ts';
import { type MailMessage, type MeetingFacts, renderMail } from '../support/mail-templates.ts';
import {
  inPersonMeeting,
  type MeetingMailKind,
  meeting,
  previousStart,
  meetingSamples as samples,
  summerStart,
  meetingUrls as urls,
  winterStart,
} from './meeting-samples.ts';

const kinds = Object.keys(samples) as MeetingMailKind[];
const network = 'Grundskolenätverket';
const group = 'Rektors mandat';
const question = 'Hur tydliggör vi rektors mandat gentemot huvudmannen?';

function render<K extends MeetingMailKind>(message: MailMessage<K>, language: Language) {
  return renderMail(message, language);
}

/** A sample with other facts about its meeting. */
function withMeeting<K extends MeetingMailKind>(kind: K, facts: Partial<MeetingFacts>): MailMessage<K> {
  const sample = samples[kind];
  // Spreading a union of kinds loses which one it was; it is still the kind K.
  return { ...sample, meeting: { ...sample.meeting, ...facts } } as MailMessage<K>;
}

/** Every link of a kind, and whether it is the button (twice in HTML) or a quiet link (once). */
// The mail's "stop reminders" link: its unsubscribe link, with the reminders offered first.
const stopReminders = remindersFirst(urls.unsubscribe);

const links: Record<MeetingMailKind, readonly { url: string; button: boolean }[]> = {
  'meeting-invitation': [
    { url: urls.online, button: false },
    { url: urls.yes, button: true },
    { url: urls.no, button: false },
    { url: urls.noSeries, button: false },
    { url: stopReminders, button: false },
  ],
  'meeting-reminder': [
    { url: urls.online, button: false },
    { url: urls.yes, button: true },
    { url: urls.no, button: false },
    { url: urls.noSeries, button: false },
    { url: stopReminders, button: false },
  ],
  'introducer-reminder': [
    { url: urls.online, button: false },
    { url: urls.yes, button: true },
    { url: urls.no, button: false },
    { url: stopReminders, button: false },
  ],
  'meeting-updated': [
    { url: urls.online, button: false },
    { url: urls.yes, button: true },
    { url: urls.no, button: false },
    { url: stopReminders, button: false },
  ],
  'meeting-cancelled': [],
};

const leaks = /undefined|null|NaN|\[object|\$\{|\{\{|\}\}|§/;
const buttonCell = /<td style="border-radius:6px;background:/g;

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#847;|&zwnj;|&nbsp;/g, ' ');
}

/** The text of the HTML as a reader sees it: entities back to characters. */
function htmlText(html: string): string {
  return visibleText(html)
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('meeting mails', () => {
  for (const kind of kinds) {
    describe(kind, () => {
      it.each(languages)(
        'renders in %s, naming the group, the network and the date, without placeholders',
        (language) => {
          const mail = render(samples[kind], language);
          const day = formatMeetingDay(winterStart, language, 'Europe/Stockholm');
          const when = formatMeetingTime(winterStart, language, 'Europe/Stockholm', 90);
          expect(mail.subject).toContain(network);
          expect(mail.subject).toContain(group);
          expect(mail.subject).toContain(day);
          expect(mail.text).toContain('Åsa Ericson');
          expect(mail.text).toContain(group);
          expect(mail.text).toContain(when);
          expect(htmlText(mail.html)).toContain(when);
          expect(mail.html).toContain(`<html lang="${language}"`);
          expect(mail.html).toMatch(/<div style="display:none[^"]*">[^<]+/);
          for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(leaks);
        },
      );

      it('has its own subject and text in each language', () => {
        const mails = languages.map((language) => render(samples[kind], language));
        expect(new Set(mails.map((mail) => mail.subject)).size).toBe(languages.length);
        expect(new Set(mails.map((mail) => mail.text)).size).toBe(languages.length);
      });

      it.each(languages)('puts every link in the text part and in the HTML in %s', (language) => {
        const mail = render(samples[kind], language);
        for (const { url, button } of links[kind]) {
          expect(mail.text.split(url)).toHaveLength(2);
          const escaped = url.replaceAll('&', '&amp;');
          expect(mail.html).not.toContain(url);
          // A button has its URL spelled out beneath it; a quiet link is the link alone.
          expect(mail.html.split(`href="${escaped}"`)).toHaveLength(button ? 3 : 2);
        }
        const buttons = links[kind].filter((link) => link.button).length;
        expect(mail.html.match(buttonCell) ?? []).toHaveLength(buttons);
        expect(mail.html.match(/href="/g) ?? []).toHaveLength(
          links[kind].reduce((n, link) => n + (link.button ? 2 : 1), 0),
        );
      });

      it.each(languages)('says "meeting 2 of 4", and no number for a single meeting, in %s', (language) => {
        const position = meetingCopy[language].position('2', '4');
        expect(render(samples[kind], language).text).toContain(position);
        const single = render(withMeeting(kind, { seq: 1, count: 1 }), language);
        expect(single.text).not.toContain(meetingCopy[language].position('1', '1'));
        expect(single.text).not.toMatch(leaks);
      });
    });
  }

  describe('dates, in the reader’s language and the network’s time zone', () => {
    it('writes a Stockholm winter date (CET) the Swedish way, with the end of the meeting', () => {
      const mail = render(samples['meeting-invitation'], 'sv');
      expect(mail.text).toContain('När: tisdag 10 mars 2026 kl. 17.00–18.30');
      expect(mail.subject).toBe('Inbjudan: ”Rektors mandat” i Grundskolenätverket, tisdag 10 mars');
    });

    it('writes a Stockholm summer date (CEST) the Swedish way', () => {
      const mail = render(withMeeting('meeting-invitation', { startsAt: summerStart }), 'sv');
      expect(mail.text).toContain('När: tisdag 9 juni 2026 kl. 17.00–18.30');
      expect(mail.subject).toContain('tisdag 9 juni');
    });

    it('writes an Oslo date the Norwegian way', () => {
      // 11:00 UTC is 13.00 in Oslo in September (CEST); the same instant is 12:00 in London.
      const startsAt = new Date('2026-09-22T11:00:00Z');
      const oslo = render(withMeeting('meeting-reminder', { startsAt, timeZone: 'Europe/Oslo' }), 'nb');
      expect(oslo.text).toContain('Når: tirsdag 22. september 2026 kl. 13.00–14.30');
      expect(oslo.subject).toContain('tirsdag 22. september');
      const winter = render(withMeeting('meeting-invitation', { timeZone: 'Europe/Oslo' }), 'nb');
      expect(winter.text).toContain('Når: tirsdag 10. mars 2026 kl. 17.00–18.30');
      const london = render(withMeeting('meeting-reminder', { startsAt, timeZone: 'Europe/London' }), 'en');
      expect(london.text).toContain('When: Tuesday, 22 September 2026, 12:00–13:30');
    });

    it('writes English dates day first with a 24-hour clock', () => {
      expect(render(samples['meeting-invitation'], 'en').text).toContain(
        'When: Tuesday, 10 March 2026, 17:00–18:30',
      );
      const summer = render(withMeeting('meeting-cancelled', { startsAt: summerStart }), 'en');
      expect(summer.text).toContain('Tuesday, 9 June 2026, 17:00–18:30');
    });

    it('follows the meeting’s own length, and names both days past midnight', () => {
      const short = render(withMeeting('meeting-invitation', { durationMinutes: 60 }), 'sv');
      expect(short.text).toContain('tisdag 10 mars 2026 kl. 17.00–18.00');
      const late = render(
        withMeeting('meeting-invitation', { startsAt: new Date('2026-03-10T22:00:00Z') }),
        'sv',
      );
      expect(late.text).toContain('tisdag 10 mars 2026 kl. 23.00 – onsdag 11 mars 2026 kl. 00.30');
    });

    it('refuses an unknown time zone', () => {
      expect(() => render(withMeeting('meeting-invitation', { timeZone: 'Europe/Atlantis' }), 'sv')).toThrow(
        RangeError,
      );
    });
  });

  it('refuses a link that is not http(s), wherever it is', () => {
    const bad = 'javascript:alert(1)';
    expect(() => render({ ...samples['meeting-invitation'], yesUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['meeting-invitation'], noUrl: bad }, 'nb')).toThrow(TypeError);
    expect(() => render({ ...samples['meeting-invitation'], noSeriesUrl: bad }, 'en')).toThrow(TypeError);
    expect(() => render({ ...samples['meeting-reminder'], unsubscribeUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['introducer-reminder'], noUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['meeting-updated'], yesUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render(withMeeting('meeting-invitation', { onlineUrl: bad }), 'sv')).toThrow(TypeError);
  });

  describe('meeting-invitation', () => {
    it('says when, where, who introduces and what the meeting is like', () => {
      const sv = render(samples['meeting-invitation'], 'sv');
      expect(sv.text).toContain('Här kommer inbjudan till träff 2 av 4 i gruppen ”Rektors mandat”');
      expect(sv.text).toContain('- Var: online\n');
      expect(sv.text).toContain(`Anslut till träffen: ${urls.online}`);
      expect(sv.text).toContain('- Introduktion: Maria Lindqvist');
      expect(sv.text).toContain(`> ${question}`);
      expect(sv.html).toMatch(new RegExp(`<blockquote [^>]*>${question.replace('?', '\\?')}</blockquote>`));
      expect(sv.text).toContain('Träffen börjar med en introduktion');
      expect(sv.text).toContain('Det som sägs i gruppen stannar i gruppen.');
      const nb = render(samples['meeting-invitation'], 'nb');
      expect(nb.text).toContain('- Innledning: Maria Lindqvist');
      expect(nb.text).toContain('Det som blir sagt i gruppen, blir i gruppen.');
      const en = render(samples['meeting-invitation'], 'en');
      expect(en.text).toContain('The meeting opens with an introduction');
      expect(en.text).toContain('What is said in the group stays in the group.');
    });

    it.each(languages)('answers by three links, coming first, in %s', (language) => {
      const copy = meetingCopy[language];
      const mail = render(samples['meeting-invitation'], language);
      expect(mail.text).toContain(`${copy.yes}:\n${urls.yes}`);
      expect(mail.text).toContain(`${copy.noLabel}: ${urls.no}`);
      expect(mail.text).toContain(`${copy.noSeriesLabel}: ${urls.noSeries}`);
      expect(mail.text.indexOf(urls.yes)).toBeLessThan(mail.text.indexOf(urls.no));
      expect(mail.text.indexOf(urls.no)).toBeLessThan(mail.text.indexOf(urls.noSeries));
      expect(htmlText(mail.html)).toContain(copy.yes);
      expect(htmlText(mail.html)).toContain(copy.noSeriesLabel);
      // The calendar file is mentioned, and the unsubscribe link is the last, quiet thing.
      expect(mail.text).toContain(copy.calendar);
      expect(mail.text).toContain(`${copy.unsubscribeLabel}: ${stopReminders}`);
      expect(stopReminders).toBe(`${urls.unsubscribe}&first=reminders`);
      expect(mail.text.indexOf(stopReminders)).toBeGreaterThan(
        mail.text.indexOf(commonCopy[language].closing),
      );
    });

    it('says in the English labels what the reader asked for', () => {
      const text = render(samples['meeting-invitation'], 'en').text;
      expect(text).toContain('I’m coming:');
      expect(text).toContain('I can’t come this time:');
      expect(text).toContain('I can’t come to the rest of the series (frees my seat):');
      expect(text).toContain('Stop reminders:');
      // Issue 20.3: the footer says what stopping reminders leaves on.
      expect(text).toContain('the mail when it is your turn to introduce');
      expect(render(samples['meeting-invitation'], 'sv').text).toContain('(min plats blir ledig)');
      expect(render(samples['meeting-invitation'], 'nb').text).toContain('(plassen min blir ledig)');
    });

    it.each(languages)('offers no "rest of the series" at the last or only meeting in %s', (language) => {
      for (const facts of [
        { seq: 4, count: 4 },
        { seq: 1, count: 1 },
      ]) {
        for (const kind of ['meeting-invitation', 'meeting-reminder'] as const) {
          const mail = render(withMeeting(kind, facts), language);
          expect(mail.text).not.toContain(urls.noSeries);
          expect(mail.text).not.toContain(meetingCopy[language].noSeriesLabel);
          expect(mail.text).toContain(urls.no);
        }
      }
    });

    it.each(languages)('leaves out the introducer when nobody is named yet in %s', (language) => {
      for (const introducerName of [undefined, '', '  ']) {
        const mail = render(withMeeting('meeting-invitation', { introducerName }), language);
        expect(mail.text).not.toContain(meetingCopy[language].introducer(''));
        expect(mail.html.match(/<li /g)).toHaveLength(2 + meetingCopy[language].before.length);
        expect(mail.text).not.toMatch(leaks);
      }
    });

    it.each(languages)('tells in person from online, with and without the details, in %s', (language) => {
      const copy = meetingCopy[language];
      const inPerson = render({ ...samples['meeting-invitation'], meeting: inPersonMeeting }, language);
      expect(inPerson.text).toContain(copy.inPerson('Skolhuset, Storgatan 1, Göteborg'));
      expect(inPerson.text).not.toContain(urls.online);
      expect(inPerson.text).not.toContain(copy.joinLabel);
      const noAddress = render(
        { ...samples['meeting-invitation'], meeting: { ...inPersonMeeting, address: ' \n ' } },
        language,
      );
      expect(noAddress.text).toContain(copy.inPerson());
      const noLink = render(withMeeting('meeting-invitation', { onlineUrl: undefined }), language);
      expect(noLink.text).toContain(copy.onlineLater);
      expect(noLink.html.match(/href="/g)).toHaveLength(5);
      for (const mail of [inPerson, noAddress, noLink]) expect(mail.text).not.toMatch(leaks);
    });

    it('writes an address given over several lines on one', () => {
      const mail = render(
        {
          ...samples['meeting-invitation'],
          meeting: { ...inPersonMeeting, address: 'Skolhuset\r\nStorgatan 1\n\nGöteborg\n' },
        },
        'sv',
      );
      expect(mail.text).toContain('- Var: Skolhuset, Storgatan 1, Göteborg\n');
    });
  });

  describe('meeting-reminder', () => {
    it('says how far off the meeting is', () => {
      const at = (daysBefore: number, language: Language) =>
        render({ ...samples['meeting-reminder'], daysBefore }, language);
      expect(at(7, 'sv').text).toContain(
        'Träff 2 av 4 i gruppen ”Rektors mandat” i Grundskolenätverket är om 7 dagar.',
      );
      expect(at(7, 'sv').subject).toBe(
        'Påminnelse: ”Rektors mandat” i Grundskolenätverket – om 7 dagar, tisdag 10 mars',
      );
      expect(at(1, 'sv').text).toContain('är i morgon.');
      expect(at(0, 'sv').text).toContain('är i dag.');
      expect(at(7, 'nb').text).toContain('er om 7 dager.');
      expect(at(1, 'nb').subject).toContain('– i morgen, tirsdag 10. mars');
      expect(at(7, 'en').text).toContain('is in 7 days.');
      expect(at(1, 'en').text).toContain('is tomorrow.');
      expect(at(1, 'en').subject).toContain('– tomorrow, Tuesday 10 March');
      expect(at(0, 'en').text).toContain('is today.');
    });

    it('refuses a count of days that is no whole number from 0', () => {
      for (const daysBefore of [-1, 1.5, Number.NaN]) {
        expect(() => render({ ...samples['meeting-reminder'], daysBefore }, 'sv')).toThrow(RangeError);
      }
    });

    it('tells those who already answered that nothing more is needed, and attaches no calendar', () => {
      for (const language of languages) {
        const mail = render(samples['meeting-reminder'], language);
        expect(mail.text).toContain(meetingReminderCopy[language].rsvpIntro);
        expect(mail.text).not.toContain(meetingCopy[language].calendar);
      }
    });
  });

  describe('introducer-reminder', () => {
    it('asks for the opening introduction of about 10 minutes, quoting the question', () => {
      const sv = render(samples['introducer-reminder'], 'sv');
      expect(sv.text).toContain(
        'Det är din tur att förbereda introduktionen som inleder träff 2 av 4 i gruppen ”Rektors mandat” i Grundskolenätverket, tisdag 10 mars 2026 kl. 17.00–18.30.',
      );
      expect(sv.text).toContain('ungefär 10 minuter');
      expect(sv.text).toContain(`> ${question}`);
      expect(sv.subject).toContain('Din tur att hålla introduktionen');
      expect(render(samples['introducer-reminder'], 'nb').text).toContain('omtrent 10 minutter');
      const en = render(samples['introducer-reminder'], 'en');
      expect(en.text).toContain('It is your turn to prepare the introduction');
      expect(en.text).toContain('about 10 minutes');
      expect(en.text).toContain('on Tuesday, 10 March 2026, 17:00–18:30.');
    });

    it.each(languages)(
      'does not name the reader as the introducer, nor offer the series, in %s',
      (language) => {
        const mail = render(samples['introducer-reminder'], language);
        expect(mail.text).not.toContain(meetingCopy[language].introducer('Åsa Ericson'));
        expect(mail.text).not.toContain(meetingCopy[language].noSeriesLabel);
        expect(mail.text).toContain(introducerReminderCopy[language].rsvpIntro);
        expect(mail.html.match(/<blockquote /g)).toHaveLength(1);
      },
    );
  });

  describe('meeting-updated', () => {
    const updated = (changes: MailMessage<'meeting-updated'>['changes'], extra = {}) => ({
      ...samples['meeting-updated'],
      changes,
      ...extra,
    });

    it('says the meeting moved from the old time to the new', () => {
      expect(render(samples['meeting-updated'], 'sv').text).toContain(
        'Träffen är flyttad från måndag 2 mars 2026 kl. 17.00 till tisdag 10 mars 2026 kl. 17.00–18.30.',
      );
      expect(render(samples['meeting-updated'], 'nb').text).toContain(
        'Møtet er flyttet fra mandag 2. mars 2026 kl. 17.00 til tirsdag 10. mars 2026 kl. 17.00–18.30.',
      );
      expect(render(samples['meeting-updated'], 'en').text).toContain(
        'It has moved from Monday, 2 March 2026 at 17:00 to Tuesday, 10 March 2026, 17:00–18:30.',
      );
      // Both times are in the network's zone.
      const summer = render(
        updated(['time'], {
          meeting: { ...meeting, startsAt: summerStart },
          previousStartsAt: new Date('2026-06-02T15:00:00Z'),
        }),
        'sv',
      );
      expect(summer.text).toContain(
        'från tisdag 2 juni 2026 kl. 17.00 till tisdag 9 juni 2026 kl. 17.00–18.30',
      );
    });

    it.each(languages)('tells each kind of change in %s', (language) => {
      const copy = meetingUpdatedCopy[language];
      const newTime = render(updated(['time'], { previousStartsAt: undefined }), language);
      expect(newTime.text).toContain(
        copy.newTime(formatMeetingTime(winterStart, language, 'Europe/Stockholm', 90)),
      );
      expect(render(updated(['place']), language).text).toContain(copy.newLink);
      expect(render(updated(['place'], { meeting: inPersonMeeting }), language).text).toContain(
        copy.newPlace('Skolhuset, Storgatan 1, Göteborg'),
      );
      expect(render(updated(['mode']), language).text).toContain(copy.nowOnline);
      const nowInPerson = render(updated(['mode', 'place'], { meeting: inPersonMeeting }), language);
      expect(nowInPerson.text).toContain(copy.nowInPerson('Skolhuset, Storgatan 1, Göteborg'));
      expect(nowInPerson.text).not.toContain(copy.newPlace('Skolhuset, Storgatan 1, Göteborg'));
      expect(render(updated([]), language).text).toContain(copy.unspecified);
      // A link or an address taken back: said so, with no "use the one below" pointing at nothing.
      const noLink = render(
        updated(['place'], { meeting: { ...samples['meeting-updated'].meeting, onlineUrl: undefined } }),
        language,
      ).text;
      expect(noLink).toContain(copy.linkWithdrawn);
      expect(noLink).not.toContain(copy.newLink);
      const noAddress = render(
        updated(['place'], { meeting: { ...inPersonMeeting, address: undefined } }),
        language,
      );
      expect(noAddress.text).toContain(copy.placeWithdrawn);
      // Several changes: the time first, then the place, in one paragraph.
      const both = render(updated(['place', 'time']), language).text;
      const moved = copy.moved(
        formatMeetingTime(previousStart, language, 'Europe/Stockholm'),
        formatMeetingTime(winterStart, language, 'Europe/Stockholm', 90),
      );
      expect(both).toContain(`${moved} ${copy.newLink}`);
    });

    it.each(languages)('says the calendar file updates the entry, and asks again in %s', (language) => {
      const mail = render(samples['meeting-updated'], language);
      expect(mail.text).toContain(meetingUpdatedCopy[language].calendar);
      expect(mail.text).toContain(meetingUpdatedCopy[language].rsvpIntro);
      expect(mail.text).not.toContain(meetingCopy[language].calendar);
    });

    it.each(languages)(
      'after a new time, tells a member who had answered that the answer stands, in %s',
      (language) => {
        const copy = meetingUpdatedCopy[language];
        const no = render(updated(['time'], { answer: 'no' }), language).text;
        expect(no).toContain(copy.answerStands.no);
        expect(no).not.toContain(copy.rsvpIntro);
        expect(render(updated(['time', 'place'], { answer: 'yes' }), language).text).toContain(
          copy.answerStands.yes,
        );
        // Only the place changed: the answer was never in question.
        const place = render(updated(['place'], { answer: 'no' }), language).text;
        expect(place).toContain(copy.rsvpIntro);
        expect(place).not.toContain(copy.answerStands.no);
      },
    );
  });

  describe('meeting-cancelled', () => {
    it.each(languages)(
      'says which meeting is cancelled and that the calendar file removes it in %s',
      (language) => {
        const mail = render(samples['meeting-cancelled'], language);
        const copy = meetingCancelledCopy[language];
        const when = formatMeetingTime(winterStart, language, 'Europe/Stockholm', 90);
        expect(mail.text).toContain(
          copy.intro(network, group, meetingCopy[language].position('2', '4'), when),
        );
        expect(mail.text).toContain(copy.calendar);
        expect(mail.text).toContain(copy.next);
        expect(mail.html).not.toContain('href=');
      },
    );

    it('reads naturally', () => {
      expect(render(samples['meeting-cancelled'], 'sv').text).toContain(
        'Träff 2 av 4 i gruppen ”Rektors mandat” i Grundskolenätverket, tisdag 10 mars 2026 kl. 17.00–18.30, är inställd.',
      );
      expect(render(samples['meeting-cancelled'], 'nb').subject).toBe(
        'Avlyst: «Rektors mandat» i Grundskolenätverket, tirsdag 10. mars',
      );
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script>';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    const facts = {
      networkName: `Skola & "Co" <b>`,
      groupTitle: `${hostile} title`,
      question: `${hostile} question\n<img src=x onerror=alert(1)>`,
      introducerName: `${hostile} introducer`,
    };

    for (const kind of kinds) {
      it.each(languages)(`escapes every value in ${kind} in %s`, (language) => {
        for (const place of [{}, { ...inPersonMeeting, address: `${hostile} address` }]) {
          const message = {
            ...samples[kind],
            recipientName: `${hostile} name`,
            meeting: { ...samples[kind].meeting, ...place, ...facts },
          } as MailMessage;
          const mail = renderMail(message, language);
          expect(mail.html).not.toMatch(/<script|<img|<b>/);
          expect(mail.html).toContain('Skola &amp; &quot;Co&quot; &lt;b&gt;');
          expect(mail.html).toContain(`${escaped} name`);
          expect(mail.html).toContain(`${escaped} title`);
          // The plain-text part is not HTML: it keeps what was written.
          expect(mail.text).toContain(`${hostile} name`);
          expect(mail.text).toContain(`${hostile} title`);
          // The question is quoted where it frames the meeting: not in a change or a cancellation.
          if (
            kind === 'meeting-invitation' ||
            kind === 'meeting-reminder' ||
            kind === 'introducer-reminder'
          ) {
            expect(mail.html).toContain(`${escaped} question<br>&lt;img src=x onerror=alert(1)&gt;`);
            expect(mail.text).toContain('> <img src=x onerror=alert(1)>');
          }
          if (kind === 'meeting-invitation' || kind === 'meeting-reminder' || kind === 'meeting-updated') {
            expect(mail.html).toContain(`${escaped} introducer`);
          }
          if ('address' in place && kind !== 'meeting-cancelled') {
            expect(mail.html).toContain(`${escaped} address`);
            expect(mail.text).toContain(`${hostile} address`);
          }
        }
      });
    }
  });

  describe('no English in a Swedish or Norwegian mail', () => {
    // Every sentence of the English dictionaries, split around the values put into them.
    function sentences(entry: unknown): string[] {
      if (typeof entry === 'string') return [entry];
      if (typeof entry === 'function') {
        const fill = entry as (...values: unknown[]) => string;
        return [fill('§', '§', '§', '§'), fill('', '', '', '')];
      }
      if (Array.isArray(entry)) return entry.flatMap(sentences);
      if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(sentences);
      return [];
    }
    const englishPhrases = sentences([
      meetingCopy.en,
      meetingInvitationCopy.en,
      meetingReminderCopy.en,
      introducerReminderCopy.en,
      meetingUpdatedCopy.en,
      meetingCancelledCopy.en,
      commonCopy.en,
      [0, 1, 7].map(meetingReminderCopy.en.relative),
    ])
      .flatMap((sentence) => sentence.split(/§|\d+|[.!?:–]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    const englishWords =
      /\b(the|your|you|and|please|link|email|group|seat|meetings?|coming|come|join|calendar|reminders?|introduction|cancelled|moved|tomorrow|today|days|series|where|when|stop|thank)\b/i;

    function prose(kind: MeetingMailKind, language: Language): string {
      const variants: MailMessage[] = [samples[kind]];
      variants.push({ ...samples[kind], meeting: inPersonMeeting } as MailMessage);
      variants.push({ ...samples[kind], meeting: { ...inPersonMeeting, address: undefined } } as MailMessage);
      variants.push({
        ...samples[kind],
        meeting: { ...meeting, onlineUrl: undefined, seq: 1, count: 1 },
      } as MailMessage);
      if (kind === 'meeting-reminder') {
        for (const daysBefore of [0, 1]) variants.push({ ...samples[kind], daysBefore });
      }
      if (kind === 'meeting-updated') {
        for (const changes of [['place'], ['mode'], [], ['time']] as const) {
          variants.push({ ...samples[kind], changes, previousStartsAt: undefined });
          variants.push({ ...samples[kind], changes, meeting: inPersonMeeting });
        }
      }
      return variants
        .map((message) => renderMail(message, language))
        .flatMap((mail) => [mail.subject, mail.text, visibleText(mail.html)])
        .join('\n')
        .replace(/https?:\/\/[^\s<>"]+/g, '');
    }

    it('finds English phrases in an English mail (the check can fail)', () => {
      const english = kinds.map((kind) => prose(kind, 'en')).join('\n');
      expect(englishPhrases.filter((phrase) => english.includes(phrase)).length).toBeGreaterThan(60);
      expect(english).toMatch(englishWords);
    });

    for (const language of ['sv', 'nb'] as const satisfies readonly Language[]) {
      it.each(kinds)(`%s in ${language}`, (kind) => {
        const text = prose(kind, language);
        expect(text).toContain(network);
        for (const phrase of englishPhrases) expect(text).not.toContain(phrase);
        expect(text).not.toMatch(englishWords);
      });
    }

    it('writes Swedish and Norwegian, not one for both', () => {
      for (const kind of kinds) expect(prose(kind, 'sv')).not.toBe(prose(kind, 'nb'));
      expect(prose('meeting-invitation', 'sv')).toContain('träff');
      expect(prose('meeting-invitation', 'nb')).toContain('møte');
    });
  });

  it('makes a missing translation a compile error', () => {
    // @ts-expect-error: the Norwegian and English entries are missing.
    const partial: typeof meetingCopy = { sv: meetingCopy.sv };
    expect(Object.keys(partial)).toEqual(['sv']);
  });
});
