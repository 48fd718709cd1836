import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { config, startPayload } from '../../../test/helpers/payload'
import { encodeSyncToken } from '../core/tokens'
import { existingFeedRuntime } from '../server/runtime'
import {
  allPages,
  createCaseStudy,
  createGlossary,
  createPlaybook,
  createTag,
  createTerm,
  getFeed,
  richText,
} from './helpers'
import { jsonFeedErrors } from './jsonFeedSchema'

let payload: Payload
let glossary: string

beforeAll(async () => {
  payload = await startPayload()
  glossary = String((await createGlossary(payload, { slug: 'sync-glossary' })).id)
})

afterAll(async () => {
  await payload?.destroy()
})

const currentToken = async (): Promise<string> => (await getFeed('limit=1')).json._hub.sync_token

/** Follows a delta to its end: every item in order, and the token to resume from. */
const delta = async (token: string, extra = '') => {
  const pages = await allPages(`since=${token}${extra}`)
  for (const page of pages) expect(jsonFeedErrors(page)).toEqual([])
  return { items: pages.flatMap((page) => page.items), token: pages[pages.length - 1]._hub.sync_token as string, pages }
}

const byId = (items: any[]) => new Map(items.map((item) => [item.id, item]))

describe('the sync protocol', () => {
  it('returns exactly what changed since a token: creations, edits, unpublished and deleted items', async () => {
    const edited = await createTerm(payload, { glossary, slug: 'will-be-edited' })
    const waiting = await createTerm(payload, { glossary, slug: 'gets-a-draft' })
    const unpublished = await createTerm(payload, { glossary, slug: 'will-be-unpublished' })
    const deleted = await createCaseStudy(payload, { slug: 'will-be-deleted' })
    await createTerm(payload, { glossary, slug: 'untouched' })
    const token = await currentToken()

    const created = await createTerm(payload, { glossary, slug: 'created-later', term: '新しい用語' })
    await payload.update({ collection: 'glossary-terms', id: edited.id, data: { term: '編集後' } })
    await payload.update({ collection: 'glossary-terms', id: waiting.id, draft: true, data: { term: 'まだ下書き' } })
    await payload.update({ collection: 'glossary-terms', id: unpublished.id, data: { _status: 'draft' } })
    await payload.delete({ collection: 'case-studies', id: deleted.id })
    await createTerm(payload, { glossary, slug: 'draft-from-the-start', status: 'draft' })

    const changes = await delta(token)
    expect(changes.items.map((item) => item.id)).toEqual([
      `glossary-term:${created.id}`,
      `glossary-term:${edited.id}`,
      `glossary-term:${unpublished.id}`,
      `case-study:${deleted.id}`,
    ])
    const [createdItem, editedItem, unpublishedItem, deletedItem] = changes.items
    expect(createdItem.title).toBe('新しい用語')
    expect(editedItem.title).toBe('編集後')
    expect(unpublishedItem).toEqual({
      id: `glossary-term:${unpublished.id}`,
      content_text: '',
      _hub: { deleted: true, type: 'glossary-term', id: String(unpublished.id) },
    })
    expect(deletedItem).toEqual({
      id: `case-study:${deleted.id}`,
      content_text: '',
      _hub: { deleted: true, type: 'case-study', id: String(deleted.id) },
    })
    // A tombstone says which item to drop and nothing more about what is no longer public.
    expect(JSON.stringify(changes.items)).not.toContain('will-be-unpublished')
    expect(changes.pages[0]._hub.mode).toBe('delta')

    const nothing = await delta(changes.token)
    expect(nothing.items).toEqual([])

    await payload.update({ collection: 'glossary-terms', id: waiting.id, data: { _status: 'published' } })
    const published = await delta(changes.token)
    expect(published.items.map((item) => item.title)).toEqual(['まだ下書き'])
  })

  it('sends an item changed several times once, at its latest state, across delta pages', async () => {
    const token = await currentToken()
    const terms = []
    for (let i = 0; i < 5; i += 1) terms.push(await createTerm(payload, { glossary, slug: `paged-${i}` }))
    await payload.update({ collection: 'glossary-terms', id: terms[0]!.id, data: { term: '最終版' } })
    const changes = await delta(token, '&limit=2')
    expect(changes.pages.length).toBeGreaterThan(2)
    const nextUrls = changes.pages.map((page) => page.next_url).filter(Boolean)
    expect(new Set(nextUrls).size).toBe(nextUrls.length)
    const ids = changes.items.map((item) => item.id)
    expect(ids).toHaveLength(5)
    expect(new Set(ids).size).toBe(5)
    expect(changes.items.find((item) => item._hub.slug === 'paged-0').title).toBe('最終版')
  })

  it('accepts an ISO date as since', async () => {
    await createTerm(payload, { glossary, slug: 'before-the-date' })
    const [head] = (await payload.find({ collection: 'feed-changes' as never, sort: '-sequence', limit: 1 }))
      .docs as any[]
    const after = new Date(Date.parse(head.at) + 1).toISOString()
    const later = await createTerm(payload, { glossary, slug: 'after-the-date' })
    const changes = await delta(encodeURIComponent(after))
    expect(changes.items.map((item) => item.id)).toEqual([`glossary-term:${later.id}`])
  })

  it('tells a glossary-filtered replica to drop a term that moved to another glossary', async () => {
    const other = String((await createGlossary(payload, { slug: 'other-glossary' })).id)
    const moving = await createTerm(payload, { glossary, slug: 'moving-term' })
    const token = await currentToken()
    await payload.update({ collection: 'glossary-terms', id: moving.id, data: { glossary: other } })
    const from = await delta(token, '&glossary=sync-glossary')
    expect(from.items).toEqual([
      expect.objectContaining({ id: `glossary-term:${moving.id}`, _hub: expect.objectContaining({ deleted: true }) }),
    ])
    const to = await delta(token, '&glossary=other-glossary')
    expect(to.items.map((item) => item._hub.glossary)).toEqual(['other-glossary'])
  })

  it('re-sends items whose feed entry shows a changed glossary or related term', async () => {
    const named = String((await createGlossary(payload, { slug: 'renamed-glossary', name: '旧名' })).id)
    const member = await createTerm(payload, { glossary: named, slug: 'member-term' })
    const related = await createTerm(payload, { glossary, slug: 'related-term' })
    const story = await createCaseStudy(payload, { slug: 'story-with-term', relatedTerms: [String(related.id)] })
    const token = await currentToken()
    await payload.update({ collection: 'glossaries', id: named, data: { name: '新名' } })
    await payload.update({ collection: 'glossary-terms', id: related.id, data: { _status: 'draft' } })
    const changes = byId((await delta(token)).items)
    expect(changes.get(`glossary-term:${member.id}`)._hub.glossary_name).toBe('新名')
    expect(changes.get(`case-study:${story.id}`)._hub.related).toEqual([])
    expect(changes.get(`glossary-term:${related.id}`)._hub.deleted).toBe(true)
  })

  it('re-sends only the edited item when nothing other items show of it changed', async () => {
    const hub = await createTerm(payload, { glossary, slug: 'shipping-hub', term: '物流拠点' })
    const lister = await createTerm(payload, { glossary, slug: 'lists-the-hub', related: [String(hub.id)] })
    const story = await createCaseStudy(payload, { slug: 'story-about-hubs', relatedTerms: [String(hub.id)] })
    let token = await currentToken()

    await payload.update({ collection: 'glossary-terms', id: hub.id, data: { summary: '出荷をまとめる倉庫。' } })
    const summaryOnly = await delta(token)
    expect(summaryOnly.items.map((item) => item.id)).toEqual([`glossary-term:${hub.id}`])
    expect(summaryOnly.items[0].summary).toBe('出荷をまとめる倉庫。')
    token = summaryOnly.token

    // A rename saved as a draft, then published with no further change: the main row's title changes.
    await payload.update({ collection: 'glossary-terms', id: hub.id, draft: true, data: { term: '配送センター' } })
    expect((await delta(token)).items).toEqual([])
    await payload.update({ collection: 'glossary-terms', id: hub.id, data: { _status: 'published' } })
    const renamed = byId((await delta(token)).items)
    expect([...renamed.keys()].sort()).toEqual(
      [`glossary-term:${hub.id}`, `glossary-term:${lister.id}`, `case-study:${story.id}`].sort(),
    )
    expect(renamed.get(`glossary-term:${hub.id}`).title).toBe('配送センター')
    token = (await delta(token)).token

    // A title change in the other locale is a change too.
    await payload.update({ collection: 'glossary-terms', id: hub.id, locale: 'en', data: { term: 'Fulfilment hub' } })
    const english = byId((await delta(token)).items)
    expect(english.has(`glossary-term:${lister.id}`)).toBe(true)
    token = (await delta(token)).token

    const described = String((await createGlossary(payload, { slug: 'described-glossary', name: '説明付き' })).id)
    const member = await createTerm(payload, { glossary: described, slug: 'member-of-described' })
    token = await currentToken()
    await payload.update({ collection: 'glossaries', id: described, data: { description: '倉庫の用語。' } })
    expect((await delta(token)).items.map((item) => item.id)).not.toContain(`glossary-term:${member.id}`)
  })

  it('refuses a sync token from a journal that has not got that far', async () => {
    const response = await getFeed(`since=${encodeSyncToken(payload.secret, 1_000_000)}`)
    expect(response.status).toBe(400)
    expect(response.json.errors[0].parameter).toBe('since')
  })
})

