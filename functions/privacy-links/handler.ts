import { isGet, openLink, requireUsable } from '../../shared/http/link-request.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { prefersJson } from '../../shared/http/request.ts';
import { html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/privacy-links.ts';
import { type PrivacyAction, privacyActionPage, privacyDonePage } from '../../shared/pages/privacy.ts';
import { erasePerson } from '../../shared/services/erasure.ts';
import { exportPersonData } from '../../shared/services/privacy.ts';
import { stayInNetworks } from '../../shared/services/retention.ts';
import { emailOfPerson } from '../../shared/store/person-data.ts';
import { spendLinkToken } from '../../shared/store/tokens.ts';

const actions = { 'privacy-export': 'export', 'privacy-erase': 'erase', 'privacy-stay': 'stay' } as const;
const purposes = Object.keys(actions) as (keyof typeof actions)[];

/**
 * `/v1/privacy/{token}`: the emailed link that carries out a privacy request (export, erasure) or a
 * member's answer that they want to stay. GET shows the button; the POST acts, once.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, purposes, now);
    const { link } = opened;
    const action: PrivacyAction = actions[link.purpose];
    const language = link.language;
    requireUsable(opened);
    if (isGet(request)) return html(200, privacyActionPage({ language, action, actionUrl: opened.token }));

    const email = await emailOfPerson(link.subjectId);
    // Erased in the meantime (by another link): there is nothing left to act on.
    if (email !== undefined) {
      if (action === 'erase') await erasePerson(email, now);
      else if (action === 'export') {
        // Sent, then spent: a failed send leaves the link working, and the dedupe key (the link's own)
        // makes a double click one email.
        await exportPersonData(email, language, opened.tokenHash, now);
        await spendLinkToken(opened.tokenHash, now);
      } else {
        // A stay counts once; saying it twice is harmless, so spending first costs nothing.
        if (!(await spendLinkToken(opened.tokenHash, now))) requireUsable({ ...opened, usable: false });
        await stayInNetworks(email, language, now);
      }
    }
    return prefersJson(request.event.headers?.accept)
      ? json(200, { result: action === 'export' ? 'export_sent' : action === 'erase' ? 'erased' : 'staying' })
      : html(200, privacyDonePage({ language, action }));
  },
  { body: 'optional', routes },
);
