import { hasFilter, registrationMatcher } from '../../shared/domain/registration-list.ts';
import { decodeCursor, encodeCursor, registrationListItem } from '../../shared/http/admin-registrations.ts';
import { RegistrationQuery } from '../../shared/http/admin-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { listRegistrations } from '../../shared/store/registrations.ts';

/** GET /v1/admin/networks/{networkId}/registrations: one page, filtered, with a cursor to the next. */
export const handler = coordinatorHandler(
  async (request) => {
    const language = request.language ?? 'en';
    const query = validate(RegistrationQuery, request.event.queryStringParameters ?? {}, language);
    const after = decodeCursor(query.cursor, language);
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
    const now = new Date();
    const page = await listRegistrations(
      network.id,
      { limit: query.limit, ...(after === undefined ? {} : { after }) },
      hasFilter(query) ? registrationMatcher(query, now) : undefined,
    );
    return json(200, {
      items: page.items.map((registration) => registrationListItem(registration, network, now)),
      ...(page.next === undefined ? {} : { cursor: encodeCursor(page.next) }),
    });
  },
  { body: 'none', access: 'network' },
);
