import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { routes } from '../../shared/http/routes.ts';
import { InterestRequest } from '../../shared/http/schemas.ts';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { operationId: string; requestBody?: unknown; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as unknown as Doc;

  it('has an operation for every route in the route table, and no other', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(operations.sort()).toEqual(routes.map((r) => `${r.method} ${r.path} ${r.operationId}`).sort());
  });

  it('describes the interest form with exactly the fields the zod schema validates', () => {
    const schema = doc.components.schemas.InterestRequest;
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual(Object.keys(InterestRequest.shape).sort());
    expect(schema?.required?.sort()).toEqual(['consent', 'email', 'name', 'organisation', 'role', 'topics']);
    expect(JSON.stringify(doc.paths['/v1/networks/{networkId}/interest'])).toContain(
      '#/components/schemas/InterestRequest',
    );
  });

  it('leaves no reference dangling', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(doc.components.schemas).toHaveProperty(ref);
  });
});
