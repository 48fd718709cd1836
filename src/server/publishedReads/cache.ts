import { computeEtag } from '../../../plugins/storefront-feed/core/http'

/** One anonymous answer, as Payload sent it: status 200, its headers and its bytes. */
export type CachedAnswer = {
  body: Buffer
  /** Response headers without hop-by-hop ones; `etag` always set (strong). */
  headers: Record<string, string | string[]>
  etag: string
}

// Headers that describe one connection or one moment, not the answer.
const NOT_STORED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])

/** The headers worth replaying, with the ETag the answer will carry. */
export const storedHeaders = (
  headers: Record<string, unknown>,
  body: Buffer,
): CachedAnswer['headers'] & { etag: string } => {
  const kept: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (NOT_STORED.has(name) || value === undefined) continue
    kept[name] = Array.isArray(value) ? value.map(String) : String(value)
  }
  // The bytes' own strong tag (the feed sends one): equal across workers and restarts.
  const etag = typeof kept.etag === 'string' && !kept.etag.startsWith('W/') ? kept.etag : computeEtag(body)
  return { ...kept, etag }
}

const sizeOf = (key: string, answer: CachedAnswer): number =>
  answer.body.byteLength + key.length * 2 + JSON.stringify(answer.headers).length * 2 + 128

/**
 * Least-recently-used answers bounded by total bytes (bodies, keys and headers), for one worker.
 * `generation` is the channel's: an answer read before an invalidation is refused, so a request that
 * raced an edit can never put the old content back.
 */
export class PublishedReadCache {
  private readonly entries = new Map<string, { answer: CachedAnswer; bytes: number }>()
  private usedBytes = 0
  private generation: number

  constructor(
    private readonly maxBytes: number,
    generation = 0,
    /** Larger answers are not kept: one would evict many small ones. */
    private readonly maxEntryBytes = Math.max(1, Math.floor(maxBytes / 8)),
  ) {
    this.generation = generation
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.answer
  }

  /** Stores the answer unless the content changed since `readAt` (a generation) or it is too large. */
  set(key: string, answer: CachedAnswer, readAt: number): boolean {
    if (readAt !== this.generation) return false
    const bytes = sizeOf(key, answer)
    if (bytes > this.maxEntryBytes) return false
    this.delete(key)
    this.entries.set(key, { answer, bytes })
    this.usedBytes += bytes
    for (const [oldest, entry] of this.entries) {
      if (this.usedBytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.usedBytes -= entry.bytes
    }
    return true
  }

  /** Drops every answer and moves to the given generation. */
  clear(generation: number): void {
    this.entries.clear()
    this.usedBytes = 0
    this.generation = generation
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.usedBytes -= entry.bytes
  }

  get size(): number {
    return this.entries.size
  }

  get bytes(): number {
    return this.usedBytes
  }
}
