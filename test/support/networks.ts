import { createNetworkIfMissing } from '../../shared/store/networks.ts';
import type { TestStack } from './local-stack.ts';

/**
 * A network of the test's own (sv, nb and en; members from skola.se; Stockholm time) with one
 * coordinator, and the headers of that coordinator's admin calls. For tests whose subject is what comes
 * after a network exists.
 */
export async function seedNetwork(
  stack: TestStack,
  network: { id: string; name: string; coordinator: string },
): Promise<Record<string, string>> {
  await createNetworkIfMissing({
    id: network.id,
    name: network.name,
    languages: ['sv', 'nb', 'en'],
    coordinators: [network.coordinator],
    memberDomains: ['skola.se'],
    timeZone: 'Europe/Stockholm',
  });
  return {
    authorization: `Bearer ${await stack.token({ email: network.coordinator, networks: [network.id] })}`,
    'content-type': 'application/json',
  };
}
