import fc from 'fast-check'
import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'

import { NameIndex, withinOneEdit, type NameQuery } from './nameIndex'

const FIELDS = ['head', 'other', 'alias'] as const
type Field = (typeof FIELDS)[number]
type Doc = { key: string } & Record<Field, string[]>

// A small vocabulary full of shared prefixes and one-letter neighbours, Latin and kana.
const VOCABULARY = [
  'cart',
  'carts',
  'card',
  'cards',
  'care',
  'scart',
  'parcel',
  'parcels',
  'pardel',
  'かご',
  'かごの',
  'ごの',
  'の',
]

const docArb = (key: string) =>
  fc.record({
    key: fc.constant(key),
    head: fc.uniqueArray(fc.constantFrom(...VOCABULARY), { maxLength: 3 }),
    other: fc.uniqueArray(fc.constantFrom(...VOCABULARY), { maxLength: 2 }),
    alias: fc.uniqueArray(fc.constantFrom(...VOCABULARY), { maxLength: 4 }),
  })
const docsArb = fc
  .integer({ min: 1, max: 12 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => docArb(`doc:${i}`))))
const leafArb = fc.record({
  token: fc.constantFrom(...VOCABULARY, 'car', 'ca', 'parce', 'か'),
  prefix: fc.boolean(),
  fuzzy: fc.boolean(),
})
const queryArb = fc.array(fc.array(leafArb, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })
const fieldsArb = fc.subarray([...FIELDS], { minLength: 1 })

const OPTIONS = { boost: { head: 3, other: 2.5, alias: 2 }, weights: { prefix: 0.6, fuzzy: 0.3 } }

const ours = (docs: Doc[]) => {
  const index = new NameIndex(FIELDS)
  for (const doc of docs) index.add(doc.key, doc)
  return index
}

/** MiniSearch 7 (what this index replaced) over the same tokens: the reference for matches and scores. */
const reference = (docs: Doc[], query: NameQuery[][], fields: Field[]) => {
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: [...FIELDS],
    extractField: (doc, field) => (field === 'key' ? doc.key : doc[field as Field].join(' ')),
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  })
  mini.addAll(docs)
  return mini.search(
    {
      combineWith: 'AND',
      queries: query.map((group) => ({
        combineWith: 'AND',
        queries: group.map((leaf) => ({
          queries: [leaf.token],
          prefix: Boolean(leaf.prefix),
          fuzzy: leaf.fuzzy ? 1 : false,
        })),
      })),
    },
    { fields, ...OPTIONS },
  )
}

describe('NameIndex', () => {
  it('finds the documents MiniSearch finds, with the same scores and matched tokens', () => {
    fc.assert(
      fc.property(docsArb, queryArb, fieldsArb, (docs, query, fields) => {
        const found = ours(docs).search(query, { fields, ...OPTIONS })
        const expected = reference(docs, query, fields)
        expect(found.map((hit) => hit.key).sort()).toEqual(expected.map((hit) => String(hit.id)).sort())
        const byKey = new Map(expected.map((hit) => [String(hit.id), hit]))
        for (const hit of found) {
          const other = byKey.get(hit.key)!
          expect(hit.score).toBeCloseTo(other.score, 9)
          expect([...hit.terms].sort()).toEqual([...other.terms].sort())
        }
        // Best first.
        for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score)
      }),
      { numRuns: 400 },
    )
  })

  it('answers after removals and re-adds as an index built from the documents left', () => {
    fc.assert(
      fc.property(docsArb, fc.array(fc.nat(), { maxLength: 8 }), queryArb, (docs, removals, query) => {
        const index = ours(docs)
        const left = new Map(docs.map((doc) => [doc.key, doc]))
        for (const pick of removals) {
          const doc = docs[pick % docs.length]!
          if (left.has(doc.key)) {
            index.remove(doc.key, doc)
            left.delete(doc.key)
          } else {
            index.add(doc.key, doc)
            left.set(doc.key, doc)
          }
        }
        const options = { fields: [...FIELDS], ...OPTIONS }
        const fresh = ours([...left.values()]).search(query, options)
        const found = index.search(query, options)
        expect(found.map((hit) => hit.key).sort()).toEqual(fresh.map((hit) => hit.key).sort())
        const scores = new Map(fresh.map((hit) => [hit.key, hit.score]))
        for (const hit of found) expect(hit.score).toBeCloseTo(scores.get(hit.key)!, 9)
      }),
      { numRuns: 300 },
    )
  })

  it('filters by key and breaks score ties by key', () => {
    const index = ours([
      { key: 'b', head: ['cart'], other: [], alias: [] },
      { key: 'a', head: ['cart'], other: [], alias: [] },
      { key: 'c', head: ['cart'], other: [], alias: [] },
    ])
    const options = { fields: ['head'] as Field[], ...OPTIONS }
    expect(index.search([[{ token: 'cart' }]], options).map((hit) => hit.key)).toEqual(['a', 'b', 'c'])
    expect(
      index.search([[{ token: 'cart' }]], { ...options, filter: (key) => key !== 'b' }).map((hit) => hit.key),
    ).toEqual(['a', 'c'])
  })

  it('counts one insertion, deletion or substitution as one edit, and nothing more', () => {
    expect(withinOneEdit('parcel', 'parcels')).toBe(true)
    expect(withinOneEdit('parcel', 'parel')).toBe(true)
    expect(withinOneEdit('parcel', 'pardel')).toBe(true)
    expect(withinOneEdit('parcel', 'pracel')).toBe(false)
    expect(withinOneEdit('parcel', 'parcelss')).toBe(false)
  })
})
