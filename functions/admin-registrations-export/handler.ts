import type { Registration } from '../../shared/domain/registration.ts';
import { hasFilter, registrationMatcher } from '../../shared/domain/registration-list.ts';
import { exportFileName, registrationsCsv } from '../../shared/http/admin-registrations.ts';
import { RegistrationExportQuery } from '../../shared/http/admin-schemas.ts';
import { coordinatorHandler } from '../../shared/http/auth.ts';
import { notFound } from '../../shared/http/errors.ts';
import { json } from '../../shared/http/responses.ts';
import { validate } from '../../shared/http/validation.ts';
import { logger } from '../../shared/logger.ts';
import { getNetwork } from '../../shared/store/networks.ts';
import { listRegistrations } from '../../shared/store/registrations.ts';

/** GET /v1/admin/networks/{networkId}/registrations.csv: every matching registration, for Excel. */
export const handler = coordinatorHandler(
  async (request) => {
    const language = request.language ?? 'en';
    const query = validate(RegistrationExportQuery, request.event.queryStringParameters ?? {}, language);
    const network = await getNetwork(request.params.networkId ?? '');
    if (!network) throw notFound('network_not_found');
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
  },
  { body: 'none', access: 'network' },
);
