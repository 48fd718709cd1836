import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../../../test/helpers/payload'
import { existingFeedRuntime } from '../server/runtime'
import { getFeed } from './helpers'
import { HOSTILE, htmlProblems, visibleText } from './html'
import { jsonFeedErrors } from './jsonFeedSchema'

let payload: Payload

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const block = (type: string, children: object[], extra: object = {}) => ({
  type,
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  children,
  ...extra,
})
const link = (url: string, label: string) =>
  block('link', [text(label)], { version: 3, fields: { url, linkType: 'custom', newTab: false } })

/** Rich text an attacker with edit rights might save through the API, bypassing the editor UI. */
const hostileRichText = (value: string) => ({
  root: block('root', [
    block('paragraph', [text(value), text('<img src=x onerror=alert(1)>')], { textFormat: 0 }),
    block(
      'paragraph',
      [
        link('javascript:alert(1)', 'js'),
        link('JaVaScRiPt:alert(1)', 'js2'),
        link('data:text/html,<script>alert(1)</script>', 'data'),
        link('https://example.com/"onmouseover="alert(1)', 'quote'),
        link('"><script>alert(1)</script>', 'breakout'),
      ],
      { textFormat: 0 },
    ),
    block('heading', [text(value)], { tag: 'h2' }),
  ]),
})

beforeAll(async () => {
  payload = await startPayload()
  const [first, second] = HOSTILE
  const glossary = await payload.create({
    collection: 'glossaries',
    data: { name: HOSTILE.join(' '), slug: 'hostile-glossary' },
  })
  const tag = await payload.create({ collection: 'tags', data: { name: HOSTILE.join(' '), slug: 'hostile-tag' } })
  for (const [i, value] of HOSTILE.entries()) {
    const term = await payload.create({
      collection: 'glossary-terms',
      data: {
        term: value,
        slug: `hostile-${i}`,
        englishName: value,
        reading: value,
        aliases: [value, `${first}${second}`],
        summary: value,
        body: hostileRichText(value) as never,
        glossary: glossary.id,
        tags: [tag.id],
        _status: 'published',
      },
    })
    await payload.create({
      collection: 'case-studies',
      data: {
        title: value,
        slug: `hostile-case-${i}`,
        persona: { name: value, romanized: value },
        industry: value,
        scenario: hostileRichText(value) as never,
        tactics: [{ text: value }],
        outcomes: [{ text: value }],
        relatedTerms: [term.id],
        _status: 'published',
      },
    })
    await payload.create({
      collection: 'playbooks',
      data: {
        title: value,
        slug: `hostile-playbook-${i}`,
        summary: value,
        intro: hostileRichText(value) as never,
        steps: [{ title: value, body: hostileRichText(value) as never }],
        closing: hostileRichText(value) as never,
        relatedTerms: [term.id],
        _status: 'published',
      },
    })
  }
})

afterAll(async () => {
  await payload?.destroy()
})

/** Node shapes the editor and Payload's validation refuse, as if written by an import straight into the database. */
const smuggledRichText = {
  root: block('root', [
    block('heading', [text('h')], { tag: 'script' }),
    block('list', [block('listitem', [text('i')], { value: '"><script>alert(1)</script>' })], {
      tag: 'script',
      listType: '" onclick="x',
    }),
    block('table', [
      block('tablerow', [
        block('tablecell', [text('c')], { headerState: '1"><script>alert(1)</script>', colSpan: '2" onclick="x' }),
      ]),
    ]),
    { type: 'mystery-node', version: 1, text: '<b onclick="x">unknown</b>' },
    block('paragraph', [{ ...text('t'), format: '"><script>' }], { indent: '1;background:url(javascript:x)' }),
  ]),
}

describe('hostile input in every text field', () => {
  it.each(['ja', 'en'])('never reaches content_html as markup, and the feed stays valid (%s)', async (locale) => {
    const response = await getFeed(`limit=100&locale=${locale}`)
    expect(response.status).toBe(200)
    expect(jsonFeedErrors(response.json)).toEqual([])
    expect(response.json.items.length).toBeGreaterThanOrEqual(HOSTILE.length * 3)
    for (const item of response.json.items) {
      expect(htmlProblems(item.content_html), item.id).toEqual([])
      expect(item.content_html).not.toMatch(/href="\s*(javascript|data|vbscript):/i)
    }
  })

  it('renders node shapes that only an import could store without markup escaping', async () => {
    const glossary = await payload.find({ collection: 'glossaries', limit: 1 })
    const term = await payload.create({
      collection: 'glossary-terms',
      data: { term: 'smuggled', slug: 'smuggled', glossary: glossary.docs[0]!.id, _status: 'published' },
    })
    await payload.db.updateOne({
      collection: 'glossary-terms',
      id: term.id,
      locale: 'ja',
      data: { body: smuggledRichText },
    })
    // An import writes past Payload's hooks, so the feed learns of it only when its cache is next dropped.
    existingFeedRuntime(payload)!.cache.clear()
    const { json } = await getFeed('type=glossary-term&limit=100')
    const item = json.items.find((entry: any) => entry._hub.slug === 'smuggled')
    expect(visibleText(item.content_html)).toContain('i')
    expect(htmlProblems(item.content_html)).toEqual([])
  })

  it('keeps plain-text fields verbatim as data, so storefronts escape them like any text', async () => {
    const { json } = await getFeed('type=glossary-term&limit=100')
    const titles = json.items
      .filter((item: any) => item._hub.slug.startsWith('hostile-'))
      .map((item: any) => item.title)
    expect(titles.sort()).toEqual([...HOSTILE].sort())
    const item = json.items.find((entry: any) => entry._hub.slug === 'hostile-0')
    expect(item.summary).toBe(HOSTILE[0])
    expect(item.tags).toEqual([HOSTILE.join(' ')])
    expect(item._hub.jsonld.name).toBe(HOSTILE[0])
  })

  it('writes the response so that no byte of it can close a <script> block it is inlined into', async () => {
    const { text } = await getFeed('limit=100')
    expect(text).not.toMatch(/[<>\u2028\u2029]/)
    expect(text).toContain('\\u003cscript\\u003e')
  })
})
