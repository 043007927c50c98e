import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { formatMeetingTime } from '../../shared/mail/format.ts';
import { escapeHtml } from '../../shared/mail/html.ts';
import { meetingCopy } from '../../shared/mail/meetings.ts';
import { type GroupPageFacts, pageCopy } from '../../shared/pages/copy.ts';
import {
  type ActionPageKind,
  actionPage,
  type ResultPageKind,
  resultPage,
} from '../../shared/pages/pages.ts';
import { itShowsNoEnglish } from '../support/english.ts';

/*
 * The pages behind the links of a meeting mail: the answers to an invitation and turning reminders
 * off. The generic checks of every action and result kind (one POST form, one button, distinct titles,
 * no English without a date) are in group-pages.test.ts; these add the meeting's date.
 */

const networkName = 'Grundskolenätverket';
const groupTitle = 'Rektors mandat';
const actionUrl = 'rS1_token?lang=sv&via=mail';
/** Tuesday 10 March 2026, 17.00 in Stockholm and Oslo (CET). */
const winterStart = new Date('2026-03-10T16:00:00Z');
/** Tuesday 9 June 2026, 17.00 in Stockholm and Oslo (CEST). */
const summerStart = new Date('2026-06-09T15:00:00Z');
const leaks = /undefined|null|NaN|\[object|\$\{/;

const actionKinds = ['rsvp-yes', 'rsvp-no', 'rsvp-no-series'] as const;
const resultKinds = ['rsvp-recorded-yes', 'rsvp-recorded-no', 'rsvp-recorded-no-series'] as const;
/** The kinds about one meeting, which name its date. */
const datedActions = ['rsvp-yes', 'rsvp-no', 'rsvp-no-series'] as const;
const datedResults = ['rsvp-recorded-yes', 'rsvp-recorded-no'] as const;

type Facts = Partial<GroupPageFacts>;
const meetingFacts: Facts = { meetingStartsAt: winterStart, timeZone: 'Europe/Stockholm' };

function action(language: Language, kind: ActionPageKind, facts: Facts = meetingFacts): string {
  return actionPage({ language, networkName, kind, groupTitle, actionUrl, ...facts });
}

function result(language: Language, kind: ResultPageKind, facts: Facts = meetingFacts): string {
  return resultPage({ language, networkName, kind, groupTitle, ...facts });
}

function h1(page: string): string | undefined {
  return page.match(/<h1>([^<]+)<\/h1>/)?.[1];
}

function lead(page: string): string {
  return page.match(/<h1>[^<]*<\/h1>\n<p>([^<]*)<\/p>/)?.[1] ?? '';
}

function visibleText(page: string): string {
  return page
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, (title) => title.replace(/<\/?title>/g, ' '))
    .replace(/<[^>]+>/g, ' ');
}

describe('answering an invitation, and turning reminders off', () => {
  for (const kind of actionKinds) {
    it.each(languages)(`${kind} in %s acts only by a POST from its one button`, (language) => {
      const page = action(language, kind);
      const copy = pageCopy[language].actions[kind];
      expect(page).toContain(`<html lang="${language}">`);
      expect(h1(page)).toBe(escapeHtml(copy.title));
      expect(page).toContain(groupTitle);
      expect(page.match(/<form /g)).toHaveLength(1);
      expect(page).toContain('<form method="post" action="rS1_token?lang=sv&amp;via=mail">');
      expect(page).not.toMatch(/method="get"/i);
      expect(page.match(/<button /g)).toHaveLength(1);
      expect(page).toContain(`<button type="submit">${escapeHtml(copy.button)}</button>`);
      expect(page).not.toMatch(/<a |<textarea|<input/);
      expect(page).not.toMatch(leaks);
    });
  }

  it.each(languages)('names the meeting’s date as the mails do in %s', (language) => {
    const when = formatMeetingTime(winterStart, language, 'Europe/Stockholm');
    for (const kind of datedActions) expect(lead(action(language, kind))).toContain(escapeHtml(when));
  });

  it('writes the date in the reader’s language and the network’s time zone', () => {
    expect(action('sv', 'rsvp-yes')).toContain(
      'Klicka på knappen för att svara att du kommer till träffen i gruppen ”Rektors mandat”, tisdag 10 mars 2026 kl. 17.00.',
    );
    const summer = { meetingStartsAt: summerStart, timeZone: 'Europe/Stockholm' };
    expect(action('sv', 'rsvp-no', summer)).toContain('tisdag 9 juni 2026 kl. 17.00');
    const oslo = { meetingStartsAt: new Date('2026-09-22T11:00:00Z'), timeZone: 'Europe/Oslo' };
    expect(action('nb', 'rsvp-yes', oslo)).toContain(
      'svare at du kommer på møtet i gruppen «Rektors mandat», tirsdag 22. september 2026 kl. 13.00.',
    );
    expect(action('en', 'rsvp-yes')).toContain(
      'coming to the meeting of the group “Rektors mandat” on Tuesday, 10 March 2026 at 17:00.',
    );
    const london = { meetingStartsAt: winterStart, timeZone: 'Europe/London' };
    expect(action('en', 'rsvp-no', london)).toContain('on Tuesday, 10 March 2026 at 16:00.');
  });

  it.each(languages)('warns that giving up the series gives up the seat in %s', (language) => {
    const page = action(language, 'rsvp-no-series');
    // Not "goes to someone else" alone: a closed group takes no one new, so the seat then goes to nobody.
    const freed = {
      sv: 'lämnar du din plats i gruppen, och tar gruppen emot nya deltagare',
      nb: 'gir du fra deg plassen din i gruppen, og tar gruppen imot nye deltakere',
      en: 'you give up your seat in the group, and if the group takes new members',
    };
    expect(lead(page)).toContain(freed[language]);
    expect(lead(page)).toContain(escapeHtml(formatMeetingTime(winterStart, language, 'Europe/Stockholm')));
    // The way to miss a single meeting instead is named as the mail names it.
    expect(page).toContain(escapeHtml(meetingCopy[language].noLabel));
    // Only the series page speaks of the seat going to someone else.
    expect(lead(action(language, 'rsvp-no'))).not.toContain(freed[language]);
  });

  it.each(languages)('reads well without the date, or without its time zone, in %s', (language) => {
    for (const facts of [{}, { meetingStartsAt: winterStart }, { timeZone: 'Europe/Stockholm' }]) {
      for (const kind of actionKinds) {
        const page = action(language, kind, facts);
        expect(page).not.toMatch(leaks);
        expect(page).not.toContain('2026');
        expect(visibleText(page)).not.toMatch(/””|«»|“”|[^\S\n][.,?]|,[.?]/);
      }
      for (const kind of resultKinds) {
        const page = result(language, kind, { ...facts, groupTitle: undefined });
        expect(page).not.toMatch(leaks);
        expect(visibleText(page)).not.toMatch(/””|«»|“”|[^\S\n][.,?]|,[.?]/);
      }
    }
  });
});

describe('after the answer', () => {
  for (const kind of resultKinds) {
    it.each(languages)(`${kind} in %s is news only`, (language) => {
      const page = result(language, kind);
      const copy = pageCopy[language].results[kind];
      const facts = { networkName, groupTitle, ...meetingFacts };
      expect(h1(page)).toBe(escapeHtml(copy.title(facts)));
      expect(page).toContain(`<p>${escapeHtml(copy.lead(facts))}</p>`);
      expect(page).toContain(groupTitle);
      expect(page).not.toMatch(/<form|<button|<a /);
      expect(page).not.toMatch(leaks);
    });
  }

  it.each(languages)('names the meeting answered for in %s', (language) => {
    const when = escapeHtml(formatMeetingTime(summerStart, language, 'Europe/Oslo'));
    for (const kind of datedResults) {
      expect(
        lead(result(language, kind, { meetingStartsAt: summerStart, timeZone: 'Europe/Oslo' })),
      ).toContain(when);
    }
  });

  it('keeps the seat after one "no", and frees it after "not the rest"', () => {
    expect(result('sv', 'rsvp-recorded-no')).toContain('Din plats i gruppen har du kvar.');
    expect(result('nb', 'rsvp-recorded-no')).toContain('Plassen din i gruppen beholder du.');
    expect(result('en', 'rsvp-recorded-no')).toContain('You keep your seat in the group.');
    expect(h1(result('sv', 'rsvp-recorded-no-series'))).toBe('Din plats är nu ledig');
    expect(h1(result('nb', 'rsvp-recorded-no-series'))).toBe('Plassen din er nå ledig');
    expect(h1(result('en', 'rsvp-recorded-no-series'))).toBe('Your seat is now free');
    // Confidentiality outlasts the seat.
    expect(result('sv', 'rsvp-recorded-no-series')).toContain(
      'Det som har sagts i gruppen stannar i gruppen.',
    );
  });
});

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> & co';
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co';

  it.each(languages)('escapes the network, the group and the action URL in %s', (language) => {
    const facts = { networkName: hostile, groupTitle: hostile, ...meetingFacts };
    for (const kind of actionKinds) {
      const page = actionPage({ language, kind, ...facts, actionUrl: '"><script>alert(1)</script>' });
      expect(page).not.toContain('<script');
      expect(page).toContain(escaped);
      expect(page).toContain('action="&quot;&gt;&lt;script&gt;');
    }
    for (const kind of resultKinds) {
      const page = resultPage({ language, kind, ...facts });
      expect(page).not.toContain('<script');
      expect(page).toContain(escaped);
    }
  });
});

