import { expect } from 'vitest';
import { type TestStack, uniqueEmail } from './local-stack.ts';
import { linkIn } from './table.ts';

/**
 * A confirmed registration made the way a person makes one: the form post, the emailed link, the button.
 * Returns the address.
 */
export async function registerAndConfirm(
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
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const registered = await stack.api(`/v1/networks/${networkId}/interest`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(body),
  });
  expect(registered.status).toBe(202);
  const mail = await stack.waitForEmailTo(email, (m) => m.body.text?.includes('/v1/confirm/') ?? false);
  const confirmed = await stack.api(`/v1/confirm/${linkIn(mail.body.text).token}`, {
    method: 'POST',
    headers: json,
    body: '{}',
  });
  expect(confirmed.status).toBe(200);
  return email;
}
