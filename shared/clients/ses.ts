import { SESClient } from '@aws-sdk/client-ses';

/** See dynamodb.ts. Tests inject faults (a throttled SES) through this client's middleware stack. */
export const ses = new SESClient({});
