import { createHash } from 'node:crypto'

/** A strong validator: any change to the bytes changes it, so equal tags mean byte-identical bodies. */
export const computeEtag = (body: Uint8Array): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/**
 * RFC 9110 If-None-Match for GET: weak comparison, a list of tags, or `*`.
 * A W/ prefix on either side still matches, since a 304 only promises the representation is unchanged.
 */
export const ifNoneMatchHits = (header: string | null | undefined, etag: string): boolean => {
  if (!header) return false
  const bare = etag.replace(/^W\//, '')
  for (const part of header.split(',')) {
    const candidate = part.trim()
    if (candidate === '*') return true
    if (candidate.replace(/^W\//, '') === bare) return true
  }
  return false
}

export type Conditionals = { ifNoneMatch?: string | null; ifModifiedSince?: string | null }

/**
 * RFC 9110 §13.2.2 for GET/HEAD: If-None-Match decides when sent; otherwise If-Modified-Since does, when the
 * page has a Last-Modified (whole seconds, as HTTP dates are) no later than the date asked about.
 */
export const notModified = (request: Conditionals, page: { etag: string; lastModified?: string }): boolean => {
  if (request.ifNoneMatch) return ifNoneMatchHits(request.ifNoneMatch, page.etag)
  if (!request.ifModifiedSince || !page.lastModified) return false
  const since = Date.parse(request.ifModifiedSince)
  const modified = Date.parse(page.lastModified)
  return Number.isFinite(since) && Number.isFinite(modified) && modified <= since
}

/** `Cache-Control` for a public page that shared caches may keep and revalidate in the background. */
export const cacheControl = (maxAge: number, staleWhileRevalidate: number): string =>
  `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`

/**
 * JSON text that is also safe to inline in an HTML <script> block: `<`, `>`, `&` and the two line
 * separators JavaScript treats as newlines are written as \u escapes (still the same JSON value).
 */
export const safeJsonStringify = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
