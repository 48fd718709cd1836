import { describe, expect, it } from 'vitest'

import { mentionFinderFor, renderLinkedHtml, safeHref, termUrlBuilder } from './renderHtml'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format, detail: 0, mode: 'normal', style: '', version: 1 })
const paragraph = (...children: object[]) => ({ type: 'paragraph', children, version: 1 })
const heading = (tag: string, ...children: object[]) => ({ type: 'heading', tag, children, version: 1 })
const link = (url: string, ...children: object[]) => ({ type: 'link', fields: { url, linkType: 'custom', newTab: false }, children, version: 1 })
const doc = (...children: object[]) => ({ root: { type: 'root', children, version: 1 } })

const terms = [
  { slug: 'utm-code', labels: ['UTMコード', 'UTM Code'] },
  { slug: 'campaign', labels: ['キャンペーン'] },
  { slug: 'influencer', labels: ['インフルエンサー'] },
  { slug: 'influencer-marketing', labels: ['インフルエンサーマーケティング'] },
]
const render = (body: unknown, selfSlug?: string) =>
  renderLinkedHtml(body, {
    findMentions: mentionFinderFor(terms),
    selfSlug,
    urlFor: termUrlBuilder('https://shop.example.com/glossary/{slug}'),
  })

const linkCount = (html: string, slug: string) => html.split(`data-term="${slug}"`).length - 1

describe('auto-linking renderer', () => {
  it('links the first mention of a term and leaves later ones as text', () => {
    const html = render(doc(paragraph(text('キャンペーンごとにUTMコードを付け、キャンペーンを比べる。'))))
    expect(html).toBe(
      '<p><a href="https://shop.example.com/glossary/campaign" class="term-link" data-term="campaign">キャンペーン</a>ごとに' +
        '<a href="https://shop.example.com/glossary/utm-code" class="term-link" data-term="utm-code">UTMコード</a>を付け、キャンペーンを比べる。</p>',
    )
  })

  it('links the first mention across paragraphs only once', () => {
    const html = render(doc(paragraph(text('UTMコードとは')), paragraph(text('UTM コードの例'))))
    expect(linkCount(html, 'utm-code')).toBe(1)
    expect(html).toContain('<p>UTM コードの例</p>')
  })

  it('never links inside an existing link', () => {
    const html = render(doc(paragraph(link('https://example.com/x', text('UTMコードの解説')), text(' と UTMコード'))))
    expect(html).toContain('<a href="https://example.com/x">UTMコードの解説</a>')
    expect(linkCount(html, 'utm-code')).toBe(1)
    expect(html).toMatch(/ と <a [^>]*data-term="utm-code">UTMコード<\/a><\/p>$/)
  })

  it('never links inside a heading, and links the first mention after it', () => {
    const html = render(doc(heading('h2', text('キャンペーンの設計')), paragraph(text('キャンペーンを作る'))))
    expect(html).toMatch(/^<h2>キャンペーンの設計<\/h2><p><a [^>]*data-term="campaign">キャンペーン<\/a>を作る<\/p>$/)
  })

  it('never links the page to itself', () => {
    const html = render(doc(paragraph(text('UTMコードはキャンペーンの計測に使う'))), 'utm-code')
    expect(linkCount(html, 'utm-code')).toBe(0)
    expect(linkCount(html, 'campaign')).toBe(1)
  })

  it('links the longest term: インフルエンサーマーケティング, not インフルエンサー', () => {
    const html = render(doc(paragraph(text('インフルエンサー マーケティングとは'))))
    expect(linkCount(html, 'influencer-marketing')).toBe(1)
    expect(linkCount(html, 'influencer')).toBe(0)
  })

  it('escapes text and keeps formatting around links', () => {
    const html = render(doc(paragraph(text('<script>alert(1)</script> & UTMコード', 1))))
    expect(html).toBe(
      '<p><strong>&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a href="https://shop.example.com/glossary/utm-code" class="term-link" data-term="utm-code">UTMコード</a></strong></p>',
    )
  })

  it('drops javascript: and other unsafe link targets but keeps their text', () => {
    const html = render(doc(paragraph(link('javascript:alert(1)', text('click')), link(' JaVa\tScript:alert(1)', text('me')))))
    expect(html).toBe('<p>clickme</p>')
  })

  it('renders headings, lists, quotes, line breaks and rules without attributes from the data', () => {
    const html = render(
      doc(
        heading('h3" onclick="x', text('見出し')),
        { type: 'list', listType: 'number', start: 3, children: [{ type: 'listitem', children: [text('一')] }] },
        { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [text('二')] }] },
        { type: 'quote', children: [text('引用'), { type: 'linebreak' }, text('続き')] },
        { type: 'horizontalrule' },
        { type: 'upload', value: { url: 'javascript:x' } },
      ),
    )
    expect(html).toBe('<h2>見出し</h2><ol start="3"><li>一</li></ol><ul><li>二</li></ul><blockquote>引用<br>続き</blockquote><hr>')
  })

  it('does not link inside inline code or code blocks', () => {
    const html = render(doc(paragraph(text('UTMコード', 16)), { type: 'code', children: [text('UTMコード')] }))
    expect(linkCount(html, 'utm-code')).toBe(0)
  })

  it('returns an empty string for no body', () => {
    expect(render(null)).toBe('')
    expect(render(undefined)).toBe('')
    expect(render({})).toBe('')
  })
})

describe('safe hrefs', () => {
  it('keeps web, mail, phone and relative links', () => {
    for (const url of ['https://a.example/x?y=1', 'http://a.example', 'mailto:a@b.c', 'tel:+81', '/glossary/utm', '#top', 'page.html']) {
      expect(safeHref(url)).toBe(url)
    }
  })

  it('drops script, data and protocol-relative links', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'java\nscript:x', 'data:text/html,x', 'vbscript:x', '//evil.example', '']) {
      expect(safeHref(url)).toBeNull()
    }
  })
})

describe('term URL template', () => {
  it('fills in the slug, glossary and locale, URL-encoded', () => {
    expect(termUrlBuilder('https://shop.example.com/{locale}/glossary/{slug}', 'en')('utm-code')).toBe('https://shop.example.com/en/glossary/utm-code')
    expect(termUrlBuilder('/g/{slug}')('a b')).toBe('/g/a%20b')
  })

  it('adds a locale prefix for every locale but the default', () => {
    const template = 'https://shop.example.com{localePrefix}/glossary/{glossary}/{slug}'
    expect(termUrlBuilder(template, 'ja', 'ja')('utm-code', 'social-media')).toBe('https://shop.example.com/glossary/social-media/utm-code')
    expect(termUrlBuilder(template, 'en', 'ja')('utm-code', 'social-media')).toBe('https://shop.example.com/en/glossary/social-media/utm-code')
  })
})
