import { describe, expect, it } from 'vitest'

import { sampleFiles, sampleManifest } from '../test/fixtures'
import { parseDocuments } from './corpus'
import { corpusReport } from './json'
import { lexicalToPlainText } from './lexical'
import type { ParsedCorpus } from './types'

const corpus = parseDocuments(sampleFiles(), { manifest: sampleManifest() })
const report = corpusReport(corpus)
const term = (slug: string) => {
  const found = report.terms.find((t) => t.slug === slug)
  if (!found) throw new Error(`no term ${slug}`)
  return found
}

const FULL_TERMS = ['influencer', 'x-twitter-handle', 'crowdsourcing', 'utm-code']
const TEASER_TERMS = [
  ['Data Warehouse', 'データウェアハウス'],
  ['Target Audience', '対象者'],
  ['Personally Identifiable Information', '個人を特定できる情報'],
  ['Rich Text', 'リッチテキスト'],
  ['Sample Size', 'サンプルサイズ'],
  ['Multichannel Personalization', 'マルチチャネルパーソナライゼーション'],
  ['Content Strategist', 'コンテンツストラテジスト'],
  ['Customer Data Platform', '顧客データ プラットフォーム'],
  ['UTM Parameter', 'UTMパラメータ'],
  ['Structured Content', '構造化コンテンツ'],
  ['Technographic Personalization', '技術的なパーソナライゼーション'],
  ['Net Promoter Score', 'ネットプロモータースコア'],
  ['Reverse ETL', 'リバースETL'],
  ['API-First Headless CMS', 'APIファーストのヘッドレスCMS'],
  ['Bounce Rate', '直帰率'],
  ['Content Intelligence', 'コンテンツインテリジェンス'],
]

