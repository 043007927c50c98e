import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { commonCopy } from '../../shared/mail/common.ts';
import {
  confirmGroupProposalCopy,
  confirmGroupProposalReminderCopy,
  groupProposalAcceptedCopy,
  groupProposalDeclinedCopy,
  groupProposalReceivedCopy,
} from '../../shared/mail/group-proposals.ts';
import { joinApprovedCopy } from '../../shared/mail/groups.ts';
import { type MailMessage, renderMail } from '../support/mail-templates.ts';
import {
  type ProposalMailKind,
  proposalSamples as samples,
  proposalUrls as urls,
} from './proposal-samples.ts';

const kinds = Object.keys(samples) as ProposalMailKind[];
const network = 'Grundskolenätverket';

function render<K extends ProposalMailKind>(message: MailMessage<K>, language: Language) {
  return renderMail(message, language);
}

/** Every link of a kind, and whether it is the button (twice in HTML) or a quiet link (once). */
const links: Record<ProposalMailKind, readonly { url: string; button: boolean }[]> = {
  'confirm-group-proposal': [{ url: urls.confirm, button: true }],
  'confirm-group-proposal-reminder': [{ url: urls.confirm, button: true }],
  'group-proposal-received': [],
  'group-proposal-accepted': [{ url: urls.leave, button: false }],
  'group-proposal-declined': [],
};

