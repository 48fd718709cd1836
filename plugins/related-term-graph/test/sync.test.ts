/**
 * The graph follows the database: hooks on terms, case studies, playbooks and tags; published vs
 * latest views; another instance catching up through the change log; a restart rebuilding it all.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startPayload } from '../../../test/helpers/payload'
import type { GraphIndex } from '../core/graphIndex'
import { getTermGraphService, type RelatedTermGraphCustom } from '../index'
import { TermGraphService } from '../server/service'
import { sanitizeOptions } from '../types'
import { richText } from './helpers'

let payload: Payload
let service: TermGraphService
const ids: Record<string, string> = {}
let glossary: string
let tag: string

const edges = (index: GraphIndex) =>
  index.graph
    .edges()
    .map((key) => index.edge(key))
    .map((a) => `${a.type} ${a.from}→${a.to} ${a.weight} ${JSON.stringify(a.evidence)}`)
    .sort()

const has = async (view: 'published' | 'latest', type: Parameters<GraphIndex['hasEdge']>[0], a: string, b: string) =>
  (await service.view(view)).hasEdge(type, ids[a] as string, ids[b] as string)

const createTerm = async (key: string, data: Record<string, unknown>, status: 'published' | 'draft' = 'published') => {
  const doc = await payload.create({
    collection: 'glossary-terms',
    data: { glossary, slug: key, ...data, _status: status } as never,
    draft: status === 'draft',
  })
  ids[key] = doc.id
  return doc
}

beforeAll(async () => {
  payload = await startPayload()
  service = getTermGraphService(payload) as TermGraphService
  glossary = (
    await payload.create({ collection: 'glossaries', data: { name: 'ソーシャルメディア用語集', slug: 'social-media' } })
  ).id
  tag = (await payload.create({ collection: 'tags', data: { name: '計測', slug: 'measurement' } })).id
  await createTerm('campaign', { term: 'キャンペーン', englishName: 'Campaign', tags: [tag] })
  await createTerm('influencer', {
    term: 'インフルエンサー',
    englishName: 'Influencer',
    body: richText('SNSで影響力を持つ人物。'),
  })
  await createTerm('utm-code', {
    term: 'UTMコード',
    englishName: 'UTM Code',
    aliases: ['UTMパラメータ'],
    summary: 'URLの末尾に付けるパラメータ。キャンペーン ごとの効果を測る。',
    tags: [tag],
  })
  await createTerm(
    'influencer-marketing',
    { term: 'インフルエンサーマーケティング', related: [ids.influencer] },
    'draft',
  )
  await createTerm('lp', {
    term: 'ランディングページ',
    englishName: 'Landing Page',
    summary: 'インフルエンサー マーケティングの受け皿になるページ。',
  })
})

afterAll(async () => {
  await payload?.destroy()
})

describe('hooks keep both views current', () => {
  it('adds a published term with its mentions and shared tags for everyone', async () => {
    expect(await has('published', 'mentions', 'utm-code', 'campaign')).toBe(true)
    expect(await has('latest', 'mentions', 'utm-code', 'campaign')).toBe(true)
    expect(await has('published', 'shared-tag', 'utm-code', 'campaign')).toBe(true)
  })

  it('keeps a never-published term out of the published view and its edges with it', async () => {
    const published = await service.view('published')
    expect(published.hasTerm(ids['influencer-marketing'] as string)).toBe(false)
    expect(await has('latest', 'related', 'influencer-marketing', 'influencer')).toBe(true)
    // Readers' longest match is インフルエンサー; editors already see the draft term claim the phrase.
    expect(await has('published', 'mentions', 'lp', 'influencer')).toBe(true)
    expect(await has('latest', 'mentions', 'lp', 'influencer-marketing')).toBe(true)
    expect(await has('latest', 'mentions', 'lp', 'influencer')).toBe(false)
  })

  it('shows readers the published version while a newer draft exists', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids['utm-code'] as string,
      draft: true,
      data: { summary: 'インフルエンサー施策の成果を測るパラメータ。', _status: 'draft' },
    })
    expect(await has('published', 'mentions', 'utm-code', 'campaign')).toBe(true)
    expect(await has('published', 'mentions', 'utm-code', 'influencer')).toBe(false)
    expect(await has('latest', 'mentions', 'utm-code', 'influencer')).toBe(true)
    expect(await has('latest', 'mentions', 'utm-code', 'campaign')).toBe(false)
  })

  it('publishing the draft updates the published view', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids['utm-code'] as string,
      data: { _status: 'published' },
    })
    expect(await has('published', 'mentions', 'utm-code', 'influencer')).toBe(true)
    expect(await has('published', 'mentions', 'utm-code', 'campaign')).toBe(false)
  })

  it('publishing a term lets readers see it and re-matches texts that mention it', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids['influencer-marketing'] as string,
      data: { _status: 'published' },
    })
    expect(await has('published', 'related', 'influencer', 'influencer-marketing')).toBe(true)
    expect(await has('published', 'mentions', 'lp', 'influencer-marketing')).toBe(true)
    expect(await has('published', 'mentions', 'lp', 'influencer')).toBe(false)
  })

  it('unpublishing removes the term and its edges from the published view only', async () => {
    await payload.update({
      collection: 'glossary-terms',
      id: ids['influencer-marketing'] as string,
      data: { _status: 'draft' },
    })
    const published = await service.view('published')
    expect(published.hasTerm(ids['influencer-marketing'] as string)).toBe(false)
    expect(await has('published', 'mentions', 'lp', 'influencer')).toBe(true)
    expect(await has('latest', 'related', 'influencer-marketing', 'influencer')).toBe(true)
  })

  it('deleting a term removes it from both views', async () => {
    const doomed = await createTerm('doomed', { term: 'ドゥームド', related: [ids.campaign] })
    expect(await has('latest', 'related', 'doomed', 'campaign')).toBe(true)
    await payload.delete({ collection: 'glossary-terms', id: doomed.id })
    expect((await service.view('latest')).hasTerm(doomed.id)).toBe(false)
    expect((await service.view('published')).hasTerm(doomed.id)).toBe(false)
  })

  it('links terms a published case study cites together, and forgets them when it is deleted', async () => {
    const study = await payload.create({
      collection: 'case-studies',
      data: {
        title: '絵里奈さんの事例',
        slug: 'erina',
        persona: { name: '絵里奈' },
        relatedTerms: [ids.campaign, ids.influencer] as string[],
        _status: 'published',
      },
    })
    expect(await has('published', 'co-cited', 'campaign', 'influencer')).toBe(true)
    await payload.delete({ collection: 'case-studies', id: study.id })
    expect(await has('published', 'co-cited', 'campaign', 'influencer')).toBe(false)
    expect(await has('latest', 'co-cited', 'campaign', 'influencer')).toBe(false)
  })

  it('counts a draft case study for editors only', async () => {
    await payload.create({
      collection: 'case-studies',
      data: {
        title: '下書きの事例',
        slug: 'draft-case',
        persona: { name: '健太' },
        relatedTerms: [ids.lp, ids.campaign] as string[],
        _status: 'draft',
      },
      draft: true,
    })
    expect(await has('latest', 'co-cited', 'lp', 'campaign')).toBe(true)
    expect(await has('published', 'co-cited', 'lp', 'campaign')).toBe(false)
  })

  it('links terms cited by the same playbook step', async () => {
    await payload.create({
      collection: 'playbooks',
      data: {
        title: '購入後のフォロー',
        slug: 'post-purchase-follow-up',
        stage: 'post-purchase',
        steps: [
          { title: 'お礼メール', key: 'thanks', relatedTerms: [ids['utm-code'], ids.lp] as string[] },
          { title: 'レビュー依頼', key: 'review', relatedTerms: [ids.influencer] as string[] },
        ],
        _status: 'published',
      },
    })
    expect(await has('published', 'co-cited', 'utm-code', 'lp')).toBe(true)
    expect(await has('published', 'co-cited', 'utm-code', 'influencer')).toBe(false)
  })

  it('renames a tag in the evidence', async () => {
    await payload.update({ collection: 'tags', id: tag, data: { name: '効果測定' } })
    const index = await service.view('published')
    expect(index.tagName(tag)).toBe('効果測定')
  })
})

describe('other instances and restarts', () => {
  it('a second instance applies changes made on the first from the change log', async () => {
    // A second "server" on the same database: its own graph, fed only by polling.
    const other = new TermGraphService(payload, sanitizeOptions({ pollIntervalMs: 0 }, 'users'))
    await other.views()
    const fresh = await createTerm('roas', { term: 'ROAS', summary: '広告費に対するキャンペーンの売上。' })
    await payload.update({
      collection: 'glossary-terms',
      id: ids.lp as string,
      data: { related: [ids.roas] as string[] },
    })
    expect((await other.view('published')).hasTerm(fresh.id)).toBe(false)

    await other.poll()
    expect((await other.view('published')).hasEdge('mentions', fresh.id, ids.campaign as string)).toBe(true)
    expect((await other.view('latest')).hasEdge('related', ids.lp as string, fresh.id)).toBe(true)

    await payload.delete({ collection: 'glossary-terms', id: fresh.id })
    await other.poll()
    expect((await other.view('latest')).hasTerm(fresh.id)).toBe(false)
    expect(edges(await other.view('latest'))).toEqual(edges(await service.view('latest')))
    expect(edges(await other.view('published'))).toEqual(edges(await service.view('published')))
    expect((await other.poll()).applied).toBe(0)
    other.stop()
  })

  it('a restarted instance builds the same graph the hooks maintained', async () => {
    const restarted = new TermGraphService(payload, sanitizeOptions({ pollIntervalMs: 0 }, 'users'))
    expect(edges(await restarted.view('published'))).toEqual(edges(await service.view('published')))
    expect(edges(await restarted.view('latest'))).toEqual(edges(await service.view('latest')))
    restarted.stop()
  })
})

describe('the mention linker in config.custom', () => {
  const linked = async (texts: string[], args: { selfId?: string; locale?: 'ja' | 'en' } = {}) => {
    const { mentionLinker } = payload.config.custom.relatedTermGraph as RelatedTermGraphCustom
    const linker = await mentionLinker({ payload, ...args })
    return texts.map((text) =>
      linker(text).map((link) => ({
        text: text.slice(link.start, link.end),
        slug: link.term.slug,
        glossary: link.term.glossary,
      })),
    )
  }

  it('links the first mention of each other published term in a document, never the document’s own term', async () => {
    expect(
      await linked(['UTMコードでキャンペーンを測る。', 'キャンペーンとインフルエンサーマーケティング。'], {
        selfId: ids['utm-code'],
      }),
    ).toEqual([
      [{ text: 'キャンペーン', slug: 'campaign', glossary: 'social-media' }],
      // インフルエンサーマーケティング is a draft again, so for readers the longest published match is インフルエンサー.
      [{ text: 'インフルエンサー', slug: 'influencer', glossary: 'social-media' }],
    ])
  })

  it('follows glossary renames', async () => {
    await payload.update({ collection: 'glossaries', id: glossary, data: { slug: 'sns' } })
    expect((await linked(['キャンペーン']))[0]?.[0]?.glossary).toBe('sns')
  })
})