/** Deterministic pseudo-random choices, so a failure can be replayed. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff
  return seed / 0x7fffffff
}

describe('a storefront replica', () => {
  it.each([11, 29])('kept with since stays equal to a fresh full listing through any edits (seed %i)', async (seed) => {
    const random = prng(seed)
    let serial = 0
    const pick = <T>(list: T[]): T | undefined => list[Math.floor(random() * list.length)]
    const glossaries = [glossary, String((await createGlossary(payload, { slug: `replica-${seed}` })).id)]
    const tag = String((await createTag(payload, `タグ${seed}`, `replica-tag-${seed}`)).id)
    const terms: string[] = []
    const stories: string[] = []
    const playbooks: string[] = []
    for (let i = 0; i < 4; i += 1)
      terms.push(
        String((await createTerm(payload, { glossary: pick(glossaries)!, slug: `r${seed}-t${i}`, tags: [tag] })).id),
      )
    playbooks.push(String((await createPlaybook(payload, { slug: `r${seed}-p0`, relatedTerms: [terms[0]!] })).id))

    const replica = new Map<string, any>()
    const apply = (items: any[]) => {
      for (const item of items) {
        if (item._hub?.deleted) replica.delete(item.id)
        else replica.set(item.id, item)
      }
    }
    apply((await allPages('limit=7')).flatMap((page) => page.items))
    let token = (await getFeed('limit=1')).json._hub.sync_token as string

    const operations: (() => Promise<unknown>)[] = [
      async () =>
        terms.push(
          String(
            (
              await createTerm(payload, {
                glossary: pick(glossaries)!,
                slug: `r${seed}-new-${(serial += 1)}`,
                related: [pick(terms)!],
              })
            ).id,
          ),
        ),
      async () => payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { term: `改訂${random()}` } }),
      async () =>
        payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { summary: `要約${random()}` } }),
      async () =>
        payload.update({
          collection: 'glossary-terms',
          id: pick(terms)!,
          locale: 'en',
          data: { term: `Revised ${random()}` },
        }),
      async () =>
        payload.update({
          collection: 'glossary-terms',
          id: pick(terms)!,
          draft: true,
          data: { term: `下書き${random()}` },
        }),
      async () => payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { _status: 'published' } }),
      async () => payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { _status: 'draft' } }),
      async () => payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { related: [pick(terms)!] } }),
      async () =>
        payload.update({ collection: 'glossary-terms', id: pick(terms)!, data: { glossary: pick(glossaries)! } }),
      async () =>
        payload.update({
          collection: 'glossary-terms',
          id: pick(terms)!,
          data: { slug: `r${seed}-renamed-${Math.floor(random() * 1e6)}` },
        }),
      async () =>
        payload.update({ collection: 'glossaries', id: pick(glossaries)!, data: { name: `用語集${random()}` } }),
      async () => payload.update({ collection: 'tags', id: tag, data: { name: `タグ${random()}` } }),
      async () => {
        const id = terms.splice(Math.floor(random() * terms.length), 1)[0]
        if (id && terms.length > 0) await payload.delete({ collection: 'glossary-terms', id })
        else if (id) terms.push(id)
      },
      async () =>
        stories.push(
          String(
            (await createCaseStudy(payload, { slug: `r${seed}-c${(serial += 1)}`, relatedTerms: [pick(terms)!] })).id,
          ),
        ),
      async () => {
        const story = pick(stories)
        if (story)
          await payload.update({
            collection: 'case-studies',
            id: story,
            data: { playbookSteps: [{ playbook: playbooks[0]!, stepKey: 'order-confirmation' }] },
          })
      },
      async () =>
        payload.update({
          collection: 'playbooks',
          id: playbooks[0]!,
          data: { slug: `r${seed}-p-${Math.floor(random() * 1e6)}`, body: richText('x') } as never,
        }),
      async () => {
        const story = stories.pop()
        if (story) await payload.delete({ collection: 'case-studies', id: story })
      },
    ]

    for (let round = 0; round < 4; round += 1) {
      for (let step = 0; step < 6; step += 1) await pick(operations)!()
      const changes = await delta(token, '&limit=3')
      apply(changes.items)
      token = changes.token
      const truth = byId((await allPages('limit=100')).flatMap((page) => page.items))
      expect([...replica.keys()].sort()).toEqual([...truth.keys()].sort())
      for (const [id, item] of truth) expect(replica.get(id), id).toEqual(item)
    }
  })
})

describe('several server instances', () => {
  it('drop their cached pages when the journal shows another instance wrote', async () => {
    const second = await getPayload({ config, key: 'second-instance' })
    try {
      existingFeedRuntime(second)!.stopPolling()
      const term = await createTerm(payload, { glossary, slug: 'seen-by-two', term: '初版' })
      const read = async () =>
        (await getFeed('type=glossary-term&limit=100', {}, { instance: 'second-instance' })).json.items.find(
          (item: any) => item.id === `glossary-term:${term.id}`,
        )?.title
      expect(await read()).toBe('初版')
      await payload.update({ collection: 'glossary-terms', id: term.id, data: { term: '第二版' } })
      // The second instance still serves its cached page until it looks at the journal…
      expect(await read()).toBe('初版')
      await existingFeedRuntime(second)!.pollOnce()
      // …and drops it as soon as it sees the journal moved.
      expect(await read()).toBe('第二版')
    } finally {
      await second.destroy()
    }
  })
})
