import type { IncomingHttpHeaders } from 'node:http'

/** What the server may answer from the published-read cache, and under which key. */
export type ReadRequest =
  | { cacheable: false; reason: 'not-a-public-read' | 'credentials' | 'draft-or-preview' }
  | { cacheable: true; key: string; graphql: boolean }

export type ReadRoutes = {
  /** Payload's API prefix. @default '/api' */
  api: string
  /** Collections anonymous readers may list and read; their changes are journaled. */
  collections: readonly string[]
  /** Custom GET endpoints whose answers depend only on journaled content (the feed). */
  endpoints: readonly string[]
}

// Auth, account and history routes under a collection are never shared between readers.
const PRIVATE_SEGMENTS = new Set([
  'me',
  'init',
  'access',
  'versions',
  'login',
  'logout',
  'refresh-token',
  'unlock',
  'verify',
  'forgot-password',
  'reset-password',
])
// Sent by Next's client router: the answer differs (RSC payloads), so those go to Next untouched.
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-action']
// Request headers an answer may depend on: CORS (origin), absolute URLs (host), translated messages.
const KEYED_HEADERS = ['host', 'x-forwarded-host', 'x-forwarded-proto', 'origin', 'accept-language'] as const
const DRAFT_OR_PREVIEW = /^(draft|preview|token|api[-_]?key)/i

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/**
 * The query as a stable string: pairs decoded, re-encoded and sorted by name (pairs with the same name
 * keep their order, which arrays depend on), so `?depth=1&limit=50` and `?limit=50&depth=1` share an answer.
 */
export const normalisedQuery = (search: string): { query: string; draftOrPreview: boolean } | undefined => {
  const pairs: [string, string][] = []
  let draftOrPreview = false
  for (const part of search.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = decode(eq === -1 ? part : part.slice(0, eq))
    const value = decode(eq === -1 ? '' : part.slice(eq + 1))
    if (name === undefined || value === undefined) return undefined
    if (DRAFT_OR_PREVIEW.test(name)) draftOrPreview = true
    pairs.push([name, value])
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return {
    query: pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&'),
    draftOrPreview,
  }
}

const isPublicPath = (pathname: string, routes: ReadRoutes): 'rest' | 'graphql' | undefined => {
  if (!pathname.startsWith(`${routes.api}/`)) return undefined
  const segments = pathname
    .slice(routes.api.length + 1)
    .replace(/\/$/, '')
    .split('/')
  if (segments.length === 1 && segments[0] === 'graphql') return 'graphql'
  if (routes.endpoints.includes(segments.join('/'))) return 'rest'
  if (segments.length > 2 || !routes.collections.includes(segments[0]!)) return undefined
  if (segments.length === 2 && (segments[1] === '' || PRIVATE_SEGMENTS.has(segments[1]!))) return undefined
  return 'rest'
}

/**
 * Decides whether a request is an anonymous read of published content, and its cache key: method class,
 * path, normalised query and the request headers an answer depends on (GraphQL adds the body). Anything
 * carrying credentials (a cookie, an Authorization header) or asking for drafts or a preview is not.
 */
export const readRequestOf = (
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  routes: ReadRoutes,
  body?: Buffer,
): ReadRequest => {
  const q = url.indexOf('?')
  const pathname = q === -1 ? url : url.slice(0, q)
  const kind = isPublicPath(pathname, routes)
  const graphql = kind === 'graphql'
  if (!kind || (graphql ? method !== 'POST' : method !== 'GET' && method !== 'HEAD')) {
    return { cacheable: false, reason: 'not-a-public-read' }
  }
  if (headers.cookie !== undefined || headers.authorization !== undefined)
    return { cacheable: false, reason: 'credentials' }
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined))
    return { cacheable: false, reason: 'not-a-public-read' }
  const query = normalisedQuery(q === -1 ? '' : url.slice(q + 1))
  if (!query) return { cacheable: false, reason: 'not-a-public-read' }
  if (query.draftOrPreview) return { cacheable: false, reason: 'draft-or-preview' }
  if (graphql && body === undefined) return { cacheable: false, reason: 'not-a-public-read' }
  const keyed = KEYED_HEADERS.map((name) => String(headers[name] ?? '')).join('\u0000')
  const path = pathname.replace(/\/$/, '')
  const key = `${graphql ? 'POST' : 'GET'} ${path}?${query.query}\u0000${keyed}${graphql ? `\u0000${body!.toString('utf8')}` : ''}`
  return { cacheable: true, key, graphql }
}
