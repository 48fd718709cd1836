import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runSeedCommand } from '../cli'
import type { CorpusReport } from './json'
import { keyOf } from './text'
import type { DocumentExplanation, Family } from './types'

/**
 * The blind pages (seed/test/blind): pages in the site's shapes that no parser rule was written for,
 * read through the seed command exactly as `npm run seed -- --dir seed/test/blind --dry-run --explain --json`.
 */
const BLIND_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'blind')

type Report = CorpusReport & { explanations: DocumentExplanation[] }

const dryRun = async (dir: string): Promise<{ code: number; report: Report }> => {
  let stdout = ''
  const code = await runSeedCommand(['--dir', dir, '--dry-run', '--explain', '--json'], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: () => true },
  })
  return { code, report: JSON.parse(stdout) as Report }
}

/** What an editor reads in each page: its family and every term it gives (own term, entries, teasers). */
const PAGES: Record<string, { family: Family; terms: string[] }> = {
  // site header; social-media glossary page, title repeated; two recommended-column teasers of other terms
  'b01_social_listening.txt': {
    family: 'single-term page',
    terms: ['social-listening', 'order-defect-rate', 'social-proof'],
  },
  // no title line: the defining first sentence names the term, the footer the glossary
  'b02_dark_social.txt': { family: 'single-term page', terms: ['dark-social'] },
  // author byline instead of the site header; the tag line runs into the repeated title
  'b03_ugc_byline.txt': { family: 'single-term page', terms: ['yuuzaaseiseikontentsu'] },
  // CX glossary page: English (ABBR) 日本語 title, heading spelt 平均注文金額, 「客単価」とも呼ばれます; one teaser
  'b04_aov.txt': { family: 'single-term page', terms: ['average-order-value', 'zero-party-data'] },
  // CX glossary page, compact layout, heading "ゼロパーティ データとは何ですか"
  'b05_zero_party.txt': { family: 'single-term page', terms: ['zero-party-data'] },
  // the glossary's typo name (顧客デジタルエクスAペリエンス) under a byline; CES in brackets in the body
  'b06_ces_typo.txt': { family: 'single-term page', terms: ['customer-effort-score'] },
  // no header and no footer at all
  'b07_rma.txt': { family: 'single-term page', terms: ['return-merchandise-authorization'] },
  // stops mid-sentence: an excerpt
  'b08_cart_abandon_cut.txt': { family: 'single-term page', terms: ['cart-abandonment-rate'] },
  // glossary article under topic sections; its RMA entry (返品受付番号) is the RMA of b07
  'b09_fulfillment_glossary.txt': {
    family: 'glossary article',
    terms: [
      'inspection',
      'location-management',
      'first-in-first-out',
      'picking',
      'shipping-lead-time',
      'return-merchandise-authorization',
    ],
  },
  // glossary article under letter sections; the last entry is cut off
  'b10_letter_glossary_cut.txt': {
    family: 'glossary article',
    terms: ['de-minimis', 'delivered-duty-paid', 'harmonized-system-code', 'incoterms', 'importer-of-record'],
  },
  // listing index: teasers with bullets, a glued " -", a heading with no teaser, a tag cloud
  'b11_listing_index.txt': {
    family: 'listing page',
    terms: [
      'average-order-value',
      'zero-party-data',
      'social-listening',
      'net-revenue-retention',
      'unboxing-experience',
      'customer-effort-score',
    ],
  },
  // listing page 2
  'b12_listing_page2.txt': {
    family: 'listing page',
    terms: ['shipping-lead-time', 'subscription-box', 'gift-wrapping', 'order-defect-rate', 'dark-social'],
  },
  // listing filtered by the tag 返品
  'b13_listing_tag_returns.txt': {
    family: 'listing page',
    terms: ['return-merchandise-authorization', 'reverse-logistics', 'restocking-fee'],
  },
  // blog post: a definition heading in prose, three timings, bilingual bullets, a flattened table: no term
  'b14_blog_timing.txt': { family: 'article', terms: [] },
  // customer voice: four functions, a lone entry-like line, "- 日本語 (English):" bullets: no term
  'b15_voice_functions.txt': { family: 'article', terms: [] },
  // column: two case studies, no term
  'b16_column_case.txt': { family: 'article', terms: [] },
  // contact page: only the site's template
  'b17_contact_page.txt': { family: 'nothing importable', terms: [] },
  // listing cut off in the last teaser
  'b18_listing_cut.txt': { family: 'listing page', terms: ['carrier-rate-shopping', 'dimensional-weight'] },
  // CX glossary page, no header, compact, 「ネットリテンション」とも呼ばれます
  'b19_nrr.txt': { family: 'single-term page', terms: ['net-revenue-retention'] },
  // social-media glossary page, tag line glued to the repeated title
  'b20_hashtag_campaign.txt': { family: 'single-term page', terms: ['hasshutagukyanpeen'] },
  // untitled customer-voice post opening "<subject>は、…になりました。": a story, not a definition
  'c01_untitled_voice.txt': { family: 'nothing importable', terms: [] },
  // listing: " -" glued after a teaser bullet, abbreviation after the Japanese name, 3PL, a glued heading
  'c02_listing_tricky.txt': {
    family: 'listing page',
    terms: [
      'gross-merchandise-value',
      'product-information-management',
      'delivery-exception',
      'third-party-logistics',
      'pick-and-pack',
      'lifetime-gross-profit',
    ],
  },
  // CX glossary page whose heading spells 流通総額 and whose body holds a numbered list
  'c03_gmv_page.txt': { family: 'single-term page', terms: ['gross-merchandise-value'] },
  // glossary article with a 3PL entry and a bulleted body; one teaser
  'c04_3pl_article.txt': {
    family: 'glossary article',
    terms: [
      'third-party-logistics',
      'storage-fee',
      'minimum-charge',
      'pick-and-pack',
      'value-added-service',
      'delivery-exception',
    ],
  },
}

