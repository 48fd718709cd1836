import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, loginToken } from '../../../test/helpers/fixtures'
import { startPayload } from '../../../test/helpers/payload'
import { existingFeedRuntime } from '../server/runtime'
import {
  allPages,
  createCaseStudy,
  createGlossary,
  createPlaybook,
  createTag,
  createTerm,
  getFeed,
  queryOf,
  richText,
} from './helpers'
import { jsonFeedErrors } from './jsonFeedSchema'

let payload: Payload
const ids = { sns: '', ec: '', utm: '' }

const itemIds = (pages: any[]): string[] => pages.flatMap((page) => page.items.map((item: any) => item.id))

beforeAll(async () => {
  payload = await startPayload()
  const sns = await createGlossary(payload, { slug: 'social-media', nameEn: 'Social media glossary' })
  const ec = await createGlossary(payload, { slug: 'ecommerce', name: 'EC 用語集' })
  const tag = await createTag(payload, 'SNS', 'sns')
  ids.sns = String(sns.id)
  ids.ec = String(ec.id)
  const utm = await createTerm(payload, {
    glossary: ids.sns,
    slug: 'utm-code',
    term: 'UTMコード',
    tags: [String(tag.id)],
  })
  ids.utm = String(utm.id)
  await payload.update({
    collection: 'glossary-terms',
    id: utm.id,
    locale: 'en',
    data: { term: 'UTM code', body: richText('A URL parameter that tells where a visit came from.') as never },
  })
  for (let i = 0; i < 12; i += 1) {
    await createTerm(payload, {
      glossary: i % 2 ? ids.sns : ids.ec,
      slug: `term-${i}`,
      related: i === 3 ? [ids.utm] : [],
    })
  }
  await createCaseStudy(payload, { slug: 'erina', relatedTerms: [ids.utm] })
  await createCaseStudy(payload, { slug: 'kenta' })
  await createPlaybook(payload, { slug: 'after-purchase', relatedTerms: [ids.utm] })
  await createTerm(payload, { glossary: ids.sns, slug: 'draft-only', status: 'draft' })
  await createCaseStudy(payload, { slug: 'draft-case', status: 'draft' })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('GET /api/feed', () => {
  it('answers a JSON Feed 1.1 document that validates against the JSON Feed schema', async () => {
    const response = await getFeed()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
    expect(jsonFeedErrors(response.json)).toEqual([])
    expect(response.json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Commerce Content Hub',
      home_page_url: 'https://shop.example.com',
      feed_url: 'http://localhost:3000/api/feed',
      language: 'ja',
    })
    expect(response.json.items).toHaveLength(16)
    expect(response.json.next_url).toBeUndefined()
  })

  it('validates in every locale, for every type and for small pages', async () => {
    for (const query of [
      'locale=en',
      'type=glossary-term&limit=3',
      'type=case-study,playbook',
      'glossary=social-media&locale=en',
      'tag=sns',
    ]) {
      const pages = await allPages(query)
      for (const page of pages) expect(jsonFeedErrors(page), query).toEqual([])
    }
  })

  it('serves each item with its storefront URL and the _hub extension', async () => {
    const { json } = await getFeed('type=glossary-term&limit=100')
    const utm = json.items.find((item: any) => item._hub.slug === 'utm-code')
    expect(utm).toMatchObject({
      id: `glossary-term:${ids.utm}`,
      url: 'https://shop.example.com/glossary/social-media/utm-code',
      title: 'UTMコード',
      tags: ['SNS'],
      _hub: {
        type: 'glossary-term',
        slug: 'utm-code',
        glossary: 'social-media',
        related: ['term-3'],
        tag_slugs: ['sns'],
      },
    })
    expect(utm._hub.jsonld).toMatchObject({ '@type': 'DefinedTerm', inDefinedTermSet: { '@type': 'DefinedTermSet' } })
    const { json: stories } = await getFeed('type=case-study')
    expect(stories.items.find((item: any) => item._hub.slug === 'erina')._hub).toMatchObject({
      type: 'case-study',
      related: ['utm-code'],
      jsonld: { '@type': 'Article', about: [{ termCode: 'utm-code' }] },
    })
  })

  it('filters by type, glossary and tag', async () => {
    const types = async (query: string) => (await getFeed(query)).json.items.map((item: any) => item._hub.type)
    expect(new Set(await types('type=playbook'))).toEqual(new Set(['playbook']))
    expect(new Set(await types('type=case-study&type=playbook'))).toEqual(new Set(['case-study', 'playbook']))
    const sns = (await getFeed('glossary=social-media&limit=100')).json.items
    expect(sns.length).toBe(7)
    expect(sns.every((item: any) => item._hub.glossary === 'social-media')).toBe(true)
    expect((await getFeed('tag=sns')).json.items.map((item: any) => item._hub.slug)).toEqual(['utm-code'])
  })

  it('answers 404 naming the parameter for a glossary or tag that does not exist', async () => {
    const glossary = await getFeed('glossary=no-such-glossary')
    expect(glossary.status).toBe(404)
    expect(glossary.json.errors).toEqual([
      { parameter: 'glossary', message: expect.stringContaining('no-such-glossary') },
    ])
    expect((await getFeed('tag=no-such-tag')).json.errors[0].parameter).toBe('tag')
  })
})

describe('only what is public', () => {
  it('never lists drafts, not even for a signed-in editor', async () => {
    await createUser(payload, 'editor-feed@example.com', ['editor'])
    const token = await loginToken(payload, 'editor-feed@example.com')
    const slugs = (await allPages('limit=3')).flatMap((page) => page.items.map((item: any) => item._hub.slug))
    expect(slugs).toContain('utm-code')
    expect(slugs).not.toContain('draft-only')
    expect(slugs).not.toContain('draft-case')
    const staff = await getFeed('limit=100', { Authorization: `JWT ${token}` })
    const staffSlugs = staff.json.items.map((item: any) => item._hub.slug)
    expect(staffSlugs).toContain('utm-code')
    expect(staffSlugs).not.toContain('draft-only')
    expect(staffSlugs).not.toContain('draft-case')
  })

  it('keeps showing the published version while a draft of a change waits', async () => {
    const term = await createTerm(payload, { glossary: ids.sns, slug: 'draft-pending', term: '公開版' })
    await payload.update({
      collection: 'glossary-terms',
      id: term.id,
      draft: true,
      data: { term: '下書き版', summary: '下書きの要約' },
    })
    const item = (await getFeed('type=glossary-term&limit=100')).json.items.find(
      (i: any) => i._hub.slug === 'draft-pending',
    )
    expect(item.title).toBe('公開版')
    expect(JSON.stringify(item)).not.toContain('下書き')
    await payload.update({ collection: 'glossary-terms', id: term.id, data: { _status: 'published' } })
    const published = (await getFeed('type=glossary-term&limit=100')).json.items.find(
      (i: any) => i._hub.slug === 'draft-pending',
    )
    expect(published.title).toBe('下書き版')
    await payload.delete({ collection: 'glossary-terms', id: term.id })
  })
})

describe('locale', () => {
  it('answers in English where a field has English and falls back to Japanese per field', async () => {
    const { json } = await getFeed('locale=en&type=glossary-term&limit=100')
    expect(json.language).toBe('en')
    const utm = json.items.find((item: any) => item._hub.slug === 'utm-code')
    expect(utm.title).toBe('UTM code')
    expect(utm.content_html).toContain('A URL parameter that tells where a visit came from.')
    expect(utm.summary).toBe('URL に付けて流入元を計測するパラメータ。')
    expect(utm._hub.fallback).toEqual(['summary'])
    expect(utm.language).toBe('en')
    expect(utm.url).toBe('https://shop.example.com/en/glossary/social-media/utm-code')
    expect(utm._hub.glossary_name).toBe('Social media glossary')
    const untranslated = json.items.find((item: any) => item._hub.slug === 'term-0')
    expect(untranslated.title).toBe('UTMコード')
    expect(untranslated.language).toBe('ja')
    expect(untranslated._hub.fallback).toEqual(expect.arrayContaining(['term', 'summary', 'body']))
  })
})

describe('paging', () => {
  it('gives next_url values that differ from feed_url and from each other, and every item exactly once', async () => {
    const everything = itemIds([(await getFeed('limit=100')).json])
    const pages = await allPages('limit=3')
    const nextUrls = pages.map((page) => page.next_url).filter(Boolean)
    expect(nextUrls).toHaveLength(pages.length - 1)
    expect(new Set(nextUrls).size).toBe(nextUrls.length)
    for (const page of pages) {
      expect(nextUrls).not.toContain(page.feed_url)
      expect(page.feed_url).toBe('http://localhost:3000/api/feed')
    }
    expect(itemIds(pages)).toEqual(everything)
  })

  it('neither skips nor repeats an item when documents are edited, created and deleted between pages', async () => {
    const before = itemIds([(await getFeed('limit=100')).json])
    const extra = await createTerm(payload, { glossary: ids.sns, slug: 'between-pages' })
    const served: string[] = []
    const edits = [
      ids.utm,
      ...before
        .slice(0, 4)
        .concat(before.slice(-4))
        .map((id) => id.split(':')[1]!),
    ]
    const pages = await allPages('limit=2', async (page) => {
      // Edit items already served and items still to come, so their updatedAt moves.
      const target = edits[page % edits.length]!
      const collection = before.find((id) => id.endsWith(target))!.split(':')[0]
      const slug =
        collection === 'glossary-term' ? 'glossary-terms' : collection === 'case-study' ? 'case-studies' : 'playbooks'
      await payload.update({
        collection: slug as 'glossary-terms',
        id: target,
        data: { summary: `edited on page ${page}` },
      })
      if (page === 2) await payload.delete({ collection: 'glossary-terms', id: extra.id })
    })
    served.push(...itemIds(pages))
    expect(new Set(served).size).toBe(served.length)
    const stayed = before.filter((id) => id !== `glossary-term:${extra.id}`)
    for (const id of stayed) expect(served).toContain(id)
  })

  it('keeps the sync token of the pass start on every page of the pass', async () => {
    const pages = await allPages('limit=4', async (page) => {
      if (page === 1)
        await payload.update({ collection: 'glossary-terms', id: ids.utm, data: { summary: 'mid-pass edit' } })
    })
    const tokens = new Set(pages.map((page) => page._hub.sync_token))
    expect(tokens.size).toBe(1)
    const delta = await getFeed(`since=${pages[0]._hub.sync_token}`)
    expect(delta.json.items.map((item: any) => item.id)).toContain(`glossary-term:${ids.utm}`)
  })
})

describe('caching', () => {
  it('sends a strong ETag, Last-Modified and public Cache-Control, and 304 for If-None-Match', async () => {
    const first = await getFeed('limit=5')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[^"]+"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    expect(Number.isNaN(Date.parse(first.headers.get('last-modified')!))).toBe(false)
    const again = await getFeed('limit=5')
    expect(again.text).toBe(first.text)
    expect(again.headers.get('etag')).toBe(etag)
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const notModified = await getFeed('limit=5', { 'If-None-Match': header })
      expect(notModified.status).toBe(304)
      expect(notModified.text).toBe('')
      expect(notModified.headers.get('etag')).toBe(etag)
    }
    expect((await getFeed('limit=5', { 'If-None-Match': '"stale"' })).status).toBe(200)
  })

  it('answers If-Modified-Since from Last-Modified: 304 at or after it, 200 before it', async () => {
    const first = await getFeed('limit=5')
    const lastModified = first.headers.get('last-modified')!
    const unchanged = await getFeed('limit=5', { 'If-Modified-Since': lastModified })
    expect(unchanged.status).toBe(304)
    expect(unchanged.text).toBe('')
    expect(unchanged.headers.get('last-modified')).toBe(lastModified)
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await getFeed('limit=5', { 'If-Modified-Since': earlier })).status).toBe(200)
    // An ETag that no longer matches wins over a date that would.
    expect((await getFeed('limit=5', { 'If-None-Match': '"stale"', 'If-Modified-Since': lastModified })).status).toBe(
      200,
    )
  })

  it('answers HEAD with the same validators and no body', async () => {
    const get = await getFeed('limit=5')
    const head = await getFeed('limit=5', {}, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
  })

  it('drops cached pages as soon as an edit is published', async () => {
    const before = await getFeed('type=glossary-term&limit=100')
    await payload.update({ collection: 'glossary-terms', id: ids.utm, data: { summary: '即時に反映される要約' } })
    const after = await getFeed('type=glossary-term&limit=100')
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'))
    expect(after.json.items.find((item: any) => item._hub.slug === 'utm-code').summary).toBe('即時に反映される要約')
    const stale = await getFeed('type=glossary-term&limit=100', { 'If-None-Match': before.headers.get('etag')! })
    expect(stale.status).toBe(200)
  })

  it('builds a cold page with a fixed number of database reads, however many items it holds', async () => {
    const db = payload.db as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    const methods = ['find', 'findOne', 'count', 'queryDrafts', 'findVersions', 'findDistinct'] as const
    let reads = 0
    const originals = methods.map((name) => db[name])
    methods.forEach((name, i) => {
      const original = originals[i]
      if (original) db[name] = (...args: unknown[]) => ((reads += 1), original.apply(payload.db, args))
    })
    try {
      const coldReads = async (query: string) => {
        existingFeedRuntime(payload)!.cache.clear()
        reads = 0
        const response = await getFeed(query)
        expect(response.status).toBe(200)
        return { reads, items: response.json.items.length }
      }
      const small = await coldReads('limit=3')
      const large = await coldReads('limit=50')
      expect(large.items).toBeGreaterThan(15)
      // Journal head, three keyset reads (ids, then documents by id), five batched lookups (one of them in
      // two steps) and the glossaries: 14 at most, whatever the page size; one read per item would exceed it.
      expect(large.reads).toBeLessThanOrEqual(14)
      expect(small.reads).toBeLessThanOrEqual(large.reads)
    } finally {
      methods.forEach((name, i) => {
        if (originals[i]) db[name] = originals[i]!
      })
    }
  })
})

