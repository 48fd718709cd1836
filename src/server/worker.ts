import { createServer } from 'node:http'

import next from 'next'

import { trustClientIpHeader } from '../security/clientIp'
import { keepHeapHeadroom } from './heapGrowth'
import { hubRequestHandler } from './requestHandler'
import type { ServerSettings } from './settings'

/** How long a stopping worker lets requests in flight finish before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * One worker: Next's production server in custom-server mode (static assets, admin, API routes as
 * `next start` serves them) behind the body caps and the published-read cache (requestHandler.ts).
 * Stops gracefully on SIGTERM and SIGINT.
 */
export const runWorker = async (settings: ServerSettings): Promise<void> => {
  // tsx turns Node's source maps on; left on, Node parses and keeps every .next chunk's map (~90 MB at
  // start-up, `next start` does not do it either).
  process.setSourceMapsEnabled(false)
  keepHeapHeadroom(settings.heap)
  const app = next({ dev: false, dir: process.cwd(), hostname: settings.hostname, port: settings.port })
  await app.prepare()
  const nextHandler = app.getRequestHandler()
  // The login limits (security/loginLimits.ts) read the client's address from a header only this server writes.
  trustClientIpHeader()
  const server = createServer(
    hubRequestHandler((req, res) => nextHandler(req, res), {
      cacheBytes: settings.cacheBytes,
      bodyLimits: settings.bodyLimits,
      trustedProxies: settings.trustedProxies,
    }),
  )
  server.keepAliveTimeout = 65_000

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(settings.port, settings.hostname, resolve)
  })
}
