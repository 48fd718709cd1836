import type { Payload, PayloadRequest } from 'payload'

import { instanceSlot } from '../../shared/instanceSlot'
import { startPoller } from '../../shared/poller'
import { PageCache } from '../../storefront-feed/core/pageCache'
import { CONTENT_TYPES, type ContentType } from '../../storefront-feed/types'
import type { SearchDocument } from '../core/documents'
import { SearchEngine } from '../core/engine'
import type { SanitizedGlossarySearchConfig } from '../types'
import { readGlossaries, readJournal, readJournalHead, readOne, readPublished } from './db'

/** Journal rows read per poll; more pending than this and a rebuild is cheaper than replaying. */
const POLL_BATCH = 500

/**
 * The search index of one Payload instance: built from published documents on start, changed in place by
 * collection hooks (this instance's edits) and by the storefront feed's change journal (every instance's
 * edits, polled). Answers are cached per query until the index changes.
 */
export class SearchService {
  engine = new SearchEngine()
  readonly glossaries = new Map<string, string>()
  readonly cache: PageCache
  /** Last journal sequence applied. */
  #journalAt = 0
  #built: Promise<void> | null = null
  #ready = false
  #queue: Promise<unknown> = Promise.resolve()
  #poller: { stop: () => void } | null = null
  #polling = false
  /** Milliseconds the last full build of the index took (documents in memory → index), for health and the bench. */
  lastBuildMs = 0

  constructor(
    readonly payload: Payload,
    readonly options: SanitizedGlossarySearchConfig,
  ) {
    this.cache = new PageCache(options.cache.maxEntries)
  }

  /** True once the index holds every published document (until then, answers wait in the endpoint). */
  get isReady(): boolean {
    return this.#ready
  }

  get hasJournal(): boolean {
    return this.payload.collections[this.options.journalSlug as never] !== undefined
  }

  /** Resolves once the index holds every published document (builds it on first call; a failed build is retried). */
  ready(): Promise<void> {
    if (this.#ready) return Promise.resolve()
    this.#built ??= this.rebuild().catch((error: unknown) => {
      this.#built = null
      throw error
    })
    return this.#built
  }

  /** Reads every published document and swaps in a fresh index. */
  rebuild(): Promise<void> {
    return this.#serial(async () => {
      // Journal first: changes made while we read are replayed by the next poll (applying is idempotent).
      const journalAt = this.hasJournal ? await readJournalHead(this.payload, this.options.journalSlug) : 0
      const glossaries = await readGlossaries(this.payload, this.options)
      // One type after another: each is read page by page, never held whole.
      const byType: SearchDocument[][] = []
      for (const type of CONTENT_TYPES) byType.push(await readPublished(this.payload, this.options, type))
      const startedAt = performance.now()
      const engine = new SearchEngine()
      for (const docs of byType) for (const doc of docs) engine.upsert(doc)
      engine.compact()
      this.lastBuildMs = performance.now() - startedAt
      this.engine = engine
      this.glossaries.clear()
      for (const [id, slug] of glossaries) this.glossaries.set(id, slug)
      this.#journalAt = Math.max(this.#journalAt, journalAt)
      this.#ready = true
      this.cache.clear()
      this.start()
    })
  }

  /** Re-reads one document (inside the saving request's transaction when given) and updates the index. */
  documentChanged(type: ContentType, id: string, req?: PayloadRequest): Promise<void> {
    return this.#serial(async () => {
      if (!this.#ready) return
      const doc = await readOne(this.payload, this.options, type, id, req)
      if (doc) this.engine.upsert(doc)
      else this.engine.remove(`${type}:${id}`)
      this.cache.clear()
    })
  }

  documentDeleted(type: ContentType, id: string): Promise<void> {
    return this.#serial(async () => {
      this.engine.remove(`${type}:${id}`)
      this.cache.clear()
    })
  }

  glossaryChanged(id: string, req?: PayloadRequest): Promise<void> {
    return this.#serial(async () => {
      const [found] = await readGlossaries(this.payload, this.options, { id: { equals: id } }, req)
      if (found) this.glossaries.set(found[0], found[1])
      else this.glossaries.delete(id)
      this.cache.clear()
    })
  }

  glossaryId(slug: string): string | undefined {
    for (const [id, known] of this.glossaries) if (known === slug) return id
    return undefined
  }

  /** Applies the journal rows other instances (or this one) wrote since the last poll. Exposed for tests. */
  async poll(): Promise<number> {
    if (this.#polling || !this.#ready || !this.hasJournal) return 0
    this.#polling = true
    try {
      const rows = await readJournal(this.payload, this.options.journalSlug, this.#journalAt, POLL_BATCH)
      if (rows.length >= POLL_BATCH) {
        await this.rebuild()
        return rows.length
      }
      for (const row of rows) {
        if ((CONTENT_TYPES as readonly string[]).includes(row.type))
          await this.documentChanged(row.type as ContentType, row.docId)
        else if (row.type === 'glossary') await this.glossaryChanged(row.docId)
        this.#journalAt = Math.max(this.#journalAt, row.sequence)
      }
      return rows.length
    } finally {
      this.#polling = false
    }
  }

  start(): void {
    if (this.#poller || this.options.pollIntervalMs <= 0 || !this.hasJournal) return
    this.#poller = startPoller(
      this.payload,
      this.options.pollIntervalMs,
      () => this.poll(),
      'glossary-search: polling the change journal failed; will retry',
    )
    // payload.destroy() stops everything in `crons`.
    ;(this.payload.crons as unknown as { stop: () => void }[]).push({ stop: () => this.stop() })
  }

  stop(): void {
    this.#poller?.stop()
    this.#poller = null
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work)
    this.#queue = run.catch(() => undefined)
    return run
  }
}

const services = instanceSlot<SearchService>('glossary-search.service')

/** The service of a Payload instance, created on first use (a config reload replaces it). */
export const searchServiceFor =
  (options: SanitizedGlossarySearchConfig) =>
  (payload: Payload): SearchService =>
    services.for(payload, options, () => new SearchService(payload, options))

/** The running search service (after init), e.g. to `rebuild()` after a bulk import. */
export const getSearchService = (payload: Payload): SearchService | undefined => services.get(payload)
