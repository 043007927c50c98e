import * as z from 'zod/mini';

/**
 * Classic zod's `.meta()` for zod/mini schemas: a copy carries the metadata (the OpenAPI document reads it),
 * so the schema it came from stays bare and can be described differently where else it is used. zod/mini's
 * own `.register()` would describe the shared schema itself, and the last description would win everywhere.
 */
export function meta<S extends z.ZodMiniType>(schema: S, data: z.core.GlobalMeta): S {
  const copy = schema.clone();
  z.globalRegistry.add(copy, data);
  return copy;
}
