import { handleEndpoints, type Payload } from 'payload'

import { config } from '../../../test/helpers/payload'
import { richText } from '../../../test/helpers/fixtures'

export { richText }

const ORIGIN = 'http://localhost:3000'

export type FeedResponse = {
  status: number
  headers: Headers
  text: string
  json: any
}

/** A request through Payload's REST router, as a storefront makes it. */
export const getFeed = async (
  query = '',
  headers: Record<string, string> = {},
  options: { method?: string; instance?: string } = {},
): Promise<FeedResponse> => {
  const request = new Request(`${ORIGIN}/api/feed${query ? `?${query.replace(/^\?/, '')}` : ''}`, {
    method: options.method ?? 'GET',
    headers,
  })
  const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: options.instance })
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, text, json }
}

/** The query string of a next_url, for the next request. */
export const queryOf = (url: string): string => new URL(url).search.slice(1)

/** Follows next_url to the end; returns every page. */
export const allPages = async (query: string, between?: (page: number) => Promise<void>) => {
  const pages: any[] = []
  let next: string | undefined = query
  while (next !== undefined) {
    const response = await getFeed(next)
    if (response.status !== 200) throw new Error(`page ${pages.length + 1}: ${response.status} ${response.text}`)
    pages.push(response.json)
    if (pages.length > 500) throw new Error('more than 500 pages: next_url loops')
    next = response.json.next_url ? queryOf(response.json.next_url) : undefined
    if (next !== undefined && between) await between(pages.length)
  }
  return pages
}

let counter = 0
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`

export const createGlossary = (payload: Payload, data: { slug?: string; name?: string; nameEn?: string } = {}) =>
  payload
    .create({
      collection: 'glossaries',
      data: { name: data.name ?? 'ソーシャルメディア用語集', slug: data.slug ?? unique('glossary') },
    })
    .then(async (glossary) => {
      if (data.nameEn) {
        await payload.update({ collection: 'glossaries', id: glossary.id, locale: 'en', data: { name: data.nameEn } })
      }
      return glossary
    })

export const createTag = (payload: Payload, name: string, slug?: string) =>
  payload.create({ collection: 'tags', data: { name, slug: slug ?? unique('tag') } })

type TermInput = {
  term?: string
  slug?: string
  summary?: string
  body?: string
  glossary: string
  tags?: string[]
  related?: string[]
  aliases?: string[]
  englishName?: string
  reading?: string
  status?: 'draft' | 'published'
}

export const createTerm = (payload: Payload, input: TermInput) =>
  payload.create({
    collection: 'glossary-terms',
    draft: input.status === 'draft',
    data: {
      term: input.term ?? 'UTMコード',
      slug: input.slug ?? unique('term'),
      summary: input.summary ?? 'URL に付けて流入元を計測するパラメータ。',
      body: richText(input.body ?? '本文です。') as never,
      glossary: input.glossary,
      tags: input.tags ?? [],
      related: input.related ?? [],
      aliases: input.aliases ?? [],
      englishName: input.englishName,
      reading: input.reading,
      _status: input.status ?? 'published',
    },
  })

export const createCaseStudy = (
  payload: Payload,
  input: { title?: string; slug?: string; relatedTerms?: string[]; status?: 'draft' | 'published' } = {},
) =>
  payload.create({
    collection: 'case-studies',
    draft: input.status === 'draft',
    data: {
      title: input.title ?? '絵里奈さんの事例',
      slug: input.slug ?? unique('case'),
      persona: { name: '絵里奈', romanized: 'Erina' },
      industry: 'アパレル D2C',
      channels: ['email', 'line'],
      scenario: richText('購入後のフォローでリピート率が上がった。') as never,
      tactics: [{ text: '購入翌日にお礼メール' }],
      outcomes: [{ text: 'リピート率 20% 向上' }],
      relatedTerms: input.relatedTerms ?? [],
      _status: input.status ?? 'published',
    },
  })

export const createPlaybook = (
  payload: Payload,
  input: { title?: string; slug?: string; relatedTerms?: string[]; status?: 'draft' | 'published' } = {},
) =>
  payload.create({
    collection: 'playbooks',
    draft: input.status === 'draft',
    data: {
      title: input.title ?? '購入後フォローのプレイブック',
      slug: input.slug ?? unique('playbook'),
      stage: 'post-purchase',
      summary: '購入後の体験を設計する手順。',
      intro: richText('はじめに。') as never,
      steps: [
        { title: '注文確認', key: 'order-confirmation', body: richText('注文直後に確認メール。') as never },
        { title: '発送通知', body: richText('発送したら知らせる。') as never },
      ],
      closing: richText('おわりに。') as never,
      relatedTerms: input.relatedTerms ?? [],
      _status: input.status ?? 'published',
    },
  })
