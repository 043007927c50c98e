import { SFNClient } from '@aws-sdk/client-sfn';

/** See dynamodb.ts. */
export const sfn = new SFNClient({});
