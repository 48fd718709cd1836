import cluster, { type Worker } from 'node:cluster'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { heapFlags, type ServerSettings } from './settings'

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * glibc's allocator settings for the workers, unless the operator set them. By default each of a worker's
 * 16 threads may get its own arena, and large buffers freed after the start-up read stay in them: at
 * 100,000 items, two arenas and fixed mmap/trim thresholds hold ~40 MB less (no effect on other libcs).
 */
export const allocatorEnv = (env: NodeJS.ProcessEnv): Record<string, string> => ({
  MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
  MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? '262144',
  MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ ?? '1048576',
})

/**
 * Forks `settings.workers` workers that share the port (the primary hands out connections). Each has
 * its own Next server and cache, kept coherent with the others by the feed journal's poll. A worker that
 * dies unexpectedly is replaced (the jobs worker by a new jobs worker); SIGTERM/SIGINT stop them all gracefully, then `onStopped` runs.
 */
export const runCluster = (settings: ServerSettings, onStopped: (code: number) => Promise<void>): void => {
  cluster.setupPrimary({
    // Beside this module: workerMain.ts under tsx, workerMain.mjs in the build (.next/hub).
    exec: path.join(here, `workerMain${path.extname(fileURLToPath(import.meta.url))}`),
    execArgv: [...process.execArgv, '--no-deprecation', ...heapFlags(settings.heap)],
    args: [JSON.stringify(settings)],
  })
  let stopping = false
  let started = 0
  // Exactly one worker runs Payload's jobs queue (scheduled publishing, src/jobs.ts): with more, two
  // workers would race for the same job; with none, a scheduled publish never goes out.
  const runsJobs = process.env.HUB_JOBS_AUTORUN ?? '1'
  let jobsWorker: Worker | undefined
  const fork = (): Worker => {
    const takesJobs = !jobsWorker || jobsWorker.isDead()
    const worker = cluster.fork({
      ...allocatorEnv(process.env),
      NEXT_TELEMETRY_DISABLED: '1',
      HUB_JOBS_AUTORUN: takesJobs ? runsJobs : '0',
    })
    if (takesJobs) jobsWorker = worker
    return worker
  }
  for (let i = 0; i < settings.workers; i += 1) fork()

  cluster.on('listening', () => {
    started += 1
    if (started === settings.workers) {
      const host = settings.hostname ?? 'localhost'
      console.log(
        `Hub ready on http://${host}:${settings.port} (${settings.workers} worker${settings.workers > 1 ? 's' : ''})`,
      )
    }
  })
  let failed = false
  cluster.on('exit', (worker, code, signal) => {
    if (!stopping) {
      if (started >= settings.workers) {
        console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another`)
        fork()
        return
      }
      // Dying during start-up is a configuration problem: restarting would loop.
      failed = true
      stopping = true
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM')
    }
    const alive = Object.values(cluster.workers ?? {}).filter((other) => other && !other.isDead())
    if (alive.length === 0) void onStopped(failed ? 1 : 0)
  })

  const stop = () => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
