import { describe, expect, it } from 'vitest'

import { LocalePicker, pickLocale } from './localize'

const emptyRichText = { root: { type: 'root', children: [{ type: 'paragraph', children: [] }] } }

describe('pickLocale', () => {
  it('takes the requested locale when it has content', () => {
    expect(pickLocale({ ja: '用語', en: 'Term' }, 'en', 'ja')).toEqual({ value: 'Term', fellBack: false })
  })

  it.each([[{ ja: '用語' }], [{ ja: '用語', en: null }], [{ ja: '用語', en: '  ' }], [{ ja: '用語', en: [] }]])(
    'falls back to ja, per field, when en is missing or blank (%j)',
    (value) => {
      expect(pickLocale(value as never, 'en', 'ja')).toEqual({ value: '用語', fellBack: true })
    },
  )

  it('treats an empty rich-text editor as missing', () => {
    const ja = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: '本文' }] }] } }
    expect(pickLocale({ ja, en: emptyRichText } as never, 'en', 'ja')).toEqual({ value: ja, fellBack: true })
  })

  it('passes unlocalized values through', () => {
    expect(pickLocale('plain', 'en', 'ja')).toEqual({ value: 'plain', fellBack: false })
    expect(pickLocale(undefined, 'en', 'ja')).toEqual({ value: undefined, fellBack: false })
  })

  it('remembers which fields fell back', () => {
    const picker = new LocalePicker('en', 'ja')
    picker.pick('title', { ja: 'タイトル', en: 'Title' })
    picker.pick('summary', { ja: '要約' })
    expect(picker.fallback).toEqual(['summary'])
  })
})
