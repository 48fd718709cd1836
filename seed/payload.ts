import { open, stat, unlink } from 'node:fs/promises'

import type { Payload } from 'payload'

import { preloadLexical } from '../src/preloadLexical'

/* Starting Payload for the seed command, from payload.config, once the database is chosen. */

const INIT_LOCK_WAIT_MS = 60_000

/**
 * Runs `start` while holding a lock file next to a SQLite database, so two seeds started at once do not
 * both push the development schema into a new file (Payload then prompts, and exits without a terminal).
 */
const withSqliteInitLock = async <T>(start: () => Promise<T>): Promise<T> => {
  const url = process.env.DATABASE_URI ?? ''
  if (!url.startsWith('file:')) return start()
  const lock = `${url.slice('file:'.length)}.seed-init.lock`
  const deadline = Date.now() + INIT_LOCK_WAIT_MS
  for (;;) {
    try {
      await (await open(lock, 'wx')).close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return start()
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      )
      if (age > INIT_LOCK_WAIT_MS || Date.now() > deadline) await unlink(lock).catch(() => {})
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  try {
    return await start()
  } finally {
    await unlink(lock).catch(() => {})
  }
}

export { preloadLexical }

export const startPayload = async (): Promise<Payload> => {
  process.env.LOG_LEVEL ??= 'error'
  const hmr = process.env.DISABLE_PAYLOAD_HMR
  // No Next.js dev server to listen to; restored so a dev server started later keeps hot reload.
  process.env.DISABLE_PAYLOAD_HMR = 'true'
  try {
    await preloadLexical()
    const { getPayload } = await import('payload')
    const { default: config } = await import('../payload.config')
    // Its own cache key: a caller may have destroyed the default instance (src/cli/preflight.ts does).
    return await withSqliteInitLock(() =>
      getPayload({ config, key: `seed-${process.pid}-${Date.now()}` } as Parameters<typeof getPayload>[0]),
    )
  } finally {
    if (hmr === undefined) delete process.env.DISABLE_PAYLOAD_HMR
    else process.env.DISABLE_PAYLOAD_HMR = hmr
  }
}
