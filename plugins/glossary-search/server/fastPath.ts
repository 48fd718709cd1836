import type { Payload } from 'payload'

import { ifNoneMatchHits } from '../../storefront-feed/core/http'
import { corsHeadersFor, notModifiedHeaders } from '../../storefront-feed/server/serve'
import { getSearchService } from './service'

/** Cache key of an answer: which endpoint, and the raw query string (validated when it was first built). */
export const answerKey = (endpoint: 'search' | 'index', search: string): string => `${endpoint}|${search}`

/**
 * Answers `/api/search` and `/api/glossary-index` requests whose exact query was answered before and is
 * still cached, without entering Payload's request pipeline (request object, auth, i18n, routing), like
 * the feed's fast path. Everything else returns undefined and goes to the Payload endpoint, which
 * validates, builds, caches and sends the same bytes and headers. Edits clear the same cache.
 */
export const glossarySearchFastPath = (payload: Payload) => {
  const api = payload.config.routes.api
  const endpoints = new Map<string, 'search' | 'index'>([
    [`${api}/search`, 'search'],
    [`${api}/glossary-index`, 'index'],
  ])
  const cors = corsHeadersFor(payload)
  return {
    fetch: (request: Request): Response | undefined => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined
      const service = getSearchService(payload)
      if (!service) return undefined
      const url = new URL(request.url)
      const endpoint = endpoints.get(url.pathname)
      if (!endpoint) return undefined
      const page = service.cache.get(answerKey(endpoint, url.search))
      if (!page || page.status !== 200) return undefined
      const origin = cors(request.headers.get('origin'))
      if (ifNoneMatchHits(request.headers.get('if-none-match'), page.etag)) {
        return new Response(null, { status: 304, headers: { ...notModifiedHeaders(page), ...origin } })
      }
      return new Response(request.method === 'GET' ? page.body : null, {
        status: 200,
        headers: { ...page.headers, ...origin },
      })
    },
  }
}
