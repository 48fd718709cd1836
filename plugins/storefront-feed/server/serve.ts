import type { IncomingMessage, ServerResponse } from 'node:http'

import { headersWithCors, type Payload, type PayloadRequest } from 'payload'

import type { CachedPage } from '../core/pageCache'
import type { SanitizedFeedOptions } from '../types'

/** Absolute URL of the endpoint (no query): the option, else serverURL, else the request's origin. */
export const feedBaseFor = (options: SanitizedFeedOptions, payload: Payload, requestOrigin: string): string => {
  if (options.feedUrl) return options.feedUrl
  const origin = (payload.config.serverURL || requestOrigin).replace(/\/+$/, '')
  return `${origin}${payload.config.routes.api}/feed`
}

/**
 * A query string in one spelling: decoded, re-encoded and sorted by parameter name (a stable sort, so
 * repeated parameters keep their order). Next's router re-encodes the query before Payload sees it
 * (`%20` becomes `+`, `,` becomes `%2C`), so a fast path keyed by the client's spelling and an endpoint
 * keyed by Next's would never meet; every spelling of one request shares one key.
 */
export const canonicalQuery = (search: string): string => {
  const params = new URLSearchParams(search)
  params.sort()
  return params.toString()
}

/** Cache alias for a raw request: the origin is part of it because URLs in the body follow it. */
export const rawRequestKey = (feedBase: string, search: string): string => `${feedBase}|${canonicalQuery(search)}`

/** Headers of a 304: the validators and caching rules of the 200 it stands for. */
export const notModifiedHeaders = (page: CachedPage): Record<string, string> => {
  const { 'Content-Type': _type, 'X-Content-Type-Options': _nosniff, ...validators } = page.headers
  return validators
}

/** Payload's CORS headers for this origin, computed once per origin (Payload's own function decides). */
export const corsHeadersFor = (payload: Payload) => {
  const memo = new Map<string, Record<string, string>>()
  return (origin: string | null | undefined): Record<string, string> => {
    const key = origin ?? ''
    const known = memo.get(key)
    if (known) return known
    const requestHeaders = new Headers(origin ? { Origin: origin } : {})
    const headers = headersWithCors({
      headers: new Headers(),
      req: { payload, headers: requestHeaders } as unknown as PayloadRequest,
    })
    const computed = Object.fromEntries(headers.entries())
    if (memo.size > 1000) memo.clear()
    memo.set(key, computed)
    return computed
  }
}

/** A cached answer a fast path sends before any router runs (the feed's pages, the search's answers). */
export type FastAnswer = { status: number; headers: Record<string, string>; body?: Uint8Array }

/** A Node request's path and raw query string (with its `?`), as the fast paths key their caches. */
export const splitRequestUrl = (req: IncomingMessage): { pathname: string; search: string } => {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  return q === -1 ? { pathname: url, search: '' } : { pathname: url.slice(0, q), search: url.slice(q) }
}

/** Writes a fast answer onto Node's response, with its length; true, so `node` forms can return it. */
export const writeFastAnswer = (res: ServerResponse, found: FastAnswer): true => {
  res.writeHead(
    found.status,
    found.body ? { ...found.headers, 'Content-Length': String(found.body.byteLength) } : found.headers,
  )
  res.end(found.body)
  return true
}

/** The same answer as a Fetch Response (the /api route). */
export const fastAnswerResponse = (found: FastAnswer): Response =>
  new Response((found.body as Uint8Array<ArrayBuffer> | undefined) ?? null, {
    status: found.status,
    headers: found.headers,
  })
