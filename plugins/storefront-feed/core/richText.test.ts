import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { HOSTILE, htmlProblems, visibleText } from '../test/html'
import { collectInternalLinks, hasRichText, renderRichTextHtml, richTextToPlainText } from './richText'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
})
const doc = (...children: object[]) =>
  ({ root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children } }) as any
const link = (fields: object, label = 'label') => ({ type: 'link', version: 3, fields, children: [text(label)] })

describe('renderRichTextHtml', () => {
  it('renders paragraphs, formatting, headings and lists', () => {
    const html = renderRichTextHtml(
      doc(
        { type: 'heading', tag: 'h2', version: 1, children: [text('見出し')] },
        paragraph(text('太字', 1), text(' と '), text('code', 16)),
        {
          type: 'list',
          tag: 'ol',
          listType: 'number',
          version: 1,
          children: [{ type: 'listitem', value: 1, version: 1, children: [text('一')] }],
        },
      ),
    )
    expect(html).toContain('<h2>見出し</h2>')
    expect(html).toContain('<strong>太字</strong> と <code>code</code>')
    expect(html).toMatch(/<ol class="list-number"><li[^>]*>一<\/li><\/ol>/)
    expect(htmlProblems(html)).toEqual([])
  })

  it('shows hostile text as text', () => {
    for (const hostile of HOSTILE) {
      const html = renderRichTextHtml(doc(paragraph(text(hostile))))
      expect(htmlProblems(html), hostile).toEqual([])
      expect(visibleText(html)).toBe(hostile)
    }
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \tjavascript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'javascript&colon;alert(1)',
    '"><script>alert(1)</script>',
    'https://example.com/" onmouseover="alert(1)',
  ])('neutralises the link URL %j', (url) => {
    const html = renderRichTextHtml(doc(paragraph(link({ url, linkType: 'custom' }))))
    expect(htmlProblems(html)).toEqual([])
    expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i)
  })

  it('keeps ordinary links and marks new-tab links noopener', () => {
    const html = renderRichTextHtml(doc(paragraph(link({ url: 'https://example.com/a?b=1&c=2', newTab: true }))))
    expect(html).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">label</a></p>',
    )
  })

  it('points internal links at the storefront, and drops links to documents that are not public', () => {
    const internal = (id: string) => link({ linkType: 'internal', doc: { relationTo: 'glossary-terms', value: id } })
    const html = renderRichTextHtml(doc(paragraph(internal('t1'), text(' '), internal('t2'))), ({ id }) =>
      id === 't1' ? 'https://shop.example.com/glossary/utm' : undefined,
    )
    expect(html).toBe('<p><a href="https://shop.example.com/glossary/utm">label</a> label</p>')
  })

  it('ignores tag names and attributes smuggled into node JSON', () => {
    const html = renderRichTextHtml(
      doc(
        { type: 'heading', tag: 'script', version: 1, children: [text('h')] },
        {
          type: 'list',
          tag: 'script',
          listType: '"><script>',
          version: 1,
          children: [{ type: 'listitem', value: '"><script>', version: 1, children: [text('i')] }],
        },
        {
          type: 'table',
          version: 1,
          children: [
            {
              type: 'tablerow',
              version: 1,
              children: [
                {
                  type: 'tablecell',
                  headerState: '1"><script>alert(1)</script>',
                  colSpan: '2" onclick="x',
                  backgroundColor: 'red;background:url(javascript:x)',
                  version: 1,
                  children: [paragraph(text('c'))],
                },
              ],
            },
          ],
        },
        { type: 'upload', version: 1, value: { url: 'javascript:alert(1)', mimeType: 'image/png' } },
        { type: 'block', version: 1, fields: { blockType: 'x' } },
        { type: 'mystery', version: 1, text: '<b>unknown</b>' },
        paragraph({ ...text('x'), format: '"><script>' }),
        { ...paragraph(text('indented')), indent: '1;background:url(x)' },
      ),
    )
    expect(htmlProblems(html)).toEqual([])
    expect(visibleText(html)).toContain('<b>unknown</b>')
  })

  it('renders any text and any link URL without markup escaping into the page', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (value, url) => {
        const html = renderRichTextHtml(doc(paragraph(text(value), link({ url }, value))))
        expect(htmlProblems(html)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('renders nothing for missing or malformed rich text', () => {
    expect(renderRichTextHtml(null)).toBe('')
    expect(renderRichTextHtml({ root: 'x' } as any)).toBe('')
    expect(renderRichTextHtml(doc(paragraph()))).toBe('')
  })
})

describe('protocol-relative and relative links', () => {
  it.each([
    ['//cdn.example.net/a.pdf', 'https://cdn.example.net/a.pdf'],
    ['/\\cdn.example.net/a', 'https://cdn.example.net/a'],
    ['/glossary/utm', '/glossary/utm'],
    ['#steps', '#steps'],
    ['mailto:team@example.com', 'mailto:team@example.com'],
  ])('renders %j with href %j', (url, href) => {
    expect(renderRichTextHtml(doc(paragraph(link({ url }))))).toBe(`<p><a href="${href}">label</a></p>`)
  })

  it.each(['javascript:alert(1)', 'data:text/html,x', '//', '//user@evil.example', '#', ''])(
    'keeps the text of %j and drops the link',
    (url) => {
      expect(renderRichTextHtml(doc(paragraph(link({ url }))))).toBe('<p>label</p>')
    },
  )
})

describe('auto-links', () => {
  const mentions =
    (word: string, href = 'https://shop.example.com/glossary/g/point') =>
    (value: string) => {
      const start = value.indexOf(word)
      return start < 0
        ? []
        : [{ start, end: start + word.length, href, slug: 'point', summary: '"貯まる" <特典> & more' }]
    }

  it('wraps the mention in a link carrying slug, escaped summary and class, inside the text formatting', () => {
    const html = renderRichTextHtml(doc(paragraph(text('ポイントを貯める', 1))), { linkMentions: mentions('ポイント') })
    expect(html).toBe(
      '<p><a href="https://shop.example.com/glossary/g/point" class="term-link" data-term="point" data-term-summary="&quot;貯まる&quot; &lt;特典&gt; &amp; more"><strong>ポイント</strong></a><strong>を貯める</strong></p>',
    )
    expect(htmlProblems(html)).toEqual([])
  })

  it('never links inside links, headings or code', () => {
    const html = renderRichTextHtml(
      doc(
        { type: 'heading', tag: 'h3', version: 1, children: [text('ポイント')] },
        paragraph(link({ url: 'https://example.com' }, 'ポイント'), text('ポイント', 16)),
        { type: 'code', version: 1, children: [{ type: 'code-highlight', version: 1, text: 'ポイント' }] },
      ),
      { linkMentions: mentions('ポイント') },
    )
    expect(html).not.toContain('term-link')
    expect(html).toContain('<pre><code>ポイント</code></pre>')
  })

  it('drops an auto-link whose href the sanitiser refuses, keeping the text', () => {
    const html = renderRichTextHtml(doc(paragraph(text('ポイント'))), {
      linkMentions: mentions('ポイント', 'javascript:alert(1)'),
    })
    expect(html).toBe('<p>ポイント</p>')
  })

  it('renders any text with any mention ranges without markup escaping into the page', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), fc.string(), (value, a, b, summary) => {
        const [start, end] = [Math.min(a, b) % (value.length + 1), Math.max(a, b) % (value.length + 1)]
        const html = renderRichTextHtml(doc(paragraph(text(value))), {
          linkMentions: () => [{ start, end, href: '/g/x', slug: summary, summary }],
        })
        expect(htmlProblems(html)).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})

describe('plain text and links', () => {
  it('reads the visible text, and knows an empty editor holds none', () => {
    expect(richTextToPlainText(doc(paragraph(text('一行目')), paragraph(text('二行目'))))).toBe('一行目\n\n二行目')
    expect(hasRichText(doc(paragraph()))).toBe(false)
    expect(hasRichText(doc(paragraph(text('x'))))).toBe(true)
  })

  it('collects every internal link, however deeply nested', () => {
    const nested = {
      type: 'list',
      version: 1,
      children: [
        {
          type: 'listitem',
          version: 1,
          children: [link({ linkType: 'internal', doc: { relationTo: 'playbooks', value: { id: 'p1' } } })],
        },
      ],
    }
    expect(
      collectInternalLinks(
        doc(paragraph(link({ linkType: 'internal', doc: { relationTo: 'glossary-terms', value: 't1' } })), nested),
      ),
    ).toEqual([
      { relationTo: 'glossary-terms', id: 't1' },
      { relationTo: 'playbooks', id: 'p1' },
    ])
  })
})

describe('the HTML checker these tests rely on', () => {
  it('flags scripts, handlers, unknown tags and script URLs', () => {
    expect(htmlProblems('<p><script>x</script></p>')).toContain('parsed <script>')
    expect(htmlProblems('<a href="https://x" onclick="y">a</a>')).toContain('parsed handler onclick on <a>')
    expect(htmlProblems('<a href=" java\tscript:alert(1)">a</a>').join()).toMatch(/parsed href/)
    expect(htmlProblems('<img src=x>')).toContain('tag <img>')
    expect(htmlProblems('<p>a < b</p>')).toContain('bare "<" at 5')
  })
})