/** Each term's Japanese name and the other names an editor expects to find it by. */
const NAMES: Record<string, string[]> = {
  'social-listening': ['ソーシャルリスニング', 'Social Listening'],
  'order-defect-rate': ['注文不良率', 'Order Defect Rate', 'ODR'],
  'social-proof': ['ソーシャルプルーフ', 'Social Proof'],
  'dark-social': ['ダークソーシャル', 'Dark Social'],
  yuuzaaseiseikontentsu: ['ユーザー生成コンテンツ', 'UGC'],
  'average-order-value': ['平均注文額', 'Average Order Value', 'AOV', '平均注文金額', '客単価'],
  'zero-party-data': ['ゼロパーティデータ', 'Zero-Party Data'],
  'customer-effort-score': ['顧客努力指標', 'Customer Effort Score', 'CES', 'カスタマーエフォートスコア'],
  'return-merchandise-authorization': [
    '返品承認',
    'Return Merchandise Authorization',
    'RMA',
    '返品許可番号',
    '返品受付番号',
  ],
  'cart-abandonment-rate': ['カゴ落ち率', 'Cart Abandonment Rate'],
  inspection: ['検品', 'Inspection', 'QC'],
  'location-management': ['ロケーション管理', 'Location Management', 'LM'],
  'first-in-first-out': ['先入れ先出し', 'First In First Out', 'FIFO'],
  picking: ['ピッキング', 'Picking', 'PK'],
  'shipping-lead-time': ['出荷リードタイム', 'Shipping Lead Time'],
  'de-minimis': ['デミニミス', 'De Minimis', 'DM'],
  'delivered-duty-paid': ['関税込み条件', 'Delivered Duty Paid', 'DDP'],
  'harmonized-system-code': ['統計品目番号', 'Harmonized System Code'],
  incoterms: ['インコタームズ', 'Incoterms'],
  'importer-of-record': ['輸入者登録', 'Importer of Record', 'IOR'],
  'net-revenue-retention': ['売上継続率', 'Net Revenue Retention', 'NRR', 'ネットリテンション'],
  'unboxing-experience': ['開封体験', 'Unboxing Experience'],
  'subscription-box': ['サブスクリプションボックス', 'Subscription Box'],
  'gift-wrapping': ['ギフトラッピング', 'Gift Wrapping'],
  'reverse-logistics': ['リバースロジスティクス', 'Reverse Logistics'],
  'restocking-fee': ['再入庫手数料', 'Restocking Fee'],
  'carrier-rate-shopping': ['配送業者比較', 'Carrier Rate Shopping'],
  'dimensional-weight': ['容積重量', 'Dimensional Weight'],
  hasshutagukyanpeen: ['ハッシュタグキャンペーン'],
  'gross-merchandise-value': ['流通取引総額', 'Gross Merchandise Value', 'GMV', '流通総額'],
  'product-information-management': ['商品情報管理', 'Product Information Management', 'PIM'],
  'delivery-exception': ['配送例外', 'Delivery Exception', 'デリバリーエクセプション'],
  'third-party-logistics': ['サードパーティ・ロジスティクス', 'Third-Party Logistics', '3PL'],
  'pick-and-pack': ['ピックアンドパック', 'Pick and Pack'],
  'lifetime-gross-profit': ['顧客生涯粗利', 'Lifetime Gross Profit', 'LTGP'],
  'storage-fee': ['保管料', 'Storage Fee'],
  'minimum-charge': ['最低保証料金', 'Minimum Charge', 'MC'],
  'value-added-service': ['流通加工', 'Value Added Service', 'VAS'],
}

