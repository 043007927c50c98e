import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/*
 * Every AWS SDK client, created once per Lambda container. No endpoint is set here: the SDK takes it from
 * AWS_ENDPOINT_URL_<SERVICE> when that is set (the local stack) and from the region otherwise, so the
 * code path is the same everywhere. The pure annotations let esbuild drop the clients a function does
 * not use, so each bundle carries only its own SDKs.
 */
export const dynamo = /* @__PURE__ */ DynamoDBDocumentClient.from(/* @__PURE__ */ new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export const ses = /* @__PURE__ */ new SESClient({});

export const sfn = /* @__PURE__ */ new SFNClient({});
