import type { FeedLocale } from '../../storefront-feed/types'
import { HUB_DEFAULT_LOCALE, type SearchDocument } from './documents'
import { foldForSearch } from './fold'
import { ScanCorpus } from './scan'
import type { QueryPart } from './tokens'

/** The scanned fields: summaries (tier 1) and bodies (tier 0). */
export type ScannedField = 'summary' | 'body'
type Texts = Record<FeedLocale, Record<ScannedField, ScanCorpus>>

/** Where a query part occurs: document key → offset of its first occurrence. */
export type Occurrences = Map<string, number>

const LOCALES: readonly FeedLocale[] = ['ja', 'en']
const FIELDS: readonly ScannedField[] = ['summary', 'body']

const own = (doc: SearchDocument, locale: FeedLocale, field: ScannedField): string => doc[`${field}_${locale}` as const]

const corpora = (docs: SearchDocument[]): { keys: string[]; texts: Texts } => {
  const texts = {} as Texts
  for (const locale of LOCALES) {
    texts[locale] = {} as Record<ScannedField, ScanCorpus>
    for (const field of FIELDS)
      texts[locale][field] = new ScanCorpus(docs.map((doc) => foldForSearch(own(doc, locale, field))))
  }
  return { keys: docs.map((doc) => doc.key), texts }
}

/**
 * Every document's folded summaries and bodies, joined per locale and field into one string each (one
 * native `indexOf` pass finds a query part in all of them: see `ScanCorpus`). Only the joined strings are
 * kept, not a folded copy per document (40 MB at 100,000 documents). Documents changed since the join are
 * masked in it and scanned from a small second join of their own; when those reach `compactAt` (or 1/20 of
 * all documents), everything is folded and joined again.
 */
export class ScanIndex {
  #main: { keys: string[]; texts: Texts; slotOf: Map<string, number> } | null = null
  /** Slots of the main join whose document changed or left since. */
  readonly #stale = new Set<number>()
  /** Documents changed since the main join (the live version), and their own join, made on first need. */
  readonly #recent = new Map<string, SearchDocument>()
  #recentTexts: { keys: string[]; texts: Texts } | null = null
  readonly #compactAt: number

  constructor({ compactAt = 512 }: { compactAt?: number } = {}) {
    this.#compactAt = compactAt
  }

  /** Joins every document anew (after a bulk load, or when the changes kept aside have grown). */
  compact(docs: Iterable<SearchDocument>): void {
    const all = [...docs]
    const { keys, texts } = corpora(all)
    this.#main = { keys, texts, slotOf: new Map(keys.map((key, slot) => [key, slot])) }
    this.#stale.clear()
    this.#recent.clear()
    this.#recentTexts = null
  }

  /** A document was added or changed (`doc`) or removed (null). Before the first `compact`, nothing to do. */
  changed(key: string, doc: SearchDocument | null): void {
    if (!this.#main) return
    const slot = this.#main.slotOf.get(key)
    if (slot !== undefined) this.#stale.add(slot)
    if (doc) this.#recent.set(key, doc)
    else this.#recent.delete(key)
    this.#recentTexts = null
  }

  /** Whether the next search should `compact` first. */
  needsCompacting(total: number): boolean {
    return !this.#main || this.#recent.size + this.#stale.size > Math.max(this.#compactAt, total / 20)
  }

  /**
   * Documents whose `field` in `locale` contains the part, with the offset of its first occurrence, reading
   * the locale's own text and then the default locale's (its fallback, as the feed shows it) as if joined
   * after it (one separator between).
   */
  find(locale: FeedLocale, field: ScannedField, part: QueryPart): Occurrences {
    const found: Occurrences = new Map()
    for (const { keys, texts, skip } of this.#sources()) {
      const own = texts[locale][field]
      const hits = own.find(part)
      for (const [index, at] of hits) if (!skip?.has(index)) found.set(keys[index]!, at)
      if (locale === HUB_DEFAULT_LOCALE) continue
      for (const [index, at] of texts[HUB_DEFAULT_LOCALE][field].find(part)) {
        if (hits.has(index) || skip?.has(index)) continue
        const ownLength = own.lengthOf(index)
        found.set(keys[index]!, ownLength === 0 ? at : ownLength + 1 + at)
      }
    }
    return found
  }

  /** Bytes of the joined texts (the benchmark compares engines by what they hold). */
  byteLength(): number {
    let bytes = 0
    for (const { texts } of this.#sources())
      for (const locale of LOCALES) for (const field of FIELDS) bytes += texts[locale][field].byteLength()
    return bytes
  }

  *#sources(): Generator<{ keys: string[]; texts: Texts; skip?: ReadonlySet<number> }> {
    if (this.#main) yield { keys: this.#main.keys, texts: this.#main.texts, skip: this.#stale }
    if (this.#recent.size === 0) return
    this.#recentTexts ??= corpora([...this.#recent.values()])
    yield this.#recentTexts
  }
}
