import { describe, expect, it } from 'vitest';
import { type EvaluationAnswer, summarise } from '../../shared/domain/evaluation.ts';
import { type Language, languages } from '../../shared/i18n.ts';
import { commonCopy } from '../../shared/mail/common.ts';
import {
  evaluationCopy,
  evaluationReminderCopy,
  evaluationRequestCopy,
  evaluationSummaryCopy,
} from '../../shared/mail/evaluations.ts';
import { formatMeetingDay, formatMeetingTime } from '../../shared/mail/format.ts';
import { meetingCopy } from '../../shared/mail/meetings.ts';
import { type MailMessage, renderMail } from '../support/mail-templates.ts';
import {
  answers,
  type EvaluationMailKind,
  evaluationSamples as samples,
  evaluationUrls as urls,
} from './evaluation-samples.ts';
import { winterStart } from './meeting-samples.ts';

const kinds = Object.keys(samples) as EvaluationMailKind[];
const askKinds = ['evaluation-request', 'evaluation-reminder'] as const;
const network = 'Grundskolenätverket';
const group = 'Rektors mandat';
const leaks = /undefined|null|NaN|\[object|\$\{|\{\{|\}\}|§/;

function render<K extends EvaluationMailKind>(message: MailMessage<K>, language: Language) {
  return renderMail(message, language);
}

function summaryOf(list: readonly EvaluationAnswer[], asked: number, previousMean?: number) {
  return {
    ...samples['evaluation-summary'],
    summary: summarise(list, { asked, ...(previousMean === undefined ? {} : { previousMean }) }),
  };
}

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

const escapedUrl = (url: string) => url.replaceAll('&', '&amp;');

describe('evaluation mails', () => {
  for (const kind of kinds) {
    describe(kind, () => {
      it.each(languages)('renders in %s, naming the group, the network and the day', (language) => {
        const mail = render(samples[kind], language);
        const day = formatMeetingDay(winterStart, language, 'Europe/Stockholm');
        expect(mail.subject).toContain(network);
        expect(mail.subject).toContain(group);
        expect(mail.subject).toContain(day);
        expect(mail.text).toContain('Åsa Ericson');
        expect(mail.text).toContain(group);
        expect(mail.text).toContain(meetingCopy[language].position('2', '4'));
        expect(mail.html).toContain(`<html lang="${language}"`);
        expect(mail.html).toMatch(/<div style="display:none[^"]*">[^<]+/);
        for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(leaks);
      });

      it('has its own subject and text in each language', () => {
        const mails = languages.map((language) => render(samples[kind], language));
        expect(new Set(mails.map((mail) => mail.subject)).size).toBe(languages.length);
        expect(new Set(mails.map((mail) => mail.text)).size).toBe(languages.length);
      });
    });
  }

  describe('the request and the reminder', () => {
    for (const kind of askKinds) {
      it.each(languages)(
        `${kind} in %s has all ten ratings as links, in order, in text and HTML`,
        (language) => {
          const mail = render(samples[kind], language);
          // Text: a list, "- 1: …" to "- 10: …".
          const lines = urls.ratings.map((url, i) => `- ${i + 1}: ${url}`);
          expect(mail.text).toContain(lines.join('\n'));
          for (const url of urls.ratings) expect(mail.text.split(url)).toHaveLength(2);
          // HTML: ten links in one row, each labelled with its number, 1 first.
          const hrefs = urls.ratings.map((url) => `href="${escapedUrl(url)}"`);
          const positions = hrefs.map((href) => mail.html.indexOf(href));
          for (const [i, href] of hrefs.entries()) {
            expect(mail.html.split(href)).toHaveLength(2);
            expect(mail.html).toMatch(
              new RegExp(`${href.replace(/[?]/g, '\\?')} style="[^"]*">${i + 1}</a>`),
            );
          }
          expect(positions).toEqual([...positions].sort((a, b) => a - b));
          const row = mail.html.match(/<tr><td width="10%"[\s\S]*?<\/tr>/)?.[0] ?? '';
          expect(row.match(/<td /g)).toHaveLength(10);
          expect(row.match(/<a href=/g)).toHaveLength(10);
          // Big enough to tap.
          expect(row).toContain('height:44px');
          // And the form without a number, as a quiet link; nothing else is linked.
          expect(mail.text).toContain(`${evaluationCopy[language].formLabel}: ${urls.form}`);
          expect(mail.html.split(`href="${escapedUrl(urls.form)}"`)).toHaveLength(2);
          expect(mail.html.match(/href="/g)).toHaveLength(11);
        },
      );

      it.each(languages)(`${kind} in %s asks the one-point question and says when it closes`, (language) => {
        const copy = evaluationCopy[language];
        const mail = render(samples[kind], language);
        const closes = formatMeetingTime(new Date('2026-03-17T18:30:00Z'), language, 'Europe/Stockholm');
        expect(mail.text).toContain(copy.scale);
        expect(mail.text).toContain(copy.nextTime);
        expect(mail.text).toContain(copy.closes(closes));
        expect(htmlText(mail.html)).toContain(copy.closes(closes));
        expect(mail.text).toContain(copy.anonymity);
        // The meeting itself, with its end.
        expect(mail.text).toContain(formatMeetingTime(winterStart, language, 'Europe/Stockholm', 90));
      });
    }

    it('writes the closing time in the network’s zone, the way each language writes it', () => {
      expect(render(samples['evaluation-request'], 'sv').text).toContain(
        'Utvärderingen stänger tisdag 17 mars 2026 kl. 19.30.',
      );
      expect(render(samples['evaluation-request'], 'nb').text).toContain(
        'Evalueringen stenger tirsdag 17. mars 2026 kl. 19.30.',
      );
      expect(render(samples['evaluation-request'], 'en').text).toContain(
        'The evaluation closes on Tuesday, 17 March 2026 at 19:30.',
      );
      const oslo = render({ ...samples['evaluation-request'], timeZone: 'Europe/London' }, 'en');
      expect(oslo.text).toContain('The evaluation closes on Tuesday, 17 March 2026 at 18:30.');
    });

    it('asks about the meeting at first (not “today’s”: the request may go the next day), and gently once more', () => {
      const request = render(samples['evaluation-request'], 'en');
      expect(request.text).toContain('How was the meeting? Tap a number');
      expect(request.text).toContain(
        'Thank you for meeting 2 of 4 of the group “Rektors mandat” in Grundskolenätverket on Tuesday, 10 March 2026, 17:00–18:30!',
      );
      expect(render(samples['evaluation-request'], 'sv').text).toContain(
        'Hur var träffen? Tryck på en siffra',
      );
      expect(render(samples['evaluation-request'], 'nb').text).toContain(
        'Hvordan var møtet? Trykk på et tall',
      );
      for (const language of languages) {
        const reminder = render(samples['evaluation-reminder'], language);
        const first = render(samples['evaluation-request'], language);
        expect(reminder.subject).not.toBe(first.subject);
        expect(reminder.text).toContain(evaluationReminderCopy[language].once);
        expect(first.text).not.toContain(evaluationReminderCopy[language].once);
        // Neither says "today's": the request may go the day after, the reminder days later.
        expect(first.text).toContain(evaluationRequestCopy[language].heading);
        expect(reminder.text).toContain(evaluationReminderCopy[language].heading);
        expect(`${first.text}${reminder.text}`).not.toMatch(/dagens|today/);
      }
      expect(render(samples['evaluation-reminder'], 'sv').subject).toBe(
        'Påminnelse: Hur var träffen? ”Rektors mandat” i Grundskolenätverket, tisdag 10 mars',
      );
    });

    it('says "the meeting" without a number for a single meeting', () => {
      const single = {
        ...samples['evaluation-request'],
        meeting: { ...samples['evaluation-request'].meeting, seq: 1, count: 1 },
      };
      expect(render(single, 'sv').text).toContain('Tack för träffen i gruppen ”Rektors mandat”');
      expect(render(single, 'nb').text).toContain('Takk for møtet i gruppen «Rektors mandat»');
      expect(render(single, 'en').text).toContain('Thank you for the meeting of the group');
    });

    it('refuses anything but ten http(s) rating links', () => {
      for (const kind of askKinds) {
        const nine = { ...samples[kind], ratingUrls: urls.ratings.slice(0, 9) };
        expect(() => render(nine, 'sv')).toThrow(RangeError);
        const bad = { ...samples[kind], ratingUrls: [...urls.ratings.slice(0, 9), 'javascript:alert(1)'] };
        expect(() => render(bad, 'sv')).toThrow(TypeError);
        expect(() => render({ ...samples[kind], formUrl: 'data:text/html,x' }, 'nb')).toThrow(TypeError);
      }
    });
  });

  describe('the summary', () => {
    it('says how many answered of how many were asked', () => {
      expect(render(samples['evaluation-summary'], 'sv').text).toContain(
        '7 av 9 svarade. Svarsfrekvens: 78\u00a0%.',
      );
      expect(render(samples['evaluation-summary'], 'nb').text).toContain(
        '7 av 9 svarte. Svarprosent: 78\u00a0%.',
      );
      expect(render(samples['evaluation-summary'], 'en').text).toContain(
        '7 of 9 answered. Response rate: 78%.',
      );
      expect(render(samples['evaluation-summary'], 'en').subject).toBe(
        'Evaluation: “Rektors mandat” in Grundskolenätverket, Tuesday 10 March – 7 of 9 answered',
      );
    });

    it('draws the ratings as a bar chart in text', () => {
      const text = render(samples['evaluation-summary'], 'sv').text;
      const full = '█'.repeat(20);
      expect(text).toContain(
        [
          ' 1 | 0',
          ' 2 | 0',
          ' 3 | 0',
          ' 4 | 0',
          ' 5 | 0',
          ` 6 | ${'█'.repeat(7)} 1`,
          ` 7 | ${full} 3`,
          ` 8 | ${'█'.repeat(13)} 2`,
          ` 9 | ${'█'.repeat(7)} 1`,
          '10 | 0',
        ].join('\n'),
      );
    });

    it('draws the same chart with table cells in HTML', () => {
      const html = render(samples['evaluation-summary'], 'sv').html;
      const chart = html.match(/<h2[^>]*>Betyg från 1 till 10<\/h2>\n(<table[\s\S]*?<\/table>)\n/)?.[1] ?? '';
      const rows =
        chart.match(/<tr><td width="32"[\s\S]*?<\/td><\/tr>(?=<tr><td width="32"|<\/table>$)/g) ?? [];
      expect(rows).toHaveLength(10);
      const cells = rows.map((row) => ({
        label: row.match(/^<tr><td width="32"[^>]*>(\d+)<\/td>/)?.[1],
        bar: row.match(/<table role="presentation" width="(\d+)%"/)?.[1],
        count: row.match(/<td width="40"[^>]*>(\d+)<\/td><\/tr>$/)?.[1],
      }));
      expect(cells).toEqual([
        ...[1, 2, 3, 4, 5].map((n) => ({ label: String(n), bar: undefined, count: '0' })),
        { label: '6', bar: '33', count: '1' },
        { label: '7', bar: '100', count: '3' },
        { label: '8', bar: '67', count: '2' },
        { label: '9', bar: '33', count: '1' },
        { label: '10', bar: undefined, count: '0' },
      ]);
      // No style block, no script: every rule inline.
      expect(html).not.toMatch(/<style|<script/);
    });

    it('gives the mean and the change since the last meeting in each language’s figures', () => {
      expect(render(samples['evaluation-summary'], 'sv').text).toContain(
        'Medelbetyg: 7,4 (+0,8 sedan senaste träffen med svar)',
      );
      expect(render(samples['evaluation-summary'], 'nb').text).toContain(
        'Gjennomsnitt: 7,4 (+0,8 siden siste møte med svar)',
      );
      expect(render(samples['evaluation-summary'], 'en').text).toContain(
        'Mean rating: 7.4 (+0.8 since the last meeting with answers)',
      );
      expect(render(summaryOf(answers, 9, 8), 'sv').text).toContain(
        'Medelbetyg: 7,4 (−0,6 sedan senaste träffen med svar)',
      );
      expect(render(summaryOf(answers, 9, 8), 'en').text).toContain(
        'Mean rating: 7.4 (-0.6 since the last meeting with answers)',
      );
      expect(render(summaryOf(answers, 9, 7.4), 'sv').text).toContain(
        'Medelbetyg: 7,4 (samma som vid senaste träffen med svar)',
      );
      expect(render(summaryOf(answers, 9), 'sv').text).toMatch(/Medelbetyg: 7,4\n/);
    });

    it.each(languages)(
      'lists every suggestion, the reflections by question and the parked questions in %s',
      (language) => {
        const copy = evaluationCopy[language];
        const mail = render(samples['evaluation-summary'], language);
        expect(mail.text).toContain(
          `${copy.nextTimeQuestion}\n\n- Mer tid för samtal i små grupper\n- Skicka underlaget en vecka innan\n`,
        );
        // The reflections in the form's order, each under its question, quoted line by line.
        const order = [
          copy.reflectionsHeading,
          `${copy.reflections.programme}\n\n> Introduktionen gav bra frågor.\n> Samtalet efteråt var det bästa.`,
          `${copy.reflections.preparation}\n\n> Svårt att hinna läsa underlaget.`,
          `${copy.reflections.execution}\n\n> Bra tidshållning.`,
          `${copy.reflections.takeHome}\n\n> Rektors mandat behöver skrivas ner.`,
          `${copy.reflections.continueAtHome}\n\n> Ta upp frågan i ledningsgruppen.`,
          `${copy.parkedHeading}\n\n${evaluationSummaryCopy[language].parkedIntro}\n\n- Gemensamma system i regionen?\n- Hur gör andra kommuner med onboarding av nya rektorer?`,
        ].map((part) => mail.text.indexOf(part));
        expect(order.every((index) => index > 0)).toBe(true);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(mail.html).toContain(
          'Introduktionen gav bra frågor.<br>Samtalet efteråt var det bästa.</blockquote>',
        );
      },
    );

    it('cannot tell anonymous answers from named ones, and names nobody', () => {
      const flipped = answers.map((answer, i) =>
        answer.anonymous
          ? { ...answer, anonymous: false, memberId: `named${i}` }
          : { ...answer, anonymous: true, memberId: undefined },
      );
      for (const language of languages) {
        const a = render(samples['evaluation-summary'], language);
        const b = render(summaryOf(flipped, 9, 6.6), language);
        expect(b).toEqual(a);
        for (const id of ['m1', 'm3', 'm5', 'm6', 'm7', 'named'])
          expect(a.text).not.toMatch(new RegExp(`\\b${id}\\b`));
        expect(a.text).toContain(evaluationSummaryCopy[language].identity);
      }
    });

    it.each(languages)(
      'says so when nobody answered, without a chart or empty sections, in %s',
      (language) => {
        const copy = evaluationSummaryCopy[language];
        const mail = render(summaryOf([], 6, 7), language);
        expect(mail.text).toContain(`${copy.answered('0', '6')}. ${copy.nobody}`);
        expect(mail.text).not.toContain('|');
        expect(mail.text).not.toContain(evaluationCopy[language].nextTimeQuestion);
        expect(mail.text).not.toContain(evaluationCopy[language].reflectionsHeading);
        expect(mail.text).not.toContain(evaluationCopy[language].parkedHeading);
        expect(mail.html).not.toContain(
          '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px">',
        );
        expect(mail.html).not.toMatch(leaks);
        expect(mail.text).not.toMatch(leaks);
      },
    );

    it.each(languages)(
      'leaves out what nobody wrote, and says when there were no suggestions, in %s',
      (language) => {
        const ratingsOnly = answers.map(({ rating, anonymous, answeredAt }) => ({
          rating,
          anonymous,
          answeredAt,
        }));
        const mail = render(summaryOf(ratingsOnly, 9, 6.6), language);
        expect(mail.text).toContain(
          `${evaluationCopy[language].nextTimeQuestion}\n\n${evaluationSummaryCopy[language].noSuggestions}`,
        );
        expect(mail.text).not.toContain(evaluationCopy[language].reflectionsHeading);
        expect(mail.text).not.toContain(evaluationCopy[language].parkedHeading);
      },
    );

    it('greets the coordinators’ shared address without a name', () => {
      for (const language of languages) {
        const mail = render({ ...samples['evaluation-summary'], recipientName: undefined }, language);
        expect(mail.text.startsWith(`${evaluationSummaryCopy[language].hello}\n`)).toBe(true);
        expect(mail.text).not.toContain('Åsa Ericson');
      }
      expect(render(samples['evaluation-summary'], 'sv').text.startsWith('Hej Åsa Ericson!\n')).toBe(true);
    });

    it('says when it closed and why the reader gets it', () => {
      const sv = render(samples['evaluation-summary'], 'sv').text;
      expect(sv).toContain(
        'Utvärderingen av träff 2 av 4 i gruppen ”Rektors mandat” i Grundskolenätverket, tisdag 10 mars 2026 kl. 17.00, stängdes tisdag 17 mars 2026 kl. 19.30.',
      );
      expect(sv).toContain('eftersom du samordnar eller leder gruppen ”Rektors mandat”');
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script>';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';

    it.each(languages)('escapes every value in the request and the reminder in %s', (language) => {
      for (const kind of askKinds) {
        const sample = samples[kind];
        const mail = render(
          {
            ...sample,
            recipientName: `${hostile} name`,
            meeting: { ...sample.meeting, networkName: 'Skola & "Co" <b>', groupTitle: `${hostile} title` },
          },
          language,
        );
        expect(mail.html).not.toMatch(/<script|<b>/);
        expect(mail.html).toContain('Skola &amp; &quot;Co&quot; &lt;b&gt;');
        expect(mail.html).toContain(`${escaped} name`);
        expect(mail.html).toContain(`${escaped} title`);
        expect(mail.text).toContain(`${hostile} name`);
      }
    });

    it.each(languages)('escapes what members wrote in the summary in %s', (language) => {
      const written: EvaluationAnswer[] = [
        {
          rating: 5,
          anonymous: true,
          answeredAt: '2026-03-10T19:00:00Z',
          nextTimeBetter: `${hostile} suggestion`,
          reflections: { takeHome: `${hostile} reflection\n<img src=x onerror=alert(1)>` },
          parkedQuestions: [`${hostile} parked`],
        },
      ];
      const mail = render(
        {
          ...summaryOf(written, 2),
          recipientName: `${hostile} name`,
          networkName: 'Skola & "Co" <b>',
          groupTitle: `${hostile} title`,
        },
        language,
      );
      expect(mail.html).not.toMatch(/<script|<img|<b>/);
      for (const what of ['name', 'title', 'suggestion', 'parked'])
        expect(mail.html).toContain(`${escaped} ${what}`);
      expect(mail.html).toContain(`${escaped} reflection<br>&lt;img src=x onerror=alert(1)&gt;`);
      expect(mail.text).toContain(`- ${hostile} suggestion`);
      expect(mail.text).toContain('> <img src=x onerror=alert(1)>');
    });
  });

  describe('no English in a Swedish or Norwegian mail', () => {
    function sentences(entry: unknown): string[] {
      if (typeof entry === 'string') return [entry];
      if (typeof entry === 'function') {
        const fill = entry as (...values: unknown[]) => string;
        return [fill('§', '§', '§', '§', '§'), fill('', '', '', '', '')];
      }
      if (Array.isArray(entry)) return entry.flatMap(sentences);
      if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(sentences);
      return [];
    }
    const englishPhrases = sentences([
      evaluationCopy.en,
      evaluationRequestCopy.en,
      evaluationReminderCopy.en,
      evaluationSummaryCopy.en,
      commonCopy.en,
    ])
      .flatMap((sentence) => sentence.split(/§|\d+|[.!?:–()]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    const englishWords =
      /\b(the|your|you|and|please|link|email|meetings?|rating|tap|number|form|evaluation|answered|reminder|summary|questions?|reflections?|thank|names?|closes?|mean|since|last|today)\b/i;

    function prose(kind: EvaluationMailKind, language: Language): string {
      const variants: MailMessage[] = [samples[kind]];
      if (kind === 'evaluation-summary') {
        variants.push(
          summaryOf([], 4),
          summaryOf(answers, 9, 8),
          summaryOf(answers, 9, 7.4),
          summaryOf(answers, 9),
        );
        variants.push({ ...samples[kind], recipientName: undefined, seq: 1, count: 1 });
      } else {
        variants.push({ ...samples[kind], meeting: { ...samples[kind].meeting, seq: 1, count: 1 } });
      }
      return variants
        .map((message) => renderMail(message, language))
        .flatMap((mail) => [mail.subject, mail.text, visibleText(mail.html)])
        .join('\n')
        .replace(/https?:\/\/[^\s<>"]+/g, '');
    }

    it('finds English phrases in an English mail (the check can fail)', () => {
      const english = kinds.map((kind) => prose(kind, 'en')).join('\n');
      expect(englishPhrases.filter((phrase) => english.includes(phrase)).length).toBeGreaterThan(40);
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
      expect(prose('evaluation-request', 'sv')).toContain('träff');
      expect(prose('evaluation-request', 'nb')).toContain('møte');
    });
  });

  it('makes a missing translation a compile error', () => {
    // @ts-expect-error: the Norwegian and English entries are missing.
    const partial: typeof evaluationCopy = { sv: evaluationCopy.sv };
    expect(Object.keys(partial)).toEqual(['sv']);
  });
});
