import { BLURB, SITE_NAME } from './fixtures'

/**
 * Hand-made pages in the shapes of the site's page families, in new words: single-term pages of a
 * second glossary, a multi-term glossary article, listing pages, header variants, a look-alike article
 * and cut-off dumps. Each returns the page's text.
 */

const SITE_HEADER = [SITE_NAME, SITE_NAME, '', ...BLURB, '']
const SITE_FOOTER = ['', '店舗アナリティクス用語集 小売の現場を強くするために', '', ...BLURB, '', 'カテゴリー']
const SLOGAN = '小売の現場を強くするために'

/** Single-term page, second glossary: "<English> (<ABBR>) <日本語> <glossary> 用語集 <slogan>", no repeated title. */
export const basketPage = (): string =>
  [
    ...SITE_HEADER,
    `Average Basket Size (ABS) 平均買い物点数 店舗アナリティクス 用語集 ${SLOGAN}`,
    '',
    'POS 売場 用語集',
    '\u00a0',
    '平均買い物点数値とは',
    '',
    '平均買い物点数(ABS)とは、1回の会計で顧客が買う商品の数の平均です。「バスケットサイズ」とも呼ばれます。',
    '',
    '点数を増やすには、関連する商品を近くに並べるのが効果的です。',
    '',
    '計算のしかた',
    '',
    '販売した商品の総数を会計の回数で割ります。',
    ...SITE_FOOTER,
  ].join('\n')

/** Same glossary, no abbreviation, the body right after the tag line, heading "<name>とは何ですか" spelt apart. */
export const shelfPage = (): string =>
  [
    ...SITE_HEADER,
    `Shelf Talker 棚札広告 店舗アナリティクス 用語集 ${SLOGAN}`,
    '売場 販促 用語集',
    '棚 札広告とは何ですか',
    '棚札広告とは、商品棚に取り付けて特徴を伝える小さな広告です。',
    '価格だけでなく使い方も伝えられます。',
    ...SITE_FOOTER,
  ].join('\n')

/** First-glossary single-term page with an author byline and the tag line running into the repeated title. */
export const gondolaPage = (): string =>
  [
    '佐藤 みどり',
    '店舗づくりの相談役。小売チェーンで十五年、売場を担当してきました。',
    '',
    'ゴンドラエンド 店舗アナリティクス用語集',
    '売場 陳列 用語集 ゴンドラエンド 店舗アナリティクス用語集',
    'ゴンドラエンドは、陳列棚の端にある目立つ売場のことです。',
    '季節の商品や特売品を置きます。',
    ...SITE_FOOTER,
  ].join('\n')

/** A multi-term glossary article: topic and letter sections, three entry-heading shapes, an H1 unlike the title. */
export const stockArticle = ({ cutOff = false }: { cutOff?: boolean } = {}): string =>
  [
    ...SITE_HEADER,
    '小売 店舗 在庫用語集',
    '',
    '在庫 用語集',
    '',
    '店舗 在庫用語集',
    '',
    '店舗の在庫管理でよく使う言葉をまとめました。',
    '',
    '在庫&補充',
    '',
    '',
    '安全在庫 Safety Stock :SS',
    '需要のぶれに備えて持つ余分な在庫です。欠品を防ぎます。',
    '',
    '発注点  Reorder Point :ROP',
    '在庫がこの数量を下回ったら発注します。',
    '',
    'C',
    '',
    '',
    '循環棚卸:Cycle Count',
    '一部の棚を順番に数えて、在庫の記録を正しく保つ方法です。',
    ...(cutOff
      ? ['', '欠品率:Stockout Rate', '注文に対して在庫が足りなかった割合です。週ごとに記録して、補充の']
      : ['', '欠品率:Stockout Rate', '注文に対して在庫が足りなかった割合です。', ...SITE_FOOTER]),
  ].join('\n')

/** A listing page: "用語集" first, "-" separators (one glued as " -"), bullets in a teaser, an empty teaser, a tag cloud. */
export const listingPage = (): string =>
  [
    '用語集',
    '',
    'Safety Stock (SS) 安全在庫',
    '安全在庫とは 需要のぶれに備えて持つ在庫です。',
    '- 欠品を防ぐ',
    '- 持ちすぎとの釣り合いを取る...',
    '-',
    'Planogram 棚割表',
    '棚割表とは 商品を棚のどこに置くかを示す図です。売場ごとに作り... -',
    'Store Traffic 来店客数',
    '-',
    'Average Basket Size (ABS) 平均買い物点数',
    '平均買い物点数とは 1回の会計で顧客が買う商品の数の平均です...',
    '-',
    '- AI',
    '- POS',
    '- 在庫',
    '- 売場',
  ].join('\n')

/** Not a glossary page: a definition heading in prose, bilingual bullets, a three-item numbered list, a flattened table. */
export const timingArticle = (): string =>
  [
    ...SITE_HEADER,
    '売場づくりで失敗しない3つのタイミング',
    '',
    '店舗 売場',
    '',
    '売場づくりで失敗しない3つのタイミング',
    '',
    '売場は季節ごとに見直すと効果が続きます。',
    '',
    'カテゴリーマネジメント(Category Management)とは',
    '',
    'カテゴリーマネジメント(Category Management)とは、商品群ごとに売上を管理する考え方です。',
    '',
    '  • 棚割 (Planogram): 商品の配置を決めます。',
    '  • ゴンドラ Gondola 陳列棚',
    '',
    '見直す時期は次の3つです。',
    '',
    '1. 新年度:',
    '',
    '春の新生活に合わせて棚を入れ替えます。',
    '',
    '2. 夏休み前:',
    '',
    '家族向けの商品を手前に出します。',
    '',
    '3. 年末:',
    '',
    '贈り物の売場を広げます。',
    '',
    '指標',
    '意味',
    '客単価',
    '1人あたりの購入金額',
    '買上率',
    '来店者のうち買った人の割合',
    '',
    '安全在庫 Safety Stock :SS',
    '',
    '在庫は多すぎても少なすぎても困ります。',
    ...SITE_FOOTER,
  ].join('\n')

/** A single-term page that stops mid-sentence. */
export const pickupPageCutOff = (): string =>
  [
    ...SITE_HEADER,
    `Click and Collect 店舗受け取り 店舗アナリティクス 用語集 ${SLOGAN}`,
    '',
    '受け取り 用語集',
    '',
    '店舗受け取りとは',
    '',
    '店舗受け取りとは、オンラインで注文した商品を店舗で受け取る仕組みです。送料がかからないため利用者が増えています。受け取りのついでに買い物をする人も多く、店舗にとっては',
  ].join('\n')

/** Pages framed by a header and footer the parser was never told about (a made-up second company). */
export const northStarPages = (): Record<string, string> => {
  const header = ['北星リテール株式会社', '店舗と通販をつなぐ北星リテールのサービス紹介です。', '']
  const footer = [
    '',
    '店舗アナリティクス用語集 小売の現場を強くするために',
    'お問い合わせ窓口 北星リテール 平日9時から',
    '© 北星リテール 2026',
  ]
  const page = (body: string[]) => [...header, ...body, ...footer].join('\n')
  return {
    'n1.txt': page(['客数は、一定の期間に店を訪れた人の数です。', '曜日ごとに比べると傾向が見えます。']),
    'n2.txt': page(['買上率は、来店した人のうち何かを買った人の割合です。']),
    'n3.txt': page(['値引き率は、定価から下げた金額の割合です。', '下げすぎると利益が減ります。']),
    'n4.txt': page(['回転日数は、在庫が売り切れるまでの日数です。']),
  }
}
