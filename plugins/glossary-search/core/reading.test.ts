import { describe, expect, it } from 'vitest'

import { readingFromTokens, suggestReading } from './reading'

const noAnalyser = async () => {
  throw new Error('the analyser must not be called for this headword')
}

describe('suggested readings', () => {
  it('reads kana headwords as themselves, in hiragana with the long-vowel mark kept', async () => {
    expect(await suggestReading('ギフトラッピング', noAnalyser)).toBe('ぎふとらっぴんぐ')
    expect(await suggestReading('ｸｰﾎﾟﾝ', noAnalyser)).toBe('くーぽん')
  })

  it('gives English-only headwords no reading', async () => {
    expect(await suggestReading('Net Promoter Score', noAnalyser)).toBeUndefined()
    expect(await suggestReading('ＫＰＩ', noAnalyser)).toBeUndefined()
  })

  it('joins token readings for kanji headwords, keeping kana and Latin parts', () => {
    expect(
      readingFromTokens([
        { surface: '送料', reading: 'ソウリョウ' },
        { surface: '無料', reading: 'ムリョウ' },
      ]),
    ).toBe('そうりょうむりょう')
    expect(readingFromTokens([{ surface: 'SNS' }, { surface: '広告', reading: 'コウコク' }])).toBe('SNSこうこく')
  })

  it('suggests nothing when a kanji token has no known reading', () => {
    expect(readingFromTokens([{ surface: '鰯', reading: '*' }])).toBeUndefined()
    expect(readingFromTokens([{ surface: '鰯' }])).toBeUndefined()
  })
})
