import type { Registration } from '../../shared/domain/registration.ts';
import { hasFilter, registrationMatcher } from '../../shared/domain/registration-list.ts';
import {
  decodeCursor,
  encodeCursor,
  exportFileName,
  registrationListItem,
  registrationsCsv,
} from '../../shared/http/admin-registrations.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { byRoute } from '../../shared/http/dispatch.ts';
import { notFound } from '../../shared/http/errors.ts';
import { RegistrationExportQuery, RegistrationQuery } from '../../shared/http/registration-schemas.ts';
import type { ApiRequest } from '../../shared/http/request.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/admin-registrations.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { listRegistrations } from '../../shared/store/registrations.ts';

async function networkOf(request: ApiRequest) {
  const network = await getNetwork(request.params.networkId ?? '');
  if (!network) throw notFound('network_not_found');
  return network;
}

const options = { body: 'none', access: 'network', routes } as const;

/** A network's registrations of interest: a page at a time, or all that match as a file for Excel. */
export const handler = byRoute({
  /** One page, filtered, with a cursor to the next. */
  'GET /v1/admin/networks/{networkId}/registrations': coordinatorHandler(async (request) => {
    const language = request.language ?? 'en';
    const query = validate(RegistrationQuery, request.event.queryStringParameters ?? {}, language);
    const after = decodeCursor(query.cursor, language);
    const network = await networkOf(request);
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
  }, options),
  /** Every matching registration, as CSV. */
  'GET /v1/admin/networks/{networkId}/registrations.csv': coordinatorHandler(async (request) => {
    const language = request.language ?? 'en';
    const query = validate(RegistrationExportQuery, request.event.queryStringParameters ?? {}, language);
    const network = await networkOf(request);
    const now = new Date();
    const keep = hasFilter(query) ? registrationMatcher(query, now) : undefined;
    const all: Registration[] = [];
    let after: string | undefined;
    do {
      const page = await listRegistrations(
        network.id,
        { limit: 1000, ...(after === undefined ? {} : { after }) },
        keep,
      );
      all.push(...page.items);
      after = page.next;
    } while (after !== undefined);
    logger.info('registrations exported', { networkId: network.id, count: all.length });
    return {
      ...json(200, null, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${exportFileName(network.id, now)}"`,
      }),
      body: registrationsCsv(all, network, language, now),
    };
  }, options),
});
