import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, loginToken } from '../../../test/helpers/fixtures'
import { config, startPayload } from '../../../test/helpers/payload'
import { previewTargetFor, previewUrlFor } from '../core/preview'
import { feedOptionsOf, findPreviewDraft, renderPreview } from '../server/preview'
import { serveSitemap } from '../server/sitemap'
import { createGlossary, createPlaybook, createTerm, getFeed } from './helpers'

let payload: Payload
let editorToken = ''
let editor: any
const ids = { glossary: '', other: '', published: '', draft: '', playbook: '' }

const postPreview = async (body: unknown, token?: string) => {
  const request = new Request('http://localhost:3000/api/feed/preview', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const response = await handleEndpoints({ config, request })
  return { status: response.status, json: (await response.json()) as any }
}

const sitemap = (headers: Record<string, string> = {}) =>
  serveSitemap(payload, feedOptionsOf(payload)!, new Request('http://localhost:3000/sitemap.xml', { headers }))

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'preview-editor@example.com', ['editor'])
  editorToken = await loginToken(payload, 'preview-editor@example.com')
  ids.glossary = String((await createGlossary(payload, { slug: 'parcel-words', name: '梱包用語集' })).id)
  ids.other = String((await createGlossary(payload, { slug: 'desk-words', name: '窓口用語集' })).id)
  const published = await createTerm(payload, {
    glossary: ids.glossary,
    slug: 'cushioning',
    term: '緩衝材',
    summary: '商品を守る詰め物。',
  })
  ids.published = String(published.id)
  const draft = await createTerm(payload, {
    glossary: ids.glossary,
    slug: 'gift-wrap',
    term: 'ギフト包装',
    body: '緩衝材と一緒に使う包装。',
    related: [ids.published],
    status: 'draft',
  })
  ids.draft = String(draft.id)
  const playbook = await createPlaybook(payload, { slug: 'unboxing-flow', status: 'draft' })
  ids.playbook = String(playbook.id)
})

afterAll(async () => {
  await payload?.destroy()
})

describe('draft previews', () => {
  it('name a document by the storefront path under /preview, for the same templates the feed uses', () => {
    const options = feedOptionsOf(payload)!
    const url = previewUrlFor(options, 'http://hub.test', 'glossary-term', {
      slug: 'gift-wrap',
      id: ids.draft,
      glossary: 'parcel-words',
      locale: 'en',
    })
    expect(url).toBe('http://hub.test/preview/en/glossary/parcel-words/gift-wrap')
    expect(previewTargetFor(options, new URL(url).pathname)).toEqual({
      type: 'glossary-term',
      locale: 'en',
      glossary: 'parcel-words',
      slug: 'gift-wrap',
    })
    expect(previewTargetFor(options, '/preview/playbooks/unboxing-flow')).toMatchObject({
      type: 'playbook',
      slug: 'unboxing-flow',
      locale: 'ja',
    })
    expect(previewTargetFor(options, '/previews/playbooks/unboxing-flow')).toBeUndefined()
    expect(previewTargetFor(options, '/preview/glossary/parcel-words')).toBeUndefined()
  })

  it('render the newest draft for staff with the feed’s serialiser, and nothing for anonymous visitors', async () => {
    const options = feedOptionsOf(payload)!
    const target = previewTargetFor(options, '/preview/glossary/parcel-words/gift-wrap')!
    expect(await findPreviewDraft(payload, options, target, null)).toBeUndefined()
    const draft = await findPreviewDraft(payload, options, target, { ...editor, collection: 'users' })
    expect(draft).toBeDefined()
    const preview = await renderPreview(payload, options, { type: 'glossary-term', doc: draft!, locale: 'ja' })
    expect(preview.status).toBe('draft')
    expect(preview.item.title).toBe('ギフト包装')
    expect(preview.item.url).toBe('https://shop.example.com/glossary/parcel-words/gift-wrap')
    expect(preview.related).toEqual([{ slug: 'cushioning', name: '緩衝材' }])
    // The graph's renderer links the published term the body mentions.
    expect(preview.item.content_html).toMatch(
      /<a [^>]*href="https:\/\/shop\.example\.com\/glossary\/parcel-words\/cushioning"[^>]*>緩衝材<\/a>/,
    )
  })

  it('refuse a path whose glossary is not the term’s, so one document has one preview URL', async () => {
    const options = feedOptionsOf(payload)!
    const target = previewTargetFor(options, '/preview/glossary/desk-words/gift-wrap')!
    expect(await findPreviewDraft(payload, options, target, { ...editor, collection: 'users' })).toBeUndefined()
  })

  it('re-render the form values Live Preview sends, keeping the stored draft’s other locales', async () => {
    const typed = await postPreview(
      {
        collection: 'playbooks',
        id: ids.playbook,
        locale: 'ja',
        data: {
          title: '開封体験の流れ',
          steps: [
            { title: '箱を開ける', key: 'open' },
            { title: '同梱物を読む', key: 'read' },
          ],
        },
      },
      editorToken,
    )
    expect(typed.status).toBe(200)
    expect(typed.json.item.title).toBe('開封体験の流れ')
    expect(typed.json.item._hub.steps).toEqual([
      { key: 'open', title: '箱を開ける' },
      { key: 'read', title: '同梱物を読む' },
    ])
    expect(typed.json.item.content_html.indexOf('箱を開ける')).toBeLessThan(
      typed.json.item.content_html.indexOf('同梱物を読む'),
    )
    const stored = await payload.findByID({ collection: 'playbooks', id: ids.playbook, draft: true })
    expect(stored.title).not.toBe('開封体験の流れ')
  })

  it('answer anonymous and malformed live-preview requests with 404 / 400 naming the problem', async () => {
    expect((await postPreview({ collection: 'playbooks', id: ids.playbook, data: {} })).status).toBe(404)
    expect((await postPreview({ collection: 'glossary-terms', id: ids.published, data: {} })).status).toBe(404)
    const wrongCollection = await postPreview({ collection: 'users', id: '1', data: {} }, editorToken)
    expect(wrongCollection).toMatchObject({ status: 400, json: { errors: [{ parameter: 'collection' }] } })
    const notJson = await postPreview('{"collection":', editorToken)
    expect(notJson).toMatchObject({ status: 400, json: { errors: [{ parameter: 'body' }] } })
    const badLocale = await postPreview({ collection: 'playbooks', id: ids.playbook, locale: 'fr' }, editorToken)
    expect(badLocale).toMatchObject({ status: 400, json: { errors: [{ parameter: 'locale' }] } })
  })
})

