import { describe, expect, it } from 'vitest'

import { urlRanges, WordBoundaries } from './boundaries'
import { MentionMatcher } from './matcher'

const segments = (text: string) =>
  [...new Intl.Segmenter('ja', { granularity: 'word' }).segment(text)].map((s) => s.segment)

/** Where a match may start in the text, by the matcher's rule. */
const edges = (text: string) => {
  const boundaries = new WordBoundaries(text)
  return Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => boundaries.startsWord(i))
}

describe("what Node's ICU segmenter does (the ground the compound rule stands on)", () => {
  it('splits compounds of known words and keeps unknown longer words whole', () => {
    expect(segments('クーポンコード')).toEqual(['クーポン', 'コード'])
    expect(segments('商品レビュー')).toEqual(['商品', 'レビュー'])
    expect(segments('宅配送料')).toEqual(['宅配', '送料'])
    expect(segments('ペンギン')).toEqual(['ペンギン'])
    expect(segments('タグボート')).toEqual(['タグボート'])
  })

  it('cuts katakana words it does not know into pieces', () => {
    expect(segments('サブスクリプション')).toEqual(['サブ', 'スク', 'リ', 'プ', 'ション'])
  })
})

describe('word boundaries', () => {
  it('join the katakana pieces on both sides of a fragment ICU left', () => {
    expect(edges('サブスクリプション')).toEqual([0, 2, 9])
    expect(edges('ライブコマースアプリ')).toEqual([0, 7, 10])
    expect(edges('カスタマーサポート')).toEqual([0, 2, 5, 9])
    expect(edges('クーポンコード')).toEqual([0, 4, 7])
  })

  it('put a boundary where katakana meets kanji or hiragana', () => {
    expect(new WordBoundaries('ボタン押下').startsWord(3)).toBe(true)
    expect(new WordBoundaries('カードを').endsWord(3)).toBe(true)
  })

  it('between two hiragana, need a particle on one side', () => {
    const text = 'ぽいんとがつく'
    const boundaries = new WordBoundaries(text)
    expect(boundaries.endsWord(4)).toBe(true)
    expect(new WordBoundaries('ぺんぎんの').endsWord(2)).toBe(false)
  })

  it('never cut a Latin word, and always cut between Latin and Japanese', () => {
    const boundaries = new WordBoundaries('said AIツール')
    expect(boundaries.startsWord(1)).toBe(false)
    expect(boundaries.startsWord(5)).toBe(true)
    expect(boundaries.endsWord(7)).toBe(true)
  })
})

describe('the compound rule, on labels in new words', () => {
  const m = new MentionMatcher([
    { termId: 'gift', labels: ['ギフト'] },
    { termId: 'code', labels: ['コード'] },
    { termId: 'sub', labels: ['サブスク'] },
    { termId: 'stock', labels: ['在庫'] },
    { termId: 'mark', labels: ['マーク'] },
  ])
  const found = (text: string) => m.find(text).map((hit) => hit.termId)

  it('counts a label that is a whole segment or a whole run of segments', () => {
    expect(found('ギフトカードを贈る')).toEqual(['gift'])
    expect(found('割引コードの入力')).toEqual(['code'])
    expect(found('在庫数の確認')).toEqual(['stock'])
  })

  it('counts the labels that make up a katakana word ICU keeps whole, and no lone label inside one', () => {
    const tiled = new MentionMatcher([
      { termId: 'gift', labels: ['ギフト'] },
      { termId: 'wrapping', labels: ['ラッピング'] },
      { termId: 'pen', labels: ['ペン'] },
    ])
    expect(tiled.find('ギフトラッピングを頼む').map((hit) => hit.termId)).toEqual(['gift', 'wrapping'])
    expect(tiled.find('ペンギンを見る')).toEqual([])
  })

  it('does not count a label that starts or ends inside a segment', () => {
    expect(found('サブスクリプション型の販売')).toEqual([])
    expect(found('現在庫の数')).toEqual([])
    expect(found('マーケットの動向')).toEqual([])
  })
})

describe('URL and e-mail ranges', () => {
  it('cover URLs with a scheme or www., e-mail addresses and host names, and stop before Japanese text', () => {
    const text = '詳細は https://a.example/p?q=AI#x を、連絡は team@b.example まで。www.c.example/d も。'
    expect(urlRanges(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'https://a.example/p?q=AI#x',
      'team@b.example',
      'www.c.example/d',
    ])
  })

  it('find nothing in text without dots or at-signs', () => {
    expect(urlRanges('ポイントを貯める')).toEqual([])
  })
})
