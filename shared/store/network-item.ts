import type { Network } from '../domain/network.ts';
import { keys } from './keys.ts';

/**
 * The stored form of a network. Kept apart from the repository so the CDK app can seed the networks named
 * in cdk.json without loading an SDK client.
 */
export function networkItem(network: Network, createdAt?: string): Record<string, unknown> {
  return {
    ...keys.network(network.id),
    ...keys.networkIndex(network.id),
    type: 'network',
    ...network,
    ...(createdAt ? { createdAt } : {}),
  };
}

/** A stored network as the domain sees it; items from before a field existed get its default. */
export function networkFromItem(item: Record<string, unknown>): Network {
  const {
    id,
    name,
    languages,
    coordinators,
    thankYouUrl,
    timeZone,
    memberDomains,
    meetingReminders,
    evaluation,
    digest,
    coordinatorLanguages,
    lastDigestAt,
  } = item as Partial<Network>;
  return {
    id: id ?? '',
    name: name ?? '',
    languages: languages ?? [],
    coordinators: coordinators ?? [],
    ...(thankYouUrl ? { thankYouUrl } : {}),
    timeZone: timeZone ?? 'Europe/Stockholm',
    memberDomains: memberDomains ?? [],
    ...(meetingReminders ? { meetingReminders } : {}),
    ...(evaluation ? { evaluation } : {}),
    ...(digest ? { digest } : {}),
    ...(coordinatorLanguages ? { coordinatorLanguages } : {}),
    ...(lastDigestAt ? { lastDigestAt } : {}),
  };
}
