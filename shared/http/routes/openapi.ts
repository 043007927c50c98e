import { OpenApiDocumentSchema } from '../openapi-schemas.ts';
import type { RouteDef } from './common.ts';

/** The routes functions/openapi/handler.ts serves: its handler conforms its answers to these alone. */
export const routes: readonly RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'openapi',
    auth: 'public',
    operationId: 'openapi',
    summary: 'This API described as OpenAPI 3, generated from the request schemas',
    responses: { 200: { description: 'The OpenAPI document', json: OpenApiDocumentSchema } },
  },
];
