import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../../shared/i18n.ts';
import { commonCopy } from '../../shared/mail/common.ts';
import {
  confirmJoinRequestCopy,
  joinApprovalRequestCopy,
  joinApprovedCopy,
  joinDeclinedCopy,
  joinPendingApprovalCopy,
  joinWaitlistedCopy,
  leftGroupCopy,
  offerExpiredCopy,
  seatOfferedCopy,
} from '../../shared/mail/groups.ts';
import { type MailMessage, renderMail } from '../support/mail-templates.ts';
import { type GroupMailKind, groupSamples as samples, groupUrls as urls } from './group-samples.ts';

const kinds = Object.keys(samples) as GroupMailKind[];
const network = 'Grundskolenätverket';

function render<K extends GroupMailKind>(message: MailMessage<K>, language: Language) {
  return renderMail(message, language);
}

/** Every link of a kind, and whether it is the button (twice in HTML) or a quiet link (once). */
const links: Record<GroupMailKind, readonly { url: string; button: boolean }[]> = {
  'confirm-join-request': [{ url: urls.confirm, button: true }],
  'confirm-join-request-reminder': [{ url: urls.confirm, button: true }],
  'join-approved': [{ url: urls.leave, button: false }],
  'join-waitlisted': [{ url: urls.leave, button: false }],
  'join-pending-approval': [],
  'join-declined': [],
  'join-approval-request': [
    { url: urls.approve, button: true },
    { url: urls.decline, button: true },
  ],
  'seat-offered': [
    { url: urls.accept, button: true },
    { url: urls.letPass, button: false },
  ],
  'offer-expired': [],
  'left-group': [],
  'waitlist-closed': [{ url: urls.leave, button: false }],
};

