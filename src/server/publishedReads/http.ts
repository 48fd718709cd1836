import type { IncomingMessage, ServerResponse } from 'node:http'
import { PassThrough } from 'node:stream'

import { parse } from 'graphql'

import { ifNoneMatchHits } from '../../../plugins/storefront-feed/core/http'
import { type CachedAnswer, storedHeaders } from './cache'

/** Marks what the cache did, for people and tests: HIT, MISS (answered by Payload) or BYPASS (credentials, drafts). */
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
 * Lets Next answer as usual and keeps a copy of the bytes it writes; `store` gets the answer if it is a
 * plain shareable 200: no cookie set, not compressed, not marked private or no-store, below `maxBytes`.
 */
export const captureAnswer = (
  res: ServerResponse,
  { maxBytes, graphql, store }: { maxBytes: number; graphql: boolean; store: (answer: CachedAnswer) => void },
): void => {
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
    if (res.statusCode !== 200 || size > maxBytes) return result
    const headers = res.getHeaders()
    const cacheControl = String(headers['cache-control'] ?? '')
    if (headers['set-cookie'] !== undefined || headers['content-encoding'] !== undefined) return result
    if (/private|no-store/i.test(cacheControl) || String(headers.vary ?? '').includes('*')) return result
    const body = Buffer.concat(chunks)
    if (graphql && hasGraphqlErrors(body)) return result
    const { [CACHE_HEADER]: _marker, ...rest } = headers
    const kept = storedHeaders(rest, body)
    store({ body, headers: kept, etag: kept.etag })
    return result
  }) as ServerResponse['end']
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
