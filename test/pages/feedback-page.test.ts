import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reflectionFields } from '../../shared/domain/evaluation.ts';
import { type Language, languages } from '../../shared/i18n.ts';
import { evaluationCopy } from '../../shared/mail/evaluations.ts';
import { formatMeetingTime } from '../../shared/mail/format.ts';
import { escapeHtml } from '../../shared/mail/html.ts';
import { pageCopy } from '../../shared/pages/copy.ts';
import {
  type FeedbackPageInput,
  feedbackCopy,
  feedbackPage,
  pageContentSecurityPolicy,
  resultPage,
} from '../../shared/pages/pages.ts';
import { itShowsNoEnglish } from '../support/english.ts';

/*
 * The evaluation form behind the ten numbers of the evaluation mail, and the pages after it.
 */

const networkName = 'Grundskolenätverket';
const groupTitle = 'Rektors mandat';
const actionUrl = 'fB7_token?lang=sv&via=mail';
/** Tuesday 10 March 2026, 17.00 in Stockholm (CET). */
const meetingStartsAt = new Date('2026-03-10T16:00:00Z');
/** A week after the request: 19.30 in Stockholm on Tuesday 17 March. */
const closesAt = new Date('2026-03-17T18:30:00Z');
const leaks = /undefined|null|NaN|\[object|\$\{/;

function page(language: Language, extra: Partial<FeedbackPageInput> = {}): string {
  return feedbackPage({
    language,
    networkName,
    groupTitle,
    meetingStartsAt,
    timeZone: 'Europe/Stockholm',
    actionUrl,
    closesAt,
    ...extra,
  });
}

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, (title) => title.replace(/<\/?title>/g, ' '))
    .replace(/<[^>]+>/g, ' ');
}

/** The markup of one text field: from its wrapper to the end of its textarea. */
function field(html: string, id: string): string {
  return html.match(new RegExp(`<div class="field">\\n<label for="${id}">[\\s\\S]*?</textarea>`))?.[0] ?? '';
}

function textarea(html: string, name: string): string {
  return html.match(new RegExp(`<textarea [^>]*name="${name}"[^>]*>`))?.[0] ?? '';
}

const textFields = [
  { name: 'nextTimeBetter', id: 'nextTimeBetter' },
  ...reflectionFields.map((f) => ({ name: `reflections.${f}`, id: `reflections-${f}` })),
  { name: 'parkedQuestions', id: 'parkedQuestions' },
];

