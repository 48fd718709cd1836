/**
 * content_html through the installed hub (the real payload.config: both plugins): the feed's renderer is
 * the one renderer, the related-term graph adds only the auto-links. Every href of a document is checked.
 */
import type { Payload } from 'payload'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../../../test/helpers/payload'
import { createGlossary, getFeed } from './helpers'
import { htmlProblems } from './html'

let payload: Payload
const ids: Record<string, string> = {}

const text = (value: string, format = 0) => ({
  type: 'text',
  version: 1,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  text: value,
})
const block = (type: string, children: object[], extra: object = {}) => ({
  type,
  version: 1,
  format: '',
  indent: 0,
  direction: 'ltr',
  ...extra,
  children,
})
const link = (fields: object, label: string) => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields,
  children: [text(label)],
})
const doc = (...children: object[]) => ({ root: block('root', children) })
const paragraph = (...children: object[]) => block('paragraph', children, { textFormat: 0 })

type Anchor = { href: string | null; text: string; class: string | null; term: string | null; summary: string | null }

/** Every <a> of a fragment, as a browser parses it. */
const anchors = (html: string): Anchor[] => {
  const window = new Window()
  const container = window.document.createElement('div')
  container.innerHTML = html
  const out = Array.from(container.querySelectorAll('a')).map((a) => ({
    href: a.getAttribute('href'),
    text: a.textContent ?? '',
    class: a.getAttribute('class'),
    term: a.getAttribute('data-term'),
    summary: a.getAttribute('data-term-summary'),
  }))
  void window.happyDOM.close()
  return out
}

const createTerm = async (slug: string, data: Record<string, unknown>, en: Record<string, unknown> = {}) => {
  const created = await payload.create({
    collection: 'glossary-terms',
    data: { glossary: ids.glossary, slug, _status: 'published', ...data } as never,
  })
  if (Object.keys(en).length > 0)
    await payload.update({ collection: 'glossary-terms', id: created.id, locale: 'en', data: en as never })
  ids[slug] = String(created.id)
  return created
}

const item = async (type: string, slug: string, locale = 'ja') => {
  const response = await getFeed(`type=${type}&limit=100&locale=${locale}`)
  expect(response.status).toBe(200)
  const found = response.json.items.find((entry: any) => entry._hub.slug === slug)
  expect(found, slug).toBeDefined()
  return found.content_html as string
}

const TERM_URL = 'https://shop.example.com/glossary/render-hub'

