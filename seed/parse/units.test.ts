import { createHeadlessEditor } from '@payloadcms/richtext-lexical/lexical/headless'
import { ListItemNode, ListNode } from '@payloadcms/richtext-lexical/lexical/list'
import { HeadingNode } from '@payloadcms/richtext-lexical/lexical/rich-text'
import { describe, expect, it } from 'vitest'

import { parseBlocks } from './blocks'
import { detectChannels } from './channels'
import { decodeDocument } from './decode'
import { toLexical } from './lexical'
import { createMentionFinder } from './mentions'
import { definedSubject, parseTeaserHeader, readName, splitTeaserDefinition } from './names'
import { splitSentences } from './text'

describe('rich text', () => {
  it('is the JSON a Lexical editor with heading and list nodes exports unchanged', () => {
    const blocks = parseBlocks([
      '定義の文です。',
      '次の行です。',
      '',
      '見出し',
      '',
      '  • ラベル:',
      '    説明の行です。',
      '  • 単独の項目',
      '',
      '  1. 手順の一つ目です。',
      '  2. 手順の二つ目です。',
    ])
    const state = toLexical(blocks)
    const editor = createHeadlessEditor({ nodes: [HeadingNode, ListNode, ListItemNode] })
    expect(editor.parseEditorState(state as never).toJSON()).toEqual(state)
    expect(state.root.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'list', 'list'])
  })
})

describe('names beside brackets', () => {
  it('reads an abbreviation as an alias and a former name as a second spelling', () => {
    expect(readName('Net Promoter Score (NPS)')).toEqual({ name: 'Net Promoter Score', aliases: ['NPS'] })
    expect(readName('X (旧称 Twitter) ハンドル')).toEqual({
      name: 'X/Twitter ハンドル',
      aliases: ['X ハンドル', 'Twitter ハンドル'],
    })
    expect(readName('顧客体験 (お客様の視点)')).toEqual({ name: '顧客体験 (お客様の視点)', aliases: [] })
  })

  it('takes abbreviations that start with a digit, but not a year', () => {
    expect(readName('Third-Party Logistics (3PL)')).toEqual({ name: 'Third-Party Logistics', aliases: ['3PL'] })
    expect(readName('Business to Business (B2B)')).toEqual({ name: 'Business to Business', aliases: ['B2B'] })
    expect(readName('Fourth-Party Logistics (4PL)').aliases).toEqual(['4PL'])
    expect(readName('初出の記事 (2006)')).toEqual({ name: '初出の記事 (2006)', aliases: [] })
  })

  it('splits a teaser header into English name, Japanese name and a glossary of several words', () => {
    const known = (key: string) => key === 'オムニチャネルコマース用語集'
    expect(
      parseTeaserHeader(
        'Unified Commerce ユニファイドコマース オムニチャネル コマース 用語集 成長のために',
        '用語集',
        known,
      ),
    ).toEqual({
      englishName: 'Unified Commerce',
      japaneseName: 'ユニファイドコマース',
      aliases: [],
      glossary: 'オムニチャネル コマース用語集',
      slogan: '成長のために',
    })
    expect(parseTeaserHeader('在庫評価方法 ユニファイドコマースとオムニチャネル とは', '用語集', known)).toBeNull()
  })

  it('drops the trailing ellipsis of a teaser definition', () => {
    expect(splitTeaserDefinition('直帰率とは 直帰率とは、訪問者の割合です。高いと...')).toEqual({
      subject: '直帰率',
      definition: '直帰率とは、訪問者の割合です。高いと',
    })
  })
})

describe('sentences', () => {
  it('end at a full stop, but not at one inside brackets', () => {
    expect(splitSentences('A です。説明(補足です。)が続きます。「引用です。」 最後')).toEqual([
      'A です。',
      '説明(補足です。)が続きます。',
      '「引用です。」',
      '最後',
    ])
  })
})

describe('channels', () => {
  it('counts a channel only where it is not negated', () => {
    expect(detectChannels('eメールではなくSNSメッセージを送ります。')).toEqual(['sns-dm'])
    expect(detectChannels('店頭で受け取り、アプリで通知します。電話でも。')).toEqual(['store', 'phone', 'app'])
  })
})

describe('mentions', () => {
  const find = createMentionFinder([
    { text: 'UTMパラメータ', slug: 'utm-parameter' },
    { text: 'UTM', slug: 'utm' },
    { text: 'CDP', slug: 'cdp' },
  ])

  it('ignores the spaces Japanese web text puts between words and prefers the longer name', () => {
    expect(find('UTM パラメータ を使う')).toEqual(['utm-parameter'])
  })

  it('matches ASCII names as whole words only', () => {
    expect(find('CDPの活用とCDPX')).toEqual(['cdp'])
    expect(find('ACDP')).toEqual([])
  })
})

describe('decoding', () => {
  it('refuses overlong and surrogate UTF-8 sequences with their offset', () => {
    expect(decodeDocument(new Uint8Array([0x41, 0xc0, 0xaf]))).toEqual({
      ok: false,
      reason: expect.stringContaining('offset 1'),
    })
    expect(decodeDocument(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual({
      ok: false,
      reason: expect.stringContaining('offset 0'),
    })
  })

  it('strips a byte-order mark', () => {
    expect(decodeDocument(new Uint8Array([0xef, 0xbb, 0xbf, 0xe3, 0x81, 0x82]))).toEqual({ ok: true, text: 'あ' })
  })
})

describe('defining sentences', () => {
  it('takes the subject of a sentence that says what something is', () => {
    expect(definedSubject('ダークソーシャルは、外から見えない経路で共有されるリンクのことです。')).toBe(
      'ダークソーシャル',
    )
    expect(definedSubject('見本語は、試しに作った用語です。')).toBe('見本語')
    expect(definedSubject('クラウドソーシングは、多くの人の力を集める仕組みのことで、2006年に広まりました。')).toBe(
      'クラウドソーシング',
    )
  })

  it('takes none from a sentence that tells what happened', () => {
    expect(definedSubject('去年の年末商戦は、私たちのショップにとって忘れられない一か月になりました。')).toBeNull()
    expect(definedSubject('店長は、倉庫を移してから残業が減ったと話してくれました。')).toBeNull()
  })
})
