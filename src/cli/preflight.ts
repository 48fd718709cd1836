import { DatabaseConfigError } from '../database/resolve'
import { prepareDatabase, type PreparedDatabase } from '../database/embedded'
import { preloadLexical } from '../preloadLexical'
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
 * Chooses the database, then opens Payload once with it so a bad DATABASE_URI, an unreachable
 * server or a missing production secret stops start-up here, in seconds, with one clear line.
 */
export const preflight = async (): Promise<PreparedDatabase> => {
  let prepared: PreparedDatabase | undefined
  try {
    prepared = await prepareDatabase()
    console.log(prepared.description)
    const level = process.env.LOG_LEVEL
    process.env.LOG_LEVEL = 'silent'
    await preloadLexical()
    const { getPayload } = await import('payload')
    const { default: config } = await import('../../payload.config')
    const payload = await getPayload({ config })
    await payload.destroy()
    if (level === undefined) delete process.env.LOG_LEVEL
    else process.env.LOG_LEVEL = level
    return prepared
  } catch (error) {
    console.error(`Cannot start the hub: ${explainStartupError(error)}`)
    await prepared?.stop()
    process.exit(1)
  }
}
