import { openLink } from '../../shared/http/link-request.ts';
import { httpHandler } from '../../shared/http/middleware.ts';
import { joinRequestLink } from './join-request.ts';
import { registrationLink } from './registration.ts';

/**
 * `/v1/confirm/{token}`: the double opt-in links. GET only shows a page with a button: mail scanners and
 * link previews follow GETs and must not confirm anything. POST confirms, and is safe to repeat.
 */
export const handler = httpHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, ['confirm-registration', 'confirm-join-request'], now);
    return opened.link.purpose === 'confirm-registration'
      ? registrationLink(
          request,
          { ...opened, link: { ...opened.link, purpose: 'confirm-registration' } },
          now,
        )
      : joinRequestLink(
          request,
          { ...opened, link: { ...opened.link, purpose: 'confirm-join-request' } },
          now,
        );
  },
  { body: 'none' },
);
