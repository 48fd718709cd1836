import { describe, expect, it } from 'vitest'

import { CONTENT_TYPES } from '../../storefront-feed/types'
import type { SearchDocument } from './documents'
import { SearchEngine, type SearchFilter } from './engine'

// Fixtures in new words: one per shape (katakana loanword, Latin acronym + kana, kanji with reading,
// case study, playbook), each with a look-alike that must not match.
const doc = (key: string, fields: Partial<SearchDocument>): SearchDocument => {
  const [type, id] = key.split(':') as [SearchDocument['type'], string]
  const title = fields.term_ja ?? id
  return {
    key,
    type,
    id,
    slug: id,
    title: { ja: title, en: fields.term_en || title },
    summary: { ja: fields.summary_ja ?? '', en: fields.summary_en || fields.summary_ja || '' },
    term_ja: '',
    term_en: '',
    alt: '',
    reading: '',
    summary_ja: '',
    summary_en: '',
    body_ja: '',
    body_en: '',
    glossaryId: type === 'glossary-term' ? 'g1' : undefined,
    ...fields,
  }
}

const engine = new SearchEngine()
for (const d of [
  doc('glossary-term:influencer', {
    term_ja: 'インフルエンサー',
    alt: 'Influencer',
    summary_ja: '発信力で購買を動かす人。',
  }),
  doc('glossary-term:influence-rate', {
    term_ja: 'インプレッション',
    alt: 'Impression',
    summary_ja: 'インフラ費用とは無関係の表示回数。',
  }),
  doc('glossary-term:utm-code', { term_ja: 'UTMコード', alt: 'UTM Code', summary_ja: '流入元を見分ける印。' }),
  doc('glossary-term:utm-parameter', {
    term_ja: 'UTMパラメータ',
    alt: 'UTM Parameter',
    summary_ja: 'URL に付ける計測用の値。',
  }),
  doc('glossary-term:utmost', {
    term_ja: '最善努力',
    alt: 'Best Effort',
    summary_ja: 'できる限りのこと。',
    reading: 'さいぜんどりょく',
  }),
  doc('glossary-term:ltv', {
    term_ja: '顧客生涯価値',
    alt: 'Customer Lifetime Value / LTV',
    reading: 'こきゃくしょうがいかち',
    summary_ja: '一人の顧客がもたらす利益の総額。',
  }),
  doc('glossary-term:customer-count', {
    term_ja: '顧客数',
    reading: 'こきゃくすう',
    summary_ja: '取引のある顧客の人数。',
  }),
  doc('case-study:tea-shop', {
    term_ja: '茶葉店の定期便',
    summary_ja: '小売',
    body_ja: 'インフルエンサーと組んで定期便の解約を減らした。',
  }),
  doc('playbook:welcome', {
    term_ja: '初回購入後のフォロー',
    summary_ja: '購入直後の三通のメール。',
    body_ja: '顧客生涯価値を伸ばす最初の一歩。',
  }),
  doc('glossary-term:other-glossary', {
    term_ja: 'インフルエンサー施策',
    glossaryId: 'g2',
    summary_ja: '別の用語集。',
  }),
])
  engine.upsert(d)

const all: SearchFilter = { types: CONTENT_TYPES }
const keys = (q: string, filter = all, locale: 'ja' | 'en' = 'ja') =>
  engine.search(q, locale, filter).hits.map((hit) => hit.doc.key)