beforeAll(async () => {
  payload = await startPayload()
  ids.glossary = String((await createGlossary(payload, { slug: 'render-hub' })).id)
  await createTerm(
    'coupon',
    { term: 'クーポン', englishName: 'Coupon', summary: '次の買い物で使える割引券。"引用" & <記号>' },
    { term: 'Coupon', summary: 'A voucher for money off.' },
  )
  await createTerm('reward-point', { term: 'ポイント', summary: '購入額に応じて貯まる特典。' })
  await createTerm('ai', { term: 'AI', summary: '人工知能。' })
  await createTerm('cashback', { term: 'キャッシュバック', summary: '支払額の一部を戻す仕組み。', neverAutoLink: true })
  const guide = await createTerm('guide', { term: '買い物ガイド', summary: '案内。' })
  // Planted under Payload's validation and hooks, as an import or an old editor might have stored it.
  await payload.db.updateOne({
    collection: 'glossary-terms',
    id: guide.id,
    locale: 'ja',
    data: {
      body: doc(
        block('heading', [text('ポイントとクーポン')], { tag: 'h2' }),
        paragraph(
          text('クーポンとポイントの使い方。'),
          link({ linkType: 'internal', doc: { relationTo: 'glossary-terms', value: ids.coupon } }, 'クーポンの説明'),
          text('、'),
          link({ linkType: 'custom', url: 'https://partner.example/a?b=1&c=2', newTab: true }, '外部の記事'),
          text('、'),
          link({ linkType: 'custom', url: '//cdn.example.net/guide.pdf' }, '資料'),
          text('、'),
          link({ linkType: 'custom', url: 'javascript:alert(1)' }, '危険A'),
          link({ linkType: 'custom', url: ' java\tscript:alert(1)' }, '危険B'),
          link({ linkType: 'custom', url: 'data:text/html;base64,PHNjcmlwdD4=' }, '危険C'),
          link({ linkType: 'custom', url: '/\\evil.example/x' }, '斜線'),
        ),
        paragraph(
          text('AIが選んだクーポン'),
          text('クーポン', 16),
          text('とキャッシュバック。https://shop.example/coupon も見てね。said it.'),
        ),
      ),
    },
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('content_html with both plugins installed', () => {
  it('keeps every link’s href as the one sanitiser decides and links the first mention of each other term', async () => {
    const html = await item('glossary-term', 'guide')
    expect(htmlProblems(html)).toEqual([])
    const couponSummary = '次の買い物で使える割引券。"引用" & <記号>'
    expect(anchors(html)).toEqual([
      // Auto-links: the first mention outside headings, links and code; never the "never auto-link" term.
      { href: `${TERM_URL}/coupon`, text: 'クーポン', class: 'term-link', term: 'coupon', summary: couponSummary },
      {
        href: `${TERM_URL}/reward-point`,
        text: 'ポイント',
        class: 'term-link',
        term: 'reward-point',
        summary: '購入額に応じて貯まる特典。',
      },
      // The editor's links: internal keeps its storefront href, external stays, //host becomes https://host.
      { href: `${TERM_URL}/coupon`, text: 'クーポンの説明', class: null, term: null, summary: null },
      { href: 'https://partner.example/a?b=1&c=2', text: '外部の記事', class: null, term: null, summary: null },
      { href: 'https://cdn.example.net/guide.pdf', text: '資料', class: null, term: null, summary: null },
      { href: 'https://evil.example/x', text: '斜線', class: null, term: null, summary: null },
      { href: `${TERM_URL}/ai`, text: 'AI', class: 'term-link', term: 'ai', summary: '人工知能。' },
    ])
    // Hostile links keep their text and lose the link; the summary is escaped inside the attribute.
    for (const label of ['危険A', '危険B', '危険C']) expect(html).toContain(label)
    expect(html).toContain('data-term-summary="次の買い物で使える割引券。&quot;引用&quot; &amp; &lt;記号&gt;"')
    expect(html).toContain('<code>クーポン</code>')
    expect(html).toMatch(/<h2>ポイントとクーポン<\/h2>/)
  })

  it('carries the summary of the requested locale', async () => {
    const html = await item('glossary-term', 'guide', 'en')
    const coupon = anchors(html).find((a) => a.term === 'coupon')
    expect(coupon).toEqual({
      href: `https://shop.example.com/en/glossary/render-hub/coupon`,
      text: 'クーポン',
      class: 'term-link',
      term: 'coupon',
      summary: 'A voucher for money off.',
    })
    // No English summary: the default locale's.
    expect(anchors(html).find((a) => a.term === 'reward-point')?.summary).toBe('購入額に応じて貯まる特典。')
  })

  it('adds no auto-links inside a document whose editors switched them off, and keeps its own links', async () => {
    await payload.create({
      collection: 'case-studies',
      data: {
        title: 'ポイント施策の事例',
        slug: 'no-auto-links',
        noAutoLinksInside: true,
        persona: { name: '千晴' },
        scenario: doc(
          paragraph(
            text('クーポンとポイントで再購入。'),
            link({ linkType: 'internal', doc: { relationTo: 'glossary-terms', value: ids['reward-point'] } }, '解説'),
          ),
        ),
        _status: 'published',
      } as never,
    })
    const html = await item('case-study', 'no-auto-links')
    expect(anchors(html)).toEqual([
      { href: `${TERM_URL}/reward-point`, text: '解説', class: null, term: null, summary: null },
    ])
  })

  it('links a term once per document, across a playbook’s intro, steps and closing', async () => {
    await payload.create({
      collection: 'playbooks',
      data: {
        title: '再購入の手順',
        slug: 'once-per-document',
        stage: 'post-purchase',
        intro: doc(paragraph(text('まずポイントを説明する。'))),
        steps: [{ title: '案内', key: 'notice', body: doc(paragraph(text('ポイントとクーポンを送る。'))) }],
        closing: doc(paragraph(text('クーポンの期限を伝える。'))),
        _status: 'published',
      } as never,
    })
    const html = await item('playbook', 'once-per-document')
    expect(anchors(html).map((a) => [a.term, a.text])).toEqual([
      ['reward-point', 'ポイント'],
      ['coupon', 'クーポン'],
    ])
    expect(html.indexOf('data-term="reward-point"')).toBeLessThan(html.indexOf('<ol'))
  })

  it('stops linking a term once editors tick "never auto-link", and links it again when they untick it', async () => {
    await payload.update({ collection: 'glossary-terms', id: ids.ai!, data: { neverAutoLink: true } as never })
    expect(anchors(await item('glossary-term', 'guide')).some((a) => a.term === 'ai')).toBe(false)
    await payload.update({ collection: 'glossary-terms', id: ids.ai!, data: { neverAutoLink: false } as never })
    expect(anchors(await item('glossary-term', 'guide')).some((a) => a.term === 'ai')).toBe(true)
  })
})
