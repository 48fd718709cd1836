import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { SearchDocument } from './documents'
import { ScanIndex } from './scanIndex'
import { queryParts } from './tokens'

const doc = (key: string, summaryJa: string, bodyJa: string, bodyEn = ''): SearchDocument => ({
  key,
  type: 'glossary-term',
  id: key,
  slug: key,
  title: { ja: key, en: key },
  summary: { ja: summaryJa, en: summaryJa },
  term_ja: key,
  term_en: '',
  alt: '',
  reading: '',
  summary_ja: summaryJa,
  summary_en: '',
  body_ja: bodyJa,
  body_en: bodyEn,
})

// Words that overlap (送料 inside 送料無料, Latin with a shared start) so edits move matches around.
const WORDS = ['送料', '送料無料', '同梱', 'ギフト', 'ぎふと', 'parcel', 'parcels', 'cart']
const textArb = fc.array(fc.constantFrom(...WORDS, 'の', '。', ' '), { maxLength: 5 }).map((parts) => parts.join(''))
const keyArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')
const opArb = fc.oneof(
  fc
    .record({ key: keyArb, summary: textArb, body: textArb, en: textArb })
    .map((op) => ({ ...op, kind: 'set' as const })),
  keyArb.map((key) => ({ kind: 'remove' as const, key })),
  fc.constant({ kind: 'compact' as const }),
)

describe('ScanIndex', () => {
  it('finds what an index joined from the live documents finds, whatever the edits since the last join', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), fc.constantFrom(...WORDS), (ops, word) => {
        const live = new Map<string, SearchDocument>()
        const index = new ScanIndex({ compactAt: 3 })
        index.compact([])
        for (const op of ops) {
          if (op.kind === 'set') {
            const next = doc(op.key, op.summary, op.body, op.en)
            live.set(op.key, next)
            index.changed(op.key, next)
          } else if (op.kind === 'remove') {
            live.delete(op.key)
            index.changed(op.key, null)
          } else index.compact(live.values())
        }
        const fresh = new ScanIndex()
        fresh.compact(live.values())
        const part = queryParts(word)[0]!
        for (const locale of ['ja', 'en'] as const)
          for (const field of ['summary', 'body'] as const)
            expect(new Map([...index.find(locale, field, part)].sort())).toEqual(
              new Map([...fresh.find(locale, field, part)].sort()),
            )
      }),
      { numRuns: 300 },
    )
  })

  it('asks to be joined again once the edits kept aside pass the threshold', () => {
    const index = new ScanIndex({ compactAt: 2 })
    expect(index.needsCompacting(0)).toBe(true)
    index.compact([doc('a', '送料', ''), doc('b', '同梱', '')])
    expect(index.needsCompacting(2)).toBe(false)
    index.changed('a', doc('a', '送料無料', ''))
    expect(index.needsCompacting(2)).toBe(false)
    index.changed('c', doc('c', 'ギフト', ''))
    expect(index.needsCompacting(3)).toBe(true)
  })
})