describe('search engine', () => {
  it('finds a katakana term from the start of its hiragana spelling (type-ahead)', () => {
    expect(keys('いんふる')[0]).toBe('glossary-term:influencer')
    expect(keys('いんふる')).not.toContain('glossary-term:influence-rate')
  })

  it('finds the term from half-width katakana and a long-vowel spelling', () => {
    expect(keys('ｲﾝﾌﾙｴﾝｻｰ')[0]).toBe('glossary-term:influencer')
    expect(keys('いんふるえんさ〜')).toContain('glossary-term:influencer')
  })

  it('finds the term by its English name, and by it with one letter missing', () => {
    expect(keys('influencer')[0]).toBe('glossary-term:influencer')
    expect(keys('influncer')[0]).toBe('glossary-term:influencer')
    expect(keys('INFLUENCER')[0]).toBe('glossary-term:influencer')
  })

  it('forgives no typo in a short Latin word', () => {
    // `utn` is one edit from `utm`, but 3 letters are too few to guess.
    expect(keys('utn')).toEqual([])
  })

  it('finds both UTM terms from the prefix `utm`, but not a word that only starts alike in another field', () => {
    const found = keys('utm')
    expect(found.slice(0, 2).sort()).toEqual(['glossary-term:utm-code', 'glossary-term:utm-parameter'])
    expect(found).not.toContain('glossary-term:utmost')
    expect(keys('ＵＴＭ　コード')[0]).toBe('glossary-term:utm-code')
  })

  it('finds a kanji term by its reading in hiragana, and by a prefix of the reading', () => {
    expect(keys('こきゃくしょうがいかち')[0]).toBe('glossary-term:ltv')
    const prefix = keys('こきゃく')
    expect(prefix).toContain('glossary-term:ltv')
    expect(prefix).toContain('glossary-term:customer-count')
    expect(keys('こきゃくしょう')).not.toContain('glossary-term:customer-count')
  })

  it('ranks a match in a name above one in a summary, above one in a body', () => {
    const found = keys('インフルエンサー')
    expect(found[0]).toBe('glossary-term:influencer')
    expect(found.indexOf('glossary-term:influencer')).toBeLessThan(found.indexOf('case-study:tea-shop'))
    const ltv = keys('顧客生涯価値')
    expect(ltv[0]).toBe('glossary-term:ltv')
    expect(ltv).toContain('playbook:welcome')
  })

  it('requires every word of the query', () => {
    expect(keys('utm パラメータ')).toEqual(['glossary-term:utm-parameter'])
  })

  it('filters by type and glossary', () => {
    expect(keys('インフルエンサー', { types: ['case-study'] })).toEqual(['case-study:tea-shop'])
    expect(keys('インフルエンサー', { types: ['glossary-term'], glossaryId: 'g2' })).toEqual([
      'glossary-term:other-glossary',
    ])
  })

  it('forgets a removed document and replaces an updated one', () => {
    const local = new SearchEngine()
    local.upsert(doc('glossary-term:a', { term_ja: 'カート放棄' }))
    expect(local.search('かーと', 'ja', all).hits).toHaveLength(1)
    local.upsert(doc('glossary-term:a', { term_ja: 'チェックアウト' }))
    expect(local.search('かーと', 'ja', all).hits).toHaveLength(0)
    expect(local.search('ちぇっく', 'ja', all).hits).toHaveLength(1)
    local.remove('glossary-term:a')
    expect(local.search('ちぇっく', 'ja', all).hits).toHaveLength(0)
  })

  it('searches English text in the en locale and not in ja', () => {
    const local = new SearchEngine()
    local.upsert(doc('glossary-term:b', { term_ja: '同梱物', term_en: 'Package insert' }))
    expect(local.search('package', 'en', all).hits).toHaveLength(1)
    expect(local.search('package', 'ja', all).hits).toHaveLength(0)
    // The default locale's text is the fallback: Japanese queries still find it in en.
    expect(local.search('どうこん', 'en', all).hits).toHaveLength(0)
    expect(local.search('同梱', 'en', all).hits).toHaveLength(1)
  })

  it('scans an en summary and body, then the Japanese text they fall back to', () => {
    const local = new SearchEngine()
    local.upsert(doc('glossary-term:kiln', { term_ja: '窯', body_ja: '登り窯で焼成する陶器。' }))
    local.upsert(
      doc('glossary-term:glaze', {
        term_ja: '釉薬',
        body_ja: '陶器の表面を覆うガラス質。',
        body_en: 'A glassy coat fired onto stoneware.',
      }),
    )
    local.upsert(doc('glossary-term:clay', { term_ja: '粘土', summary_ja: '陶器の素地', summary_en: 'Stoneware body' }))
    // English text is scanned in en only.
    expect(local.search('stoneware', 'en', all).hits.map((hit) => [hit.doc.key, hit.field])).toEqual([
      ['glossary-term:clay', 'summary'],
      ['glossary-term:glaze', 'body'],
    ])
    expect(local.search('stoneware', 'ja', all).hits).toEqual([])
    // Japanese text is found from en too, whether or not the document has English text of its own.
    expect(local.search('陶器', 'en', all).hits.map((hit) => hit.doc.key)).toEqual([
      'glossary-term:clay',
      'glossary-term:kiln',
      'glossary-term:glaze',
    ])
  })

  it('returns the best `limit` hits and counts them all', () => {
    const page = engine.search('インフルエンサー', 'ja', all, 1)
    expect(page.hits.map((hit) => hit.doc.key)).toEqual(['glossary-term:influencer'])
    expect(page.total).toBe(keys('インフルエンサー').length)
    expect(page.total).toBeGreaterThan(1)
  })

  it('answers nothing for a query with nothing searchable in it', () => {
    expect(keys('!!! ・・・')).toEqual([])
  })
})
