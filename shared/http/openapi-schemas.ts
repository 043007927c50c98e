import * as z from 'zod/mini';
import { meta } from './zod-meta.ts';

/** GET /v1/openapi.json: this document (OpenAPI 3.0), whose every part is described by OpenAPI itself. */
export const OpenApiDocumentSchema = meta(
  z.looseObject({
    openapi: meta(z.string(), { example: '3.0.3' }),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.optional(z.record(z.string(), z.unknown())),
  }),
  { id: 'OpenApiDocument' },
);
