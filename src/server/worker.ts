import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

import next from 'next'

import { trustClientIpHeader, writeClientAddress } from '../security/clientIp'
import { answerEarlyNode } from './earlyAnswers'
import { publishedReadHandler } from './publishedReads/handler'
import { PUBLISHED_READ_ROUTES } from './publishedReads/routes'
import type { ServerSettings } from './settings'

/** How long a stopping worker lets requests in flight finish before it exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * One worker: Next's production server in custom-server mode (static assets, admin, API routes as
 * `next start` serves them) behind the published-read cache. Stops gracefully on SIGTERM and SIGINT.
 */
export const runWorker = async (settings: ServerSettings): Promise<void> => {
  const app = next({ dev: false, dir: process.cwd(), hostname: settings.hostname, port: settings.port })
  await app.prepare()
  const nextHandler = app.getRequestHandler()
  const { handle } = publishedReadHandler((req, res) => nextHandler(req, res), {
    maxBytes: settings.cacheBytes,
    routes: PUBLISHED_READ_ROUTES,
    maxGraphqlBodyBytes: 64 * 1024,
  })

  // The plugins' own cached answers first (search, feed), then the published-read cache, then Next.
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    if (!(await answerEarlyNode(req, res))) await handle(req, res)
  }
  // The login limits (security/loginLimits.ts) read the client's address from this header, never the client's copy.
  trustClientIpHeader()
  const server = createServer((req, res) => {
    writeClientAddress(req, settings.trustedProxies)
    answer(req, res).catch((error: unknown) => {
      console.error(`Request ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(res.headersSent ? undefined : JSON.stringify({ errors: [{ message: 'Internal Server Error' }] }))
    })
  })
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
