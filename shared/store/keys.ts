/**
 * Every key in the table is built here and nowhere else. The table is generic (`pk`, `sk`, `gsi1pk`,
 * `gsi1sk`); the prefixes say what an item is, so one Query never returns a mix by accident.
 */
export const keys = {
  network: (networkId: string) => ({ pk: `NETWORK#${networkId}`, sk: 'NETWORK' }),
  registration: (networkId: string, registrationId: string) => ({
    pk: `NETWORK#${networkId}`,
    sk: `REGISTRATION#${registrationId}`,
  }),
  /** Registrations of a network, newest first by when they were confirmed, for digests and admin lists. */
  registrationIndex: (networkId: string, confirmedAt: string) => ({
    gsi1pk: `NETWORK#${networkId}#REGISTRATIONS`,
    gsi1sk: confirmedAt,
  }),
  token: (tokenHash: string) => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  /** One item per email a workflow step sent: the dedupe key makes a retried step a no-op. */
  outbox: (dedupeKey: string) => ({ pk: `OUTBOX#${dedupeKey}`, sk: 'OUTBOX' }),
} as const;

export type ItemKey = { pk: string; sk: string };
