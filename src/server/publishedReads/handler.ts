import type { IncomingMessage, ServerResponse } from 'node:http'

import { type CachedAnswer, PublishedReadCache } from './cache'
import { publishedReadsChannel } from './channel'
import {
  CACHE_HEADER,
  captureAnswer,
  routeRequestOf,
  isGraphqlQueryOnly,
  readBody,
  replayRequest,
  sendCached,
  sendRouteAnswer,
} from './http'
import { readRequestOf, type ReadRoutes } from './request'
import { routeHandlerOf, slugOf } from './routeHandlers'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void

export type PublishedReadOptions = {
  /** Bytes of answers kept per worker. */
  maxBytes: number
  routes: ReadRoutes
  /** GraphQL bodies up to this size are read here to key the answer; larger ones go to Next as they came. */
  maxGraphqlBodyBytes: number
}

const isJson = (req: IncomingMessage) =>
  /^application\/(graphql-response\+)?json\b/i.test(req.headers['content-type'] ?? '')

/**
 * A Node `http` handler in front of Next's: anonymous reads of published content are answered from this
 * worker's cache (with ETag and 304) before Next's router; everything else, and every miss, goes to Next
 * and Payload unchanged, so access rules and query guards decide what a miss answers and what is stored.
 */
export const publishedReadHandler = (next: RequestHandler, options: PublishedReadOptions) => {
  const channel = publishedReadsChannel()
  const cache = new PublishedReadCache(options.maxBytes, channel.generation)
  channel.subscribe(() => cache.clear(channel.generation))
  const graphqlPath = `${options.routes.api}/graphql`
  // The cache refuses larger answers, so capturing stops there too.
  const maxAnswerBytes = Math.floor(options.maxBytes / 8)
  if (options.maxBytes === 0) return { handle: next, cache }

  const handle: RequestHandler = async (req, res) => {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    let body: Buffer | undefined
    let forward = req
    if (method === 'POST' && (url === graphqlPath || url.startsWith(`${graphqlPath}?`))) {
      const length = Number(req.headers['content-length'])
      const anonymous = req.headers.cookie === undefined && req.headers.authorization === undefined
      if (!anonymous || !isJson(req) || !(length > 0 && length <= options.maxGraphqlBodyBytes)) return next(req, res)
      body = await readBody(req, options.maxGraphqlBodyBytes)
      if (!body) return next(req, res)
      forward = replayRequest(req, body)
    }

    const read = readRequestOf(method, url, req.headers, options.routes, body)
    if (!read.cacheable) {
      if (read.reason !== 'not-a-public-read') res.setHeader(CACHE_HEADER, 'BYPASS')
      return next(forward, res)
    }
    const cached = channel.live ? cache.get(read.key) : undefined
    if (cached) return sendCached(req, res, cached)
    if (method === 'HEAD' || (read.graphql && !isGraphqlQueryOnly(body!))) return next(forward, res)

    const readAt = channel.generation
    const capture = {
      maxBytes: maxAnswerBytes,
      graphql: read.graphql,
      store: (answer: CachedAnswer) => {
        if (channel.live) cache.set(read.key, answer, readAt)
      },
    }
    // Identity bytes, so one stored copy serves every reader.
    delete forward.headers['accept-encoding']
    // Payload's own route handler once Next has loaded it: the same answer without Next's router.
    const route = routeHandlerOf(read.graphql ? 'graphql' : 'rest')
    const request = route && routeRequestOf(forward, body)
    if (route && request) {
      const pathname = new URL(request.url).pathname
      return sendRouteAnswer(res, await route(request, slugOf(pathname, options.routes.api)), capture)
    }
    res.setHeader(CACHE_HEADER, 'MISS')
    captureAnswer(res, capture)
    return next(forward, res)
  }
  return { handle, cache }
}
