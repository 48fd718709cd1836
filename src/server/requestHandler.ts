import type { IncomingMessage, ServerResponse } from 'node:http'

import type { BodyLimits } from '../security/bodyLimits'
import { writeClientAddress } from '../security/clientIp'
import { limitNodeRequestBody } from './bodyLimit'
import { answerEarlyNode } from './earlyAnswers'
import { publishedReadHandler, type RequestHandler } from './publishedReads/handler'
import { CACHE_HEADER } from './publishedReads/http'
import { PUBLISHED_READ_ROUTES } from './publishedReads/routes'

/** `trustedProxies`: how many proxies' X-Forwarded-For entries to believe (0 = the socket's peer). */
export type HubRequestHandlerOptions = { cacheBytes: number; bodyLimits: BodyLimits; trustedProxies?: number }

/**
 * What a worker of `npm start` does with each request, around Next's handler: the body cap first (before
 * anything reads the body), then the plugins' own cached answers (search, feed), then the published-read
 * cache, then Next. A failure answers 500 JSON. Separate from worker.ts so tests can run it without a build.
 */
export const hubRequestHandler = (
  next: RequestHandler,
  { cacheBytes, bodyLimits, trustedProxies = 0 }: HubRequestHandlerOptions,
) => {
  const { handle } = publishedReadHandler(next, {
    maxBytes: cacheBytes,
    routes: PUBLISHED_READ_ROUTES,
    maxGraphqlBodyBytes: bodyLimits.graphql,
  })
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const limited = await limitNodeRequestBody(req, res, bodyLimits)
    if (!limited) return
    // An early answer comes from a plugin before Next's router: a hit from its memory, as the published-read
    // cache's are, or a miss it builds itself (a feed page).
    res.setHeader(CACHE_HEADER, 'HIT')
    if (await answerEarlyNode(limited, res, () => res.setHeader(CACHE_HEADER, 'MISS'))) return
    res.removeHeader(CACHE_HEADER)
    await handle(limited, res)
  }
  return (req: IncomingMessage, res: ServerResponse): void => {
    writeClientAddress(req, trustedProxies)
    answer(req, res).catch((error: unknown) => {
      console.error(
        `Request ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`,
      )
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(res.headersSent ? undefined : JSON.stringify({ errors: [{ message: 'Internal Server Error' }] }))
    })
  }
}
