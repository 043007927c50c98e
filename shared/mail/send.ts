import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { ses } from '../clients/ses.ts';
import { env } from '../config.ts';
import { redactError } from '../logger.ts';

/**
 * Hands a message built by buildRawEmail to SES. The envelope recipients are explicit so that who
 * receives a message is the caller's decision, never whatever the headers happen to say. Errors
 * (throttling, a rejected address) propagate: retrying is the caller's decision too, and the store's
 * dedupe key makes a retried send safe.
 */
export async function sendRawEmail(raw: Uint8Array, destinations: string[]): Promise<{ messageId: string }> {
  if (destinations.length === 0) throw new TypeError('sendRawEmail needs at least one destination');
  const result = await ses
    .send(
      new SendRawEmailCommand({
        RawMessage: { Data: raw },
        Destinations: destinations,
        // Named on every send, so bounces and complaints are reported even for an identity created
        // outside the stack, whose default configuration set is not the stack's.
        ConfigurationSetName: env.sesConfigurationSet(),
      }),
    )
    // SES names rejected addresses in its messages; the error keeps its name, so retries still work.
    .catch((error: unknown) => {
      throw redactError(error);
    });
  if (!result.MessageId) throw new Error('SES accepted the message but returned no MessageId');
  return { messageId: result.MessageId };
}
