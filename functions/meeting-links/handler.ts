import type { Group, JoinRequest } from '../../shared/domain/group.ts';
import {
  answerLinkReopened,
  introducerMarkLapses,
  type Meeting,
  rsvpLinkRefusal,
} from '../../shared/domain/meeting.ts';
import type { Network } from '../../shared/domain/network.ts';
import { gone, notFound } from '../../shared/http/errors.ts';
import { isGet, type OpenedLink, openLink } from '../../shared/http/link-request.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { type ApiRequest, prefersJson } from '../../shared/http/request.ts';
import { type ApiResult, html, json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/meeting-links.ts';
import { actionPage, resultPage } from '../../shared/pages/pages.ts';
import { passSeatOn } from '../../shared/services/membership.ts';
import { getGroup } from '../../shared/store/groups.ts';
import { getJoinRequest } from '../../shared/store/join-requests.ts';
import { getMeeting, getParticipation, recordRsvp, updateMeeting } from '../../shared/store/meetings.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { touchPerson } from '../../shared/store/people.ts';
import type { TokenPurpose } from '../../shared/store/tokens.ts';
import { startOfferWorkflow } from '../../shared/workflows/offers.ts';

type Purpose = Extract<TokenPurpose, 'rsvp-yes' | 'rsvp-no' | 'rsvp-no-series'>;
const purposes: Purpose[] = ['rsvp-yes', 'rsvp-no', 'rsvp-no-series'];

const recorded = {
  'rsvp-yes': 'rsvp-recorded-yes',
  'rsvp-no': 'rsvp-recorded-no',
  'rsvp-no-series': 'rsvp-recorded-no-series',
} as const;

interface Context {
  request: ApiRequest;
  opened: OpenedLink<Purpose>;
  network: Network;
  group: Group;
  member: JoinRequest;
  meeting: Meeting | undefined;
}

function page(c: Context, done: boolean): ApiResult {
  const purpose = c.opened.link.purpose;
  if (done && prefersJson(c.request.event.headers?.accept)) return json(200, { result: recorded[purpose] });
  const common = {
    language: c.opened.link.language,
    networkName: c.network.name,
    groupTitle: c.group.title,
    ...(c.meeting ? { meetingStartsAt: new Date(c.meeting.startsAt), timeZone: c.meeting.timeZone } : {}),
  };
  return html(
    200,
    done
      ? resultPage({ ...common, kind: recorded[purpose] })
      : actionPage({ ...common, kind: purpose, actionUrl: c.opened.token }),
  );
}

/**
 * `/v1/rsvp/{token}`: the answer links in meeting emails (unsubscribing is functions/unsubscribe). GET
 * shows a page with one button and changes nothing. "Can't come to the rest of the series" gives the seat
 * up (the first on the waitlist is offered it); "can't come this time" only records the absence.
 */
export const handler = publicHandler(
  async (request) => {
    const now = new Date();
    const opened = await openLink(request, purposes, now);
    const { link } = opened;
    const groupId = link.groupId ?? '';
    const [network, group, member, meeting] = await Promise.all([
      getNetwork(link.networkId),
      getGroup(groupId),
      getJoinRequest(groupId, link.subjectId),
      link.meetingId ? getMeeting(groupId, link.meetingId) : Promise.resolve(undefined),
    ]);
    if (!network || !group || !member) throw notFound('link_not_found');
    const c: Context = { request, opened, network, group, member, meeting };
    let reopened: { usedAt: string } | undefined;
    const refusal = rsvpLinkRefusal(
      { series: link.purpose === 'rsvp-no-series', used: Boolean(link.usedAt) },
      member.status,
      meeting?.status,
    );
    const refuse = () => gone(refusal === 'cancelled' ? 'meeting_cancelled' : 'link_expired');
    if (link.usedAt) {
      if (refusal) throw refuse();
      // A yes or no used before answers again once the other answer has replaced it; while its own
      // answer stands (or for the rest of the series), it shows what it did.
      const answer = link.purpose === 'rsvp-yes' ? 'yes' : 'no';
      const standing =
        meeting && link.purpose !== 'rsvp-no-series'
          ? await getParticipation(meeting.id, member.id)
          : undefined;
      if (!answerLinkReopened({ answer, usedAt: link.usedAt }, standing)) return page(c, true);
      reopened = { usedAt: link.usedAt };
    }
    // A lapsed link (the meeting has begun) says so; so does one for a meeting since cancelled, or from
    // someone no longer in the group, instead of thanking them for an answer nobody reads.
    if (Date.parse(link.validUntil) <= now.getTime()) throw gone('link_expired');
    if (refusal) throw refuse();
    if (isGet(request)) return page(c, false);

    if (link.purpose === 'rsvp-no-series') {
      const passed = await passSeatOn(network, group, member, ['approved'], now, {
        tokenHash: opened.tokenHash,
      });
      if (passed.offer) await startOfferWorkflow(passed.offer);
    } else {
      if (!meeting) throw notFound('link_not_found');
      const answer = link.purpose === 'rsvp-yes' ? 'yes' : 'no';
      await recordRsvp(meeting.id, member.id, answer, now, opened.tokenHash, reopened);
      // The workflow's next step then picks someone else, as for an introducer the rotation chose.
      if (introducerMarkLapses(meeting, member.id, answer))
        await updateMeeting(meeting, { introducerOverride: null }, now, { bumpVersion: false });
      await touchPerson(member.email, member.language, now);
    }
    return page(c, true);
  },
  { body: 'optional', routes },
);
