import { describe, expect, it } from 'vitest'

import { guide, untitledPage } from '../test/fixtures'
import {
  basketPage,
  gondolaPage,
  listingPage,
  northStarPages,
  pickupPageCutOff,
  shelfPage,
  stockArticle,
  timingArticle,
} from '../test/families'
import { learnBoilerplate, documentLines } from './boilerplate'
import { parseEntryHeading } from './glossaryArticle'
import { parseDocuments } from './corpus'
import { corpusReport } from './json'

const parse = (files: Record<string, string>) =>
  parseDocuments(Object.entries(files).map(([name, text]) => ({ name, text })))
const report = (files: Record<string, string>) => corpusReport(parse(files))
const termOf = (r: ReturnType<typeof report>, term: string) => r.terms.find((t) => t.term === term)

describe('single-term pages of a glossary whose title line carries the English name', () => {
  const r = report({ 'basket.txt': basketPage(), 'shelf.txt': shelfPage() })

  it('reads the term, English name, abbreviation and glossary from the title line, which is not repeated', () => {
    expect(r.errors).toEqual([])
    expect(r.documents.map((d) => d.family)).toEqual(['single-term page', 'single-term page'])
    expect(termOf(r, '平均買い物点数')).toMatchObject({
      slug: 'average-basket-size',
      englishName: 'Average Basket Size',
      glossary: '店舗アナリティクス用語集',
      tags: ['POS', '売場', '用語集'],
      summary: '平均買い物点数(ABS)とは、1回の会計で顧客が買う商品の数の平均です。「バスケットサイズ」とも呼ばれます。',
      excerpt: false,
    })
  })

  it('keeps a differently spelt opening heading, 「…」とも呼ばれます and the bracketed abbreviation as aliases', () => {
    expect(termOf(r, '平均買い物点数')?.aliases).toEqual(['ABS', '平均買い物点数値', 'バスケットサイズ'])
    expect(termOf(r, '平均買い物点数')?.headings).toEqual(['平均買い物点数値とは', '計算のしかた'])
  })

  it('reads a page whose body starts right after the tag line, with the "<name>とは何ですか" heading spelt apart', () => {
    expect(termOf(r, '棚札広告')).toMatchObject({
      englishName: 'Shelf Talker',
      slug: 'shelf-talker',
      aliases: [],
      excerpt: false,
    })
    // Lines with no blank line between them are paragraphs of their own; the summary is the first.
    expect(termOf(r, '棚札広告')?.summary).toBe('棚札広告とは、商品棚に取り付けて特徴を伝える小さな広告です。')
    expect(r.glossaries.map((g) => g.name)).toEqual(['店舗アナリティクス用語集'])
  })
})

describe('header variants', () => {
  it('skips an author byline with a bio and splits a tag line that runs into the repeated title', () => {
    const corpus = parse({ 'gondola.txt': gondolaPage() })
    expect(corpus.explanations[0]).toMatchObject({ family: 'single-term page', header: 'author byline with bio' })
    expect(corpusReport(corpus).terms).toEqual([
      expect.objectContaining({
        term: 'ゴンドラエンド',
        glossary: '店舗アナリティクス用語集',
        tags: ['売場', '陳列', '用語集'],
        summary: 'ゴンドラエンドは、陳列棚の端にある目立つ売場のことです。',
      }),
    ])
    expect(corpus.terms[0]?.text).not.toMatch(/佐藤|相談役/)
  })
})

describe('a multi-term glossary article', () => {
  const corpus = parse({ 'stock.txt': stockArticle() })
  const r = corpusReport(corpus)

  it('gives one term per entry heading in every shape, and none for sections, the H1 or the intro', () => {
    expect(corpus.explanations[0]?.family).toBe('glossary article')
    expect(r.terms.map((t) => [t.term, t.englishName, t.aliases])).toEqual([
      ['安全在庫', 'Safety Stock', ['SS']],
      ['発注点', 'Reorder Point', ['ROP']],
      ['循環棚卸', 'Cycle Count', []],
      ['欠品率', 'Stockout Rate', []],
    ])
    expect(r.terms.every((t) => t.glossary === '小売 店舗 在庫用語集' && !t.excerpt)).toBe(true)
    expect(r.terms.map((t) => t.slug)).toEqual(['safety-stock', 'reorder-point', 'cycle-count', 'stockout-rate'])
  })

  it("runs each entry's body to the next entry or section heading", () => {
    expect(r.terms[0]?.text).toBe('需要のぶれに備えて持つ余分な在庫です。欠品を防ぎます。')
    expect(r.terms[1]?.text).toBe('在庫がこの数量を下回ったら発注します。')
    expect(r.terms[3]?.text).toBe('注文に対して在庫が足りなかった割合です。')
  })

  it('reads the in-page H1 as another name of the same glossary', () => {
    const other = untitledPage({
      glossary: '店舗 在庫用語集',
      body: ['棚替えは、売場の商品配置を入れ替える作業です。'],
    })
    const both = corpusReport(parse({ 'a-other.txt': other, 'b-stock.txt': stockArticle() }))
    expect(both.glossaries.map((g) => g.name)).toEqual(['小売 店舗 在庫用語集', '店舗アナリティクス用語集'])
    expect(both.terms.find((t) => t.term === '棚替え')?.glossary).toBe('小売 店舗 在庫用語集')
  })
})

