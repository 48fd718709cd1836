import fs from 'node:fs'
import path from 'node:path'

import { parseManifest, type Manifest } from '../parse/manifest'
import type { SourceFile } from '../parse/types'
import { DEFAULT_DOCUMENTS_DIR, MANIFEST_FILE } from '../read'

/** The five sample documents as bytes, and the manifest shipped next to them. */
export const sampleFiles = (): SourceFile[] =>
  fs
    .readdirSync(DEFAULT_DOCUMENTS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(DEFAULT_DOCUMENTS_DIR, name))) }))

export const sampleManifest = (): Manifest =>
  parseManifest(fs.readFileSync(path.join(DEFAULT_DOCUMENTS_DIR, MANIFEST_FILE), 'utf8'))

/** A made-up site around hand-made pages: its blurb frames every page, as on the real site. */
export const SITE_NAME = 'テスト商事'
export const BLURB = ['テスト商事は通販事業者の物流をお手伝いします。', '全国3拠点から翌日配送を提供中です。']

/** A page with a title line, a tag line and the title again (blank lines between blocks). */
export const titledPage = ({
  term,
  glossary,
  tags,
  body,
  footer = [],
  recommended = [],
}: {
  term: string
  glossary: string
  tags: string[]
  body: string[]
  footer?: string[]
  recommended?: string[]
}): string =>
  [
    SITE_NAME,
    SITE_NAME,
    '',
    ...BLURB,
    '',
    `${term} ${glossary}`,
    '',
    tags.join(' '),
    '',
    ` ${term} ${glossary}`,
    '',
    ...body,
    '',
    `${glossary} 事例とともに`,
    '',
    ...footer,
    '',
    ...BLURB,
    '',
    ...(recommended.length
      ? ['あなたはこちらのコラムにもご興味がおありかもしれません おすすめコラム', '', ...recommended, '']
      : []),
    'カテゴリー',
  ].join('\n')

/** A page with no title line: the blurb, the body straight away (no blank lines), the footer. */
export const untitledPage = ({
  body,
  glossary,
  footer = [],
}: {
  body: string[]
  glossary: string
  footer?: string[]
}): string => [...BLURB, ...body, `${glossary} 事例とともに`, ...footer, ...BLURB, 'タグ一覧', 'カテゴリー'].join('\n')

/** A teaser in a recommended-columns list. */
export const teaser = (header: string, definition: string): string[] => [header, `  ${definition}`, '続きを読んでみる']

/** A three-step guide, as the site's footer repeats it. */
export const guide = (title = '購入後の三段階ガイド'): string[] => [
  title,
  '',
  '顧客との関係を深める',
  '',
  `${title}`,
  '',
  '購入後の体験は、次の段階で設計します。',
  '',
  ' 1. お礼の連絡:',
  '',
  '購入直後にメールでお礼を伝えます。',
  '',
  '2. 使い方の案内:',
  '',
  '商品が届いたらLINEで使い方を案内します。',
  '',
  '3.再購入の提案:',
  '',
  '使い切る頃に店舗で使えるクーポンを送ります。',
  '',
  'この三段階で、顧客との長い関係が始まります。',
  '',
  'ガイド CTA',
]

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text)
