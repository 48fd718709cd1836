import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Payload } from 'payload'

import { ifNoneMatchHits } from '../../storefront-feed/core/http'
import {
  canonicalQuery,
  corsHeadersFor,
  fastAnswerResponse,
  notModifiedHeaders,
  splitRequestUrl,
  writeFastAnswer,
  type FastAnswer,
} from '../../storefront-feed/server/serve'
import { answerFor } from './answer'
import { getSearchService, type SearchService } from './service'

/** Cache key of an answer: which endpoint, and the query in one spelling (validated when it was first built). */
export const answerKey = (endpoint: 'search' | 'index', search: string): string =>
  `${endpoint}|${canonicalQuery(search)}`

/**
 * Answers valid `/api/search` and `/api/glossary-index` requests once the index is built (from the
 * cache, or built and cached here), without entering Payload's request pipeline (request object, auth,
 * i18n, routing), like the feed's fast path. Everything else (invalid queries, an index still building,
 * other methods) returns undefined (or false) and goes to the Payload endpoint, which answers the same
 * bytes and headers, or the 400 / 503. Edits clear the same cache.
 * `node` writes the cached bytes straight onto Node's response (`npm start`); `fetch` is the same answer
 * as a Response (the /api route).
 */
export const glossarySearchFastPath = (payload: Payload) => {
  const api = payload.config.routes.api
  const endpoints = new Map<string, 'search' | 'index'>([
    [`${api}/search`, 'search'],
    [`${api}/glossary-index`, 'index'],
  ])
  const cors = corsHeadersFor(payload)

  // A query not asked before is answered here too: the index is in memory and answers are the same for
  // every reader (published documents only), so Next's router and Payload's pipeline add nothing to it.
  const answerAndCache = (service: SearchService, endpoint: 'search' | 'index', search: string, key: string) => {
    const generation = service.cache.generation
    const page = answerFor(service, endpoint, new URLSearchParams(search))
    if (page.status === 200) service.cache.set(key, page, generation)
    return page
  }

  const answer = (
    method: string,
    pathname: string,
    search: string,
    { ifNoneMatch, origin }: { ifNoneMatch: string | null | undefined; origin: string | null | undefined },
  ): FastAnswer | undefined => {
    if (method !== 'GET' && method !== 'HEAD') return undefined
    const endpoint = endpoints.get(pathname)
    if (!endpoint) return undefined
    const service = getSearchService(payload)
    if (!service) return undefined
    const key = answerKey(endpoint, search)
    const page =
      service.cache.get(key) ?? (service.isReady ? answerAndCache(service, endpoint, search, key) : undefined)
    if (!page || page.status !== 200) return undefined
    if (ifNoneMatchHits(ifNoneMatch, page.etag)) {
      return { status: 304, headers: { ...notModifiedHeaders(page), ...cors(origin) } }
    }
    return {
      status: 200,
      headers: { ...page.headers, ...cors(origin) },
      body: method === 'GET' ? page.body : undefined,
    }
  }

  return {
    node: (req: IncomingMessage, res: ServerResponse): boolean => {
      const { pathname, search } = splitRequestUrl(req)
      const found = answer(req.method ?? 'GET', pathname, search, {
        ifNoneMatch: req.headers['if-none-match'],
        origin: req.headers.origin,
      })
      return found ? writeFastAnswer(res, found) : false
    },
    fetch: (request: Request): Response | undefined => {
      const url = new URL(request.url)
      const found = answer(request.method, url.pathname, url.search, {
        ifNoneMatch: request.headers.get('if-none-match'),
        origin: request.headers.get('origin'),
      })
      return found ? fastAnswerResponse(found) : undefined
    },
  }
}