describe('the five sample documents', () => {
  it('are all read, in both layouts, with no file rejected', () => {
    expect(corpus.errors).toEqual([])
    expect(corpus.warnings).toEqual([])
    expect(corpus.documents.map((d) => [d.layout, d.kind, d.family])).toEqual([
      ['titled', 'term', 'single-term page'],
      ['untitled', 'term', 'single-term page'],
      ['untitled', 'term', 'single-term page'],
      ['titled', 'term', 'single-term page'],
      ['titled', 'article', 'article'],
    ])
  })

  it('give exactly 4 full terms and 16 excerpt terms, 4 case studies, 1 playbook of 14 steps, 6 glossaries and 11 tags', () => {
    expect(report.terms.filter((t) => !t.excerpt).map((t) => t.slug)).toEqual(FULL_TERMS)
    expect(report.terms.filter((t) => t.excerpt).map((t) => [t.englishName, t.term])).toEqual(TEASER_TERMS)
    expect(report.caseStudies).toHaveLength(4)
    expect(report.playbooks).toHaveLength(1)
    expect(report.playbooks[0]?.steps).toHaveLength(14)
    expect(report.glossaries).toHaveLength(6)
    expect(report.tags).toHaveLength(11)
  })

  it('reads each glossary page into one full term in its glossary, with its tags, summary and sections', () => {
    expect(term('influencer')).toMatchObject({
      term: 'インフルエンサー',
      englishName: 'Influencer',
      glossary: 'ソーシャルメディア用語集',
      tags: [
        'インフルエンサー',
        'インフルエンサーマーケティング',
        'オムニチャネル',
        'オムニチャネルコマース',
        'ソーシャルメディア',
        '用語集',
      ],
      summary:
        'インフルエンサーとは、あなたのターゲットとなる視聴者に対して影響力を持つ、あなたの専門分野または業界の人物です。',
      headings: [
        'インフルエンサーの種類',
        'インフルエンサーの見分け方',
        'インフルエンサーと協力する方法',
        'インフルエンサーと協力するメリット',
      ],
      excerpt: false,
      sources: ['000_97d1cf5933822715.txt'],
    })
    expect(term('x-twitter-handle')).toMatchObject({
      term: 'X/Twitter ハンドル',
      aliases: ['X ハンドル', 'Twitter ハンドル'],
      glossary: 'ソーシャルメディア用語集',
      tags: [],
      summary: 'X (旧称 Twitter) ハンドルは、一意の X/Twitter URL の末尾に表示されるユーザー名です。',
      headings: ['効果的な X/Twitter ハンドルを選択する方法', '理想の X/Twitter ハンドルを奪われたらどうするか'],
    })
    expect(term('crowdsourcing')).toMatchObject({
      term: 'クラウドソーシング',
      summary:
        'クラウドソーシングは、多数の人々の貢献を通じてサービス、アイデア、コンテンツを収集する行為です。通常、クラウドソーシングにおける「群衆」は、成果を求めるビジネスとは無関係の第三者です。',
      headings: [
        'クラウドソーシングの種類',
        'クラウドソーシングのメリット',
        'より良いクラウドソーシングのためのヒント',
      ],
    })
    expect(term('utm-code')).toMatchObject({
      term: 'UTMコード',
      tags: ['オムニチャネル', 'オムニチャネルコマース', 'ソーシャルメディア', '用語集'],
      headings: ['UTM コードのコンポーネント', 'UTM コードは何を追跡しているか', 'UTM コードを使用するメリット'],
      related: ['utm-parameter'],
    })
  })

  it('keeps lists in the body: bullets with their labels and explanations, several bullets on one line split apart', () => {
    const influencer = corpus.terms.find((t) => t.slug === 'influencer')
    const lists = influencer?.body?.root.children.filter((node) => node.type === 'list') ?? []
    expect(lists).toHaveLength(4)
    const gifts = lists[2]?.children[0]?.children
    expect(gifts?.[0]).toMatchObject({ type: 'text', text: '商品やサービスをプレゼントする:', format: 1 })
    expect(gifts?.[1]).toEqual({ type: 'linebreak', version: 1 })

    const handle = term('x-twitter-handle').text.split('\n')
    expect(handle).toContain(
      '数字やアンダースコアを避ける: X/Twitter ハンドルは、できるだけシンプルで覚えやすいものにする必要があります。数字やアンダースコアを追加すると、ユーザー名がより複雑になり、フォロワーが見つけにくくなります。',
    )
    expect(handle.filter((line) => / - /.test(line))).toEqual([])
    expect(term('crowdsourcing').text).toContain('\n\nスターバックスのクラウドソーシングによるデザインの例\n\n')
  })

  it('reads every glossary teaser as an excerpt draft with its English name, glossary, aliases and summary without the ellipsis', () => {
    for (const teaser of report.terms.filter((t) => t.excerpt)) {
      expect(teaser.glossary).toBe('顧客デジタルエクスペリエンス用語集')
      expect(teaser.summary).not.toMatch(/\.\.\.$|…$/)
      expect(teaser.text).toBe('')
      expect(teaser.headings).toEqual([])
    }
    expect(term('data-warehouse')).toMatchObject({
      summary: expect.stringMatching(
        /^データウェアハウスは、レポート作成とデータ分析に使用されるデータベースです。.*傾向分析や予$/,
      ),
      sources: ['000_97d1cf5933822715.txt'],
    })
    expect(term('personally-identifiable-information').aliases).toEqual(['PII'])
    expect(term('customer-data-platform').aliases).toEqual(['CDP'])
    expect(term('net-promoter-score').aliases).toEqual(['NPS'])
    expect(term('target-audience').aliases).toEqual(['ターゲットオーディエンス'])
    expect(term('technographic-personalization').aliases).toEqual(['テクノグラフィックパーソナライゼーション'])
  })

  it('reads the four case studies with persona, industry, channels, tactics, outcomes and links', () => {
    expect(report.caseStudies.map((c) => [c.persona.name, c.persona.romanized, c.industry])).toEqual([
      ['絵里奈', 'Erina', 'D2Cアパレル'],
      ['紗栄子', 'Saeko', 'ヘアケア（サブスクリプション）'],
      ['良子', 'Ryoko', 'ベビー用品・ギフト'],
      ['翔平', 'Shohei', '自転車（実店舗とオンライン）'],
    ])
    const [erina, saeko, ryoko, shohei] = report.caseStudies
    // "eメールではなくSNSメッセージ": an SNS message, not an email.
    expect(erina?.channels).toEqual(['sns-dm', 'web'])
    expect(shohei?.channels).toEqual(['store', 'web'])
    expect(erina?.tactics[0]).toMatch(/^D2Cブランドは絵里奈のために/)
    expect(erina?.outcomes).toEqual([
      expect.stringMatching(/^絵里奈は、自分のスタイルにぴったり/),
      expect.stringMatching(/オープンレートも向上しました。$/),
    ])
    expect(saeko?.tactics).toContainEqual(
      expect.stringMatching(/カウンセリングコンテンツ\(アンケートチェックタイプになっています。\)が送られてきます。$/),
    )
    expect(ryoko?.outcomes).toEqual([expect.stringMatching(/ストレスを解消することになります。$/)])
    expect(shohei?.outcomes).toHaveLength(3)
    expect(shohei?.text).toMatch(/^翔平は最近、リアル店舗で/)
    expect(shohei?.playbookSteps).toContainEqual({ playbook: 'post-purchase-experience', stepKey: 'cross-sell-upsell' })
    expect(saeko?.relatedTerms).toContain('customer-data-platform')
    for (const study of report.caseStudies) {
      expect(study.tactics.length).toBeGreaterThan(0)
      expect(study.outcomes.length).toBeGreaterThan(0)
      expect(study.sources).toEqual(['004_0fc10b0841e44b06.txt'])
    }
  })

  it('reads the post-purchase guide that four documents repeat as one playbook of 14 ordered steps', () => {
    const playbook = report.playbooks[0]
    expect(playbook).toMatchObject({
      slug: 'post-purchase-experience',
      title: '購入後体験(ポストパーチェス)でCX(顧客体験)をアップデザイン',
      stage: 'post-purchase',
      summary: 'エンゲージメント&ロイヤルティからAOV×LTVを向上させる',
      sources: [
        '000_97d1cf5933822715.txt',
        '001_f15eacd4fc3c660c.txt',
        '002_045bbbf8f49b9763.txt',
        '003_62d5ce0ec09fda94.txt',
      ],
    })
    expect(playbook?.intro).toMatch(/^EC\/eコマースにおける「購入\(購買\)後体験/)
    expect(playbook?.closing).toMatch(/^ポストパーチェスは、/)
    expect(playbook?.steps[0]).toMatchObject({
      key: 'order-confirmation',
      title: '注文確認と注文確定通知',
      channels: ['email', 'sns-dm', 'line'],
    })
    expect(playbook?.steps[2]?.title).toBe('配達完了と開封体験・Unboxing')
    expect(playbook?.steps[13]).toMatchObject({
      key: 'customer-data',
      title: '顧客データの活用',
      relatedTerms: ['customer-data-platform'],
    })
    expect(playbook?.steps[13]?.text).not.toContain('ポストパーチェスは')
  })

  it('names the glossaries and tags the documents name, reading a misspelt glossary as the right one', () => {
    expect(report.glossaries.map((g) => [g.slug, g.name])).toEqual([
      ['social-media', 'ソーシャルメディア用語集'],
      ['omnichannel-commerce', 'オムニチャネル コマース用語集'],
      ['ecommerce-d2c-dtc', 'EC/eコマース D2C/DTC用語集'],
      ['composable-commerce', 'コンポーザブルコマース用語集'],
      ['email-marketing', 'メールマーケティング用語集'],
      ['customer-digital-experience', '顧客デジタルエクスペリエンス用語集'],
    ])
    expect(report.glossaries[0]).toMatchObject({
      englishName: 'Social Media Glossary',
      description: 'オムニチャネルコマースでの活用方法を踏まえて',
    })
    expect(report.tags.map((t) => t.name)).toEqual([
      'インフルエンサー',
      'インフルエンサーマーケティング',
      'オムニチャネル',
      'オムニチャネルコマース',
      'ソーシャルメディア',
      '用語集',
      'CRM',
      'CX',
      'D2C',
      'eコマース',
      'OMO',
    ])
  })

  it('leaves no boilerplate in any body, summary or text', () => {
    const texts = [
      ...corpus.terms.flatMap((t) => [t.summary, t.text, lexicalToPlainText(t.body), ...t.headings]),
      ...corpus.caseStudies.flatMap((c) => [c.text, lexicalToPlainText(c.scenario), ...c.tactics, ...c.outcomes]),
      ...corpus.playbooks.flatMap((p) => [
        p.introText,
        p.closingText,
        p.summary ?? '',
        ...p.steps.flatMap((s) => [s.title, s.text]),
      ]),
    ]
    const phrases = [
      '富士ロジテック',
      '全国11拠点',
      '通販エキスパート協会',
      '続きを読んでみる',
      'おすすめコラム',
      '.png',
      '__PID',
      '殿堂入り記事',
      'Social Media Glossary',
      'オムニチャネル・OMOサービス',
      '発送代行完全ガイド',
      'ポストパーチェス CTA',
    ]
    for (const text of texts) {
      for (const phrase of phrases) expect(text).not.toContain(phrase)
      for (const line of text.split('\n')) expect(['カテゴリー', 'タグ一覧', '用語集']).not.toContain(line.trim())
    }
    // The 14 steps belong to the playbook only, not to the term bodies that precede them.
    for (const t of corpus.terms) expect(t.text).not.toContain('注文確認と注文確定通知')
  })
})