describe('a listing page', () => {
  const corpus = parse({ 'list.txt': listingPage() })
  const r = corpusReport(corpus)

  it('gives one excerpt per heading, with or without a teaser, and nothing from the tag cloud', () => {
    expect(corpus.explanations[0]?.family).toBe('listing page')
    expect(r.terms.map((t) => [t.englishName, t.term, t.excerpt])).toEqual([
      ['Safety Stock', '安全在庫', true],
      ['Planogram', '棚割表', true],
      ['Store Traffic', '来店客数', true],
      ['Average Basket Size', '平均買い物点数', true],
    ])
    expect(r.terms.find((t) => t.term === '来店客数')?.summary).toBe('')
    expect(r.terms.map((t) => t.term)).not.toContain('AI')
    expect(corpus.explanations[0]?.dropped).toContainEqual({
      what: '- AI - POS - 在庫 - 売場',
      why: 'tag cloud at the end of the listing',
    })
  })

  it('keeps teaser bullets in the teaser and ends an entry at a separator glued to its last line', () => {
    expect(r.terms[0]?.summary).toBe('需要のぶれに備えて持つ在庫です。 - 欠品を防ぐ - 持ちすぎとの釣り合いを取る')
    expect(r.terms[1]?.summary).toBe('商品を棚のどこに置くかを示す図です。売場ごとに作り')
  })
})

describe('one term per concept across families', () => {
  const corpus = parse({ 'a-basket.txt': basketPage(), 'b-list.txt': listingPage(), 'c-stock.txt': stockArticle() })
  const r = corpusReport(corpus)

  it('merges a page, a glossary entry and listing headings on the English name or abbreviation, best text first', () => {
    const basket = r.terms.filter((t) => t.englishName === 'Average Basket Size')
    expect(basket).toHaveLength(1)
    expect(basket[0]).toMatchObject({ term: '平均買い物点数', excerpt: false, sources: ['a-basket.txt', 'b-list.txt'] })
    expect(basket[0]?.summary).toMatch(/^平均買い物点数\(ABS\)とは/)
    const stock = r.terms.filter((t) => t.englishName === 'Safety Stock')
    expect(stock).toHaveLength(1)
    expect(stock[0]).toMatchObject({
      excerpt: false,
      sources: ['b-list.txt', 'c-stock.txt'],
      text: '需要のぶれに備えて持つ余分な在庫です。欠品を防ぎます。',
    })
    expect(corpus.terms.find((t) => t.englishName === 'Safety Stock')?.sources).toEqual([
      { document: 'b-list.txt', completeness: 'excerpt' },
      { document: 'c-stock.txt', completeness: 'full' },
    ])
  })

  it('files a term only a listing names under the glossary of the terms listed beside it', () => {
    expect(r.terms.find((t) => t.term === '棚割表')).toMatchObject({ excerpt: true, glossary: expect.any(String) })
    expect(r.terms).toHaveLength(7)
  })
})

describe('an article that is not a glossary page', () => {
  it('yields no term from a definition heading, bilingual bullets, a numbered list, a table or a lone entry-like line', () => {
    const corpus = parse({ 'timing.txt': timingArticle(), 'basket.txt': basketPage() })
    expect(corpus.explanations.find((e) => e.file === 'timing.txt')?.family).toBe('article')
    expect(corpus.terms.map((t) => t.term)).toEqual(['平均買い物点数'])
    expect(corpus.playbooks).toEqual([])
    expect(corpus.tags.map((t) => t.name)).toContain('店舗')
  })

  it('still reads a guide of a few steps as a playbook when several pages repeat it', () => {
    const a = untitledPage({ glossary: 'モバイル用語集', body: ['通知は、利用者に届く知らせです。'], footer: guide() })
    const b = untitledPage({
      glossary: 'モバイル用語集',
      body: ['開封は、届いた知らせを開くことです。'],
      footer: guide(),
    })
    expect(parse({ 'a.txt': a, 'b.txt': b }).playbooks.map((p) => p.steps.length)).toEqual([3])
    expect(parse({ 'a.txt': a }).playbooks).toEqual([])
  })
})

