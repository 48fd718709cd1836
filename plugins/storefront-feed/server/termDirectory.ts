import type { Payload } from 'payload'

import { idOf, idsOf, type RelationValue } from '../core/items'
import type { Localized } from '../core/localize'
import { TermDirectory, type TermRef } from '../core/termDirectory'
import type { SanitizedFeedOptions } from '../types'
import { findRows } from './db'
import { readChanges, readHead } from './journalStore'

/** Terms read per query while loading, and journal rows per query while catching up. */
const PAGE = 2_000

const TERM_REF_SELECT = { slug: true, term: true, glossary: true, related: true }

type TermRow = {
  id: string | number
  slug?: string | null
  term?: Localized<string>
  glossary?: RelationValue
  related?: RelationValue[] | null
}

const headwords = (value: Localized<string>): Localized<string> => {
  if (!value || typeof value !== 'object') return value
  const kept: Record<string, string> = {}
  for (const [locale, text] of Object.entries(value)) if (typeof text === 'string') kept[locale] = text
  return kept as Localized<string>
}

/** Only the locales a headword has (a missing translation is not kept as null), and one string per glossary id. */
const refMaker = () => {
  const glossaries = new Map<string, string>()
  return (row: TermRow): TermRef => {
    const term = headwords(row.term)
    const glossary = idOf(row.glossary)
    if (glossary !== undefined && !glossaries.has(glossary)) glossaries.set(glossary, glossary)
    return {
      slug: String(row.slug ?? ''),
      term,
      glossary: glossary === undefined ? undefined : glossaries.get(glossary),
      related: idsOf(row.related),
    }
  }
}

/**
 * The feed's term directory (`core/termDirectory.ts`) as of a journal sequence: read once, on the feed's
 * first page, then moved forward by the journal rows of terms (each row names a term whose published
 * state may have changed: it is read again by id, or dropped when no longer published). Another
 * instance's publish reaches it through the same journal, so every instance's pages agree. Until the
 * first read is done, and whenever it cannot catch up, pages read their lookups from the database.
 */
export class TermDirectoryKeeper {
  #directory?: TermDirectory
  #appliedUpTo = 0
  #loading = false
  #queue: Promise<unknown> = Promise.resolve()
  readonly #refOf = refMaker()

  constructor(
    readonly payload: Payload,
    readonly options: SanitizedFeedOptions,
    /** Terms read per query while loading, journal rows per query while catching up. */
    readonly pageSize = PAGE,
  ) {}

  /**
   * The directory with every journal row up to `sequence` applied (it may be further on), or undefined
   * while it is first read (the read starts on the first call) or when the journal cannot be read.
   */
  async at(sequence: number): Promise<TermDirectory | undefined> {
    if (!this.#directory) {
      this.#startLoading()
      return undefined
    }
    if (this.#appliedUpTo < sequence) {
      try {
        await this.#serial(() => this.#catchUp(sequence))
      } catch (error) {
        this.payload.logger.warn({ err: error, msg: 'storefront-feed: term directory could not catch up' })
      }
    }
    return this.#appliedUpTo >= sequence ? this.#directory : undefined
  }

  /** Applies rows up to `sequence` in the background, if the directory has been read (a poll saw the head move). */
  advance(sequence: number): void {
    if (this.#directory && this.#appliedUpTo < sequence) void this.at(sequence)
  }

  /** The journal went back (a restored database): read everything again. */
  reload(): void {
    this.#directory = undefined
    this.#appliedUpTo = 0
    this.#startLoading()
  }

  #startLoading(): void {
    if (this.#loading) return
    this.#loading = true
    this.#serial(() => this.#load())
      .catch((error: unknown) =>
        this.payload.logger.warn({ err: error, msg: 'storefront-feed: term directory could not be read; will retry' }),
      )
      .finally(() => (this.#loading = false))
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn)
    this.#queue = run.catch(() => undefined)
    return run
  }

  async #load(): Promise<void> {
    // The head first: rows written while the terms are read are applied by the next catch-up.
    const head = await readHead(this.payload, this.options.changesCollection)
    const directory = new TermDirectory()
    let after: string | number | undefined
    for (;;) {
      const rows = await findRows<TermRow>(this.payload, {
        collection: this.options.collections['glossary-term'],
        where: after === undefined ? undefined : { id: { greater_than: after } },
        sort: 'id',
        limit: this.pageSize,
        publishedOnly: true,
        select: TERM_REF_SELECT,
      })
      for (const row of rows) directory.set(String(row.id), this.#refOf(row))
      if (rows.length < this.pageSize) break
      after = rows[rows.length - 1]!.id
      // Pages follow the last id, as `findInPages` does (shared/findInPages.ts), and requests that arrive
      // during a read of 80,000 terms are served between pages.
      await new Promise((resolve) => setImmediate(resolve))
    }
    this.#directory = directory
    this.#appliedUpTo = head.sequence
  }

  async #catchUp(upTo: number): Promise<void> {
    const directory = this.#directory
    while (directory && directory === this.#directory && this.#appliedUpTo < upTo) {
      const rows = await readChanges(this.payload, this.options.changesCollection, {
        after: this.#appliedUpTo,
        upTo,
        types: ['glossary-term'],
        limit: this.pageSize,
      })
      const ids = [...new Set(rows.map((row) => row.docId))]
      const current =
        ids.length === 0
          ? []
          : await findRows<TermRow>(this.payload, {
              collection: this.options.collections['glossary-term'],
              where: { id: { in: ids } },
              publishedOnly: true,
              select: TERM_REF_SELECT,
            })
      const byId = new Map(current.map((row) => [String(row.id), row]))
      for (const id of ids) {
        const row = byId.get(id)
        directory.set(id, row ? this.#refOf(row) : undefined)
      }
      this.#appliedUpTo = rows.length === this.pageSize ? rows[rows.length - 1]!.sequence : upTo
    }
  }
}