describe('reading is robust to encoding details and file order', () => {
  const withBomAndCrlf = sampleFiles().map((file) => ({
    name: file.name,
    bytes: new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(new TextDecoder().decode(file.bytes).replace(/\n/g, '\r\n')),
    ]),
  }))
  const strip = (c: ParsedCorpus) => JSON.stringify(corpusReport(c))

  it('gives the same corpus with a byte-order mark and CRLF line ends', () => {
    expect(strip(parseDocuments(withBomAndCrlf, { manifest: sampleManifest() }))).toBe(strip(corpus))
  })

  it('gives the same corpus whatever order the files come in', () => {
    expect(strip(parseDocuments([...sampleFiles()].reverse(), { manifest: sampleManifest() }))).toBe(strip(corpus))
  })

  it('needs no manifest for the counts; slugs then come from English names, else romanized from the kana', () => {
    const bare = parseDocuments(sampleFiles())
    expect([
      bare.terms.length,
      bare.caseStudies.length,
      bare.playbooks[0]?.steps.length,
      bare.glossaries.length,
      bare.tags.length,
    ]).toEqual([20, 4, 14, 6, 11])
    expect(bare.terms.find((t) => t.term === 'インフルエンサー')?.slug).toBe('infuruensaa')
    expect(bare.terms.find((t) => t.term === 'リバースETL')?.slug).toBe('reverse-etl')
    expect(bare.warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('顧客デジタルエクスAペリエンス用語集') }),
    ])
  })
})
