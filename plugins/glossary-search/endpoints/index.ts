import type { Endpoint, Payload, PayloadHandler } from 'payload'

import { ifNoneMatchHits } from '../../storefront-feed/core/http'
import type { CachedPage } from '../../storefront-feed/core/pageCache'
import { notModifiedHeaders } from '../../storefront-feed/server/serve'
import { parseGlossaryIndexQuery, parseSearchQuery, type Parsed } from '../core/params'
import { errorPage, glossaryIndexPage, searchPage } from '../server/answer'
import { answerKey } from '../server/fastPath'
import type { SearchService } from '../server/service'

const send = (page: CachedPage, ifNoneMatch: string | null, withBody: boolean): Response => {
  if (page.status === 200 && ifNoneMatchHits(ifNoneMatch, page.etag)) {
    return new Response(null, { status: 304, headers: notModifiedHeaders(page) })
  }
  return new Response(withBody ? page.body : null, { status: page.status, headers: page.headers })
}

/** Validate, answer from the per-query cache or build (and cache) the page, send it with ETag/304. */
const handler =
  <T>(
    getService: (payload: Payload) => SearchService,
    name: 'search' | 'index',
    parse: (params: URLSearchParams) => Parsed<T>,
    build: (service: SearchService, query: T) => CachedPage,
    withBody: boolean,
  ): PayloadHandler =>
  async (req) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const ifNoneMatch = req.headers.get('if-none-match')
    const service = getService(req.payload)
    const key = answerKey(name, url.search)
    const cached = service.cache.get(key)
    if (cached) return send(cached, ifNoneMatch, withBody)
    const parsed = parse(url.searchParams)
    if (!parsed.ok) return send(errorPage(400, parsed.errors), null, withBody)
    try {
      await service.ready()
    } catch (error) {
      req.payload.logger.error({ err: error }, 'glossary-search: the index could not be built')
      const page = errorPage(503, [
        { parameter: '', message: 'search is not available right now (the index is building); retry shortly' },
      ])
      return new Response(withBody ? page.body : null, {
        status: 503,
        headers: { ...page.headers, 'Retry-After': '5' },
      })
    }
    const generation = service.cache.generation
    const page = build(service, parsed.query)
    if (page.status === 200) service.cache.set(key, page, generation)
    return send(page, ifNoneMatch, withBody)
  }

/** `GET /api/search` and `GET /api/glossary-index` (and `HEAD`, for cheap revalidation). */
export const searchEndpoints = (getService: (payload: Payload) => SearchService): Endpoint[] => [
  { path: '/search', method: 'get', handler: handler(getService, 'search', parseSearchQuery, searchPage, true) },
  { path: '/search', method: 'head', handler: handler(getService, 'search', parseSearchQuery, searchPage, false) },
  {
    path: '/glossary-index',
    method: 'get',
    handler: handler(getService, 'index', parseGlossaryIndexQuery, glossaryIndexPage, true),
  },
  {
    path: '/glossary-index',
    method: 'head',
    handler: handler(getService, 'index', parseGlossaryIndexQuery, glossaryIndexPage, false),
  },
]
