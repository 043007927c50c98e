import type { Network } from '../domain/network.ts';
import { decideOnConfirm, type Registration, receiptDedupeKey } from '../domain/registration.ts';
import { logger, redactError } from '../logger.ts';
import { composeRegistrationReceipt } from '../mail/registration.ts';
import { mail } from '../mail/render.ts';
import { sendOnce } from '../notify.ts';
import { getNetwork } from '../store/networks.ts';
import { recordConfirmedConsent } from '../store/people.ts';
import { confirmRegistrationWithToken, getRegistration } from '../store/registrations.ts';

/*
 * What happens when a person confirms their interest registration by the emailed link: the confirmation
 * is stored once, their consent recorded, and the receipt follows.
 */

/** The receipt follows the confirmation; if SES fails now, pressing the button again sends it. */
async function sendReceipt(registration: Registration, networkName: string, timeZone: string): Promise<void> {
  try {
    await sendOnce({
      dedupeKey: receiptDedupeKey(registration),
      to: registration.email,
      language: registration.language,
      member: { networkId: registration.networkId, category: 'transactional' },
      message: () =>
        mail(composeRegistrationReceipt, {
          recipientName: registration.name,
          networkName,
          topics: registration.topics,
          timeZone,
        }),
    });
  } catch (error) {
    logger.warn('receipt not sent; it is sent when the link is used again', redactError(error as Error));
  }
}

/** What opening or pressing a registration's confirmation link came to. */
export type RegistrationConfirmation =
  | { outcome: 'confirmed' }
  | { outcome: 'already-confirmed' }
  /** A GET of a live link: the page with the button to press. */
  | { outcome: 'awaiting-confirmation' }
  | { outcome: 'registration-expired' }
  | { outcome: 'link-expired' };

/**
 * The confirmation link of an interest registration, opened (GET, which changes nothing) or pressed.
 * Idempotent: a second press is "already confirmed". Undefined when the network or registration is gone.
 */
export async function confirmRegistration(
  link: { networkId: string; registrationId: string; tokenHash: string; usedAt?: string; validUntil: string },
  pressed: boolean,
  now: Date,
): Promise<{ network: Network; confirmation: RegistrationConfirmation } | undefined> {
  const [network, registration] = await Promise.all([
    getNetwork(link.networkId),
    getRegistration(link.networkId, link.registrationId),
  ]);
  if (!network || !registration) return undefined;
  const answer = (outcome: RegistrationConfirmation['outcome']) => ({ network, confirmation: { outcome } });

  if (!pressed) {
    const decision = decideOnConfirm(registration, now);
    if (decision === 'already-confirmed') return answer('already-confirmed');
    if (decision === 'expired') return answer('registration-expired');
    if (link.usedAt || Date.parse(link.validUntil) <= now.getTime()) return answer('link-expired');
    return answer('awaiting-confirmation');
  }

  const outcome = await confirmRegistrationWithToken(link.tokenHash, network.id, registration.id, now);
  if (outcome === 'confirmed') {
    logger.info('registration confirmed', { networkId: network.id, registrationId: registration.id });
    await recordConfirmedConsent(registration, 'interest', now);
    await sendReceipt(registration, network.name, network.timeZone);
    return answer('confirmed');
  }
  const current = (await getRegistration(network.id, registration.id)) ?? registration;
  const decision = decideOnConfirm(current, now);
  if (decision === 'already-confirmed') {
    await sendReceipt(current, network.name, network.timeZone);
    return answer('already-confirmed');
  }
  return answer(decision === 'expired' ? 'registration-expired' : 'link-expired');
}
