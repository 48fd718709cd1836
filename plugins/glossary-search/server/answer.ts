import type { CachedPage } from '../../storefront-feed/core/pageCache'
import { cacheControl, computeEtag, safeJsonStringify } from '../../storefront-feed/core/http'
import type { ParameterError } from '../core/params'
import { presentGlossaryIndex, presentHit, type UrlContext } from '../core/present'
import { parseGlossaryIndexQuery, parseSearchQuery, type GlossaryIndexQuery, type SearchQuery } from '../core/params'
import type { SearchService } from './service'

const encoder = new TextEncoder()

export const errorPage = (status: number, errors: ParameterError[]): CachedPage => ({
  status,
  body: encoder.encode(JSON.stringify({ errors })),
  etag: '',
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
})

const jsonPage = (service: SearchService, value: unknown): CachedPage => {
  const body = encoder.encode(safeJsonStringify(value))
  const etag = computeEtag(body)
  const { maxAge, staleWhileRevalidate } = service.options.cache
  return {
    status: 200,
    body,
    etag,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': cacheControl(maxAge, staleWhileRevalidate),
      ETag: etag,
      Vary: 'Origin',
      'X-Content-Type-Options': 'nosniff',
    },
  }
}

const urlContext = (service: SearchService, locale: UrlContext['locale']): UrlContext => ({
  baseUrl: service.options.baseUrl,
  urls: service.options.urls,
  locale,
  glossarySlug: (id) => (id ? (service.glossaries.get(id) ?? '') : ''),
})

const unknownGlossary = (slug: string) =>
  errorPage(400, [{ parameter: 'glossary', message: `no glossary with slug "${slug}"` }])

/** The search answer as data (REST and GraphQL share it), or the error to send. */
export const searchResult = (service: SearchService, query: SearchQuery) => {
  const glossaryId = query.glossary === undefined ? undefined : service.glossaryId(query.glossary)
  if (query.glossary !== undefined && glossaryId === undefined) return { error: unknownGlossary(query.glossary) }
  // Only terms belong to a glossary: a glossary filter narrows the search to them.
  const types = glossaryId ? query.types.filter((type) => type === 'glossary-term') : query.types
  const { total, hits } = service.engine.search(query.q, query.locale, { types, glossaryId }, query.limit)
  const ctx = urlContext(service, query.locale)
  return {
    value: {
      q: query.q,
      locale: query.locale,
      total,
      hits: hits.map((hit) => presentHit(hit, ctx)),
    },
  }
}

export const searchPage = (service: SearchService, query: SearchQuery): CachedPage => {
  const result = searchResult(service, query)
  return result.error ?? jsonPage(service, result.value)
}

export const glossaryIndexResult = (service: SearchService, query: GlossaryIndexQuery) => {
  const glossaryId = query.glossary === undefined ? undefined : service.glossaryId(query.glossary)
  if (query.glossary !== undefined && glossaryId === undefined) return { error: unknownGlossary(query.glossary) }
  const terms = [...service.engine.documents()].filter(
    (doc) => doc.type === 'glossary-term' && (glossaryId === undefined || doc.glossaryId === glossaryId),
  )
  return {
    value: {
      glossary: query.glossary ?? null,
      locale: query.locale,
      total: terms.length,
      groups: presentGlossaryIndex(terms, urlContext(service, query.locale)),
    },
  }
}

export const glossaryIndexPage = (service: SearchService, query: GlossaryIndexQuery): CachedPage => {
  const result = glossaryIndexResult(service, query)
  return result.error ?? jsonPage(service, result.value)
}

/** The answer to either endpoint's query string, or its 400 (the index must be ready). */
export const answerFor = (
  service: SearchService,
  endpoint: 'search' | 'index',
  params: URLSearchParams,
): CachedPage => {
  if (endpoint === 'search') {
    const parsed = parseSearchQuery(params)
    return parsed.ok ? searchPage(service, parsed.query) : errorPage(400, parsed.errors)
  }
  const parsed = parseGlossaryIndexQuery(params)
  return parsed.ok ? glossaryIndexPage(service, parsed.query) : errorPage(400, parsed.errors)
}
