import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { commonCopy } from '../../shared/mail/common.ts';
import {
  confirmRegistrationCopy,
  confirmRegistrationReminderCopy,
  registrationReceiptCopy,
} from '../../shared/mail/registration.ts';
import { type MailKind, type MailMessage, mailKinds, renderMail } from '../support/mail-templates.ts';
import { evaluationSamples } from './evaluation-samples.ts';
import { groupSamples } from './group-samples.ts';
import { meetingSamples } from './meeting-samples.ts';
import { privacySamples } from './privacy-samples.ts';
import { proposalSamples } from './proposal-samples.ts';

const confirmUrl = 'https://api.samla.example/v1/confirm/kQ3x_token?src=mail&lang=sv';
// 13:00 UTC is 14:00 in Stockholm and Oslo in November.
const expiresAt = new Date('2026-11-29T13:00:00Z');

// Typed per kind, so a new kind without a fixture here does not compile.
const samples: { [K in MailKind]: MailMessage<K> } = {
  'confirm-registration': {
    kind: 'confirm-registration',
    recipientName: 'Åsa Ericson',
    networkName: 'Grundskolenätverket',
    confirmUrl,
    expiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'confirm-registration-reminder': {
    kind: 'confirm-registration-reminder',
    recipientName: 'Åsa Ericson',
    networkName: 'Grundskolenätverket',
    confirmUrl,
    expiresAt,
    timeZone: 'Europe/Stockholm',
  },
  'registration-receipt': {
    kind: 'registration-receipt',
    recipientName: 'Åsa Ericson',
    networkName: 'Grundskolenätverket',
    topics: ['Rektors mandat', 'Onboarding och mentor för nya rektorer'],
    timeZone: 'Europe/Stockholm',
  },
  ...groupSamples,
  ...proposalSamples,
  ...meetingSamples,
  ...evaluationSamples,
  ...privacySamples,
};

const leaks = /undefined|null|NaN|\[object|\$\{|\{\{|\}\}/;

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#847;|&zwnj;|&nbsp;/g, ' ');
}

describe('renderMail', () => {
  for (const kind of mailKinds) {
    for (const language of languages) {
      it(`renders ${kind} in ${language} without placeholders`, () => {
        const mail = renderMail(samples[kind], language);
        expect(mail.subject).toContain('Grundskolenätverket');
        expect(mail.text).toContain('Åsa Ericson');
        expect(mail.html).toContain(`<html lang="${language}"`);
        // The footer names the network, the preheader is hidden at the top of the body.
        expect(mail.html).toMatch(/<div style="display:none[^"]*">[^<]+/);
        for (const part of [mail.subject, mail.text, mail.html]) {
          expect(part).not.toMatch(leaks);
        }
      });
    }

    it(`gives ${kind} a different subject in each language`, () => {
      const subjects = new Set(languages.map((language) => renderMail(samples[kind], language).subject));
      expect(subjects.size).toBe(languages.length);
    });
  }

  describe.each(['confirm-registration', 'confirm-registration-reminder'] as const)('%s', (kind) => {
    it.each(languages)('puts the link in the text part and behind one button in %s', (language) => {
      const mail = renderMail(samples[kind], language);
      expect(mail.text.split(confirmUrl)).toHaveLength(2);
      const escaped = confirmUrl.replaceAll('&', '&amp;');
      // The button and the spelled-out fallback below it.
      expect(mail.html.split(`href="${escaped}"`)).toHaveLength(3);
      expect(mail.html.match(/<td style="border-radius:6px;background:/g)).toHaveLength(1);
    });

    it('says when the link expires, in the language and the network’s time zone', () => {
      expect(renderMail(samples[kind], 'sv').text).toContain('söndag 29 november 2026 kl. 14.00');
      expect(renderMail(samples[kind], 'nb').text).toContain('søndag 29. november 2026 kl. 14.00');
      expect(renderMail(samples[kind], 'en').text).toContain('Sunday, 29 November 2026 at 14:00');
      const inNewYork = renderMail({ ...samples[kind], timeZone: 'America/New_York' }, 'en');
      expect(inNewYork.text).toContain('Sunday, 29 November 2026 at 08:00');
    });

    it('refuses a link that is not http(s)', () => {
      expect(() => renderMail({ ...samples[kind], confirmUrl: 'javascript:alert(1)' }, 'sv')).toThrow(
        TypeError,
      );
    });
  });

  it('tells the reader to ignore the confirmation if it was not them', () => {
    expect(renderMail(samples['confirm-registration'], 'sv').text).toContain('bortse från det här mejlet');
    expect(renderMail(samples['confirm-registration'], 'nb').text).toContain('se bort fra denne e-posten');
    expect(renderMail(samples['confirm-registration'], 'en').text).toContain('ignore this email');
  });

  it('writes a reminder that differs from the first message', () => {
    for (const language of languages) {
      const first = renderMail(samples['confirm-registration'], language);
      const reminder = renderMail(samples['confirm-registration-reminder'], language);
      expect(reminder.subject).not.toBe(first.subject);
      expect(reminder.text).not.toBe(first.text);
    }
  });

  it('echoes the topics in the receipt, trimmed, and says what happens next', () => {
    const mail = renderMail(
      { ...samples['registration-receipt'], topics: ['  Rektors mandat ', '', '   ', 'Samarbete & team'] },
      'sv',
    );
    expect(mail.text).toContain('- Rektors mandat\n- Samarbete & team\n');
    expect(mail.html).toContain('Rektors mandat</li>');
    expect(mail.html).toContain('Samarbete &amp; team</li>');
    expect(mail.html.match(/<li /g)).toHaveLength(2);
    expect(mail.text).toContain('samordnare hör av sig');
  });

  it('leaves the topic list out of a receipt without topics', () => {
    for (const language of languages) {
      const mail = renderMail({ ...samples['registration-receipt'], topics: [] }, language);
      expect(mail.html).not.toContain('<ul');
      expect(mail.text).not.toContain('\n- ');
      expect(mail.text).not.toContain(registrationReceiptCopy[language].topicsIntro);
      expect(mail.text).toContain(registrationReceiptCopy[language].groups(false));
    }
  });

  it('escapes every interpolated value in the HTML part', () => {
    const hostile = {
      recipientName: '<script>alert("name")</script>',
      networkName: 'Skola & "Co" <b>',
      topics: ['<img src=x onerror=alert(1)>'],
    };
    for (const message of [
      { ...samples['confirm-registration'], ...hostile },
      { ...samples['confirm-registration-reminder'], ...hostile },
      { ...samples['registration-receipt'], ...hostile },
    ]) {
      for (const language of languages) {
        const mail = renderMail(message, language);
        expect(mail.html).not.toContain('<script');
        expect(mail.html).not.toContain('<img');
        expect(mail.html).not.toContain('<b>');
        expect(mail.html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
        expect(mail.html).toContain('Skola &amp; &quot;Co&quot; &lt;b&gt;');
        // The plain-text part is not HTML: it keeps the name as written.
        expect(mail.text).toContain('<script>alert("name")</script>');
      }
    }
  });

  describe('no English in a Swedish or Norwegian mail', () => {
    const network = 'Grundskolenätverket';
    // Every sentence of the English dictionaries, with the interpolated values taken out.
    const englishPhrases = [
      ...Object.values(confirmRegistrationCopy.en),
      ...Object.values(confirmRegistrationReminderCopy.en),
      ...Object.values(registrationReceiptCopy.en),
      ...Object.values(commonCopy.en),
    ]
      .flatMap((entry) => {
        if (typeof entry === 'string') return [entry];
        // A marker for a name splits the sentence around it; '' (falsy) picks the other variant of groups().
        const fill = entry as (value: unknown) => string;
        return [fill('§'), fill('')];
      })
      .flatMap((sentence) => sentence.split(/§|[.!?:]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    const englishWords =
      /\b(the|your|you|and|please|link|email|confirm|registration|thank|ignore|reminder|network)\b/i;

    it('finds English phrases in an English mail (the check can fail)', () => {
      const english = mailKinds.map((kind) => renderMail(samples[kind], 'en').text).join('\n');
      expect(englishPhrases.filter((phrase) => english.includes(phrase)).length).toBeGreaterThan(20);
      expect(english).toMatch(englishWords);
    });

    for (const language of ['sv', 'nb'] as const satisfies readonly Language[]) {
      for (const kind of mailKinds) {
        it(`${kind} in ${language}`, () => {
          const mail = renderMail(samples[kind], language);
          const prose = [mail.subject, mail.text, visibleText(mail.html)]
            .join('\n')
            // Links are not prose: a path such as /v1/confirm/ is no English sentence.
            .replace(/https?:\/\/[^\s<>"]+/g, '');
          expect(prose).toContain(network);
          for (const phrase of englishPhrases) expect(prose).not.toContain(phrase);
          expect(prose).not.toMatch(englishWords);
        });
      }
    }
  });

  it('makes a missing translation or field a compile error', () => {
    // @ts-expect-error: the Norwegian and English entries are missing.
    const partial: typeof confirmRegistrationCopy = { sv: confirmRegistrationCopy.sv };
    expect(Object.keys(partial)).toEqual(['sv']);
    const { confirmUrl: _dropped, ...withoutUrl } = samples['confirm-registration'];
    // @ts-expect-error: confirmUrl is required; at run time the missing link is refused, not rendered.
    expect(() => renderMail(withoutUrl, 'sv')).toThrow(TypeError);
  });
});
