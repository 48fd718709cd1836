import fs from 'node:fs'
import path from 'node:path'

import {
  DatabaseConfigError,
  defaultDataDir,
  EMBEDDED_MONGODB_DIR,
  embeddedSqliteUrl,
  existingEmbeddedEngine,
  parseDatabaseUri,
  redactUrl,
  type DatabaseChoice,
} from './resolve'

export type PreparedDatabase = DatabaseChoice & {
  /** One line for the console: engine, location, how to choose another. */
  description: string
  stop: () => Promise<void>
}

const MONGOD_START_TIMEOUT_MS = 20_000

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms).unref()),
  ])

/** Starts mongod from mongodb-memory-server with its files on disk, or explains why it could not. */
const startEmbeddedMongo = async (dataDir: string) => {
  const dbPath = path.join(dataDir, EMBEDDED_MONGODB_DIR)
  fs.mkdirSync(dbPath, { recursive: true })
  // Offline, the binary download fails on DNS at once: one attempt is enough to know.
  process.env.MONGOMS_MAX_RETRIES ??= '1'
  const { MongoMemoryServer } = await import('mongodb-memory-server')
  // mongodb-memory-server prints a stack trace on failure; we report one line instead.
  const warn = console.warn
  console.warn = () => {}
  const server = await withTimeout(
    MongoMemoryServer.create({ instance: { dbPath, storageEngine: 'wiredTiger', dbName: 'hub' } }),
    MONGOD_START_TIMEOUT_MS,
    'starting mongod',
  ).finally(() => {
    console.warn = warn
  })
  return { url: server.getUri('hub'), dbPath, stop: async () => void (await server.stop({ doCleanup: false })) }
}

const describeMongodFailure = (error: unknown): string => {
  const detail = (error as { msg?: unknown })?.msg
  if (typeof detail === 'string') return `mongod download failed: ${detail}`
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error'
}

const removeIfEmpty = (dir: string) => {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir)
}

const HOW_TO_CHOOSE = 'set DATABASE_URI=mongodb://… for MongoDB or DATABASE_URI=file:./path.sqlite for SQLite'

/**
 * Decides the engine for a process that serves or seeds the hub and exports it as
 * DATABASE_URI, so payload.config.ts (here or in a child process) sees the same choice.
 * Unset DATABASE_URI means the embedded default: MongoDB via mongodb-memory-server when a
 * mongod binary can be had, SQLite otherwise; whatever `.data/` already holds wins.
 */
export const prepareDatabase = async (
  log: (line: string) => void = (line) => console.log(line),
): Promise<PreparedDatabase> => {
  const configured = process.env.DATABASE_URI?.trim()
  if (configured) {
    const choice = parseDatabaseUri(configured)
    return {
      ...choice,
      description: `Database: ${choice.engine} at ${redactUrl(choice.url)} (from DATABASE_URI)`,
      stop: async () => {},
    }
  }

  const dataDir = defaultDataDir()
  fs.mkdirSync(dataDir, { recursive: true })
  const existing = existingEmbeddedEngine(dataDir)
  const sqlite = (reason: string): PreparedDatabase => {
    const url = embeddedSqliteUrl(dataDir)
    process.env.DATABASE_URI = url
    return {
      engine: 'sqlite',
      url,
      origin: 'embedded',
      description: `Database: embedded SQLite at ${url.slice('file:'.length)} (${reason}); to choose another, ${HOW_TO_CHOOSE}`,
      stop: async () => {},
    }
  }

  if (existing === 'sqlite') return sqlite('.data/ already holds a SQLite database')
  if (process.env.HUB_EMBEDDED_ENGINE === 'sqlite') return sqlite('HUB_EMBEDDED_ENGINE=sqlite')

  try {
    const mongo = await startEmbeddedMongo(dataDir)
    process.env.DATABASE_URI = mongo.url
    return {
      engine: 'mongodb',
      url: mongo.url,
      origin: 'embedded',
      description: `Database: embedded MongoDB (mongodb-memory-server) with data in ${mongo.dbPath}; to choose another, ${HOW_TO_CHOOSE}`,
      stop: mongo.stop,
    }
  } catch (error) {
    const reason = describeMongodFailure(error)
    if (existing === 'mongodb') {
      throw new DatabaseConfigError(
        `.data/mongodb holds a MongoDB database but mongod could not start (${reason}); set MONGOMS_SYSTEM_BINARY to a mongod binary, or ${HOW_TO_CHOOSE}`,
      )
    }
    removeIfEmpty(path.join(dataDir, EMBEDDED_MONGODB_DIR))
    log(`No mongod binary available (${reason}); falling back to embedded SQLite.`)
    return sqlite('no mongod binary could be found or downloaded')
  }
}
