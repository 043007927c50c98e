import type { PublicForm } from '../domain/mail-allowance.ts';
import { logger } from '../logger.ts';
import { returnMailPlace, takeMailPlace } from '../store/rate-limits.ts';

/**
 * Runs a public form's work only if the address has a place left in its allowance of unsolicited mail
 * (shared/domain/mail-allowance.ts). The place is taken before anything is written, so a refused post
 * leaves no record behind that a later repeat could mail about. `work` says whether it started a new
 * mail; when it did not (a repeat, a known or unknown address), the place is given back. When `work`
 * throws, the place stays taken: a mail may have gone out before the failure, and counting one too many
 * only ever sends less.
 *
 * A refused post answers exactly as any other (the caller does not know): the form must not tell anyone
 * that an address is known, or that a limit applies to it.
 */
export async function withMailAllowance(
  email: string,
  form: PublicForm,
  now: Date,
  work: () => Promise<boolean>,
  /** Ids for the log line (network, group): never the address. */
  context: Record<string, string> = {},
): Promise<void> {
  const place = await takeMailPlace(email, now);
  if (!place) {
    logger.info('unsolicited mail allowance used up: nothing stored or sent', { form, ...context });
    return;
  }
  if (!(await work())) await returnMailPlace(place);
}
