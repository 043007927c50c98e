import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * The AWS SDK clients live in shared/clients/, one file per service, so a function bundles only the
 * services it uses. Each is created once per Lambda container, with no endpoint in code: the SDK takes
 * AWS_ENDPOINT_URL_<SERVICE> when set (the local stack) and the region's endpoint otherwise.
 */
export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
