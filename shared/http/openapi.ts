import * as z from 'zod/mini';
import { documentedResponses } from './contract.ts';
import { type RouteDef, routes } from './routes.ts';

type JsonObject = Record<string, unknown>;

/**
 * OpenAPI 3.0.3 says `nullable` does not widen an `enum`: a nullable enum must list null itself, or
 * validators refuse the null that zod's `.nullable()` allows.
 */
function nullInEnums(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) nullInEnums(item);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const schema = value as JsonObject;
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null))
    schema.enum = [...schema.enum, null];
  for (const child of Object.values(schema)) nullInEnums(child);
}

/**
 * Zod emits one self-contained schema per call, with the parts that carry an id (`.meta({ id })`) under
 * `definitions`: those become shared components.
 */
function toSchema(schema: z.core.$ZodType, io: 'input' | 'output', components: JsonObject): JsonObject {
  const emitted = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  const rewritten = JSON.parse(
    JSON.stringify(emitted).replaceAll('"#/definitions/', '"#/components/schemas/'),
  ) as JsonObject & { definitions?: JsonObject };
  nullInEnums(rewritten);
  const { definitions, ...rest } = rewritten;
  Object.assign(components, definitions ?? {});
  return rest;
}

function operation(route: RouteDef, components: JsonObject): JsonObject {
  const params = route.params
    ? Object.entries(route.params._zod.def.shape).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema: toSchema(schema, 'input', components),
      }))
    : [];
  const query = route.query
    ? Object.entries(route.query._zod.def.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !z.safeParse(schema, undefined).success,
        schema: toSchema(schema, 'input', components),
      }))
    : [];
  const responses = Object.fromEntries(
    [...documentedResponses(route)].map(([status, response]) => {
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
    // Public routes say so: an operation without `security` would fall back to a global requirement.
    security: route.auth === 'coordinator' ? [{ coordinatorJwt: [] }] : [],
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
    // Relative: the document is served by the API it describes, whatever its domain or stage.
    servers: [{ url: '/', description: 'The API that serves this document (paths start with /v1)' }],
    paths,
    components: {
      schemas: components,
      securitySchemes: { coordinatorJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
