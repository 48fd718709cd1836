import { describe, expect, it } from 'vitest'

import { renderRichTextHtml } from '../../storefront-feed/core/richText'
import { mentionLinkerFor } from '../server/render'
import type { TermGraphService } from '../server/service'
import { AUDIT_DOCUMENTS, AUDIT_SENTENCES, AUDIT_TERMS, type AuditCategory } from './auditMentions'
import { GraphIndex } from './graphIndex'
import { MentionMatcher } from './matcher'
import type { TermRecord } from './model'
import { lexicalPlainText } from './text'

type Tally = { tp: number; fp: number; fn: number; items: number; misses: string[] }

const tally = (into: Tally, found: Iterable<string>, expected: readonly string[], what: string) => {
  into.items++
  const want = new Set(expected)
  const seen = new Set<string>()
  for (const id of found) {
    // A term found twice where it is wanted once (a second auto-link) is a false positive.
    if (want.has(id) && !seen.has(id)) into.tp++
    else {
      into.fp++
      into.misses.push(`extra ${id}: ${what}`)
    }
    seen.add(id)
  }
  for (const id of want) {
    if (seen.has(id)) continue
    into.fn++
    into.misses.push(`missed ${id}: ${what}`)
  }
}

const rows = (tallies: Map<string, Tally>) =>
  [...tallies].map(([category, { tp, fp, fn, items, misses }]) => ({
    category,
    items,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    misses,
  }))

const record = (t: (typeof AUDIT_TERMS)[number]): TermRecord => ({
  id: t.id,
  slug: t.id,
  term: { ja: t.term },
  englishName: t.englishName ?? null,
  reading: t.reading ?? null,
  aliases: t.aliases ?? [],
  glossary: 'g',
  text: {},
  related: [],
  broader: null,
  tags: [],
})

const scoreSentences = (withKnownLimits: boolean) => {
  const matcher = new MentionMatcher(
    AUDIT_TERMS.map((t) => ({ termId: t.id, labels: [t.term, t.reading, t.englishName, ...(t.aliases ?? [])] })),
  )
  const tallies = new Map<AuditCategory | 'document' | 'document-links', Tally>()
  const entry = (category: AuditCategory | 'document' | 'document-links') => {
    const found = tallies.get(category) ?? { tp: 0, fp: 0, fn: 0, items: 0, misses: [] }
    tallies.set(category, found)
    return found
  }
  for (const sentence of AUDIT_SENTENCES) {
    if (sentence.limit && !withKnownLimits) continue
    tally(
      entry(sentence.category),
      new Set(matcher.find(sentence.text).map((m) => m.termId)),
      sentence.mentions,
      sentence.text,
    )
  }
  return { tallies, entry, matcher }
}

/** Documents: the graph's mentions (plain text without headings, code, links) and the feed's auto-links. */
const scoreDocuments = async (entry: ReturnType<typeof scoreSentences>['entry'], matcher: MentionMatcher) => {
  const index = GraphIndex.build({ terms: AUDIT_TERMS.map(record), glossarySlugs: [['g', 'g']] })
  const service = { view: async () => index, defaultLocale: 'ja' } as unknown as TermGraphService
  for (const doc of AUDIT_DOCUMENTS) {
    const state = {
      root: { type: 'root', children: doc.children, direction: 'ltr', format: '', indent: 0, version: 1 },
    }
    const mentioned = new Set(matcher.find(lexicalPlainText(state)).map((m) => m.termId))
    tally(entry('document'), mentioned, doc.linked, doc.name)
    const linker = await mentionLinkerFor(() => service)({ payload: {} as never })
    const html = renderRichTextHtml(state as never, {
      linkMentions: (value) =>
        linker(value).map((l) => ({ start: l.start, end: l.end, href: `/g/${l.term.slug}`, slug: l.term.slug })),
    })
    const linked = [...html.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1] as string)
    tally(entry('document-links'), linked, doc.linked, `${doc.name}: ${html}`)
  }
}

describe('mention matching against the audit set (second labelled set)', () => {
  it('has at least 120 sentences, with positives and negatives in the categories that have words inside words', () => {
    expect(AUDIT_SENTENCES.length).toBeGreaterThanOrEqual(120)
    for (const category of [
      'compound',
      'straddle',
      'url-email',
      'kana',
      'long-vowel-dot-space',
      'acronym',
      'english',
      'overlap',
    ] as const) {
      const sentences = AUDIT_SENTENCES.filter((s) => s.category === category)
      expect(
        sentences.some((s) => s.mentions.length === 0),
        category,
      ).toBe(true)
      expect(
        sentences.some((s) => s.mentions.length > 0),
        category,
      ).toBe(true)
    }
    const labels = new Set(AUDIT_TERMS.map((t) => t.id))
    for (const sentence of AUDIT_SENTENCES) for (const id of sentence.mentions) expect(labels.has(id), id).toBe(true)
  })

  it('documents why each known limitation is one, and the matcher still gets those sentences wrong', () => {
    const matcher = new MentionMatcher(
      AUDIT_TERMS.map((t) => ({ termId: t.id, labels: [t.term, t.reading, t.englishName, ...(t.aliases ?? [])] })),
    )
    for (const sentence of AUDIT_SENTENCES.filter((s) => s.limit)) {
      const found = [...new Set(matcher.find(sentence.text).map((m) => m.termId))].sort()
      // When one of these starts passing, drop its `limit` so the gate covers it.
      expect(found, `${sentence.text} (${sentence.limit})`).not.toEqual([...sentence.mentions].sort())
    }
  })

  it('reaches 0.95 precision and recall in every category, documents included', async () => {
    // Every sentence, known limitations included: reported, not gated.
    const all = rows(scoreSentences(true).tallies)
    const { tallies, entry, matcher } = scoreSentences(false)
    await scoreDocuments(entry, matcher)
    const table = rows(tallies)
    console.table(
      table.map(({ misses: _m, ...row }) => {
        const whole = all.find((r) => r.category === row.category)
        return {
          ...row,
          precision: row.precision.toFixed(3),
          recall: row.recall.toFixed(3),
          'precision (all)': (whole ?? row).precision.toFixed(3),
          'recall (all)': (whole ?? row).recall.toFixed(3),
        }
      }),
    )
    for (const row of all) for (const miss of row.misses) console.log('all:', row.category, miss)
    for (const row of table) {
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
