import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';

/**
 * Every item of a test's table. A full Scan is fine here, and only here: tests use it to prove that a
 * request stored nothing (or changed nothing), which no access pattern of the product can show.
 */
export async function allItems(tableName: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}

/** The first link to `path` in an email's text, and the token at its end. */
export function linkIn(text: string | undefined, path = '/v1/confirm/'): { url: string; token: string } {
  const match = (text ?? '').match(new RegExp(`https?://\\S+${path.replaceAll('/', '\\/')}([A-Za-z0-9_-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in the email`);
  return { url: match[0], token: match[1] };
}
