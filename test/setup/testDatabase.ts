import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'

/**
 * Which engine the suite runs on: SQLite by default (it needs nothing installed),
 * MongoDB when TEST_DATABASE=mongodb (with TEST_MONGODB_URL, default mongodb://127.0.0.1:27017).
 */
export const testEngine = (): 'mongodb' | 'sqlite' => (process.env.TEST_DATABASE === 'mongodb' ? 'mongodb' : 'sqlite')

/** A database URL no other test file uses. */
export const freshDatabaseUri = (): string => {
  const id = randomUUID().replace(/-/g, '').slice(0, 16)
  if (testEngine() === 'mongodb') {
    const base = (process.env.TEST_MONGODB_URL ?? 'mongodb://127.0.0.1:27017').replace(/\/+$/, '')
    return `${base}/hub_test_${id}`
  }
  return `file:${path.join(os.tmpdir(), `hub-test-${id}.sqlite`)}`
}