/** Terms no page gives in full: teasers only, or cut off. */
const EXCERPTS = [
  'order-defect-rate',
  'social-proof',
  'cart-abandonment-rate',
  'importer-of-record',
  'unboxing-experience',
  'subscription-box',
  'gift-wrapping',
  'reverse-logistics',
  'restocking-fee',
  'carrier-rate-shopping',
  'dimensional-weight',
  'product-information-management',
  'delivery-exception',
  'lifetime-gross-profit',
]

const expectedSlugs = [...new Set(Object.values(PAGES).flatMap((page) => page.terms))].sort()

describe('the blind pages, read by the seed command', () => {
  let report: Report
  let code: number
  beforeAll(async () => {
    ;({ code, report } = await dryRun(BLIND_DIR))
  })
  const explanation = (file: string) => report.explanations.find((e) => e.file === file) as DocumentExplanation
  const term = (slug: string) => report.terms.find((t) => t.slug === slug)

  it('gives exactly the terms the pages define, and no other', () => {
    expect(code).toBe(0)
    expect(report.errors).toEqual([])
    expect(expectedSlugs).toHaveLength(38)
    expect(report.terms.map((t) => t.slug).sort()).toEqual(expectedSlugs)
  })

  it('reads every page as its family and takes each term from the pages that give it', () => {
    expect(Object.fromEntries(report.explanations.map((e) => [e.file, e.family]))).toEqual(
      Object.fromEntries(Object.entries(PAGES).map(([file, page]) => [file, page.family])),
    )
    for (const [file, page] of Object.entries(PAGES)) {
      const given = report.terms.filter((t) => t.sources.includes(file)).map((t) => t.slug)
      expect({ file, terms: given.sort() }).toEqual({ file, terms: [...page.terms].sort() })
    }
  })

  it.each(Object.entries(NAMES))('%s is found by its names', (slug, names) => {
    const found = term(slug)
    expect(found).toBeDefined()
    const known = [found?.term, found?.englishName, ...(found?.aliases ?? [])]
      .filter(Boolean)
      .map((name) => keyOf(name as string))
    expect(keyOf(found?.term ?? '')).toBe(keyOf(names[0] as string))
    for (const name of names) expect(known).toContain(keyOf(name))
  })

  it('marks as excerpts exactly the terms no page gives in full', () => {
    expect(
      report.terms
        .filter((t) => t.excerpt)
        .map((t) => t.slug)
        .sort(),
    ).toEqual([...EXCERPTS].sort())
  })

  it('takes 3PL as an abbreviation, not as part of the English name', () => {
    expect(term('third-party-logistics')).toMatchObject({ englishName: 'Third-Party Logistics', aliases: ['3PL'] })
  })

  it('ends a listing entry at a " -" glued to its last teaser bullet', () => {
    expect(term('product-information-management')?.summary).toBe(
      '商品の名前、説明、画像、仕様などを一か所で管理する仕組みです',
    )
    expect(explanation('c02_listing_tricky.txt').entries.map((e) => e.term)).toHaveLength(6)
  })

  it('reads the column as its two case studies, and the blog and voice posts as tags only', () => {
    expect(report.caseStudies.map((c) => c.persona.name)).toEqual(['美咲', '健太'])
    expect(report.caseStudies.every((c) => c.sources.join() === 'b16_column_case.txt')).toBe(true)
    expect(report.playbooks).toEqual([])
    for (const file of ['b14_blog_timing.txt', 'b15_voice_functions.txt', 'b16_column_case.txt']) {
      expect(explanation(file).why).toMatch(/^titled page whose title names no glossary: an article/)
    }
  })

  it('says why a page gives no term, with what it saw there', () => {
    const voice = explanation('c01_untitled_voice.txt')
    expect(voice.why).toMatch(
      /the opening sentence \("去年の年末商戦は、…月になりました。"\) tells what happened.*not a glossary page/,
    )
    expect(voice.dropped).toContainEqual({ what: 'lines 1–2', why: 'header: site header' })
    expect(voice.dropped).toContainEqual({
      what: 'lines 3–6',
      why: 'body with no term, glossary entry, case study or playbook in it',
    })
    expect(voice.dropped).toContainEqual({
      what: 'lines 7–13',
      why: 'footer: glossary links, navigation, lines other pages repeat',
    })
    const contact = explanation('b17_contact_page.txt')
    expect(contact.why).toMatch(/^every line is one most pages of the corpus repeat/)
    expect(contact.dropped.map((d) => d.why)).not.toContainEqual(expect.stringMatching(/glossary links|title/))
  })

  it('names only what is there in each header it drops', () => {
    expect(explanation('b07_rma.txt').dropped).toContainEqual({
      what: 'lines 1–3',
      why: 'header: title line, tag line',
    })
    expect(explanation('b02_dark_social.txt').dropped).toContainEqual({ what: 'lines 1–2', why: 'header: site header' })
    expect(explanation('b03_ugc_byline.txt').dropped).toContainEqual({
      what: 'lines 1–5',
      why: 'header: author byline with bio, title line, tag line, the title again',
    })
  })

  it('keeps a numbered list that is not a playbook in the body, up to the footer', () => {
    const blog = explanation('b14_blog_timing.txt')
    expect(blog.dropped).toContainEqual({
      what: '需要予測(Demand Forecasting)とは',
      why: 'numbered list of 3 items on one page only: not a playbook, kept as body text',
    })
    expect(blog.dropped).toContainEqual({
      what: 'lines 51–73',
      why: 'footer: glossary links, banners, navigation, lines other pages repeat',
    })
    expect(term('gross-merchandise-value')?.text).toContain(
      '売上高は自社が受け取る金額で、流通取引総額は取引全体の金額です。',
    )
  })
})