describe('GET /sitemap.xml', () => {
  it('lists every published page in both locales with hreflang alternates, and no drafts', async () => {
    const response = await sitemap()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('application/xml')
    const xml = await response.text()
    expect(xml).toContain('<loc>https://shop.example.com/glossary/parcel-words/cushioning</loc>')
    expect(xml).toContain('<loc>https://shop.example.com/en/glossary/parcel-words/cushioning</loc>')
    expect(xml).toContain('hreflang="en" href="https://shop.example.com/en/glossary/parcel-words/cushioning"')
    expect(xml).toContain('hreflang="x-default" href="https://shop.example.com/glossary/parcel-words/cushioning"')
    expect(xml).toContain('<loc>https://shop.example.com/glossary/parcel-words</loc>')
    expect(xml).not.toContain('gift-wrap')
    expect(xml).not.toContain('unboxing-flow')
    // A glossary with no published term has no page to list.
    expect(xml).not.toContain('desk-words')
    expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/)
  })

  it('answers 304 to its ETag until something is published, then lists it', async () => {
    const first = await sitemap()
    const etag = first.headers.get('etag')!
    expect((await sitemap({ 'if-none-match': etag })).status).toBe(304)
    await payload.update({ collection: 'glossary-terms', id: ids.draft, data: { _status: 'published' } })
    const after = await sitemap({ 'if-none-match': etag })
    expect(after.status).toBe(200)
    expect(await after.text()).toContain('/glossary/parcel-words/gift-wrap</loc>')
    await payload.update({ collection: 'glossary-terms', id: ids.draft, data: { _status: 'draft' } })
  })
})

describe('scheduled publishing', () => {
  it('publishes a draft when its job runs, and the feed carries it from then on', async () => {
    const term = await createTerm(payload, {
      glossary: ids.glossary,
      slug: 'dunnage-bag',
      term: 'エアバッグ緩衝材',
      status: 'draft',
    })
    const feedHas = async () =>
      JSON.stringify((await getFeed('type=glossary-term&limit=100')).json).includes('dunnage-bag')
    expect(await feedHas()).toBe(false)
    await payload.jobs.queue({
      task: 'schedulePublish' as never,
      waitUntil: new Date(Date.now() + 1500),
      input: { type: 'publish', doc: { relationTo: 'glossary-terms', value: String(term.id) } } as never,
    })
    await payload.jobs.run()
    expect(await feedHas()).toBe(false) // not due yet
    await new Promise((resolve) => setTimeout(resolve, 1700))
    await payload.jobs.run()
    expect(await feedHas()).toBe(true)
    const stored = await payload.findByID({ collection: 'glossary-terms', id: term.id })
    expect(stored._status).toBe('published')
  })
})
