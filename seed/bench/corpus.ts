import { BLURB, SITE_NAME } from '../test/fixtures'

/**
 * A synthetic site of `count` documents in the shapes of every page family (made-up words): single-term
 * pages of both glossaries, multi-term glossary articles, listing pages and plain articles. Each term
 * appears on its own page or in an article, and again on a listing page, as on the real site.
 */
const HEADER = [SITE_NAME, SITE_NAME, '', ...BLURB, '']
const FOOTER = ['', '店舗アナリティクス用語集 小売の現場を強くするために', '', ...BLURB, '', 'カテゴリー']
const WORDS = [
  'Shelf',
  'Basket',
  'Aisle',
  'Stock',
  'Counter',
  'Cart',
  'Loyalty',
  'Pickup',
  'Return',
  'Coupon',
  'Display',
  'Margin',
]
const KANA = [
  'タナ',
  'カゴ',
  'ツウロ',
  'ザイコ',
  'レジ',
  'カート',
  'ロイヤル',
  'ウケトリ',
  'ヘンピン',
  'クーポン',
  'テンジ',
  'リエキ',
]

const englishName = (i: number) =>
  `${WORDS[i % WORDS.length]} ${WORDS[Math.floor(i / WORDS.length) % WORDS.length]} Metric ${String.fromCharCode(65 + (Math.floor(i / 144) % 26))}${Math.floor(i / 3744)}`
const japaneseName = (i: number) => `${KANA[i % KANA.length]}${KANA[Math.floor(i / KANA.length) % KANA.length]}指標${i}`

const body = (name: string) => [
  `${name}とは、売場の状態を数字で表す指標です。毎週記録して前の週と比べます。`,
  '',
  '使い方',
  '',
  `${name}が下がったら、棚の並べ方を見直します。`,
  '',
  '  • 記録する: 同じ曜日と時間に測ります。',
  '  • 比べる: 店舗ごとの差を見ます。',
]

const singleTermPage = (i: number) =>
  [
    ...HEADER,
    `${englishName(i)} ${japaneseName(i)} 店舗アナリティクス 用語集 小売の現場を強くするために`,
    '',
    '売場 指標 用語集',
    '',
    `${japaneseName(i)}とは`,
    '',
    ...body(japaneseName(i)),
    ...FOOTER,
  ].join('\n')

const glossaryArticle = (first: number, entries: number) =>
  [
    ...HEADER,
    '売場 指標用語集',
    '',
    '指標 用語集',
    '',
    '店舗でよく使う指標をまとめました。',
    '',
    '売場の指標',
    '',
    ...Array.from({ length: entries }, (_, k) => [
      '',
      `${japaneseName(first + k)} ${englishName(first + k)} :M${first + k}`,
      `${japaneseName(first + k)}は、売場の状態を表す数です。週ごとに比べます。`,
    ]).flat(),
    ...FOOTER,
  ].join('\n')

const listingPage = (terms: number[]) =>
  [
    '用語集',
    '',
    ...terms.flatMap((i) => [
      `${englishName(i)} ${japaneseName(i)}`,
      `${japaneseName(i)}とは 売場の状態を数字で表す指標です...`,
      '-',
    ]),
    '- 売場',
    '- 指標',
    '- 在庫',
  ].join('\n')

const article = (i: number) =>
  [
    ...HEADER,
    `売場づくりの話 その${i}`,
    '',
    '売場 店舗',
    '',
    `売場づくりの話 その${i}`,
    '',
    '売場は季節ごとに見直すと効果が続きます。',
    '',
    '1. 春:',
    '',
    '棚を入れ替えます。',
    ...FOOTER,
  ].join('\n')

/** `count` documents holding about `count` distinct terms, keyed by file name. */
export const syntheticSite = (count: number): Record<string, string> => {
  const files: Record<string, string> = {}
  const pad = (n: number) => String(n).padStart(5, '0')
  let term = 0
  const listed: number[] = []
  for (let d = 0; d < count; d++) {
    const slot = d % 10
    if (slot < 4) {
      files[`${pad(d)}_term.txt`] = singleTermPage(term)
      listed.push(term++)
    } else if (slot < 6) {
      files[`${pad(d)}_glossary.txt`] = glossaryArticle(term, 3)
      listed.push(term, term + 1, term + 2)
      term += 3
    } else if (slot < 9) {
      files[`${pad(d)}_listing.txt`] = listingPage(listed.slice(-10))
    } else {
      files[`${pad(d)}_article.txt`] = article(d)
    }
  }
  return files
}
