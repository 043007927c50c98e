import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { routes } from '../../shared/http/routes.ts';

type Operation = {
  security?: unknown;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
const doc = openApiDocument() as { paths: Record<string, Record<string, Operation>> };
const op = (method: string, path: string) => doc.paths[path]?.[method] as Operation;

describe('the admin API in the OpenAPI document', () => {
  it('marks every coordinator route as needing the Bearer JWT, and every other as public (security: [])', () => {
    for (const route of routes) {
      const operation = op(route.method.toLowerCase(), route.path);
      if (route.auth === 'coordinator')
        expect(operation.security, route.path).toEqual([{ coordinatorJwt: [] }]);
      else expect(operation.security, route.path).toEqual([]);
    }
  });

  it('describes the filters and paging of the registration list as query parameters', () => {
    const list = op('get', '/v1/admin/networks/{networkId}/registrations');
    expect(list.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'path:networkId:true',
      'query:status:false',
      'query:topic:false',
      'query:organisation:false',
      'query:search:false',
      'query:cursor:false',
      'query:limit:false',
    ]);
    const csv = op('get', '/v1/admin/networks/{networkId}/registrations.csv');
    expect(csv.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual([
      'status',
      'topic',
      'organisation',
      'search',
    ]);
    expect(csv.responses['200']?.content).toHaveProperty('text/csv');
  });

  it('documents the network settings bodies', () => {
    expect(JSON.stringify(op('post', '/v1/admin/networks').requestBody)).toContain('CreateNetworkRequest');
    expect(JSON.stringify(op('patch', '/v1/admin/networks/{networkId}').requestBody)).toContain(
      'UpdateNetworkRequest',
    );
  });
});
