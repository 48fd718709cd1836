import type { IncomingMessage, ServerResponse } from 'node:http'
import { PassThrough } from 'node:stream'

import { parse } from 'graphql'

import { ifNoneMatchHits } from '../../../plugins/storefront-feed/core/http'
import { type CachedAnswer, storedHeaders } from './cache'

/**
 * Marks what the server did, for people and tests: HIT (answered from memory before Next: this cache or a
 * plugin's early answer), MISS (answered by Payload) or BYPASS (credentials, drafts).
 */
export const CACHE_HEADER = 'x-hub-cache'

// What a 304 repeats of the answer (RFC 9110 §15.4.5), plus CORS and cache tags so shared caches stay right.
const KEPT_ON_304 =
  /^(etag|cache-control|content-location|expires|last-modified|vary|access-control-.*|cache-tag|surrogate-key)$/

export const sendCached = (req: IncomingMessage, res: ServerResponse, answer: CachedAnswer): void => {
  if (ifNoneMatchHits(req.headers['if-none-match'], answer.etag)) {
    const headers: Record<string, string | string[]> = { [CACHE_HEADER]: 'HIT' }
    for (const [name, value] of Object.entries(answer.headers)) if (KEPT_ON_304.test(name)) headers[name] = value
    res.writeHead(304, headers)
    res.end()
    return
  }
  res.writeHead(200, { ...answer.headers, [CACHE_HEADER]: 'HIT', 'content-length': String(answer.body.byteLength) })
  res.end(req.method === 'HEAD' ? undefined : answer.body)
}

const chunkOf = (chunk: unknown, encoding: unknown): Buffer | undefined => {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  return Buffer.from(chunk as Uint8Array)
}

/** True for a GraphQL request made only of queries: mutations (login among them) are never shared. */
export const isGraphqlQueryOnly = (body: Buffer): boolean => {
  try {
    const { query } = JSON.parse(body.toString('utf8')) as { query?: unknown }
    if (typeof query !== 'string') return false
    return parse(query).definitions.every(
      (definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query',
    )
  } catch {
    return false
  }
}

/** A GraphQL answer is shared only without errors: a partial answer may reflect a passing failure. */
const hasGraphqlErrors = (body: Buffer): boolean => {
  try {
    return (JSON.parse(body.toString('utf8')) as { errors?: unknown }).errors !== undefined
  } catch {
    return true
  }
}

/**
 * The answer to keep, if Payload's is a plain shareable 200: no cookie set, not compressed, not marked
 * private or no-store, not varying on everything, and for GraphQL without errors.
 */
const shareableAnswer = (
  status: number,
  headers: Record<string, unknown>,
  body: Buffer,
  graphql: boolean,
): CachedAnswer | undefined => {
  if (status !== 200) return undefined
  if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return undefined
  if (/private|no-store/i.test(String(headers['cache-control'] ?? '')) || String(headers.vary ?? '').includes('*'))
    return undefined
  if (graphql && hasGraphqlErrors(body)) return undefined
  const { [CACHE_HEADER]: _marker, ...rest } = headers
  const kept = storedHeaders(rest, body)
  return { body, headers: kept, etag: kept.etag }
}

type Capture = { maxBytes: number; graphql: boolean; store: (answer: CachedAnswer) => void }

/** Lets Next answer as usual and keeps a copy of the bytes it writes; `store` gets the answer if it is shareable and below `maxBytes`. */
export const captureAnswer = (res: ServerResponse, { maxBytes, graphql, store }: Capture): void => {
  const chunks: Buffer[] = []
  let size = 0
  const collect = (chunk: unknown, encoding: unknown) => {
    const buffer = size > maxBytes ? undefined : chunkOf(chunk, encoding)
    if (!buffer) return
    size += buffer.byteLength
    chunks.push(buffer)
  }
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding)
    return write(chunk, encoding, callback)
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    collect(chunk, encoding)
    const result = end(chunk, encoding, callback)
    if (size > maxBytes) return result
    const answer = shareableAnswer(res.statusCode, res.getHeaders(), Buffer.concat(chunks), graphql)
    if (answer) store(answer)
    return result
  }) as ServerResponse['end']
}

// Headers of one connection, or recomputed for the Request built here (its body is passed whole).
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length', 'expect'])

/** The Fetch Request Next would hand the route, for a request whose body (if any) was read here. */
export const routeRequestOf = (req: IncomingMessage, body: Buffer | undefined): Request | undefined => {
  const headers = new Headers()
  try {
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name) || name.startsWith(':')) continue
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
    }
    return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: body && body.byteLength > 0 ? new Uint8Array(body) : undefined,
    })
  } catch {
    return undefined // a header or URL Fetch refuses: Next answers it
  }
}

/**
 * Sends a route handler's Response onto Node's response, and gives `store` the answer if it is shareable
 * and below `maxBytes`: what captureAnswer does for Next's answers, without Next's router in between.
 */
export const sendRouteAnswer = async (
  res: ServerResponse,
  response: Response,
  { maxBytes, graphql, store }: Capture,
): Promise<void> => {
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  delete headers['content-length']
  if (body.byteLength <= maxBytes) {
    const answer = shareableAnswer(response.status, headers, body, graphql)
    if (answer) store(answer)
  }
  res.writeHead(response.status, { ...headers, [CACHE_HEADER]: 'MISS', 'content-length': String(body.byteLength) })
  res.end(body)
}

/** Reads a small request body, or returns undefined when it is larger than `maxBytes`. */
export const readBody = (req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength
      if (size <= maxBytes) chunks.push(chunk)
    })
    req.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks) : undefined))
    req.on('error', reject)
  })

/**
 * A request Next can read again after its body was read here: the same message fields over a stream that
 * replays the bytes. Only for small GraphQL bodies; everything else reaches Next as it arrived.
 */
export const replayRequest = (req: IncomingMessage, body: Buffer): IncomingMessage => {
  const replay = new PassThrough()
  for (const name of [
    'headers',
    'rawHeaders',
    'trailers',
    'rawTrailers',
    'method',
    'url',
    'httpVersion',
    'httpVersionMajor',
    'httpVersionMinor',
    'socket',
    'connection',
    'complete',
    'aborted',
  ] as const) {
    Object.defineProperty(replay, name, {
      value: (req as unknown as Record<string, unknown>)[name],
      writable: true,
      configurable: true,
    })
  }
  replay.end(body)
  return replay as unknown as IncomingMessage
}
