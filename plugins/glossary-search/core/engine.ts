import MiniSearch, { type Query, type SearchResult } from 'minisearch'

import type { ContentType, FeedLocale } from '../../storefront-feed/types'
import { FIELD_TIER, NGRAM_FIELDS, SEARCH_FIELDS, type SearchDocument, type SearchField } from './documents'
import { indexTokens, queryParts, type QueryPart } from './tokens'

// Index terms a prefix or typo matched are marked too; Japanese n-grams are not (the query run is).
const isLatinTerm = (term: string) => term.length > 1 && !/[\u3005-\u30ff\u3400-\u9fff]/.test(term)

/** Field weights within a tier (the tier decides first: names > summaries > bodies). */
const BOOST: Record<SearchField, number> = {
  term_ja: 6,
  term_en: 6,
  alt: 5,
  reading: 4,
  summary_ja: 2,
  summary_en: 2,
  body_ja: 1,
  body_en: 1,
}

/** Which fields a locale searches: its own text, the default locale's (the fallback), and the unlocalized names. */
const FIELDS_FOR: Record<FeedLocale, SearchField[]> = {
  ja: ['term_ja', 'alt', 'reading', 'summary_ja', 'body_ja'],
  en: [...SEARCH_FIELDS],
}

export type SearchFilter = { types: readonly ContentType[]; glossaryId?: string }

export type RankedHit = {
  doc: SearchDocument
  score: number
  /** 2: a name, alias or reading matched; 1: the summary; 0: the body only. */
  tier: number
  /** Folded strings to mark in the snippet. */
  needles: string[]
  /** The best field that matched, for the snippet. */
  field: SearchField
}

const leaf = (part: QueryPart): Query =>
  part.kind === 'latin'
    ? { queries: [part.text], prefix: true, fuzzy: part.fuzzy ? 1 : false }
    : {
        combineWith: 'OR',
        queries: [
          part.prefix ? { queries: [part.text], prefix: true } : { queries: part.grams, combineWith: 'AND' },
          ...(part.words.length > 0 ? [{ queries: part.words, combineWith: 'AND' as const, prefix: true }] : []),
        ],
      }

/**
 * The in-memory search index of published documents, on MiniSearch. Tokens come from `tokens.ts`, so the
 * library sees finished terms: its own tokenizer and term processing are identity functions.
 */
export class SearchEngine {
  readonly #docs = new Map<string, SearchDocument>()
  readonly #index = new MiniSearch<SearchDocument>({
    idField: 'key',
    fields: [...SEARCH_FIELDS],
    tokenize: (text, field) => indexTokens(text, NGRAM_FIELDS.has(field as SearchField)),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  })

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
    if (this.#docs.has(doc.key)) this.#index.discard(doc.key)
    this.#docs.set(doc.key, doc)
    this.#index.add(doc)
  }

  remove(key: string): void {
    if (!this.#docs.delete(key)) return
    this.#index.discard(key)
  }

  /** Serialized index size in bytes (for the benchmark's comparison). */
  serializedSize(): number {
    return Buffer.byteLength(JSON.stringify(this.#index))
  }

  /** Every match, best first: tier, then score, then title order for a stable answer. */
  search(query: string, locale: FeedLocale, filter: SearchFilter): RankedHit[] {
    const parts = queryParts(query)
    if (parts.length === 0) return []
    const types = new Set(filter.types)
    const fields = FIELDS_FOR[locale]
    const results = this.#index.search(
      { queries: parts.map(leaf), combineWith: 'AND' },
      {
        fields,
        boost: BOOST,
        weights: { fuzzy: 0.3, prefix: 0.6 },
        filter: (result) => {
          const doc = this.#docs.get(result.id as string)
          return Boolean(doc && types.has(doc.type) && (!filter.glossaryId || doc.glossaryId === filter.glossaryId))
        },
      },
    )
    const queryNeedles = parts.map((part) => part.text)
    return results
      .map((result) => this.#rank(result, queryNeedles))
      .sort((a, b) => b.tier - a.tier || b.score - a.score || a.doc.key.localeCompare(b.doc.key))
  }

  #rank(result: SearchResult, queryNeedles: string[]): RankedHit {
    let tier = 0
    let field: SearchField = 'body_ja'
    for (const matched of Object.values(result.match)) {
      for (const name of matched as SearchField[]) {
        if (FIELD_TIER[name] > tier || (FIELD_TIER[name] === tier && field === 'body_ja')) {
          tier = Math.max(tier, FIELD_TIER[name])
          field = name
        }
      }
    }
    return { doc: this.#docs.get(result.id as string)!, score: result.score, tier, field, needles: [...queryNeedles, ...result.terms.filter(isLatinTerm)] }
  }
}
