import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { cacheTagHeader, listTag, unionTags } from '../../webhooks/core/cacheTags'
import { FEED_CONTENT_TYPE, type FeedDocument } from '../core/feed'
import { cacheControl, computeEtag, notModified, safeJsonStringify } from '../core/http'
import type { CachedPage } from '../core/pageCache'
import { type FeedQuery, parseFeedQuery, type ParameterError, queryCacheKey } from '../core/params'
import { readHead } from '../server/journalStore'
import { buildDeltaPage, buildFullPage, type PageResult } from '../server/page'
import { mentionLinkerFrom } from '../server/render'
import { type FeedRuntime, feedRuntime } from '../server/runtime'
import { feedBaseFor, notModifiedHeaders, rawRequestKey } from '../server/serve'
import type { SanitizedFeedOptions } from '../types'

const encoder = new TextEncoder()

const errorBody = (errors: ParameterError[]) => encoder.encode(JSON.stringify({ errors }))

const errorHeaders = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }

/** The page's lists (a publish anywhere in them changes the page) and every item's own tags. */
const feedCacheTags = (document: FeedDocument): string =>
  cacheTagHeader(
    unionTags(
      document._hub.types.map(listTag),
      ...document.items.map((item) => ('cache_tags' in item._hub ? item._hub.cache_tags : [])),
    ),
  )

const toCachedPage = (result: PageResult, options: SanitizedFeedOptions): CachedPage => {
  if (result.status !== 200) {
    return { status: result.status, body: errorBody(result.errors), etag: '', headers: errorHeaders }
  }
  const body = encoder.encode(safeJsonStringify(result.document))
  const etag = computeEtag(body)
  const lastModified = result.lastModified?.toUTCString()
  return {
    status: 200,
    body,
    etag,
    lastModified,
    headers: {
      'Content-Type': FEED_CONTENT_TYPE,
      'Cache-Control': cacheControl(options.cache.maxAge, options.cache.staleWhileRevalidate),
      ETag: etag,
      ...(lastModified ? { 'Last-Modified': lastModified } : {}),
      // CORS answers depend on the Origin header, so shared caches must keep one copy per origin.
      Vary: 'Origin',
      'Cache-Tag': feedCacheTags(result.document),
      'X-Content-Type-Options': 'nosniff',
    },
  }
}

/** Builds a page against a fresh journal head; concurrent misses for one page share a single build. */
const buildPage = (runtime: FeedRuntime, req: PayloadRequest, query: FeedQuery, feedBase: string, key: string) => {
  const inflightKey = `${runtime.cache.generation}|${key}`
  const running = runtime.inflight.get(inflightKey)
  if (running) return running
  const build = (async () => {
    const { payload } = req
    const head = await readHead(payload, runtime.options.changesCollection)
    runtime.observeHead(head)
    const generation = runtime.cache.generation
    const ctx = {
      payload,
      options: runtime.options,
      secret: payload.secret,
      feedBase,
      head,
      mentionLinker: mentionLinkerFrom(payload),
    }
    const result = query.since ? await buildDeltaPage(ctx, query) : await buildFullPage(ctx, query)
    const page = toCachedPage(result, runtime.options)
    runtime.cache.set(key, page, generation)
    return page
  })().finally(() => runtime.inflight.delete(inflightKey))
  runtime.inflight.set(inflightKey, build)
  return build
}

const respond = (page: CachedPage, req: PayloadRequest, withBody: boolean): Response => {
  const conditionals = {
    ifNoneMatch: req.headers.get('if-none-match'),
    ifModifiedSince: req.headers.get('if-modified-since'),
  }
  if (page.status === 200 && notModified(conditionals, page)) {
    return new Response(null, { status: 304, headers: notModifiedHeaders(page) })
  }
  return new Response(withBody ? page.body : null, { status: page.status, headers: page.headers })
}

const handler =
  (options: SanitizedFeedOptions, withBody: boolean): PayloadHandler =>
  async (req) => {
    const runtime = feedRuntime(req.payload, options)
    const url = new URL(req.url ?? '/', 'http://localhost')
    const feedBase = feedBaseFor(options, req.payload, url.origin)
    const raw = rawRequestKey(feedBase, url.search)
    try {
      let page = runtime.cache.getByAlias(raw)
      if (!page) {
        const parsed = parseFeedQuery(url.searchParams, {
          secret: req.payload.secret,
          contentTypes: options.contentTypes,
          pageSize: options.pageSize,
          localization: options.localization,
        })
        if (!parsed.ok) {
          return new Response(withBody ? errorBody(parsed.errors) : null, { status: 400, headers: errorHeaders })
        }
        const key = `${feedBase}|${queryCacheKey(parsed.query)}`
        runtime.cache.alias(raw, key)
        page = runtime.cache.get(key) ?? (await buildPage(runtime, req, parsed.query, feedBase, key))
      }
      return respond(page, req, withBody)
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'storefront-feed: could not build the feed page' })
      const body = errorBody([{ parameter: '', message: 'the feed could not be read right now; try again shortly' }])
      return new Response(withBody ? body : null, { status: 503, headers: { ...errorHeaders, 'Retry-After': '5' } })
    }
  }

/** `GET /api/feed` (and `HEAD`, for cheap revalidation). */
export const feedEndpoints = (options: SanitizedFeedOptions): Endpoint[] => [
  { path: '/feed', method: 'get', handler: handler(options, true) },
  { path: '/feed', method: 'head', handler: handler(options, false) },
]
