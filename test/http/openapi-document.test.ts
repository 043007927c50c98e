import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiJson } from '../../functions/openapi/document.ts';
import { handler } from '../../functions/openapi/handler.ts';
import { documentModule, renderOpenApiModule } from '../../infra/tools/openapi-document.ts';
import { conformer } from '../../shared/http/contract.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { json } from '../../shared/http/responses.ts';
import { routes } from '../../shared/http/routes/openapi.ts';

/*
 * GET /v1/openapi.json serves a document generated ahead of time (functions/openapi/document.ts): it must
 * be the one the route table generates now, answered as every JSON answer is.
 */
describe('the served OpenAPI document', () => {
  it('is the document the route table generates', () => {
    expect(JSON.parse(openApiJson)).toEqual(openApiDocument());
    expect(openApiJson).toBe(JSON.stringify(openApiDocument()));
  });

  it('is committed as `npm run openapi:document` writes it', () => {
    expect(readFileSync(documentModule, 'utf8')).toBe(renderOpenApiModule());
  });

  it('is answered with the headers of every JSON answer, cacheable for five minutes', async () => {
    const result = await handler();
    expect(result).toEqual({
      ...json(200, null, { 'cache-control': 'public, max-age=300' }),
      body: openApiJson,
    });
  });

  it('is an answer the document itself describes', async () => {
    const verdict = conformer(routes)('GET /v1/openapi.json', await handler());
    expect(verdict).toHaveProperty('ok');
    if ('ok' in verdict) expect(JSON.parse(verdict.ok.body ?? '')).toEqual(openApiDocument());
  });

  it('is a fresh answer each time: a caller changing one changes no other', async () => {
    const first = await handler();
    (first.headers as Record<string, string>)['cache-control'] = 'no-store';
    expect((await handler()).headers).toHaveProperty('cache-control', 'public, max-age=300');
  });
});
