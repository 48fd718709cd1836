import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

import type { PreparedDatabase } from '../database/embedded'

const require = createRequire(import.meta.url)

/**
 * Runs the Next.js CLI with the prepared DATABASE_URI, and stops the embedded database after it; `then`
 * runs after a successful exit and gives the exit code.
 */
export const runNext = (args: string[], database?: PreparedDatabase, then?: () => Promise<number>): void => {
  const nextBin = require.resolve('next/dist/bin/next')
  const child = spawn(process.execPath, [nextBin, ...args], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      // The server (not the build) runs Payload's jobs queue: scheduled publishing (src/jobs.ts).
      HUB_JOBS_AUTORUN: args[0] === 'build' ? '0' : (process.env.HUB_JOBS_AUTORUN ?? '1'),
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' '),
    },
  })
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal)
  process.on('SIGINT', forward('SIGINT'))
  process.on('SIGTERM', forward('SIGTERM'))
  child.on('exit', async (code, signal) => {
    await database?.stop()
    const status = code ?? (signal ? 1 : 0)
    process.exit(status === 0 && then ? await then() : status)
  })
}
