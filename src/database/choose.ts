import {
  DatabaseConfigError,
  defaultDataDir,
  embeddedSqliteUrl,
  existingEmbeddedEngine,
  parseDatabaseUri,
  type DatabaseChoice,
} from './resolve'

/**
 * The engine payload.config.ts uses. Synchronous: it never starts a server.
 * `npm run dev` / `start` / `seed` first run `prepareDatabase()`, which may start an
 * embedded mongod and export its URL as DATABASE_URI; everything else lands here.
 */
export const chooseDatabase = (env: NodeJS.ProcessEnv = process.env): DatabaseChoice => {
  if (env.DATABASE_URI && env.DATABASE_URI.trim() !== '') return parseDatabaseUri(env.DATABASE_URI)
  const dataDir = defaultDataDir()
  if (existingEmbeddedEngine(dataDir) === 'mongodb') {
    throw new DatabaseConfigError(
      `${dataDir}/mongodb holds an embedded MongoDB database; start the hub with "npm run dev" (it starts mongod) or set DATABASE_URI`,
    )
  }
  return { engine: 'sqlite', url: embeddedSqliteUrl(dataDir), origin: 'embedded' }
}
