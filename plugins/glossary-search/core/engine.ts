import { CONTENT_TYPES as ALL_TYPES, type ContentType, type FeedLocale } from '../../storefront-feed/types'
import { NAME_FIELDS, type SearchDocument } from './documents'
import { NameIndex, type NameQuery } from './nameIndex'
import { ScanIndex } from './scanIndex'
import { indexTokens, queryParts, type QueryPart } from './tokens'

/**
 * Two structures, measured at 10,000 terms: names (headword, English name, aliases, reading) go into an
 * inverted index (`nameIndex.ts`) with Segmenter words and character bigrams, for ranking, prefixes and typos;
 * summaries and bodies are kept folded and scanned for each query part. Indexing bodies as bigrams made the
 * index 5× bigger and the build 8 s; the scan costs about a millisecond and matches any substring exactly.
 */

export type NameField = (typeof NAME_FIELDS)[number]

export const NAME_BOOST: Record<NameField, number> = { term_ja: 3, term_en: 3, alt: 2.5, reading: 2 }

/** Which names a locale searches: its own headword, the default locale's (the fallback), the unlocalized ones. */
const NAMES_FOR: Record<FeedLocale, NameField[]> = {
  ja: ['term_ja', 'alt', 'reading'],
  en: ['term_en', 'term_ja', 'alt', 'reading'],
}

export type SearchFilter = { types: readonly ContentType[]; glossaryId?: string }

export type RankedHit = {
  doc: SearchDocument
  /** 2: a name, alias or reading matched; 1: the summary; 0: the body only. */
  tier: 2 | 1 | 0
  score: number
  /** Folded query parts, to mark in the snippet (with `matchedTerms`: see `needlesOf`). */
  needles: string[]
  /** Index terms a name match found (a prefix or typo may have matched a longer or other word). */
  matchedTerms?: string[]
  /** Where the snippet comes from. */
  field: 'name' | 'summary' | 'body'
}

/** A query part as name-index leaves, all of which must match. */
const leaves = (part: QueryPart): NameQuery[] =>
  part.kind === 'latin'
    ? [{ token: part.text, prefix: true, fuzzy: part.fuzzy }]
    : part.prefix
      ? [{ token: part.text, prefix: true }]
      : part.grams.map((token) => ({ token }))

/** A query as name-index leaves: one group per part (the benchmark runs names alone with it). */
export const nameQueries = (query: string): NameQuery[][] => queryParts(query).map(leaves)

/** A document's name tokens per field. */
export const nameTokens = (doc: SearchDocument) =>
  Object.fromEntries(NAME_FIELDS.map((field) => [field, indexTokens(doc[field], true)])) as Record<NameField, string[]>

// Index terms a prefix or typo matched are marked too; Japanese n-grams are not (the query run is).
const isLatinTerm = (term: string) => term.length > 1 && !/[\u3005-\u30ff\u3400-\u9fff]/.test(term)

export class SearchEngine {
  readonly #docs = new Map<string, SearchDocument>()
  readonly #scan = new ScanIndex()
  readonly #names = new NameIndex(NAME_FIELDS)

  get size(): number {
    return this.#docs.size
  }

  get(key: string): SearchDocument | undefined {
    return this.#docs.get(key)
  }

  documents(): IterableIterator<SearchDocument> {
    return this.#docs.values()
  }

  /** Adds or replaces a document. */
  upsert(doc: SearchDocument): void {
    const previous = this.#docs.get(doc.key)
    if (previous) this.#names.remove(doc.key, nameTokens(previous))
    this.#docs.set(doc.key, doc)
    this.#names.add(doc.key, nameTokens(doc))
    this.#scan.changed(doc.key, doc)
  }

  remove(key: string): void {
    const previous = this.#docs.get(key)
    if (!previous) return
    this.#docs.delete(key)
    this.#names.remove(key, nameTokens(previous))
    this.#scan.changed(key, null)
  }

