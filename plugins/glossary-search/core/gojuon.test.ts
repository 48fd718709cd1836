import { describe, expect, it } from 'vitest'

import { groupByGojuon, groupOf } from './gojuon'

describe('五十音 / A–Z grouping', () => {
  it('files a term under the row of its reading, folding voiced and small kana', () => {
    expect(groupOf('顧客生涯価値', 'こきゃくしょうがいかち')).toBe('か')
    expect(groupOf('雑貨', 'ざっか')).toBe('さ')
    expect(groupOf('パッケージ', 'ぱっけーじ')).toBe('は')
    expect(groupOf('ぁ行', 'ぁ')).toBe('あ')
    expect(groupOf('ヴィンテージ', undefined)).toBe('あ')
    expect(groupOf('ヲタ芸', undefined)).toBe('わ')
    expect(groupOf('ンジャメナ', undefined)).toBe('わ')
    expect(groupOf('ｶﾞｲﾄﾞ', undefined)).toBe('か')
  })

  it('files Latin headwords by letter, and the rest under other', () => {
    expect(groupOf('UTMコード', 'UTMこーど')).toBe('U')
    expect(groupOf('ｎｐｓ', undefined)).toBe('N')
    expect(groupOf('3C分析', undefined)).toBe('other')
    expect(groupOf('販促', undefined)).toBe('other')
  })

  it('lists every group in order, entries sorted by reading', () => {
    const groups = groupByGojuon([
      { term: '顧客数', reading: 'こきゃくすう', value: 'customers' },
      { term: 'カート', reading: 'かーと', value: 'cart' },
      { term: 'Affiliate', value: 'affiliate' },
      { term: '#タグ', value: 'hash' },
    ])
    expect(groups.map((group) => group.key).slice(0, 11)).toEqual([
      'あ',
      'か',
      'さ',
      'た',
      'な',
      'は',
      'ま',
      'や',
      'ら',
      'わ',
      'A',
    ])
    expect(groups.find((group) => group.key === 'か')?.entries).toEqual(['cart', 'customers'])
    expect(groups.find((group) => group.key === 'A')?.entries).toEqual(['affiliate'])
    expect(groups.at(-1)).toEqual({ key: 'other', entries: ['hash'] })
  })
})
