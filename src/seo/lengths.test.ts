import { describe, expect, it } from 'vitest'

import { articleTitle, playbookDescription, termDescription, termTitle } from './defaults'
import { describeWithinWidth, displayWidth, SEO_WIDTH, truncateToWidth } from './lengths'

describe('display width', () => {
  it('counts full-width characters as two columns and Latin letters as one', () => {
    expect(displayWidth('はつばい')).toBe(8)
    expect(displayWidth('Launch')).toBe(6)
    expect(displayWidth('ＡＢ12')).toBe(6)
  })

  it('cuts Japanese titles near 30 characters and English ones near 60, ending in an ellipsis', () => {
    const japanese = truncateToWidth('定期便の解約理由を聞き取るための短いアンケート設計とその活かし方', 60)
    expect(displayWidth(japanese)).toBeLessThanOrEqual(60)
    expect(japanese.endsWith('…')).toBe(true)
    expect([...japanese].length).toBeLessThanOrEqual(30)
    const english = truncateToWidth('How a small tea shop listens to subscribers who pause their monthly box', 60)
    expect(displayWidth(english)).toBeLessThanOrEqual(60)
    expect(english.length).toBeGreaterThan(40)
  })

  it('leaves text that fits untouched, and never splits a combined character', () => {
    expect(truncateToWidth('同梱チラシ', 60)).toBe('同梱チラシ')
    const cut = truncateToWidth('👩‍👩‍👧'.repeat(40), 20)
    expect(cut.replace('…', '').length % '👩‍👩‍👧'.length).toBe(0)
  })
})

describe('descriptions', () => {
  const sentences = [
    '同梱チラシは、商品と一緒に届く紙の案内です。',
    '次回の購入につながる特典や使い方の説明を載せます。',
    '開封の瞬間に読まれるため、メールより確実に目に入ります。',
    '季節ごとに内容を替えると、リピーターにも新鮮に映ります。',
    '効果はクーポンコードの利用数で測れます。',
  ]

  it('keeps whole sentences within 60–120 full-width characters', () => {
    const description = describeWithinWidth(sentences.join(''), SEO_WIDTH.description)
    expect(displayWidth(description)).toBeLessThanOrEqual(240)
    expect(displayWidth(description)).toBeGreaterThanOrEqual(120)
    expect(description.endsWith('。')).toBe(true)
  })

  it('cuts with an ellipsis when one sentence is longer than the budget', () => {
    const description = describeWithinWidth('あ'.repeat(300), SEO_WIDTH.description)
    expect(displayWidth(description)).toBeLessThanOrEqual(240)
    expect(description.endsWith('…')).toBe(true)
  })

  it('ends English descriptions at a full stop, not inside a decimal number', () => {
    const text =
      'Packing inserts travel in the parcel with the order. They carry a thank-you note and a code worth 2.5 percent off the next box. ' +
      'Because they are read while the box is opened, they are seen more often than an email. Rotate them each season. ' +
      'Measure them by how often the code is used.'
    const description = describeWithinWidth(text, SEO_WIDTH.description)
    expect(description.endsWith('.')).toBe(true)
    expect(description).not.toMatch(/2\.$/)
    expect(displayWidth(description)).toBeLessThanOrEqual(240)
  })
})

describe('generated defaults', () => {
  it('titles a term with its glossary when both fit, and with the term alone when they do not', () => {
    expect(termTitle({ term: '同梱チラシ' }, 'EC運営用語集', 'ja')).toBe('同梱チラシ｜EC運営用語集')
    expect(termTitle({ term: 'Packing insert' }, 'Store operations', 'en')).toBe('Packing insert | Store operations')
    const long = termTitle({ term: '購入後フォローアップメールの開封率' }, 'カスタマーエクスペリエンス用語集', 'ja')
    expect(long).toBe('購入後フォローアップメールの開封率')
  })

  it('falls back to the English name or slug when the term is empty in this locale', () => {
    expect(termTitle({ term: '', englishName: 'Packing insert' }, undefined, 'en')).toBe('Packing insert')
    expect(articleTitle({ title: '', slug: 'unboxing-follow-up' })).toBe('unboxing-follow-up')
  })

  it('describes a term from its summary, then its body text', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: '本文の一文目です。', version: 1 }], version: 1 },
        ],
        version: 1,
      },
    }
    expect(termDescription({ summary: '要約です。', body })).toBe('要約です。 本文の一文目です。')
  })

  it('lists a playbook’s steps in order, with the comma of the locale', () => {
    const doc = { summary: 'Short.', steps: [{ title: 'Thank' }, { title: 'Ask' }] }
    expect(playbookDescription(doc, 'en')).toBe('Short. Thank, Ask')
    expect(playbookDescription({ steps: [{ title: '感謝' }, { title: '依頼' }] }, 'ja')).toBe('感謝、依頼')
  })
})
