import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/i18n.ts';
import {
  privacyActionPage,
  privacyDonePage,
  privacyRequestedPage,
  unsubscribedPage,
  unsubscribePage,
} from '../../shared/pages/privacy.ts';

const networkName = 'Grundskolenätverket';
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');

describe('the unsubscribe and privacy pages', () => {
  it.each(languages)('offers both choices as buttons of one form that posts back, in %s', (language) => {
    const page = unsubscribePage({ language, networkName, actionUrl: 'tok123', suggested: 'all' });
    expect(page).toContain(`<html lang="${language}">`);
    expect(page).toContain('<form method="post" action="tok123">');
    expect(page.indexOf('value="all"')).toBeLessThan(page.indexOf('value="reminders"'));
    expect(text(page)).toContain(networkName);
  });

  it.each(languages)(
    'says reminders stop but invitations still come, or that nothing more comes, in %s',
    (language) => {
      const words = {
        sv: ['påminnelser', 'Inbjudningar'],
        nb: ['påminnelser', 'Invitasjoner'],
        en: ['reminders', 'invitations'],
      };
      const reminders = text(unsubscribedPage({ language, networkName, scope: 'reminders' }));
      for (const word of words[language]) expect(reminders).toContain(word);
      const all = text(unsubscribedPage({ language, networkName, scope: 'all' }));
      expect(all).not.toEqual(reminders);
      expect(all).toContain(networkName);
    },
  );

  it.each(languages)('shows a button for each privacy action, and what happened after, in %s', (language) => {
    for (const action of ['export', 'erase', 'stay'] as const) {
      const page = privacyActionPage({ language, action, actionUrl: 'tok' });
      expect(page).toContain('<form method="post" action="tok"><button type="submit">');
      expect(text(privacyDonePage({ language, action }))).not.toEqual(text(page));
    }
    expect(text(privacyRequestedPage(language)).length).toBeGreaterThan(50);
  });

  it('speaks no English on a Swedish or Norwegian page', () => {
    const english = /\b(the|you|your|and|delete|unsubscribe|email)\b/i;
    for (const language of ['sv', 'nb'] as const) {
      const pages = [
        unsubscribePage({ language, networkName, actionUrl: 't', suggested: 'reminders' }),
        unsubscribedPage({ language, networkName, scope: 'all' }),
        unsubscribedPage({ language, networkName, scope: 'reminders' }),
        ...(['export', 'erase', 'stay'] as const).flatMap((action) => [
          privacyActionPage({ language, action, actionUrl: 't' }),
          privacyDonePage({ language, action }),
        ]),
        privacyRequestedPage(language),
      ];
      for (const page of pages) expect(text(page)).not.toMatch(english);
    }
    expect(text(unsubscribedPage({ language: 'en', networkName, scope: 'all' }))).toMatch(english);
  });
});