describe('parameter validation over HTTP', () => {
  it.each([
    ['type=article', 'type'],
    ['glossary=Not%20A%20Slug', 'glossary'],
    ['tag=%3Cscript%3E', 'tag'],
    ['locale=fr', 'locale'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['since=not-a-token', 'since'],
    ['since=2025-02-30', 'since'],
    ['draft=true', 'draft'],
    ['limit=1&limit=2', 'limit'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const response = await getFeed(query)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(response.json.errors.map((error: any) => error.parameter)).toContain(parameter)
  })

  it('answers 400, not 500, for a tampered cursor or sync token', async () => {
    const { json } = await getFeed('limit=2')
    const cursor = new URL(json.next_url).searchParams.get('cursor')!
    const token = json._hub.sync_token as string
    const flip = (value: string) => `${value.slice(0, 5)}${value[5] === 'A' ? 'B' : 'A'}${value.slice(6)}`
    const badCursor = await getFeed(`limit=2&cursor=${flip(cursor)}`)
    expect(badCursor.status).toBe(400)
    expect(badCursor.json.errors[0].parameter).toBe('cursor')
    const badSince = await getFeed(`since=${flip(token)}`)
    expect(badSince.status).toBe(400)
    expect(badSince.json.errors[0].parameter).toBe('since')
    const otherFilter = await getFeed(`type=playbook&cursor=${cursor}`)
    expect(otherFilter.status).toBe(400)
    expect((await getFeed(queryOf(json.next_url))).status).toBe(200)
  })
})
