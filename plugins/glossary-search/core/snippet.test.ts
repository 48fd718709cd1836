import { describe, expect, it } from 'vitest'

import { foldForSearch } from './fold'
import { highlight } from './snippet'

describe('snippet highlighting', () => {
  it('marks the original spelling of a folded match', () => {
    expect(highlight('ｲﾝﾌﾙｴﾝｻｰに頼む', ['インフル'])).toBe('<mark>ｲﾝﾌﾙ</mark>ｴﾝｻｰに頼む')
    expect(highlight('計測には ＵＴＭ を使う', ['utm'])).toBe('計測には <mark>ＵＴＭ</mark> を使う')
  })

  it('escapes the text, including inside marks', () => {
    expect(highlight('<b>A&B</b> の比較', ['a&b'])).toBe('&lt;b&gt;<mark>A&amp;B</mark>&lt;/b&gt; の比較')
    expect(highlight('<script>alert(1)</script>', ['nothing'])).toBe('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('cuts a window around the first match and marks every match in it', () => {
    const text = `${'前置き。'.repeat(40)}インフルエンサーはインフルエンサーを呼ぶ。${'後書き。'.repeat(40)}`
    const html = highlight(text, [foldForSearch('インフルエンサー')], 60)
    expect(html.startsWith('…')).toBe(true)
    expect(html.endsWith('…')).toBe(true)
    expect(html.match(/<mark>/g)).toHaveLength(2)
  })

  it('merges overlapping matches into one mark', () => {
    expect(highlight('utmパラメータ', ['utm', 'utmパラ'])).toBe('<mark>utmパラ</mark>メータ')
  })
})
