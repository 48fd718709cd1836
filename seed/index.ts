/**
 * Seeding the hub from page dumps. `parseDocuments` (pure) turns documents into a corpus;
 * `importCorpus` writes a corpus through Payload's Local API; `runSeedCommand` is `npm run seed`.
 */
export { runSeedCommand, parseSeedArgs, type SeedCommandOptions } from './cli'
export * from './import'
export * from './parse'
export { DEFAULT_DOCUMENTS_DIR, loadManifest, readDocumentsFolder } from './read'
