import { describe, expect, it } from 'vitest'

import { BLURB, encode, guide, teaser, titledPage, untitledPage } from '../test/fixtures'
import { parseDocuments } from './corpus'
import { corpusReport } from './json'
import { parseManifest } from './manifest'
import type { ParsedCorpus } from './types'

const parse = (files: Record<string, string | Uint8Array>) =>
  parseDocuments(
    Object.entries(files).map(([name, content]) =>
      typeof content === 'string' ? { name, text: content } : { name, bytes: content },
    ),
  )
const report = (corpus: ParsedCorpus) => corpusReport(corpus)

const appPage = titledPage({
  term: 'アプリ内通知',
  glossary: 'モバイル用語集',
  tags: ['アプリ', 'モバイル'],
  body: [
    'アプリ内通知とは、アプリを開いている利用者に表示するメッセージです。',
    '',
    '配信の種類',
    '',
    '  • バナー:',
    '    画面の上部に短く表示します。',
    '  • モーダル: 画面の中央に表示し、操作を求めます。',
    '',
    '通知は多すぎると逆効果です。',
  ],
  footer: guide(),
  recommended: [
    ...teaser(
      'Push Notification プッシュ通知 (PN) モバイル 用語集 アプリ成長のために',
      'プッシュ通知とは プッシュ通知は、アプリを閉じていても届く通知です。端末のロック画面に...',
    ),
    ...teaser('アプリ開発の基礎 アプリ開発の基礎 お知らせ', 'アプリを作る前に知っておきたいことをまとめました...'),
  ],
})

const segmentPage = untitledPage({
  glossary: 'モバイル用語集',
  body: [
    'セグメント配信は、条件で絞った利用者だけに通知を送る方法です。',
    'セグメントの作り方',
    '- 行動で分ける:',
    '直近に購入した人を選びます。 - 属性で分ける:',
    '年齢や地域で選びます。',
    'まとめ',
    '小さく始めて効果を測りましょう。',
  ],
  footer: guide(),
})

describe('a hand-made page with a title line', () => {
  const corpus = parse({ 'app.txt': appPage })
  const app = report(corpus).terms.find((t) => t.term === 'アプリ内通知')

  it('gives its term, glossary, tags, summary and section headings', () => {
    expect(corpus.errors).toEqual([])
    expect(app).toMatchObject({
      glossary: 'モバイル用語集',
      tags: ['アプリ', 'モバイル'],
      summary: 'アプリ内通知とは、アプリを開いている利用者に表示するメッセージです。',
      headings: ['配信の種類'],
      excerpt: false,
    })
    expect(app?.text).toBe(
      [
        'アプリ内通知とは、アプリを開いている利用者に表示するメッセージです。',
        '配信の種類',
        'バナー: 画面の上部に短く表示します。\nモーダル: 画面の中央に表示し、操作を求めます。',
        '通知は多すぎると逆効果です。',
      ].join('\n\n'),
    )
  })

  it('turns a glossary teaser into an excerpt term and ignores an article teaser', () => {
    const push = report(corpus).terms.find((t) => t.englishName === 'Push Notification')
    expect(push).toMatchObject({
      term: 'プッシュ通知',
      aliases: ['PN'],
      glossary: 'モバイル用語集',
      summary: 'プッシュ通知は、アプリを閉じていても届く通知です。端末のロック画面に',
      excerpt: true,
    })
    expect(corpus.terms).toHaveLength(2)
    expect(corpus.documents[0]).toMatchObject({ teaserTerms: 1, recommendedArticles: 1 })
  })

  it('finds the guide two pages repeat in the footer as a playbook with its steps, intro and closing', () => {
    const [playbook] = report(parse({ 'app.txt': appPage, 'segment.txt': segmentPage })).playbooks
    expect(playbook).toMatchObject({
      title: '購入後の三段階ガイド',
      summary: '顧客との関係を深める',
      stage: 'post-purchase',
      intro: '購入後の体験は、次の段階で設計します。',
      closing: 'この三段階で、顧客との長い関係が始まります。',
    })
    expect(playbook?.steps.map((s) => [s.title, s.channels])).toEqual([
      ['お礼の連絡', ['email']],
      ['使い方の案内', ['line']],
      ['再購入の提案', ['store']],
    ])
  })
})

describe('a hand-made page without a title line', () => {
  const corpus = parse({ 'segment.txt': segmentPage })
  const segment = report(corpus).terms[0]

  it('takes the term from the subject of the first sentence and the glossary from the footer', () => {
    expect(corpus.errors).toEqual([])
    expect(segment).toMatchObject({ term: 'セグメント配信', glossary: 'モバイル用語集', tags: [] })
  })

  it('splits bullets that share a line and keeps their explanations', () => {
    expect(segment?.headings).toEqual(['セグメントの作り方', 'まとめ'])
    expect(segment?.text).toContain('行動で分ける: 直近に購入した人を選びます。\n属性で分ける: 年齢や地域で選びます。')
  })
})

