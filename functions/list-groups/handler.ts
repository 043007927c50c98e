import { seatsLeft } from '../../shared/domain/group.ts';
import { notFound } from '../../shared/http/errors.ts';
import { publicHandler } from '../../shared/http/public-handler.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/list-groups.ts';
import { listGroups } from '../../shared/store/groups.ts';
import { listMeetings } from '../../shared/store/meetings.ts';
import { getNetwork } from '../../shared/store/networks.ts';

/** The open groups of a network, for the join form on the organisation's website. */
export const handler = publicHandler(
  async (request) => {
    const networkId = request.params.networkId ?? '';
    const [network, groups] = await Promise.all([getNetwork(networkId), listGroups(networkId, 'open')]);
    if (!network) throw notFound('network_not_found');
    const now = Date.now();
    // One Query per open group: a network has a handful, and the answer is cached for a minute.
    const upcoming = await Promise.all(
      groups.map(async (group) =>
        (await listMeetings(group.id))
          .filter((meeting) => meeting.status === 'scheduled' && Date.parse(meeting.startsAt) > now)
          .map((meeting) => meeting.startsAt),
      ),
    );
    const body = {
      groups: groups.map((group, i) => ({
        id: group.id,
        title: group.title,
        question: group.question,
        facilitator: group.facilitator.name,
        seatsLeft: seatsLeft(group),
        mode: group.mode,
        ...(group.location && group.mode === 'in_person' ? { location: group.location } : {}),
        upcomingMeetings: upcoming[i] ?? [],
      })),
    };
    // A minute of caching: seat counts may lag that much, and a busy form page costs almost nothing.
    return json(200, body, { 'cache-control': 'public, max-age=60' });
  },
  { body: 'none', routes },
);
