import { expect } from 'vitest';
import { type TestStack, uniqueEmail } from './local-stack.ts';
import { linkIn } from './table.ts';

const json = { 'content-type': 'application/json', accept: 'application/json' };

/**
 * A registration posted as the website's form posts it, left unconfirmed (its confirmation email is on
 * its way). Returns the address.
 */
export async function register(
  stack: TestStack,
  networkId: string,
  person: { name: string; email?: string; organisation?: string; topics?: string[] },
): Promise<string> {
  const email = person.email ?? uniqueEmail(person.name.toLowerCase());
  const body = {
    name: person.name,
    email,
    organisation: person.organisation ?? 'Ekskolan',
    role: 'Rektor',
    topics: person.topics ?? [],
    consent: true,
  };
  const registered = await stack.api(`/v1/networks/${networkId}/interest`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  expect(registered.status, await registered.clone().text()).toBe(202);
  return email;
}

/**
 * A confirmed registration made the way a person makes one: the form post, the emailed link, the button.
 * Returns the address.
 */
export async function registerAndConfirm(
  stack: TestStack,
  networkId: string,
  person: { name: string; email?: string; organisation?: string; topics?: string[] },
): Promise<string> {
  const email = await register(stack, networkId, person);
  const mail = await stack.waitForEmailTo(email, (m) => m.body.text?.includes('/v1/confirm/') ?? false);
  const confirmed = await stack.api(`/v1/confirm/${linkIn(mail.body.text).token}`, {
    method: 'POST',
    headers: json,
    body: '{}',
  });
  expect(confirmed.status).toBe(200);
  return email;
}
