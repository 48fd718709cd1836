import { describe, expect, it } from 'vitest'

import { lexicalPlainText, MAX_EVIDENCE_LENGTH, sentenceAround } from './text'

const around = (text: string, needle: string) => {
  const start = text.indexOf(needle)
  return sentenceAround(text, start, start + needle.length)
}

describe('evidence sentences', () => {
  it('returns the Japanese sentence that contains the mention', () => {
    const text = 'インフルエンサーとは影響力のある人物です。UTMコードで成果を測ります。以上。'
    expect(around(text, 'UTMコード')).toBe('UTMコードで成果を測ります。')
  })

  it('returns the English sentence that contains the mention', () => {
    expect(around('First one. Add a UTM code to links! Done.', 'UTM code')).toBe('Add a UTM code to links!')
  })

  it('stops at line ends', () => {
    expect(around('見出し\nキャンペーンを設計する\n次の行', 'キャンペーン')).toBe('キャンペーンを設計する')
  })

  it('does not end the sentence at punctuation inside the mention', () => {
    expect(around('Yahoo!ショッピングに出店した。次。', 'Yahoo!ショッピング')).toBe('Yahoo!ショッピングに出店した。')
  })

  it('cuts a very long sentence around the mention', () => {
    const long = `${'あ'.repeat(300)}UTMコード${'い'.repeat(300)}。`
    const evidence = around(long, 'UTMコード')
    expect(evidence).toContain('UTMコード')
    expect(evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE_LENGTH + 2)
    expect(evidence.startsWith('…')).toBe(true)
    expect(evidence.endsWith('…')).toBe(true)
  })
})

describe('Lexical plain text', () => {
  it('joins text nodes, separates blocks with new lines and leaves out headings and code', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: '概要' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'UTM' },
              { type: 'text', text: 'コードは' },
              { type: 'linebreak' },
              { type: 'text', text: '次の行' },
            ],
          },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'text', text: '一つ目' }] },
              { type: 'listitem', children: [{ type: 'text', text: '二つ目' }] },
            ],
          },
          { type: 'code', children: [{ type: 'code-highlight', text: 'const ポイント = 1' }] },
        ],
      },
    }
    expect(lexicalPlainText(state)).toBe('UTMコードは\n次の行\n一つ目\n二つ目')
  })

  it('returns an empty string for anything that is not an editor state', () => {
    expect(lexicalPlainText(null)).toBe('')
    expect(lexicalPlainText('text')).toBe('')
    expect(lexicalPlainText({ root: null })).toBe('')
  })
})
