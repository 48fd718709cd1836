import { describe, expect, it } from 'vitest'

import { LABELLED_SENTENCES, LABELLED_TERMS, type MentionCategory } from './labelledMentions'
import { MentionMatcher } from './matcher'

/** Precision and recall over (sentence, term) pairs, per category of the labelled set. */
const score = () => {
  const matcher = new MentionMatcher(
    LABELLED_TERMS.map((t) => ({ termId: t.id, labels: [t.term, t.reading, t.englishName, ...(t.aliases ?? [])] })),
  )
  const byCategory = new Map<
    MentionCategory,
    { tp: number; fp: number; fn: number; sentences: number; misses: string[] }
  >()
  for (const sentence of LABELLED_SENTENCES) {
    const entry = byCategory.get(sentence.category) ?? { tp: 0, fp: 0, fn: 0, sentences: 0, misses: [] }
    byCategory.set(sentence.category, entry)
    entry.sentences++
    const found = new Set(matcher.find(sentence.text).map((m) => m.termId))
    const expected = new Set(sentence.mentions)
    for (const id of found) {
      if (expected.has(id)) entry.tp++
      else {
        entry.fp++
        entry.misses.push(`extra ${id}: ${sentence.text}`)
      }
    }
    for (const id of expected) {
      if (found.has(id)) continue
      entry.fn++
      entry.misses.push(`missed ${id}: ${sentence.text}`)
    }
  }
  return [...byCategory].map(([category, { tp, fp, fn, sentences, misses }]) => ({
    category,
    sentences,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  }))
}

describe('mention matching against the labelled set', () => {
  it('has at least 150 sentences over every category, with negatives in each', () => {
    expect(LABELLED_SENTENCES.length).toBeGreaterThanOrEqual(150)
    for (const category of ['compound', 'url-email', 'kana', 'long-vowel-dot', 'case', 'reading'] as const) {
      const sentences = LABELLED_SENTENCES.filter((s) => s.category === category)
      expect(sentences.length, category).toBeGreaterThanOrEqual(10)
      if (category !== 'reading')
        expect(
          sentences.some((s) => s.mentions.length === 0),
          category,
        ).toBe(true)
    }
  })

  it('reaches 0.95 precision and recall in every category', () => {
    const rows = score()
    console.table(
      rows.map(({ misses: _m, ...row }) => ({
        ...row,
        precision: row.precision.toFixed(3),
        recall: row.recall.toFixed(3),
      })),
    )
    for (const row of rows) for (const miss of row.misses) console.log(row.category, miss)
    for (const row of rows) {
      expect({
        category: row.category,
        precision: row.precision >= 0.95,
        recall: row.recall >= 0.95,
        misses: row.misses,
      }).toEqual({
        category: row.category,
        precision: true,
        recall: true,
        misses: row.misses,
      })
    }
  })
})
