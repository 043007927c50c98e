/**
 * Child process of the bench: DynamoDB Local (Java) and the SES inbox, as test/support/global-setup.ts
 * runs them for the tests. Out of the measuring process, because in AWS neither runs in the Lambda: the
 * inbox parsing every MIME message must not count as the handler's time. Stops, Java included, when the
 * bench disconnects (also when the bench dies) or is signalled.
 */
import { startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { freePort } from '../../infra/local/ports.ts';
import { startSes } from '../../infra/local/ses.ts';

const dynamo = await startDynamoDbLocal({ port: await freePort() });
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([ses?.stop(), dynamo.stop()]);
  process.exit(code);
};
const ses = await startSes({ port: await freePort() }).catch(async (error: unknown) => {
  console.error(error);
  await stop(1);
  return undefined;
});
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
process.send?.({ dynamoEndpoint: dynamo.endpoint, sesUrl: ses?.url });
