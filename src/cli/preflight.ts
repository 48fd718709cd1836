import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { DatabaseConfigError } from '../database/resolve'
import { prepareDatabase, type PreparedDatabase } from '../database/embedded'
import { SecretConfigError } from '../secret'

/** Turns a start-up failure into the one line a person needs, instead of a stack trace. */
export const explainStartupError = (error: unknown): string => {
  if (error instanceof DatabaseConfigError || error instanceof SecretConfigError) return error.message
  const message = error instanceof Error ? error.message : String(error)
  if (/cannot connect to MongoDB/i.test(message)) {
    const detail = /Details: (.*)$/.exec(message)?.[1] ?? message
    return `Cannot connect to MongoDB at DATABASE_URI within 3 s (${detail.split('\n')[0]}); check the server is running and reachable`
  }
  if (/SQLITE_CANTOPEN|unable to open database/i.test(message)) {
    return `Cannot open the SQLite file in DATABASE_URI (${message.split('\n')[0]}); check the folder exists and is writable`
  }
  return message.split('\n')[0] ?? 'Unknown start-up error'
}

/**
 * Chooses the database, then opens Payload once with it (in a child process: the server's primary
 * process stays small, it only hands out connections) so a bad DATABASE_URI, an unreachable server
 * or a missing production secret stops start-up here, in seconds, with one clear line.
 */
export const preflight = async (): Promise<PreparedDatabase> => {
  let prepared: PreparedDatabase | undefined
  try {
    prepared = await prepareDatabase()
    console.log(prepared.description)
  } catch (error) {
    console.error(`Cannot start the hub: ${explainStartupError(error)}`)
    await prepared?.stop()
    process.exit(1)
  }
  // Through tsx, also when this runs from the build: the check opens payload.config.ts itself.
  const check = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/cli/checkDatabase.ts')], {
    stdio: 'inherit',
    env: process.env,
  })
  if (check.status !== 0) {
    await prepared.stop()
    process.exit(1)
  }
  return prepared
}
