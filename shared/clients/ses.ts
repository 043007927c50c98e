import { SESClient } from '@aws-sdk/client-ses';

/**
 * See dynamodb.ts (and why the client is marked pure). Tests inject faults (a throttled SES) through this
 * client's middleware stack.
 */
export const ses = /* @__PURE__ */ new SESClient({});
