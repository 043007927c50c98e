import { httpHandler } from '../../shared/http/middleware.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';
import { json } from '../../shared/http/responses.ts';

/** Built once per container: the document only changes with a deploy. */
let document: string | undefined;

export const handler = httpHandler(
  async () => {
    document ??= JSON.stringify(openApiDocument());
    return { ...json(200, null, { 'cache-control': 'public, max-age=300' }), body: document };
  },
  { body: 'none' },
);
