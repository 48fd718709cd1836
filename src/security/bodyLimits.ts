/**
 * Why this exists: Payload and Next read a request body in full before anything checks it, so four
 * anonymous 100 MiB bodies took a worker from 566 to 1,803 MiB. Every body is now capped by route,
 * from Content-Length before reading and while reading (chunked bodies), and answered 413 early.
 * The Node server (src/server/bodyLimit.ts) and the Next route wrappers both use these rules.
 */

export type BodyLimitKind = 'auth' | 'graphql' | 'write'

export type BodyLimits = Record<BodyLimitKind, number>

/** One route's cap: its bytes and the setting that changes it (named in the 413). */
export type BodyLimit = { kind: BodyLimitKind; bytes: number; envVar: string }

const KIB = 1024

/** Login, password and token routes read a few fields; GraphQL a query; other writes a document (no uploads here). */
export const DEFAULT_BODY_LIMITS: BodyLimits = { auth: 64 * KIB, graphql: 64 * KIB, write: 2 * 1024 * KIB }

const ENV_VARS: Record<BodyLimitKind, string> = {
  auth: 'HUB_BODY_LIMIT_AUTH_KB',
  graphql: 'HUB_BODY_LIMIT_GRAPHQL_KB',
  write: 'HUB_BODY_LIMIT_WRITE_KB',
}

/** 1 GiB: above it a "limit" protects nothing. */
const MAX_KB = 1024 * 1024

export class BodyLimitSettingError extends Error {}

/** The limits, with HUB_BODY_LIMIT_*_KB overrides (whole KiB, 1 to 1,048,576); a bad value throws naming it. */
export const bodyLimitsFromEnv = (env: Record<string, string | undefined>): BodyLimits => {
  const limits = { ...DEFAULT_BODY_LIMITS }
  for (const kind of Object.keys(ENV_VARS) as BodyLimitKind[]) {
    const raw = env[ENV_VARS[kind]]
    if (raw === undefined || raw.trim() === '') continue
    const kb = Number(raw)
    if (!/^\d+$/.test(raw.trim()) || kb < 1 || kb > MAX_KB) {
      throw new BodyLimitSettingError(
        `${ENV_VARS[kind]} is '${raw}'; expected a whole number of KiB from 1 to ${MAX_KB} (default ${DEFAULT_BODY_LIMITS[kind] / KIB})`,
      )
    }
    limits[kind] = kb * KIB
  }
  return limits
}

// Payload's auth endpoints (`/api/<auth collection>/<operation>`): none needs more than a few fields.
const AUTH_OPERATIONS =
  /^\/[^/]+\/(login|forgot-password|reset-password|first-register|refresh-token|refresh|unlock)\/?$/

/** The cap for a request to `pathname`, given the API route prefix (`/api`). */
export const bodyLimitFor = (pathname: string, limits: BodyLimits, apiRoute = '/api'): BodyLimit => {
  const inApi = pathname.startsWith(`${apiRoute}/`) ? pathname.slice(apiRoute.length) : null
  const kind: BodyLimitKind =
    inApi !== null && /^\/graphql\/?$/.test(inApi)
      ? 'graphql'
      : inApi !== null && AUTH_OPERATIONS.test(inApi)
        ? 'auth'
        : 'write'
  return { kind, bytes: limits[kind], envVar: ENV_VARS[kind] }
}

const describeBytes = (bytes: number) =>
  bytes % (1024 * KIB) === 0 ? `${bytes / (1024 * KIB)} MiB` : `${bytes / KIB} KiB`

/** The 413 body: which limit, how big, and how to change it. */
export const tooLargeBody = (limit: BodyLimit) => ({
  errors: [
    {
      message: `body is larger than the ${describeBytes(limit.bytes)} limit for ${limit.kind === 'write' ? 'writes' : `${limit.kind} requests`} (set ${limit.envVar} to change it)`,
      parameter: 'body',
      limit: { kind: limit.kind, bytes: limit.bytes },
    },
  ],
})

/** A declared Content-Length over the cap; a missing or unreadable header is left to the streaming check. */
export const declaredLengthExceeds = (contentLength: string | null | undefined, limit: BodyLimit): boolean => {
  if (!contentLength || !/^\d+$/.test(contentLength.trim())) return false
  return Number(contentLength) > limit.bytes
}

/**
 * Reads a fetch body up to `limit.bytes`: the bytes, or null once it goes over (the stream is cancelled
 * there, so the rest is never read).
 */
export const readCappedBody = async (
  body: ReadableStream<Uint8Array>,
  limit: BodyLimit,
): Promise<Uint8Array<ArrayBuffer> | null> => {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit.bytes) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

const tooLargeResponse = (limit: BodyLimit) =>
  Response.json(tooLargeBody(limit), { status: 413, headers: { connection: 'close' } })

/**
 * The fetch-side check (Next routes): a 413 Response, or a Request whose body is known to fit (read here
 * when no Content-Length promised a size, so Payload never reads past the cap).
 */
export const limitRequestBody = async (request: Request, limits: BodyLimits): Promise<Request | Response> => {
  if (!request.body) return request
  const limit = bodyLimitFor(new URL(request.url).pathname, limits)
  if (declaredLengthExceeds(request.headers.get('content-length'), limit)) return tooLargeResponse(limit)
  if (request.headers.get('content-length')) return request
  const bytes = await readCappedBody(request.body, limit)
  if (!bytes) return tooLargeResponse(limit)
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: bytes,
    signal: request.signal,
  })
}

/** Wraps a fetch route handler with `limitRequestBody`; the limits default to the HUB_BODY_LIMIT_*_KB settings. */
export const withBodyLimit =
  <Rest extends unknown[]>(
    handler: (request: Request, ...rest: Rest) => Promise<Response>,
    limits: BodyLimits = bodyLimitsFromEnv(process.env),
  ) =>
  async (request: Request, ...rest: Rest): Promise<Response> => {
    const limited = await limitRequestBody(request, limits)
    return limited instanceof Response ? limited : handler(limited, ...rest)
  }
