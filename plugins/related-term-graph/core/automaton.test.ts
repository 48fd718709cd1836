import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { PatternAutomaton } from './automaton'

type Hit = [pattern: string, start: number, end: number]

/** Every occurrence of every pattern, found the slow and obvious way. */
const scan = (patterns: readonly string[], text: string): Hit[] => {
  const hits: Hit[] = []
  for (const pattern of new Set(patterns)) {
    if (pattern.length === 0) continue
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1))
      hits.push([pattern, at, at + pattern.length])
  }
  return hits.sort(byPosition)
}

const byPosition = (a: Hit, b: Hit): number => a[2] - b[2] || a[1] - b[1] || (a[0] < b[0] ? -1 : 1)

const hitsOf = (automaton: PatternAutomaton, text: string): Hit[] => {
  const hits: Hit[] = []
  automaton.forEachHit(text, (pattern, start, end) => hits.push([automaton.patterns[pattern]!, start, end]))
  return hits.sort(byPosition)
}

// Few distinct units, so patterns share prefixes and suffixes and overlap in the texts; kana, kanji, a
// long-vowel mark and a surrogate pair (an emoji) among them.
const unit = fc.constantFrom('a', 'b', 's', ' ', 'ア', 'イ', 'ー', '配', '送', '😀')
const word = fc.array(unit, { minLength: 0, maxLength: 6 }).map((units) => units.join(''))

describe('PatternAutomaton', () => {
  it('finds exactly the occurrences a plain scan finds, overlapping and nested ones included', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(unit, { maxLength: 60 }), (patterns, units) => {
        const text = units.join('')
        expect(hitsOf(new PatternAutomaton(patterns), text)).toEqual(scan(patterns, text))
      }),
      { numRuns: 500 },
    )
  })

  it('knows which strings are its patterns (not their prefixes or extensions)', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), word, (patterns, probe) => {
        const automaton = new PatternAutomaton(patterns)
        expect(automaton.has(probe)).toBe(probe.length > 0 && patterns.includes(probe))
      }),
      { numRuns: 500 },
    )
  })

  it('reports a nested label, its container and a label ending inside it (配送 in 配送料, 送料)', () => {
    const automaton = new PatternAutomaton(['配送', '配送料', '送料', 'sku'])
    expect(hitsOf(automaton, '配送料とsku')).toEqual([
      ['配送', 0, 2],
      ['配送料', 0, 3],
      ['送料', 1, 3],
      ['sku', 4, 7],
    ])
    expect(hitsOf(new PatternAutomaton([]), 'anything')).toEqual([])
  })
})
