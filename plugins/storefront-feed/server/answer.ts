import type { Payload } from 'payload'

import { cacheTagHeader, listTag, unionTags } from '../../webhooks/core/cacheTags'
import { FEED_CONTENT_TYPE, type FeedDocument } from '../core/feed'
import { cacheControl, computeEtag, type Conditionals, notModified, safeJsonStringify } from '../core/http'
import type { CachedPage } from '../core/pageCache'
import { type FeedQuery, parseFeedQuery, type ParameterError, queryCacheKey } from '../core/params'
import { readHead } from './journalStore'
import { buildDeltaPage, buildFullPage, type PageResult } from './page'
import { mentionLinkerFrom } from './render'
import type { FeedRuntime } from './runtime'
import { type FastAnswer, feedBaseFor, notModifiedHeaders, rawRequestKey } from './serve'
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
const buildPage = (runtime: FeedRuntime, payload: Payload, query: FeedQuery, feedBase: string, key: string) => {
  const inflightKey = `${runtime.cache.generation}|${key}`
  const running = runtime.inflight.get(inflightKey)
  if (running) return running
  const build = (async () => {
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
      terms: await runtime.terms.at(head.sequence),
    }
    const result = query.since ? await buildDeltaPage(ctx, query) : await buildFullPage(ctx, query)
    const page = toCachedPage(result, runtime.options)
    runtime.cache.set(key, page, generation)
    return page
  })().finally(() => runtime.inflight.delete(inflightKey))
  runtime.inflight.set(inflightKey, build)
  return build
}

const answerFrom = (page: CachedPage, conditionals: Conditionals, withBody: boolean): FastAnswer => {
  if (page.status === 200 && notModified(conditionals, page)) return { status: 304, headers: notModifiedHeaders(page) }
  return { status: page.status, headers: page.headers, body: withBody ? page.body : undefined }
}

/** What a feed request asks: its URL (origin, path and query), its validators, and whether it wants a body (HEAD does not). */
export type FeedRequest = { payload: Payload; url: URL; conditionals: Conditionals; withBody: boolean }

/**
 * The answer to a feed request, whoever received it (Payload's endpoint, or the server entry's fast path
 * before any router): the cached page, or one built against a fresh journal head; 400 naming the
 * parameter for a bad query; 503 when the database cannot be read. CORS headers are the caller's.
 */
export const answerFeed = async (runtime: FeedRuntime, { payload, url, conditionals, withBody }: FeedRequest) => {
  const { options } = runtime
  const feedBase = feedBaseFor(options, payload, url.origin)
  const raw = rawRequestKey(feedBase, url.search)
  try {
    let page = runtime.cache.getByAlias(raw)
    if (!page) {
      const parsed = parseFeedQuery(url.searchParams, {
        secret: payload.secret,
        contentTypes: options.contentTypes,
        pageSize: options.pageSize,
        localization: options.localization,
      })
      if (!parsed.ok)
        return { status: 400, headers: errorHeaders, body: withBody ? errorBody(parsed.errors) : undefined }
      const key = `${feedBase}|${queryCacheKey(parsed.query)}`
      runtime.cache.alias(raw, key)
      page = runtime.cache.get(key) ?? (await buildPage(runtime, payload, parsed.query, feedBase, key))
    }
    return answerFrom(page, conditionals, withBody)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'storefront-feed: could not build the feed page' })
    const body = errorBody([{ parameter: '', message: 'the feed could not be read right now; try again shortly' }])
    return { status: 503, headers: { ...errorHeaders, 'Retry-After': '5' }, body: withBody ? body : undefined }
  }
}
