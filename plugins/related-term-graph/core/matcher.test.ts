import { describe, expect, it } from 'vitest'

import { MentionMatcher } from './matcher'
import { normalizeLabel, normalizeText } from './normalize'

const matcher = (terms: Record<string, string[]>) =>
  new MentionMatcher(Object.entries(terms).map(([termId, labels]) => ({ termId, labels })))

const found = (m: MentionMatcher, text: string, self?: string) => m.find(text, self).map((hit) => hit.termId)

describe('label normalisation', () => {
  it('treats full-width and half-width forms alike (NFKC)', () => {
    expect(normalizeLabel('ＵＴＭコード')).toBe(normalizeLabel('UTMコード'))
    expect(normalizeLabel('ｲﾝﾌﾙｴﾝｻｰ')).toBe(normalizeLabel('インフルエンサー'))
    expect(normalizeLabel('ｶﾞｲﾄﾞ')).toBe(normalizeLabel('ガイド'))
  })

  it('ignores Latin case', () => {
    expect(normalizeLabel('Net Promoter Score')).toBe(normalizeLabel('net promoter score'))
  })

  it('ignores spaces inside katakana compounds and around the middle dot', () => {
    expect(normalizeLabel('UTM コード')).toBe(normalizeLabel('UTMコード'))
    expect(normalizeLabel('ネット プロモーター スコア')).toBe(normalizeLabel('ネットプロモータースコア'))
    expect(normalizeLabel('ネット ・ プロモーター')).toBe(normalizeLabel('ネット・プロモーター'))
    expect(normalizeLabel('インフルエンサー　マーケティング')).toBe(normalizeLabel('インフルエンサーマーケティング'))
  })

  it('keeps one space between Latin words', () => {
    expect(normalizeLabel('Net   Promoter\tScore')).toBe('net promoter score')
    expect(normalizeLabel('NetPromoterScore')).not.toBe(normalizeLabel('Net Promoter Score'))
  })

  it('drops the long-vowel mark and the middle dot, and folds hyphen variants to one', () => {
    expect(new Set(['ブラウザー', 'ブラウザ', 'ﾌﾞﾗｳｻﾞｰ', 'ブラウザ－'].map(normalizeLabel)).size).toBe(1)
    expect(
      new Set(
        ['ライフ・タイム・バリュー', 'ライフタイムバリュー', 'ライフ･タイム･バリュー', 'ライフ タイム バリュー'].map(
          normalizeLabel,
        ),
      ).size,
    ).toBe(1)
    expect(new Set(['e-mail', 'e‐mail', 'e－mail', 'E–mail'].map(normalizeLabel))).toEqual(new Set(['e-mail']))
  })

  it('spells hiragana as katakana', () => {
    expect(normalizeLabel('ぽいんと')).toBe(normalizeLabel('ポイント'))
    expect(normalizeLabel('きゃっしゅばっく')).toBe(normalizeLabel('キャッシュバック'))
  })

  it('maps normalised positions back to the original text', () => {
    const original = 'ＵＴＭ コードを使う'
    const normalized = normalizeText(original)
    const start = normalized.text.indexOf(normalizeLabel('UTMコード'))
    const end = start + normalizeLabel('UTMコード').length
    expect(original.slice(normalized.starts[start], normalized.ends[end - 1])).toBe('ＵＴＭ コード')
  })
})

