import type { Network } from '../domain/network.ts';
import { keys } from './keys.ts';

/**
 * The stored form of a network. Kept apart from the repository so the CDK app can seed the networks named
 * in cdk.json without loading an SDK client.
 */
export function networkItem(network: Network, createdAt?: string): Record<string, unknown> {
  return { ...keys.network(network.id), type: 'network', ...network, ...(createdAt ? { createdAt } : {}) };
}
