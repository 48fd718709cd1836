/** A rendered response: the bytes and the validators sent with them. */
export type CachedPage = {
  status: number
  body: Uint8Array<ArrayBuffer>
  /** Empty for error pages, which are never answered with 304. */
  etag: string
  lastModified?: string
  /** Response headers, computed once when the page is built. */
  headers: Record<string, string>
}

/**
 * Least-recently-used pages for one server instance. `clear()` is the invalidation: the feed calls it as
 * soon as a local edit is journaled, or when polling sees another instance move the journal head.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>()
  /** Raw request strings already validated once → their page key, so hits skip parameter parsing. */
  private readonly aliases = new Map<string, string>()
  /** Bumped by every clear, so a page built across an invalidation is not stored. */
  generation = 0

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key)
    if (entry) {
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  /** Stores the page unless the cache was cleared since `generation` was read. */
  set(key: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.generation) return false
    this.entries.delete(key)
    this.entries.set(key, page)
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
    return true
  }

  /** Remembers that a raw request string (origin + query) names the page `key`. */
  alias(raw: string, key: string): void {
    if (this.aliases.size >= this.maxEntries * 4) this.aliases.clear()
    this.aliases.set(raw, key)
  }

  /** The page a raw request string was last seen to name, if still cached. */
  getByAlias(raw: string): CachedPage | undefined {
    const key = this.aliases.get(raw)
    return key === undefined ? undefined : this.get(key)
  }

  /** Drops every page. Aliases stay: which page a query names does not depend on the content. */
  clear(): void {
    this.entries.clear()
    this.generation += 1
  }

  get size(): number {
    return this.entries.size
  }
}