describe('no English on a Swedish or Norwegian meeting page', () => {
  const en = pageCopy.en;
  const marker: GroupPageFacts = { networkName: '§', groupTitle: '§', ...meetingFacts };
  const englishPhrases = [
    ...actionKinds.flatMap((kind) => {
      const c = en.actions[kind];
      return [c.title, c.lead(marker), c.button, c.note];
    }),
    ...resultKinds.flatMap((kind) => [en.results[kind].title(marker), en.results[kind].lead(marker)]),
  ]
    .flatMap((sentence) => sentence.split(/§|\d+|[.!?:–]\s*/))
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.split(' ').length >= 2);
  const englishWords =
    /\b(the|your|you|and|please|group|seat|meetings?|coming|come|reminders?|invitations?|stop|answer|thank|noted|free|tuesday|march|june)\b/i;

  function allText(language: Language): string {
    return [
      ...actionKinds.map((kind) => action(language, kind)),
      ...actionKinds.map((kind) =>
        action(language, kind, { meetingStartsAt: summerStart, timeZone: 'Europe/Oslo' }),
      ),
      ...resultKinds.map((kind) => result(language, kind)),
    ]
      .map(visibleText)
      .join('\n');
  }

  itShowsNoEnglish('English pages', allText, { phrases: englishPhrases, words: englishWords, atLeast: 20 });
});
