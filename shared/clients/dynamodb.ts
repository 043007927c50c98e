import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * The AWS SDK clients live in shared/clients/, one file per service, so a function bundles only the
 * services it uses. Each is created once per Lambda container, with no endpoint in code: the SDK takes
 * AWS_ENDPOINT_URL_<SERVICE> when set (the local stack) and the region's endpoint otherwise.
 *
 * Marked pure: creating a client changes nothing else, so a bundle in which nothing reads it (a module
 * imported for one helper, whose other exports start workflows) drops the client and its SDK package
 * instead of building it at every cold start.
 */
export const dynamo = /* @__PURE__ */ DynamoDBDocumentClient.from(/* @__PURE__ */ new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