const leaks = /undefined|null|NaN|\[object|\$\{|\{\{|\}\}|§/;
const buttonCell = /<td style="border-radius:6px;background:/g;

function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#847;|&zwnj;|&nbsp;/g, ' ');
}

describe('group mails', () => {
  for (const kind of kinds) {
    describe(kind, () => {
      it.each(languages)(
        'renders in %s, naming the group and the network, without placeholders',
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
          // A button has its URL spelled out beneath it; a quiet link is the link alone.
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

  describe.each([
    'confirm-join-request',
    'confirm-join-request-reminder',
    'join-approval-request',
    'seat-offered',
  ] as const)('%s', (kind) => {
    it('says until when the link holds, in the language and the network’s time zone', () => {
      expect(render(samples[kind], 'sv').text).toContain('söndag 29 november 2026 kl. 14.00');
      expect(render(samples[kind], 'nb').text).toContain('søndag 29. november 2026 kl. 14.00');
      expect(render(samples[kind], 'en').text).toContain('Sunday, 29 November 2026 at 14:00');
      const inNewYork = render({ ...samples[kind], timeZone: 'America/New_York' }, 'en');
      expect(inNewYork.text).toContain('Sunday, 29 November 2026 at 08:00');
    });
  });

  it('reminds in other words than the first confirmation, and says it is the only reminder', () => {
    const said = { sv: 'den enda påminnelsen', nb: 'den eneste påminnelsen', en: 'the only reminder' };
    for (const language of languages) {
      const first = render(samples['confirm-join-request'], language);
      const reminder = render(samples['confirm-join-request-reminder'], language);
      expect(reminder.subject).not.toBe(first.subject);
      expect(reminder.text).toContain(said[language]);
      expect(first.text).not.toContain(said[language]);
    }
  });

  it('refuses a link that is not http(s), wherever it is', () => {
    const bad = 'javascript:alert(1)';
    expect(() => render({ ...samples['confirm-join-request'], confirmUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['join-approved'], leaveUrl: bad }, 'nb')).toThrow(TypeError);
    expect(() => render({ ...samples['join-waitlisted'], leaveUrl: bad }, 'en')).toThrow(TypeError);
    expect(() => render({ ...samples['join-approval-request'], declineUrl: bad }, 'sv')).toThrow(TypeError);
    expect(() => render({ ...samples['seat-offered'], declineUrl: bad }, 'sv')).toThrow(TypeError);
  });

  describe('join-approved', () => {
    it.each(languages)(
      'tells a new member who stopped all mail that no invitation will come, in %s',
      (language) => {
        const copy = joinApprovedCopy[language];
        const usual = render(samples['join-approved'], language);
        const off = render({ ...samples['join-approved'], mailOff: true }, language);
        expect(usual.text).toContain(copy.dates);
        expect(usual.text).not.toContain(copy.datesMailOff);
        expect(off.text).toContain(copy.datesMailOff);
        expect(off.text).not.toContain(copy.dates);
      },
    );

    it('tells the question, the facilitator, what taking part means and that dates follow', () => {
      const sv = render(samples['join-approved'], 'sv');
      expect(sv.text).toContain('> Hur tydliggör vi rektors mandat gentemot huvudmannen?');
      expect(sv.html).toMatch(
        /<blockquote [^>]*>Hur tydliggör vi rektors mandat gentemot huvudmannen\?<\/blockquote>/,
      );
      expect(sv.text).toContain('Träffarna leds av Maria Lindqvist.');
      expect(sv.text).toContain('Mötesplats: Skolhuset, Storgatan 1, Göteborg');
      expect(sv.text).toContain('det som sägs i gruppen stannar i gruppen');
      expect(sv.text).toContain('förbereda');
      expect(sv.text).toContain('separata inbjudningar');
      expect(sv.html.match(/<li /g)).toHaveLength(3);
      const nb = render(samples['join-approved'], 'nb');
      expect(nb.text).toContain('Møtene ledes av Maria Lindqvist.');
      expect(nb.text).toContain('det som blir sagt i gruppen, blir i gruppen');
      expect(render(samples['join-approved'], 'en').text).toContain(
        'what is said in the group stays in the group',
      );
    });

    it.each(languages)('tells online from in person, with or without a place, in %s', (language) => {
      const copy = joinApprovedCopy[language];
      const online = render({ ...samples['join-approved'], mode: 'online' }, language);
      expect(online.text).toContain(copy.online);
      expect(online.text).not.toContain('Skolhuset');
      const { location: _dropped, ...withoutLocation } = samples['join-approved'];
      for (const message of [withoutLocation, { ...samples['join-approved'], location: '   ' }]) {
        const somewhere = render(message, language);
        expect(somewhere.text).toContain(copy.inPerson());
        expect(somewhere.text).not.toMatch(leaks);
      }
    });

    it('keeps the leave link quiet: no button', () => {
      const mail = render(samples['join-approved'], 'sv');
      expect(mail.html.match(buttonCell)).toBeNull();
      expect(mail.html).toContain('>Lämna gruppen</a>');
      expect(mail.text).toContain(`Lämna gruppen: ${urls.leave}`);
    });
  });

  it('says the place in line on the waitlist', () => {
    expect(render(samples['join-waitlisted'], 'sv').text).toContain('Du är nummer 3 i kön.');
    expect(render(samples['join-waitlisted'], 'nb').text).toContain('Du er nummer 3 i køen.');
    expect(render({ ...samples['join-waitlisted'], position: 1 }, 'en').text).toContain(
      'You are number 1 in line.',
    );
    expect(render(samples['join-waitlisted'], 'en').subject).toContain('waitlist');
  });

  it('explains a pending approval by the member organisations', () => {
    expect(render(samples['join-pending-approval'], 'sv').text).toContain('medlemsorganisation');
    expect(render(samples['join-pending-approval'], 'nb').text).toContain('medlemsorganisasjon');
    expect(render(samples['join-pending-approval'], 'en').text).toContain(
      'a coordinator will look at your request',
    );
  });

  describe('join-declined', () => {
    it('quotes the coordinator’s message line by line', () => {
      const mail = render(samples['join-declined'], 'sv');
      expect(mail.text).toContain(
        `${joinDeclinedCopy.sv.messageIntro}\n\n> Gruppen är till för rektorer i medlemskommunerna.\n> Hör gärna av dig inför nästa termin!`,
      );
      expect(mail.html).toContain(
        '>Gruppen är till för rektorer i medlemskommunerna.<br>Hör gärna av dig inför nästa termin!</blockquote>',
      );
    });

    it.each(languages)('leaves the quote out without a message in %s', (language) => {
      for (const message of [undefined, '', '  \n ']) {
        const mail = render({ ...samples['join-declined'], message }, language);
        expect(mail.text).not.toContain(joinDeclinedCopy[language].messageIntro);
        expect(mail.text).not.toContain('\n>');
        expect(mail.html).not.toContain('<blockquote');
        expect(mail.text).toContain(joinDeclinedCopy[language].welcome);
      }
    });
  });

  describe('join-approval-request', () => {
    it.each(languages)('gives the coordinator the details and two buttons in %s', (language) => {
      const copy = joinApprovalRequestCopy[language];
      const mail = render(samples['join-approval-request'], language);
      expect(mail.text.startsWith(`${copy.greeting}\n`)).toBe(true);
      for (const line of [
        copy.name('Åsa Ericson'),
        copy.email('asa.ericson@friskola.example'),
        copy.organisation('Friskolan Lärkan'),
        copy.role('Rektor'),
      ]) {
        expect(mail.text).toContain(`- ${line}\n`);
      }
      expect(mail.text).toContain('> Vi har frågan på bordet i ett pågående projekt.');
      expect(mail.text).toContain(`${copy.approveButton}:\n${urls.approve}`);
      expect(mail.text).toContain(`${copy.declineButton}:\n${urls.decline}`);
      expect(mail.html).toContain(`>${copy.approveButton}</a>`);
      expect(mail.html).toContain(`>${copy.declineButton}</a>`);
      // Approve comes first.
      expect(mail.text.indexOf(urls.approve)).toBeLessThan(mail.text.indexOf(urls.decline));
    });

    it('says the links work once, and leaves out a missing message', () => {
      expect(render(samples['join-approval-request'], 'sv').text).toContain('går att använda en gång');
      expect(render(samples['join-approval-request'], 'nb').text).toContain('kan brukes én gang');
      const { message: _dropped, ...withoutMessage } = samples['join-approval-request'];
      const mail = render(withoutMessage, 'en');
      expect(mail.text).not.toContain(joinApprovalRequestCopy.en.messageIntro);
      expect(mail.html).not.toContain('<blockquote');
    });
  });

  it('offers the seat with a deadline and a way to let it pass', () => {
    const mail = render(samples['seat-offered'], 'sv');
    expect(mail.text).toContain('Vi håller platsen åt dig fram till söndag 29 november 2026 kl. 14.00.');
    expect(mail.text).toContain(`Tacka ja till platsen:\n${urls.accept}`);
    expect(mail.text).toContain(`Tacka nej till platsen: ${urls.letPass}`);
    expect(mail.text).toContain('nästa i kön');
    expect(render(samples['seat-offered'], 'nb').text).toContain('nestemann i køen');
  });

  it('says an expired offer is no longer held, and the reader may ask again', () => {
    for (const language of languages) {
      const text = render(samples['offer-expired'], language).text;
      expect(text).toContain(offerExpiredCopy[language].again);
      // Nobody may be in line behind the reader: the seat is then free, not "passed to the next".
      expect(text).not.toMatch(/nästa i kön|nestemann i køen|next in line/);
    }
  });

  it.each(languages)(
    'tells leaving the group from leaving the waitlist or declining a seat in %s',
    (language) => {
      const group = render(samples['left-group'], language);
      const waitlist = render({ ...samples['left-group'], left: 'waitlist' }, language);
      // Someone only offered a seat never sat in the group: no thanks for their commitment, no confidentiality.
      const offer = render({ ...samples['left-group'], left: 'offer' }, language);
      expect(offer.subject).toBe(leftGroupCopy[language].offer.subject(network, 'Rektors mandat'));
      expect(offer.text).toContain(leftGroupCopy[language].offer.intro(network, 'Rektors mandat'));
      expect(offer.text).not.toContain(leftGroupCopy[language].group.intro(network, 'Rektors mandat'));
      expect(offer.text).not.toContain(leftGroupCopy[language].group.after);
      expect(group.subject).toBe(leftGroupCopy[language].group.subject(network, 'Rektors mandat'));
      expect(waitlist.subject).toBe(leftGroupCopy[language].waitlist.subject(network, 'Rektors mandat'));
      expect(group.subject).not.toBe(waitlist.subject);
      // Confidentiality outlasts membership; the waitlist never heard anything to keep.
      expect(group.text).toContain(leftGroupCopy[language].group.after);
      expect(waitlist.text).not.toContain(leftGroupCopy[language].group.after);
      expect(waitlist.text).not.toMatch(leaks);
    },
  );

  describe('escaping', () => {
    const hostile = '<script>alert("x")</script>';
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;';
    const everything = {
      recipientName: `${hostile} name`,
      networkName: `Skola & "Co" <b>`,
      groupTitle: `${hostile} title`,
      question: `${hostile} question`,
      facilitatorName: `${hostile} facilitator`,
      location: `${hostile} location`,
      message: `${hostile} message\n<img src=x onerror=alert(1)>`,
      requesterName: `${hostile} requester`,
      requesterEmail: `${hostile}@example.org`,
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
          // The plain-text part is not HTML: it keeps what was written.
          expect(mail.text).toContain(firstLine);
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
        return [fill('§', '§', '§'), fill('', '', '')];
      }
      if (Array.isArray(entry)) return entry.flatMap(sentences);
      if (entry !== null && typeof entry === 'object') return Object.values(entry).flatMap(sentences);
      return [];
    }
    const englishPhrases = sentences([
      confirmJoinRequestCopy.en,
      joinApprovedCopy.en,
      joinWaitlistedCopy.en,
      joinPendingApprovalCopy.en,
      joinDeclinedCopy.en,
      joinApprovalRequestCopy.en,
      seatOfferedCopy.en,
      offerExpiredCopy.en,
      leftGroupCopy.en,
      commonCopy.en,
    ])
      .flatMap((sentence) => sentence.split(/§|[.!?:]\s*/))
      .map((fragment) => fragment.trim())
      .filter((fragment) => fragment.split(' ').length >= 2);
    const englishWords =
      /\b(the|your|you|and|please|link|email|group|seat|waitlist|join|leave|accept|decline|approve|meetings?|thank|confirm|network|request|welcome)\b/i;

    function prose(kind: GroupMailKind, language: Language): string {
      const variants: MailMessage[] = [samples[kind]];
      if (kind === 'left-group')
        variants.push(
          { ...samples['left-group'], left: 'waitlist' },
          { ...samples['left-group'], left: 'offer' },
        );
      if (kind === 'join-approved') variants.push({ ...samples['join-approved'], mode: 'online' });
      return variants
        .map((message) => renderMail(message, language))
        .flatMap((mail) => [mail.subject, mail.text, visibleText(mail.html)])
        .join('\n')
        .replace(/https?:\/\/[^\s<>"]+/g, '')
        .replace(/\S+@\S+/g, '');
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
      expect(prose('join-waitlisted', 'sv')).toContain('väntelistan');
      expect(prose('join-waitlisted', 'nb')).toContain('ventelisten');
    });
  });
});