describe('the feedback form', () => {
  it.each(languages)('is a complete page that posts back to its own link in %s', (language) => {
    const html = page(language);
    expect(html.startsWith('<!doctype html>\n<html lang="')).toBe(true);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<p class="network">${networkName}</p>`);
    expect(html).toContain(`<h1>${escapeHtml(feedbackCopy[language].title)}</h1>`);
    expect(html.match(/<form /g)).toHaveLength(1);
    expect(html).toContain('<form method="post" action="fB7_token?lang=sv&amp;via=mail">');
    expect(html).not.toMatch(/method="get"/i);
    expect(html.match(/<button /g)).toHaveLength(1);
    expect(html).toContain(`<button type="submit">${escapeHtml(feedbackCopy[language].submit)}</button>`);
    // No JavaScript, no external assets, no style attributes: the CSP allows only the style block.
    expect(html).not.toMatch(/<script|<link|<img|src=|style="|\bon[a-z]+=/i);
    expect(html).not.toMatch(leaks);
  });

  it('needs nothing but its own style block', () => {
    const css = page('sv').match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(css).toContain('fieldset{');
    expect(css).toContain('.scale{');
    const hash = createHash('sha256').update(css).digest('base64');
    expect(pageContentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
  });

  it.each(languages)('names the group, the meeting and when the form closes in %s', (language) => {
    const html = page(language);
    const when = formatMeetingTime(meetingStartsAt, language, 'Europe/Stockholm');
    const closes = formatMeetingTime(closesAt, language, 'Europe/Stockholm');
    expect(html).toContain(escapeHtml(feedbackCopy[language].lead(groupTitle, when)));
    expect(html).toContain(escapeHtml(evaluationCopy[language].closes(closes)));
    expect(page('sv')).toContain('Utvärderingen stänger tisdag 17 mars 2026 kl. 19.30.');
    expect(page('nb')).toContain('tirsdag 10. mars 2026 kl. 17.00');
  });

  it.each(languages)('asks for the rating as ten radio buttons in a fieldset in %s', (language) => {
    const html = page(language);
    const group = html.match(/<fieldset aria-describedby="rating-hint">[\s\S]*?<\/fieldset>/)?.[0] ?? '';
    expect(group).toContain(`<legend>${escapeHtml(feedbackCopy[language].legend)}</legend>`);
    expect(group).toContain(
      `<p class="hint" id="rating-hint">${escapeHtml(evaluationCopy[language].scale)}</p>`,
    );
    const radios = group.match(/<input type="radio" name="rating" value="(\d+)" required>/g) ?? [];
    expect(radios).toHaveLength(10);
    expect(radios.map((radio) => radio.match(/value="(\d+)"/)?.[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    // Each radio inside its own label with its number: the whole box is the target.
    for (let n = 1; n <= 10; n++) {
      expect(group).toContain(`<label><input type="radio" name="rating" value="${n}" required> ${n}</label>`);
    }
    expect(group).not.toContain('checked');
  });

  it('chooses the number tapped in the mail', () => {
    const html = page('sv', { rating: 7 });
    expect(html.match(/ checked/g)).toHaveLength(1);
    expect(html).toContain('<input type="radio" name="rating" value="7" required checked>');
    // The tapped number beats an earlier answer's; an earlier answer fills in the rest.
    const again = page('sv', { rating: 3, answer: { rating: 9, anonymous: false } });
    expect(again).toContain('value="3" required checked');
    expect(again).not.toContain('value="9" required checked');
    expect(page('sv', { answer: { rating: 9 } })).toContain('value="9" required checked');
    // Anything but 1–10 chooses nothing.
    for (const rating of [0, 11, 7.5, Number.NaN]) expect(page('sv', { rating })).not.toMatch(/ checked[ >]/);
  });

  it.each(languages)(
    'labels each text box, named as the API names it, with at most 4000 characters, in %s',
    (language) => {
      const html = page(language);
      const copy = evaluationCopy[language];
      const labels: Record<string, string> = {
        nextTimeBetter: copy.nextTimeQuestion,
        parkedQuestions: feedbackCopy[language].parkedLabel,
        ...Object.fromEntries(reflectionFields.map((f) => [`reflections.${f}`, copy.reflections[f]])),
      };
      expect(html.match(/<textarea /g)).toHaveLength(7);
      for (const { name, id } of textFields) {
        const box = field(html, id);
        expect(box).toContain(`<label for="${id}">${escapeHtml(labels[name] ?? '')}</label>`);
        expect(textarea(html, name)).toContain(`id="${id}"`);
        expect(textarea(html, name)).toContain('maxlength="4000"');
        expect(textarea(html, name)).not.toContain('aria-invalid');
      }
      expect(html).not.toContain('aria-invalid="true"');
      // The reflections together, under their own legend.
      const reflections =
        html.match(/<fieldset aria-describedby="reflections-hint">[\s\S]*?<\/fieldset>/)?.[0] ?? '';
      expect(reflections).toContain(
        `<legend>${escapeHtml(feedbackCopy[language].reflectionsLegend)}</legend>`,
      );
      expect(reflections.match(/<textarea /g)).toHaveLength(5);
    },
  );

  it('asks the questions of the networks’ own papers', () => {
    const sv = visibleText(page('sv'));
    for (const question of [
      'Vad behöver hända för att nästa träff ska bli minst en poäng högre?',
      'Reflektion kring programmet',
      'Förberedelserna inför träffen',
      'Genomförandet',
      'Vad tar du med dig hem från träffen?',
      'Hur tänker du arbeta vidare på hemmaplan?',
      'Parkera frågor',
      'en fråga per rad',
      'Skicka utan mitt namn',
    ]) {
      expect(sv).toContain(question);
    }
    const nb = visibleText(page('nb'));
    for (const question of [
      'Hva må skje for at neste møte skal få minst ett poeng mer?',
      'Hva tar du med deg hjem fra møtet?',
      'Hvordan tenker du å arbeide videre på hjemmebane?',
      'Parker spørsmål',
      'Send uten navnet mitt',
    ]) {
      expect(nb).toContain(question);
    }
    expect(visibleText(page('en'))).toContain('How will you continue at home?');
  });

  it.each(languages)('offers to send without the name, unticked unless chosen before, in %s', (language) => {
    const html = page(language);
    expect(html).toContain(
      '<input type="checkbox" id="anonymous" name="anonymous" value="true" aria-describedby="anonymous-hint">',
    );
    expect(html).toContain(
      `<label for="anonymous">${escapeHtml(feedbackCopy[language].anonymousLabel)}</label>`,
    );
    expect(html).toContain(
      `<p class="hint" id="anonymous-hint">${escapeHtml(feedbackCopy[language].anonymousHint)}</p>`,
    );
    expect(page(language, { answer: { anonymous: true } })).toContain(
      'name="anonymous" value="true" checked',
    );
  });

  it('fills in an earlier answer, parked questions one per line', () => {
    const html = page('sv', {
      answer: {
        rating: 8,
        nextTimeBetter: 'Mer tid för samtal',
        reflections: { takeHome: 'Rektors mandat\nbehöver skrivas ner' },
        parkedQuestions: ['Onboarding?', 'Gemensamma system?'],
        anonymous: false,
      },
    });
    expect(html).toContain(
      'name="nextTimeBetter" rows="4" maxlength="4000" aria-describedby="nextTimeBetter-hint">Mer tid för samtal</textarea>',
    );
    expect(html).toContain('>Rektors mandat\nbehöver skrivas ner</textarea>');
    expect(html).toContain('>Onboarding?\nGemensamma system?</textarea>');
    expect(html).toContain('value="8" required checked');
    expect(html).not.toContain('name="anonymous" value="true" checked');
  });

  describe('errors', () => {
    const errors = {
      rating: 'Välj en siffra från 1 till 10.',
      nextTimeBetter: 'Högst 4000 tecken.',
      'reflections.takeHome': 'Texten är för lång.',
      'parkedQuestions.2': 'Högst 1000 tecken.',
    };

    it('shows each beside its field, described by it and marked invalid', () => {
      const html = page('sv', { errors });
      const group =
        html.match(/<fieldset aria-describedby="rating-hint rating-error">[\s\S]*?<\/fieldset>/)?.[0] ?? '';
      expect(group).toContain('<p class="error" id="rating-error">Välj en siffra från 1 till 10.</p>');
      expect(group.match(/aria-invalid="true"/g)).toHaveLength(10);

      const next = field(html, 'nextTimeBetter');
      expect(next).toContain('<p class="error" id="nextTimeBetter-error">Högst 4000 tecken.</p>');
      expect(textarea(html, 'nextTimeBetter')).toContain(
        'aria-describedby="nextTimeBetter-hint nextTimeBetter-error" aria-invalid="true"',
      );
      // The message comes right before its box, after the label.
      expect(next.indexOf('nextTimeBetter-error')).toBeGreaterThan(next.indexOf('<label'));
      expect(next.indexOf('nextTimeBetter-error')).toBeLessThan(next.indexOf('<textarea'));

      expect(field(html, 'reflections-takeHome')).toContain(
        '<p class="error" id="reflections-takeHome-error">Texten är för lång.</p>',
      );
      expect(textarea(html, 'reflections.takeHome')).toContain(
        'aria-describedby="reflections-takeHome-error" aria-invalid="true"',
      );
      // An error on one parked question belongs to the box they are written in.
      expect(field(html, 'parkedQuestions')).toContain(
        '<p class="error" id="parkedQuestions-error">Högst 1000 tecken.</p>',
      );
      expect(textarea(html, 'parkedQuestions')).toContain('aria-invalid="true"');

      // The fields without errors are left alone.
      for (const name of ['reflections.programme', 'reflections.preparation', 'reflections.execution']) {
        expect(textarea(html, name)).not.toContain('aria-invalid');
      }
      expect(html.match(/class="error"/g)).toHaveLength(4);
    });

    it.each(languages)('says at the top, in %s, that something needs fixing', (language) => {
      const html = page(language, { errors });
      expect(html).toContain(
        `<div class="errors" role="alert">\n<p>${escapeHtml(feedbackCopy[language].errorsIntro)}</p>`,
      );
      expect(html.indexOf('class="errors"')).toBeLessThan(html.indexOf('<form'));
      expect(page(language)).not.toContain('class="errors"');
    });

    it('lists at the top an error that belongs to no field of the form', () => {
      const html = page('sv', { errors: { 'reflections.other': 'Okänt fält.', _: 'Något saknas.' } });
      expect(html).toContain('<li><strong>Reflektioner</strong>: Okänt fält.</li>');
      expect(html).toContain('<li>Något saknas.</li>');
      expect(html).not.toContain('aria-invalid="true"');
    });

    it('marks the checkbox when it is what is wrong', () => {
      const html = page('nb', { errors: { anonymous: 'Ugyldig verdi.' } });
      expect(html).toContain('aria-describedby="anonymous-hint anonymous-error" aria-invalid="true"');
      expect(html).toContain('<p class="error" id="anonymous-error">Ugyldig verdi.</p>');
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script> & co';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co';

    it.each(languages)('escapes everything put into the page in %s', (language) => {
      const html = page(language, {
        networkName: hostile,
        groupTitle: hostile,
        actionUrl: '"><script>alert(1)</script>',
        answer: {
          nextTimeBetter: `</textarea>${hostile}`,
          reflections: { programme: hostile },
          parkedQuestions: [hostile],
        },
        errors: { rating: hostile, 'reflections.execution': hostile, [`x${hostile}`]: hostile },
      });
      expect(html).not.toContain('<script');
      expect(html).toContain('action="&quot;&gt;&lt;script&gt;');
      expect(html).toContain(`<p class="network">${escaped}</p>`);
      expect(html).toContain(`&lt;/textarea&gt;${escaped}</textarea>`);
      expect(html.match(/<\/textarea>/g)).toHaveLength(7);
      expect(html).toContain(`<p class="error" id="rating-error">${escaped}</p>`);
    });
  });

  describe('no English on a Swedish or Norwegian form', () => {
    const en = feedbackCopy.en;
    const shared = evaluationCopy.en;
    const englishPhrases = [
      ...Object.values(en).flatMap((entry) => (typeof entry === 'function' ? [entry('§', '§')] : [entry])),
      shared.scale,
      shared.nextTimeQuestion,
      shared.closes('§'),
      ...Object.values(shared.reflections),
    ]
      .flatMap((sentence) => String(sentence).split(/§|\d+|[.!?:–()]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    // No "send": the Norwegian button says "Send" too.
    const englishWords =
      /\b(the|your|you|and|please|meeting|rating|without|name|questions?|reflections?|optional|thank|programme|home|closes|evaluation|answer)\b/i;

    function allText(language: Language): string {
      return [
        page(language),
        page(language, { rating: 5, errors: { _: '§' } }),
        resultPage({
          language,
          networkName,
          kind: 'feedback-thanks',
          groupTitle,
          meetingStartsAt,
          timeZone: 'Europe/Stockholm',
        }),
        resultPage({ language, networkName, kind: 'feedback-closed', groupTitle }),
      ]
        .map(visibleText)
        .join('\n');
    }

    itShowsNoEnglish('the English form', allText, {
      phrases: englishPhrases,
      words: englishWords,
      atLeast: 15,
    });
  });
});

describe('after the form', () => {
  const facts = { networkName, groupTitle, meetingStartsAt, timeZone: 'Europe/Stockholm' };

  it.each(languages)('thanks the member, names the meeting and offers nothing to press in %s', (language) => {
    const html = resultPage({ language, kind: 'feedback-thanks', ...facts });
    const copy = pageCopy[language].results['feedback-thanks'];
    expect(html).toContain(`<h1>${escapeHtml(copy.title(facts))}</h1>`);
    expect(html).toContain(`<p>${escapeHtml(copy.lead(facts))}</p>`);
    expect(html).toContain(escapeHtml(formatMeetingTime(meetingStartsAt, language, 'Europe/Stockholm')));
    expect(html).toContain(groupTitle);
    expect(html).not.toMatch(/<form|<button|<a /);
    expect(html).not.toMatch(leaks);
  });

  it.each(languages)('says the evaluation has closed in %s', (language) => {
    const html = resultPage({ language, kind: 'feedback-closed', ...facts });
    expect(html).toContain(
      `<h1>${escapeHtml(pageCopy[language].results['feedback-closed'].title(facts))}</h1>`,
    );
    expect(html).toContain(groupTitle);
    expect(html).not.toMatch(/<form|<button|<a /);
  });

  it('reads well without the meeting or the group', () => {
    for (const language of languages) {
      for (const kind of ['feedback-thanks', 'feedback-closed'] as const) {
        const html = resultPage({ language, networkName, kind });
        expect(html).not.toMatch(leaks);
        expect(visibleText(html)).not.toMatch(/””|«»|“”|[^\S\n][.,:]/);
      }
    }
    expect(resultPage({ language: 'sv', networkName, kind: 'feedback-thanks', groupTitle })).toContain(
      'Vi har tagit emot ditt svar om träffen i gruppen ”Rektors mandat”.',
    );
    expect(resultPage({ language: 'sv', kind: 'feedback-closed', ...facts })).toContain(
      'träffen i gruppen ”Rektors mandat”, tisdag 10 mars 2026 kl. 17.00: svarstiden har gått ut.',
    );
  });

  it('says what a named answer shows and what an anonymous one keeps, each only to its sender', () => {
    const cases = [
      ['sv', 'Det är sparat utan koppling till dig.', 'samordnarna ser att svaret kommer från dig'],
      ['nb', 'Det er lagret uten kobling til deg.', 'koordinatorene ser at svaret kommer fra deg'],
      ['en', 'It is stored without any link to you.', 'the coordinators can see it is yours'],
    ] as const;
    for (const [language, anonymous, named] of cases) {
      const thanks = (sentWithoutName: boolean) =>
        resultPage({ language, networkName, kind: 'feedback-thanks', anonymous: sentWithoutName });
      expect(thanks(true)).toContain(anonymous);
      expect(thanks(true)).not.toContain(named);
      expect(thanks(false)).toContain(named);
      expect(thanks(false)).not.toContain(anonymous);
    }
  });
});
