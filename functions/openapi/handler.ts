import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { openApiJson } from './document.ts';

/*
 * The document is generated ahead of time (`npm run openapi:document`; CI checks it is current), so this
 * function carries no route table, no zod and no middleware. It takes no input and nothing in it can
 * fail: every request gets the same answer, and a crash of the function itself is API Gateway's
 * documented 500. The headers are those json() in shared/http/responses.ts gives every JSON answer
 * (test/http/openapi-document.test.ts holds them equal), written out because responses.ts brings the
 * pages along; cacheable, since the document only changes with a deploy.
 */
const headers = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'public, max-age=300',
};

export const handler = async (): Promise<APIGatewayProxyStructuredResultV2> => ({
  statusCode: 200,
  headers: { ...headers },
  body: openApiJson,
});
