import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/i18n.ts';
import { escapeHtml } from '../../shared/mail/html.ts';
import { pageCopy } from '../../shared/pages/copy.ts';
import { actionPage, receiptPage, resultPage } from '../../shared/pages/pages.ts';

/* The pages of a group proposal; the generic checks of every action and result kind are in group-pages.test.ts. */

const networkName = 'Grundskolenätverket';
const groupTitle = 'Rektors mandat';

describe('the receipt after a form proposed a group', () => {
  it.each(languages)('says the link confirms a proposal, not a registration, in %s', (language) => {
    const page = receiptPage({ language, networkName, what: 'group-proposal' });
    const copy = pageCopy[language].proposalReceipt;
    expect(page).toContain(`<h1>${escapeHtml(copy.title)}</h1>`);
    expect(page).toContain(`<p>${escapeHtml(copy.lead(networkName))}</p>`);
    expect(page).toContain(`<p class="note">${escapeHtml(copy.note)}</p>`);
    expect(page).not.toContain(escapeHtml(pageCopy[language].receipt.lead(networkName)));
    expect(page).not.toMatch(/<form|<button|undefined/);
  });

  it('is the plain receipt without `what`', () => {
    expect(receiptPage({ language: 'sv', networkName })).toBe(
      receiptPage({ language: 'sv', networkName, what: undefined }),
    );
    expect(receiptPage({ language: 'sv', networkName, what: 'group-proposal' })).toContain('gruppförslag');
    expect(receiptPage({ language: 'nb', networkName, what: 'group-proposal' })).toContain('gruppeforslaget');
  });
});

describe('confirming a proposal', () => {
  it('names the proposal on the page with the button, and reads well without it', () => {
    const page = (language: 'sv' | 'nb' | 'en', title?: string) =>
      actionPage({
        language,
        networkName,
        kind: 'confirm-group-proposal',
        groupTitle: title,
        actionUrl: 'tok',
      });
    expect(page('sv', groupTitle)).toContain(
      'bekräfta ditt förslag om en ny grupp, ”Rektors mandat”, i Grundskolenätverket.',
    );
    expect(page('nb', groupTitle)).toContain('forslaget ditt om en ny gruppe, «Rektors mandat», i');
    expect(page('en')).toContain('confirm your proposal for a new group in Grundskolenätverket.');
  });

  it.each(languages)('thanks for the proposal once confirmed, in %s', (language) => {
    const page = resultPage({ language, networkName, kind: 'proposal-received', groupTitle });
    expect(page).toContain(groupTitle);
    expect(page).toContain(networkName);
    expect(page).not.toMatch(/<form|<button/);
  });
});
