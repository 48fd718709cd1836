import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { foldForMatching, normalizeLabel, normalizeText, originalRange } from './normalize'

describe('foldForMatching', () => {
  it('folds width, kana, long vowels, middle dots and spaces, and keeps Latin case in `cased`', () => {
    const { folded, cased } = foldForMatching('ＳＫＵの・ぶらうざー')
    expect(folded).toBe('skuノブラウザ')
    expect(cased).toBe('SKUノブラウザ')
  })

  it('maps every folded unit back to the original characters, a dropped long vowel joining the one before', () => {
    const original = 'まず ﾌﾞﾗｳｻﾞｰ・ﾎﾞｯｸｽ を開く'
    const text = foldForMatching(original)
    const start = text.folded.indexOf('ブラウザボックス')
    const [from, to] = originalRange(text, start, start + 'ブラウザボックス'.length)
    expect(original.slice(from, to)).toBe('ﾌﾞﾗｳｻﾞｰ・ﾎﾞｯｸｽ')
    const word = text.folded.indexOf('ブラウザ')
    expect(original.slice(...originalRange(text, word, word + 4))).toBe('ﾌﾞﾗｳｻﾞｰ')
  })

  it('keeps the earlier names working', () => {
    expect(normalizeText('ＵＴＭ コード').text).toBe('utmコド')
    const text = normalizeText('ＵＴＭ コード')
    expect(text.starts).toBe(text.offsets)
    expect(normalizeLabel('ＵＴＭ コード')).toBe('utmコド')
  })

  it('gives ranges inside the original for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (original) => {
        const text = foldForMatching(original)
        expect(text.offsets.length).toBe(text.folded.length)
        expect(text.cased.length).toBe(text.folded.length)
        for (let i = 0; i < text.folded.length; i++) {
          expect(text.offsets[i]).toBeLessThan(text.ends[i] as number)
          expect(text.ends[i]).toBeLessThanOrEqual(original.length)
          if (i > 0) expect(text.offsets[i]).toBeGreaterThanOrEqual(text.offsets[i - 1] as number)
        }
      }),
      { numRuns: 300 },
    )
  })
})
