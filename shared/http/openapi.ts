import * as z from 'zod';
import { type RouteDef, routes } from './routes.ts';
import { ErrorResponse } from './schemas.ts';

type JsonObject = Record<string, unknown>;

/**
 * Zod emits one self-contained schema per call, with the parts that carry an id (`.meta({ id })`) under
 * `definitions`: those become shared components.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: JsonObject): JsonObject {
  const emitted = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  const rewritten = JSON.parse(
    JSON.stringify(emitted).replaceAll('"#/definitions/', '"#/components/schemas/'),
  ) as JsonObject & { definitions?: JsonObject };
  const { definitions, ...rest } = rewritten;
  Object.assign(components, definitions ?? {});
  return rest;
}

function operation(route: RouteDef, components: JsonObject): JsonObject {
  const params = route.params
    ? Object.entries(route.params.shape).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema: toSchema(schema as z.ZodType, 'input', components),
      }))
    : [];
  const query = route.query
    ? Object.entries(route.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: toSchema(schema as z.ZodType, 'input', components),
      }))
    : [];
  // Every coordinator route answers these the same way: stated once here, not on each route.
  const guarded =
    route.auth === 'coordinator'
      ? {
          401: { description: 'No valid coordinator token (the JWT authorizer’s own answer)' },
          403: {
            description: route.adminOnly ? 'Only for samla admins' : 'You do not coordinate this network',
            json: ErrorResponse,
          },
        }
      : {};
  const responses = Object.fromEntries(
    Object.entries({ ...guarded, ...route.responses }).map(([status, response]) => {
      const content: JsonObject = {};
      if (response.json)
        content['application/json'] = { schema: toSchema(response.json, 'output', components) };
      if (response.html) content['text/html'] = { schema: { type: 'string' } };
      if (response.csv) content['text/csv'] = { schema: { type: 'string' } };
      return [
        status,
        { description: response.description, ...(Object.keys(content).length > 0 ? { content } : {}) },
      ];
    }),
  );
  const body = route.body
    ? {
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: toSchema(route.body, 'input', components) },
            'application/x-www-form-urlencoded': { schema: toSchema(route.body, 'input', components) },
          },
        },
      }
    : {};
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.auth === 'coordinator' ? { security: [{ coordinatorJwt: [] }] } : {}),
    parameters: [...params, ...query],
    ...body,
    responses,
  };
}

/** The OpenAPI 3.0 document of the public contract, built from the route table and its zod schemas. */
export function openApiDocument(): JsonObject {
  const components: JsonObject = {};
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, components) };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'samla',
      version: '1',
      description:
        'Interest registrations, groups, meetings and evaluations for professional learning networks. Errors are { error: { code, message, fields } } in the request’s language.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: { coordinatorJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
