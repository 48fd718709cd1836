/** Writing a parsed corpus into the hub through Payload's Local API. */
export {
  importCorpus,
  SeedImportError,
  type CollectionCounts,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
} from './importCorpus'
export { SEED_COLLECTIONS, type SeedCollection, type SeedRecord } from './records'
export { upsertRecord, type Outcome, type RecordResult } from './upsert'