describe('cut-off dumps', () => {
  it('imports a page that stops mid-sentence as an excerpt whose summary ends at the last whole sentence', () => {
    const r = report({ 'pickup.txt': pickupPageCutOff() })
    expect(r.terms).toEqual([
      expect.objectContaining({
        term: '店舗受け取り',
        englishName: 'Click and Collect',
        excerpt: true,
        summary:
          '店舗受け取りとは、オンラインで注文した商品を店舗で受け取る仕組みです。送料がかからないため利用者が増えています。',
      }),
    ])
  })

  it('keeps the entries before the cut whole and makes the cut-off entry an excerpt', () => {
    const r = report({ 'stock.txt': stockArticle({ cutOff: true }) })
    expect(r.terms.map((t) => [t.term, t.excerpt])).toEqual([
      ['安全在庫', false],
      ['発注点', false],
      ['循環棚卸', false],
      ['欠品率', true],
    ])
    expect(r.terms[3]?.summary).toBe('注文に対して在庫が足りなかった割合です。')
  })
})

describe('boilerplate learned from the corpus', () => {
  const pages = northStarPages()

  it('finds the header and footer lines every page repeats, and not the lines of one page', () => {
    const learned = learnBoilerplate(Object.values(pages).map(documentLines))
    expect(learned).toContain('北星リテール株式会社')
    expect(learned).toContain('© 北星リテール 2026')
    expect(learned).not.toContain('客数は、一定の期間に店を訪れた人の数です。')
  })

  it('removes a header and footer it was never told about, so each page gives its term', () => {
    const r = report(pages)
    expect(r.terms.map((t) => t.term)).toEqual(['客数', '買上率', '値引き率', '回転日数'])
    for (const term of r.terms) expect(`${term.summary}\n${term.text}`).not.toMatch(/北星|お問い合わせ|©/)
  })
})

describe('--explain data', () => {
  it('says for every file which family it is, why, each entry and each dropped block', () => {
    const corpus = parse({ 'stock.txt': stockArticle(), 'list.txt': listingPage() })
    const stock = corpus.explanations.find((e) => e.file === 'stock.txt')
    expect(stock?.why).toMatch(/4 entry headings/)
    expect(stock?.entries.map((e) => [e.heading, e.term])).toContainEqual(['発注点 Reorder Point :ROP', '発注点'])
    expect(stock?.dropped).toContainEqual({ what: 'C', why: 'section heading, not a term' })
    expect(stock?.dropped).toContainEqual({ what: '在庫&補充', why: 'section heading, not a term' })
  })
})

describe('entry headings of glossary articles', () => {
  it.each([
    ['入荷予約 Inbound Booking :IB', { japanese: '入荷予約', english: 'Inbound Booking', abbreviation: 'IB' }],
    ['入荷予約  Inbound Booking :IB', { japanese: '入荷予約', english: 'Inbound Booking', abbreviation: 'IB' }],
    [
      '越境物流:Cross-Border Logistics',
      { japanese: '越境物流', english: 'Cross-Border Logistics', abbreviation: null },
    ],
    ['在庫単位:Stock Keeping Unit (SKU)', { japanese: '在庫単位', english: 'Stock Keeping Unit', abbreviation: 'SKU' }],
    [
      '物流KPI Logistics Indicator :LKPI',
      { japanese: '物流KPI', english: 'Logistics Indicator', abbreviation: 'LKPI' },
    ],
  ])('reads "%s"', (line, expected) => {
    expect(parseEntryHeading(line)).toEqual(expected)
  })

  it.each([
    '- 棚割 (Planogram): 商品の配置を決めます。',
    '  • 返品率 (Return Rate):',
    'ゴンドラ Gondola 陳列棚',
    '例: &utm_source=shop',
    'カテゴリーマネジメント(Category Management)とは',
    '売上は、前年より伸びました:Growth',
    'ポイント: tips',
  ])('does not read "%s" as an entry heading', (line) => {
    expect(parseEntryHeading(line)).toBeNull()
  })
})

describe('more shapes of the same families', () => {
  it('splits an opening heading that gives two names ("<読み>:<name>とは") into two aliases', () => {
    const page = basketPage().replace('平均買い物点数値とは', 'バスケット点数:平均買い物点数 (ABS)とは')
    expect(termOf(report({ 'basket.txt': page }), '平均買い物点数')?.aliases).toEqual([
      'ABS',
      'バスケット点数',
      'バスケットサイズ',
    ])
  })

  it('reads a per-tag listing whose first entry sits under the tag name', () => {
    const r = report({ 'tag.txt': listingPage().replace('用語集\n\n', '用語集\n\nPOS\n') })
    expect(r.terms.map((t) => t.term)).toEqual(['安全在庫', '棚割表', '来店客数', '平均買い物点数'])
  })

  it('skips an author byline above a page with no title line', () => {
    const page = [
      '田中 ひろし',
      '売場の相談役。',
      '客層は、店を訪れる人の年齢や暮らし方の傾向です。',
      '店舗アナリティクス用語集 小売の現場を強くするために',
    ].join('\n')
    const corpus = parse({ 'byline.txt': page })
    expect(corpus.explanations[0]?.header).toBe('author byline')
    expect(corpus.terms.map((t) => [t.term, t.summary])).toEqual([
      ['客層', '客層は、店を訪れる人の年齢や暮らし方の傾向です。'],
    ])
  })
})
