import type { TextField } from 'payload'

/** Name of the field where the seed remembers what it last wrote to a record. */
export const SEED_FINGERPRINT = 'seedFingerprint'

/**
 * Where the seed import remembers, per record, a hash of the values it wrote. On the next run a
 * record whose current values no longer hash to it was edited by someone, and the import leaves it
 * alone unless `--force`. Hidden: never in the admin, REST, GraphQL or the feed; the import reads it
 * with `showHiddenFields`. Not localized. Records created by editors have none.
 */
export const seedFingerprintField = (): TextField => ({
  name: SEED_FINGERPRINT,
  type: 'text',
  hidden: true,
  // Only the seed reads it, through the Local API with overrideAccess.
  access: { read: () => false },
  admin: { disabled: true },
})
