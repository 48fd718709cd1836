import fs from 'node:fs'
import path from 'node:path'

export type Engine = 'mongodb' | 'sqlite'

export type DatabaseChoice = {
  engine: Engine
  /** The URL handed to the adapter: mongodb://… or file:… */
  url: string
  /** Where the choice came from, for the start-up line. */
  origin: 'DATABASE_URI' | 'embedded'
}

/** A configuration problem the user fixes by changing the environment; printed as one line. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError'
}

export const EMBEDDED_SQLITE_FILE = 'hub.sqlite'
export const EMBEDDED_MONGODB_DIR = 'mongodb'

export const defaultDataDir = (): string => path.resolve(/*turbopackIgnore: true*/ process.env.HUB_DATA_DIR ?? '.data')

/** What `.data/` already holds, so a restart never opens an empty database of the other engine. */
export const existingEmbeddedEngine = (dataDir: string): Engine | undefined => {
  const mongoDir = path.join(dataDir, EMBEDDED_MONGODB_DIR)
  if (fs.existsSync(mongoDir) && fs.readdirSync(mongoDir).some((f) => f.endsWith('.wt'))) return 'mongodb'
  if (fs.existsSync(path.join(dataDir, EMBEDDED_SQLITE_FILE))) return 'sqlite'
  return undefined
}

export const embeddedSqliteUrl = (dataDir: string): string => `file:${path.join(dataDir, EMBEDDED_SQLITE_FILE)}`

/** Maps an explicit DATABASE_URI to an engine, or explains why it cannot. */
export const parseDatabaseUri = (uri: string): DatabaseChoice => {
  const trimmed = uri.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase()
  if (scheme === 'mongodb' || scheme === 'mongodb+srv') {
    return { engine: 'mongodb', url: trimmed, origin: 'DATABASE_URI' }
  }
  if (scheme === 'file') {
    if (trimmed.length <= 'file:'.length) {
      throw new DatabaseConfigError('DATABASE_URI "file:" names no file; use e.g. file:./.data/hub.sqlite')
    }
    return { engine: 'sqlite', url: trimmed, origin: 'DATABASE_URI' }
  }
  const shown = scheme ? `scheme '${scheme}:'` : 'no scheme'
  throw new DatabaseConfigError(
    `DATABASE_URI uses ${shown}; expected mongodb://, mongodb+srv:// or file: (e.g. file:./.data/hub.sqlite)`,
  )
}

/** A safe form of a URL for logs: credentials hidden. */
export const redactUrl = (url: string): string => url.replace(/\/\/([^@/]+)@/, '//***@')