describe('mention matching', () => {
  it('finds a term written with spaces, full-width letters or another case', () => {
    const m = matcher({ utm: ['UTMコード'] })
    expect(found(m, 'キャンペーンごとに UTM コード を付けます。')).toEqual(['utm'])
    expect(found(m, 'ＵＴＭコードを確認')).toEqual(['utm'])
    expect(found(m, 'utmコードを確認')).toEqual(['utm'])
  })

  it('finds ネットプロモータースコア however the katakana is spaced', () => {
    const m = matcher({ nps: ['ネットプロモータースコア', 'NPS'] })
    expect(found(m, '顧客ロイヤルティはネット プロモーター スコアで測ります')).toEqual(['nps'])
    expect(found(m, 'NPSが上がった')).toEqual(['nps'])
  })

  it('finds terms by English name and alias', () => {
    const m = matcher({ utm: ['UTMコード', 'UTM Code', 'UTMパラメータ'] })
    expect(found(m, 'Add a utm code to every link.')).toEqual(['utm'])
    expect(found(m, 'UTM パラメータを設定する')).toEqual(['utm'])
  })

  it('prefers the longest match: インフルエンサーマーケティング does not also count as インフルエンサー', () => {
    const m = matcher({ influencer: ['インフルエンサー'], marketing: ['インフルエンサーマーケティング'] })
    expect(found(m, 'インフルエンサー マーケティングに携わった担当者')).toEqual(['marketing'])
    expect(found(m, '有名なインフルエンサーを起用した')).toEqual(['influencer'])
  })

  it('lets the longer label win even when a shorter one starts earlier', () => {
    const m = matcher({ short: ['オムニ'], long: ['チャネルコマース'], longer: ['オムニチャネルコマース'] })
    expect(found(m, 'オムニチャネルコマースとは')).toEqual(['longer'])
  })

  it('never links a term to itself, and its own name does not hide a shorter term inside it', () => {
    const m = matcher({ influencer: ['インフルエンサー'], marketing: ['インフルエンサーマーケティング'] })
    expect(found(m, 'インフルエンサーマーケティングとは、', 'marketing')).toEqual([])
    expect(found(m, 'インフルエンサーは影響力を持つ人物です。', 'influencer')).toEqual([])
  })

  it('does not find a Latin label inside a longer Latin word', () => {
    const m = matcher({ ec: ['EC'], cx: ['CX'] })
    expect(found(m, 'Select the effect')).toEqual([])
    expect(found(m, 'ECサイトのCX')).toEqual(['ec', 'cx'])
  })

  it('reports every term that shares a label', () => {
    const m = matcher({ a: ['LTV'], b: ['LTV', '顧客生涯価値'] })
    expect(found(m, 'LTVを伸ばす').sort()).toEqual(['a', 'b'])
  })

  it('returns ranges of the original text', () => {
    const m = matcher({ utm: ['UTMコード'] })
    const text = 'まず ＵＴＭ コード を設定'
    const [hit] = m.find(text)
    expect(text.slice(hit?.start, hit?.end)).toBe('ＵＴＭ コード')
  })

  it('ignores labels shorter than two characters', () => {
    const m = matcher({ x: ['X', 'ア'] })
    expect(found(m, 'X アカウント')).toEqual([])
  })
})

describe('mention matcher edits', () => {
  it('finds a term added after construction', () => {
    const m = matcher({ utm: ['UTMコード'] })
    m.setTerm('cx', ['CX', '顧客体験'])
    expect(found(m, '顧客体験とUTMコード')).toEqual(['cx', 'utm'])
  })

  it('stops finding a renamed label and finds the new one', () => {
    const m = matcher({ utm: ['UTMコード'] })
    expect(m.setTerm('utm', ['UTMタグ'])).toBe(true)
    expect(found(m, 'UTMコード')).toEqual([])
    expect(found(m, 'UTMタグ')).toEqual(['utm'])
  })

  it('reports no change when the labels are the same after normalisation', () => {
    const m = matcher({ utm: ['UTMコード'] })
    expect(m.setTerm('utm', ['ＵＴＭ コード'])).toBe(false)
  })

  it('stops finding a removed term', () => {
    const m = matcher({ utm: ['UTMコード'], cx: ['CX'] })
    m.removeTerm('utm')
    expect(found(m, 'UTMコードとCX')).toEqual(['cx'])
  })

  it('keeps matching correctly after the overlay is folded into a new main automaton', () => {
    const m = new MentionMatcher([], { overlayLimit: 2 })
    m.setTerm('a', ['アルファ'])
    m.setTerm('b', ['ベータ'])
    m.setTerm('c', ['ガンマ'])
    expect(found(m, 'アルファとベータとガンマ')).toEqual(['a', 'b', 'c'])
    m.setTerm('d', ['デルタ'])
    m.removeTerm('b')
    expect(found(m, 'アルファとベータとガンマとデルタ')).toEqual(['a', 'c', 'd'])
  })

  it('applies longest-match across old and newly added labels', () => {
    const m = matcher({ influencer: ['インフルエンサー'] })
    m.setTerm('marketing', ['インフルエンサーマーケティング'])
    expect(found(m, 'インフルエンサーマーケティング')).toEqual(['marketing'])
  })
})