describe('pages of the same site merged into one corpus', () => {
  it('makes one term of a term met in full on one page and as a teaser on another, listing both sources', () => {
    const teaserPage = titledPage({
      term: '開封率',
      glossary: 'モバイル用語集',
      tags: ['メール'],
      body: ['開封率は、届いたメールが開かれた割合です。'],
      recommended: teaser(
        'In-App Message アプリ内通知 モバイル 用語集',
        'アプリ内通知とは アプリ内通知は、画面に出す案内です...',
      ),
    })
    const corpus = parse({ 'a-app.txt': appPage, 'b-open.txt': teaserPage })
    const app = report(corpus).terms.filter((t) => t.term === 'アプリ内通知')
    expect(app).toHaveLength(1)
    expect(app[0]).toMatchObject({
      excerpt: false,
      englishName: 'In-App Message',
      sources: ['a-app.txt', 'b-open.txt'],
    })
    expect(corpus.terms.find((t) => t.term === 'アプリ内通知')?.sources).toEqual([
      { document: 'a-app.txt', completeness: 'full' },
      { document: 'b-open.txt', completeness: 'excerpt' },
    ])
  })

  it('makes one playbook of a guide repeated with small wording differences, keeping the most common wording', () => {
    const variant = appPage.replace('購入直後にメールでお礼を伝えます。', '購入直後にメールでお礼を伝える。')
    const corpus = parse({ 'a.txt': appPage, 'b.txt': segmentPage, 'c.txt': variant })
    expect(corpus.playbooks).toHaveLength(1)
    expect(corpus.playbooks[0]?.steps[0]?.text).toBe('購入直後にメールでお礼を伝えます。')
    expect(corpus.playbooks[0]?.sources.map((s) => s.document)).toEqual(['a.txt', 'b.txt', 'c.txt'])
  })

  it('reads case studies from an article page', () => {
    const article = titledPage({
      term: '事例で学ぶ購入後体験',
      glossary: 'のまとめ',
      tags: ['CX'],
      body: [
        'この記事では二つの事例を紹介します。',
        '',
        'ケーススタディ1',
        '',
        '花子さんは、',
        'オンラインショップで紅茶を買っています。',
        '',
        'ショップは花子さんに、LINEで淹れ方の動画を送りました。',
        '',
        '花子さんは次の注文で別の茶葉も購入しました。',
        '',
        'まとめ',
        '',
        '小さな工夫が次の購入につながります。',
      ],
    })
    const corpus = parse({ 'article.txt': article })
    expect(corpus.errors).toEqual([])
    expect(corpus.terms).toEqual([])
    expect(report(corpus).caseStudies).toEqual([
      expect.objectContaining({
        title: 'ケーススタディ1: 花子',
        persona: { name: '花子', romanized: null },
        channels: ['line', 'web'],
        tactics: ['ショップは花子さんに、LINEで淹れ方の動画を送りました。'],
        outcomes: ['花子さんは次の注文で別の茶葉も購入しました。'],
        text: [
          '花子さんは、オンラインショップで紅茶を買っています。',
          'ショップは花子さんに、LINEで淹れ方の動画を送りました。',
          '花子さんは次の注文で別の茶葉も購入しました。',
        ].join('\n\n'),
      }),
    ])
  })
})

describe('the manifest', () => {
  it('gives slugs and English names, and a warning names an entry that matches nothing', () => {
    const corpus = parseDocuments([{ name: 'segment.txt', text: segmentPage }], {
      manifest: parseManifest({
        terms: [
          { term: 'セグメント配信', slug: 'segment-messaging', englishName: 'Segmented Messaging' },
          { term: 'セグメント廃止', slug: 'typo' },
        ],
      }),
    })
    expect(corpus.terms[0]).toMatchObject({ slug: 'segment-messaging', englishName: 'Segmented Messaging' })
    expect(corpus.warnings).toEqual([{ message: 'manifest: term "セグメント廃止" matches no term in the documents' }])
  })
})

describe('bad input is reported with the file name and the reason, and the rest is still read', () => {
  const good = segmentPage
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(), /empty file/],
    ['blank.txt', '  \n\n \r\n', /empty file/],
    [
      'sjis.txt',
      new Uint8Array([0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x0a]),
      /not UTF-8 text \(invalid byte 0x83 at offset 0\)/,
    ],
    ['utf16.txt', new Uint8Array([0xff, 0xfe, 0x42, 0x30]), /UTF-16/],
    ['binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]), /binary data \(NUL byte at offset 4\)/],
    ['controls.txt', `${'\u0001\u0002\u0003'.repeat(20)}text`, /binary data/],
  ]

  it.each(cases)('%s', (name, content, reason) => {
    const corpus = parse({ [name]: content, 'good.txt': good })
    expect(corpus.errors).toEqual([{ file: name, reason: expect.stringMatching(reason) }])
    expect(corpus.documents.map((d) => d.name)).toEqual(['good.txt'])
    expect(corpus.terms.map((t) => t.term)).toEqual(['セグメント配信'])
  })

  const empty: [string, string, RegExp][] = [
    ['notes.txt', 'Shopping list\nmilk\neggs\n', /no title line and no defining sentence/],
    ['boilerplate.txt', [...BLURB, 'カテゴリー', ...BLURB, 'タグ一覧'].join('\n'), /only boilerplate/],
    [
      'no-subject.txt',
      untitledPage({ glossary: 'モバイル用語集', body: ['今日はいい天気です', 'それだけです。'] }),
      /defining sentence/,
    ],
  ]

  it.each(empty)('%s holds nothing importable: reported as such, not as an error', (name, content, reason) => {
    const corpus = parse({ [name]: content, 'good.txt': good })
    expect(corpus.errors).toEqual([])
    expect(Object.fromEntries(corpus.documents.map((d) => [d.name, d.family]))).toEqual({
      'good.txt': 'single-term page',
      [name]: 'nothing importable',
    })
    expect(corpus.explanations.find((e) => e.file === name)?.why).toMatch(reason)
    expect(corpus.terms.map((t) => t.term)).toEqual(['セグメント配信'])
  })

  it('accepts the same page as bytes with a byte-order mark and CRLF line ends', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(good.replace(/\n/g, '\r\n'))])
    expect(report(parse({ 'bom.txt': bytes })).terms).toEqual(report(parse({ 'bom.txt': good })).terms)
  })
})
