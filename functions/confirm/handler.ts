import { openLink } from '../../shared/http/link-request.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { routes } from '../../shared/http/routes/confirm.ts';
import { groupProposalLink } from './group-proposal.ts';
import { joinRequestLink } from './join-request.ts';
import { registrationLink } from './registration.ts';

/**
 * `/v1/confirm/{token}`: the double opt-in links. GET only shows a page with a button: mail scanners and
 * link previews follow GETs and must not confirm anything. POST confirms, and is safe to repeat.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(
      request,
      ['confirm-registration', 'confirm-join-request', 'confirm-group-proposal'],
      now,
    );
    switch (opened.link.purpose) {
      case 'confirm-registration':
        return registrationLink(
          request,
          { ...opened, link: { ...opened.link, purpose: 'confirm-registration' } },
          now,
        );
      case 'confirm-join-request':
        return joinRequestLink(
          request,
          { ...opened, link: { ...opened.link, purpose: 'confirm-join-request' } },
          now,
        );
      case 'confirm-group-proposal':
        return groupProposalLink(
          request,
          { ...opened, link: { ...opened.link, purpose: 'confirm-group-proposal' } },
          now,
        );
    }
  },
  { body: 'none', routes },
);
