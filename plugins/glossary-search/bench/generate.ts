/**
 * Synthetic glossary for the benchmark: 10,000 terms built from a pool of real EC/marketing morphemes
 * (kanji compounds with readings, katakana loanwords with English names), so postings are as uneven as in
 * a real glossary, plus a query mix of the shapes storefront readers type. Deterministic.
 */

const KANJI: [string, string][] = [
  ['顧客', 'こきゃく'],
  ['購入', 'こうにゅう'],
  ['送料', 'そうりょう'],
  ['在庫', 'ざいこ'],
  ['定期', 'ていき'],
  ['解約', 'かいやく'],
  ['継続', 'けいぞく'],
  ['価値', 'かち'],
  ['生涯', 'しょうがい'],
  ['単価', 'たんか'],
  ['広告', 'こうこく'],
  ['費用', 'ひよう'],
  ['効果', 'こうか'],
  ['測定', 'そくてい'],
  ['流入', 'りゅうにゅう'],
  ['経路', 'けいろ'],
  ['離脱', 'りだつ'],
  ['率', 'りつ'],
  ['体験', 'たいけん'],
  ['満足', 'まんぞく'],
  ['配送', 'はいそう'],
  ['返品', 'へんぴん'],
  ['交換', 'こうかん'],
  ['会員', 'かいいん'],
  ['特典', 'とくてん'],
  ['初回', 'しょかい'],
  ['同梱', 'どうこん'],
  ['施策', 'しさく'],
  ['販促', 'はんそく'],
  ['指標', 'しひょう'],
]
const KATAKANA: [string, string][] = [
  ['インフルエンサー', 'Influencer'],
  ['コンバージョン', 'Conversion'],
  ['リテンション', 'Retention'],
  ['セグメント', 'Segment'],
  ['アフィリエイト', 'Affiliate'],
  ['レコメンド', 'Recommendation'],
  ['サブスクリプション', 'Subscription'],
  ['ロイヤルティ', 'Loyalty'],
  ['クーポン', 'Coupon'],
  ['カート', 'Cart'],
  ['チェックアウト', 'Checkout'],
  ['ランディングページ', 'Landing Page'],
  ['リターゲティング', 'Retargeting'],
  ['アトリビューション', 'Attribution'],
  ['パーソナライズ', 'Personalization'],
  ['ギフト', 'Gift'],
  ['レビュー', 'Review'],
  ['アンバサダー', 'Ambassador'],
  ['キャンペーン', 'Campaign'],
  ['ファネル', 'Funnel'],
]
const ACRONYMS = ['UTM', 'LTV', 'CRM', 'KPI', 'ROAS', 'CPA', 'CTR', 'NPS', 'SNS', 'LINE']

const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

export type BenchTerm = {
  id: string
  slug: string
  term: { ja: string; en?: string }
  englishName: string
  reading?: string
  aliases: string[]
  summary: { ja: string }
  body: { ja: unknown }
  glossary: string
}

const paragraph = (text: string) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  textFormat: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
export const richText = (...texts: string[]) => ({
  root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: texts.map(paragraph) },
})

/** `count` terms; `glossaries` are the ids terms are spread over. */
export const generateTerms = (count: number, glossaries: string[]): BenchTerm[] => {
  const random = prng(16)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
  return Array.from({ length: count }, (_, i) => {
    const shape = i % 3
    const [k1, r1] = pick(KANJI)
    const [k2, r2] = pick(KANJI)
    const [kana, english] = pick(KATAKANA)
    const acronym = pick(ACRONYMS)
    const term = shape === 0 ? `${k1}${k2}${i}` : shape === 1 ? `${kana}${k1}${i}` : `${acronym}${kana}${i}`
    const reading = shape === 0 ? `${r1}${r2}${i}` : undefined
    const englishName = shape === 2 ? `${acronym} ${english} ${i}` : `${english} ${k1 === k2 ? 'Index' : 'Metric'} ${i}`
    const summary = `${term}は、${pick(KANJI)[0]}と${pick(KATAKANA)[0]}の関係を表す${pick(KANJI)[0]}の考え方。`
    const body = richText(
      `${term}は、ECサイトで${pick(KANJI)[0]}${pick(KANJI)[0]}を測るための${pick(KATAKANA)[0]}の考え方です。`,
      `${pick(ACRONYMS)}と${pick(KATAKANA)[0]}を組み合わせると、${pick(KANJI)[0]}${pick(KANJI)[0]}が見えてきます。施策の効果を比べるときは、同じ期間と同じ指標で見ることが大切です。`,
    )
    return {
      id: String(i + 1),
      slug: `bench-term-${i}`,
      term: { ja: term, ...(i % 4 === 0 ? { en: englishName } : {}) },
      englishName,
      reading,
      aliases: [`${acronym}-${i}`],
      summary: { ja: summary },
      body: { ja: body },
      glossary: glossaries[i % glossaries.length]!,
    }
  })
}

/** What readers type: kana prefixes, readings, katakana, Latin words (with a typo), acronyms, kanji, two words. */
export const QUERY_MIX = [
  'いんふる',
  'こきゃく',
  'こうにゅうそうりょう',
  'コンバージョン',
  'さぶすく',
  'クーポン',
  'influencer',
  'retension',
  'utm',
  'ltv',
  '顧客生涯',
  '送料',
  'checkout',
  'ファネル 指標',
  'roas',
  'かーと',
  'loyalty',
  'アンバサダー',
  '離脱率',
  'subscripton',
]