describe('a term page whose body holds a short numbered list under a heading', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-blind-'))
    for (const name of fs.readdirSync(BLIND_DIR)) fs.copyFileSync(path.join(BLIND_DIR, name), path.join(dir, name))
    const page = fs.readFileSync(path.join(BLIND_DIR, 'b07_rma.txt'), 'utf8')
    const steps = [
      '返品承認の進め方',
      '受付から発行までは次の三段階です。',
      '1. 受付:',
      '顧客が返品を申し込みます。',
      '2. 確認:',
      '販売者が理由と注文を確かめます。',
      '3. 発行:',
      '番号と返送先を顧客に伝えます。',
      '番号は荷物の外側に書いてもらいます。',
    ]
    fs.writeFileSync(
      path.join(dir, 'b07_rma.txt'),
      page.replace('\n\n返品承認の流れ', `\n\n${steps.join('\n\n')}\n\n返品承認の流れ`),
    )
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('keeps the list and everything after it in the term body', async () => {
    const { report } = await dryRun(dir)
    const rma = report.terms.find((t) => t.slug === 'return-merchandise-authorization')
    expect(rma?.headings).toEqual(['返品承認とは何ですか', '返品承認の進め方', '返品承認の流れ'])
    expect(rma?.text).toContain('番号は荷物の外側に書いてもらいます。')
    expect(rma?.text).toContain('顧客が申し込み、販売者が理由を確認し、番号と返送先を伝えます。')
    expect(report.playbooks).toEqual([])
  })
})