const leaks = /undefined|null|NaN|\[object|\$\{|\{\{|\}\}|§/;
const buttonCell = /<td style="border-radius:6px;background:/g;

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#847;|&zwnj;|&nbsp;/g, ' ');
}

describe('group proposal mails', () => {
  for (const kind of kinds) {
    describe(kind, () => {
      it.each(languages)(
        'renders in %s, naming the proposal and the network, without placeholders',
        (language) => {
          const mail = render(samples[kind], language);
          expect(mail.subject).toContain(network);
          expect(mail.subject).toContain('Rektors mandat');
          expect(mail.text).toContain('Åsa Ericson');
          expect(mail.text).toContain('Rektors mandat');
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
          expect(mail.html.split(`href="${escaped}"`)).toHaveLength(button ? 3 : 2);
        }
        const buttons = links[kind].filter((link) => link.button).length;
        expect(mail.html.match(buttonCell) ?? []).toHaveLength(buttons);
        expect(mail.html.match(/href="/g) ?? []).toHaveLength(
          links[kind].reduce((n, link) => n + (link.button ? 2 : 1), 0),
        );
      });
    });
  }

  describe.each(['confirm-group-proposal', 'confirm-group-proposal-reminder'] as const)('%s', (kind) => {
    it('says until when the link holds, in the language and the network’s time zone', () => {
      expect(render(samples[kind], 'sv').text).toContain('söndag 29 november 2026 kl. 14.00');
      expect(render(samples[kind], 'nb').text).toContain('søndag 29. november 2026 kl. 14.00');
      expect(render(samples[kind], 'en').text).toContain('Sunday, 29 November 2026 at 14:00');
      const inNewYork = render({ ...samples[kind], timeZone: 'America/New_York' }, 'en');
      expect(inNewYork.text).toContain('Sunday, 29 November 2026 at 08:00');
    });

    it.each(languages)(
      'puts the button under the intro and says what happens without it in %s',
      (language) => {
        const copy = (
          kind === 'confirm-group-proposal' ? confirmGroupProposalCopy : confirmGroupProposalReminderCopy
        )[language];
        const mail = render(samples[kind], language);
        expect(mail.text).toContain(`${copy.button}:\n${urls.confirm}`);
        expect(mail.text).toContain(copy.notYou);
        expect(mail.text).toContain(copy.next);
      },
    );
  });

  it('refuses a link that is not http(s), wherever it is', () => {
    const bad = 'javascript:alert(1)';
    expect(() => render({ ...samples['confirm-group-proposal'], confirmUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['group-proposal-accepted'], leaveUrl: bad }, 'nb')).toThrow(TypeError);
  });

  describe('group-proposal-received', () => {
    it.each(languages)(
      'gives the coordinator the proposal, the proposer and the next step in %s',
      (language) => {
        const copy = groupProposalReceivedCopy[language];
        const mail = render(samples['group-proposal-received'], language);
        expect(mail.text.startsWith(`${copy.greeting}\n`)).toBe(true);
        expect(mail.text).toContain(copy.title('Rektors mandat'));
        expect(mail.text).toContain('> Hur tydliggör vi rektors mandat gentemot huvudmannen?');
        expect(mail.text).toContain(
          '> Vi är flera rektorer i kommunen som vill ses.\n> Gärna på eftermiddagar.',
        );
        for (const line of [
          copy.name('Åsa Ericson'),
          copy.email('asa.ericson@ekskolan.example'),
          copy.organisation('Ekskolan'),
          copy.role('Rektor'),
        ])
          expect(mail.text).toContain(`- ${line}`);
        expect(mail.text).toContain(copy.next);
        // The question comes before the proposer, the next step last.
        expect(mail.text.indexOf('Hur tydliggör')).toBeLessThan(mail.text.indexOf(copy.proposerHeading));
        expect(mail.text.indexOf(copy.proposerHeading)).toBeLessThan(mail.text.indexOf(copy.nextHeading));
      },
    );

    it('leaves out a missing role and message', () => {
      const { role: _r, message: _m, ...bare } = samples['group-proposal-received'];
      for (const language of languages) {
        const copy = groupProposalReceivedCopy[language];
        const mail = render(bare, language);
        expect(mail.text).not.toContain(copy.role(''));
        expect(mail.text).not.toContain(copy.messageIntro);
        expect(mail.html.match(/<blockquote/g)).toHaveLength(1);
        expect(mail.text).not.toMatch(leaks);
      }
    });
  });

  describe('group-proposal-accepted', () => {
    it.each(languages)(
      'tells that the group exists and the proposer is its first member, in %s',
      (language) => {
        const copy = groupProposalAcceptedCopy[language];
        const group = joinApprovedCopy[language];
        const mail = render(samples['group-proposal-accepted'], language);
        expect(mail.text).toContain(copy.intro(network, 'Rektors mandat'));
        expect(mail.text).toContain('> Hur tydliggör vi rektors mandat gentemot huvudmannen?');
        expect(mail.text).toContain(group.facilitator('Maria Lindqvist'));
        expect(mail.text).toContain(group.inPerson('Skolhuset, Storgatan 1, Göteborg'));
        expect(mail.text).toContain(copy.others);
        for (const commitment of group.commitments) expect(mail.text).toContain(commitment);
        // The same title as proposed: nothing about a new name.
        expect(mail.text).not.toContain(copy.renamed('Rektors mandat'));
        // The leave link is quiet, as in the welcome of anyone who joined.
        expect(mail.html.match(buttonCell)).toBeNull();
        expect(mail.text).toContain(`${group.leaveLabel}: ${urls.leave}`);
      },
    );

    it.each(languages)(
      'tells a proposer who stopped all mail that no invitation will come, in %s',
      (language) => {
        const group = joinApprovedCopy[language];
        const off = render({ ...samples['group-proposal-accepted'], mailOff: true }, language);
        expect(off.text).toContain(group.datesMailOff);
        expect(off.text).not.toContain(group.dates);
        expect(render(samples['group-proposal-accepted'], language).text).toContain(group.dates);
      },
    );

    it('mentions the proposed title when the coordinators named the group otherwise', () => {
      const renamed = { ...samples['group-proposal-accepted'], groupTitle: 'Rektorer och huvudmän' };
      expect(render(renamed, 'sv').text).toContain('Du föreslog den under rubriken ”Rektors mandat”.');
      expect(render(renamed, 'nb').text).toContain('Du foreslo den med tittelen «Rektors mandat».');
      expect(render(renamed, 'en').subject).toContain('Rektorer och huvudmän');
    });

    it.each(languages)('tells online from in person in %s', (language) => {
      const online = render({ ...samples['group-proposal-accepted'], mode: 'online' }, language);
      expect(online.text).toContain(joinApprovedCopy[language].online);
      expect(online.text).not.toContain('Skolhuset');
    });
  });

  describe('group-proposal-declined', () => {
    it('quotes the coordinator’s message line by line', () => {
      const mail = render(samples['group-proposal-declined'], 'sv');
      expect(mail.text).toContain(
        `${groupProposalDeclinedCopy.sv.messageIntro}\n\n> Det finns redan en grupp om rektors mandat.\n> Anmäl dig gärna till den!`,
      );
      expect(mail.html).toContain(
        '>Det finns redan en grupp om rektors mandat.<br>Anmäl dig gärna till den!</blockquote>',
      );
    });

    it.each(languages)('leaves the quote out without a message in %s', (language) => {
      for (const message of [undefined, '', '  \n ']) {
        const mail = render({ ...samples['group-proposal-declined'], message }, language);
        expect(mail.text).not.toContain(groupProposalDeclinedCopy[language].messageIntro);
        expect(mail.html).not.toContain('<blockquote');
        expect(mail.text).toContain(groupProposalDeclinedCopy[language].welcome);
      }
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script>';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    const everything = {
      recipientName: `${hostile} name`,
      networkName: `Skola & "Co" <b>`,
      proposalTitle: `${hostile} proposal`,
      groupTitle: `${hostile} title`,
      question: `${hostile} question`,
      facilitatorName: `${hostile} facilitator`,
      location: `${hostile} location`,
      message: `${hostile} message\n<img src=x onerror=alert(1)>`,
      proposerName: `${hostile} proposer`,
      proposerEmail: `${hostile}@example.org`,
      organisation: `${hostile} organisation`,
      role: `${hostile} role`,
    };

    for (const kind of kinds) {
      it.each(languages)(`escapes every value in ${kind} in %s`, (language) => {
        const fields = Object.fromEntries(
          Object.entries(everything).filter(([key]) => Object.hasOwn(samples[kind], key)),
        );
        const mail = renderMail({ ...samples[kind], ...fields } as MailMessage, language);
        expect(mail.html).not.toMatch(/<script|<img|<b>/);
        expect(mail.html).toContain('Skola &amp; &quot;Co&quot; &lt;b&gt;');
        for (const [key, value] of Object.entries(fields)) {
          if (key === 'networkName') continue;
          const firstLine = value.split('\n')[0] ?? '';
          expect(mail.html).toContain(firstLine.replace(hostile, escaped));
          expect(mail.text).toContain(firstLine);
        }
      });
    }
  });

  describe('no English in a Swedish or Norwegian mail', () => {
    function sentences(entry: unknown): string[] {
      if (typeof entry === 'string') return [entry];
      if (typeof entry === 'function') {
        const fill = entry as (...values: unknown[]) => string;
        return [fill('§', '§', '§'), fill('', '', '')];
      }
      if (Array.isArray(entry)) return entry.flatMap(sentences);
      if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(sentences);
      return [];
    }
    const englishPhrases = sentences([
      confirmGroupProposalCopy.en,
      groupProposalReceivedCopy.en,
      groupProposalAcceptedCopy.en,
      groupProposalDeclinedCopy.en,
      joinApprovedCopy.en,
      commonCopy.en,
    ])
      .flatMap((sentence) => sentence.split(/§|[.!?:]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    const englishWords =
      /\b(the|your|you|and|please|link|email|group|proposal|proposed|coordinators?|seat|join|leave|accept|decline|meetings?|thank|confirm|network|request|welcome)\b/i;

    function prose(kind: ProposalMailKind, language: Language): string {
      const variants: MailMessage[] = [samples[kind]];
      if (kind === 'group-proposal-accepted')
        variants.push(
          { ...samples['group-proposal-accepted'], mode: 'online' },
          { ...samples['group-proposal-accepted'], groupTitle: 'Rektorer och huvudmän' },
        );
      return variants
        .map((message) => renderMail(message, language))
        .flatMap((mail) => [mail.subject, mail.text, visibleText(mail.html)])
        .join('\n')
        .replace(/https?:\/\/[^\s<>"]+/g, '')
        .replace(/\S+@\S+/g, '');
    }

    it('finds English phrases in an English mail (the check can fail)', () => {
      const english = kinds.map((kind) => prose(kind, 'en')).join('\n');
      expect(englishPhrases.filter((phrase) => english.includes(phrase)).length).toBeGreaterThan(30);
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
      expect(prose('group-proposal-received', 'sv')).toContain('samordnare');
      expect(prose('group-proposal-received', 'nb')).toContain('koordinator');
    });
  });
});
