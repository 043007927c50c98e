import { SFNClient } from '@aws-sdk/client-sfn';

/** See dynamodb.ts (and why the client is marked pure). */
export const sfn = /* @__PURE__ */ new SFNClient({});