  /** Folds and joins every summary and body for scanning (after a bulk load; searches do it when needed). */
  compact(): void {
    this.#scan.compact(this.#docs.values())
  }

  /** Serialized size of what the engine holds, in bytes (for the benchmark's comparison). */
  serializedSize(): number {
    return this.#names.serializedSize() + this.#scanned().byteLength()
  }

  /** The scan index, joined again first when the edits kept aside have grown too many. */
  #scanned(): ScanIndex {
    if (this.#scan.needsCompacting(this.#docs.size)) this.compact()
    return this.#scan
  }

  /**
   * The best `limit` matches (tier, then score, then key for a stable answer) and how many there are in all.
   * Only the hits returned are materialised: a two-letter prefix can match thousands of documents.
   */
  search(
    query: string,
    locale: FeedLocale,
    filter: SearchFilter,
    limit = Number.POSITIVE_INFINITY,
  ): { total: number; hits: RankedHit[] } {
    const parts = queryParts(query)
    if (parts.length === 0) return { total: 0, hits: [] }
    const types = new Set(filter.types)
    // Without a type or glossary restriction every document is wanted: skip the per-result check.
    const unfiltered = !filter.glossaryId && ALL_TYPES.every((type) => types.has(type))
    const wanted = (doc: SearchDocument | undefined): doc is SearchDocument =>
      Boolean(
        doc && (unfiltered || (types.has(doc.type) && (!filter.glossaryId || doc.glossaryId === filter.glossaryId))),
      )
    const needles = parts.map((part) => part.text)

    const named = this.#names.search(parts.map(leaves), {
      fields: NAMES_FOR[locale],
      boost: NAME_BOOST,
      weights: { fuzzy: 0.3, prefix: 0.6 },
      filter: unfiltered ? undefined : (key) => wanted(this.#docs.get(key)),
    })
    const byName = new Set<string>()
    for (const result of named) byName.add(result.key)
    // Sorted by score: the first `limit` are the best names.
    const hits: RankedHit[] = named.slice(0, Math.min(named.length, limit)).map((result) => ({
      doc: this.#docs.get(result.key)!,
      tier: 2 as const,
      score: result.score,
      needles,
      matchedTerms: result.terms,
      field: 'name' as const,
    }))

    // Summaries, then bodies: every part must occur in one of them.
    const scan = this.#scanned()
    const found = parts.map((part) => ({
      summary: scan.find(locale, 'summary', part),
      body: scan.find(locale, 'body', part),
    }))
    const candidates = new Set([...found[0]!.summary.keys(), ...found[0]!.body.keys()])
    const tiers: [number, string][][] = [[], []]
    let total = byName.size
    for (const key of candidates) {
      if (byName.has(key)) continue
      let tier: 1 | 0 = 1
      let position = Infinity
      let matched = true
      for (const part of found) {
        const inSummary = part.summary.get(key)
        if (inSummary !== undefined) {
          if (inSummary < position) position = inSummary
          continue
        }
        const inBody = part.body.get(key)
        if (inBody === undefined) {
          matched = false
          break
        }
        tier = 0
        if (inBody < position) position = inBody
      }
      if (!matched || !wanted(this.#docs.get(key))) continue
      total++
      if (hits.length < limit) tiers[tier]!.push([position, key])
    }
    for (const tier of [1, 0] as const) {
      if (hits.length >= limit) break
      const list = tiers[tier]!.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1))
      for (const [position, key] of list.slice(0, limit - hits.length)) {
        hits.push({
          doc: this.#docs.get(key)!,
          tier,
          score: 1 / (1 + position),
          needles,
          field: tier === 1 ? 'summary' : 'body',
        })
      }
    }
    return { total, hits }
  }
}

/** What to mark in a hit's snippet: the query parts, and the Latin words a prefix or typo matched. */
export const needlesOf = (hit: RankedHit): string[] => [...hit.needles, ...(hit.matchedTerms ?? []).filter(isLatinTerm)]
