import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { HOSTILE, htmlProblems, visibleText } from '../test/html'
import {
  type CaseStudySource,
  emptyLookups,
  type Lookups,
  type PlaybookSource,
  type SerializeContext,
  serializeCaseStudy,
  serializePlaybook,
  serializeTerm,
  storefrontUrls,
  type TermSource,
  tombstone,
} from './items'
import { DEFAULT_COLLECTIONS, DEFAULT_URL_TEMPLATES } from './options'

const rt = (text: string) =>
  ({
    root: {
      type: 'root',
      version: 1,
      children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] }],
    },
  }) as any

const dates = { createdAt: '2025-01-02T03:04:05.000Z', updatedAt: '2025-02-03T04:05:06.000Z' }

const lookups = (): Lookups => {
  const l = emptyLookups()
  l.glossaries.set('g1', {
    slug: 'social-media',
    name: { ja: 'ソーシャルメディア用語集', en: 'Social media glossary' },
  })
  l.tags.set('tag1', { slug: 'sns', name: 'SNS' })
  l.terms.set('t2', { slug: 'utm-code', term: { ja: 'UTMコード', en: 'UTM code' }, glossary: 'g1' })
  l.terms.set('t3', { slug: 'ugc', term: { ja: 'UGC' }, glossary: 'g1' })
  l.playbooks.set('p1', { slug: 'after-purchase', title: { ja: '購入後' } })
  l.reverseRelated.set('t1', ['t3'])
  return l
}

const ctx = (overrides: Partial<SerializeContext> = {}): SerializeContext => ({
  locale: 'ja',
  defaultLocale: 'ja',
  baseUrl: 'https://shop.example.com',
  urls: DEFAULT_URL_TEMPLATES,
  collections: DEFAULT_COLLECTIONS,
  publisher: { name: 'Hub', url: 'https://shop.example.com' },
  lookups: lookups(),
  ...overrides,
})

const term = (overrides: Partial<TermSource> = {}): TermSource => ({
  id: 't1',
  slug: 'engagement-rate',
  term: { ja: 'エンゲージメント率', en: 'Engagement rate' },
  englishName: 'Engagement Rate',
  reading: 'えんげーじめんとりつ',
  aliases: ['ER'],
  summary: { ja: '反応の割合。' },
  body: { ja: rt('投稿への反応の割合。'), en: rt('Share of reactions.') },
  glossary: 'g1',
  tags: ['tag1', 'missing-tag'],
  related: ['t2', 'unpublished-term', 't1'],
  broader: 't2',
  excerpt: false,
  ...dates,
  ...overrides,
})

const caseStudy = (overrides: Partial<CaseStudySource> = {}): CaseStudySource => ({
  id: 'c1',
  slug: 'erina',
  title: { ja: '絵里奈さんの事例' },
  persona: { name: '絵里奈', romanized: 'Erina' },
  industry: { ja: 'アパレル' },
  channels: ['email', 'line'],
  scenario: { ja: rt('購入後のフォロー。') },
  tactics: { ja: [{ text: 'お礼メール' }] },
  outcomes: { ja: [{ text: 'リピート率向上' }] },
  relatedTerms: ['t2'],
  playbookSteps: [
    { playbook: 'p1', stepKey: 'thank-you' },
    { playbook: 'draft-playbook', stepKey: 'x' },
  ],
  ...dates,
  ...overrides,
})

const playbook = (overrides: Partial<PlaybookSource> = {}): PlaybookSource => ({
  id: 'p1',
  slug: 'after-purchase',
  title: { ja: '購入後のプレイブック', en: 'After purchase' },
  stage: 'post-purchase',
  summary: { ja: '購入後の手順。' },
  intro: { ja: rt('はじめに') },
  steps: [
    {
      title: { ja: 'お礼' },
      key: 'thank-you',
      body: { ja: rt('お礼を送る') },
      channels: ['email'],
      relatedTerms: ['t3'],
    },
    { title: { ja: '不正なキー' }, key: '"><script>', body: { ja: rt('x') } },
  ],
  closing: { ja: rt('おわりに') },
  relatedTerms: ['t2'],
  ...dates,
  ...overrides,
})

describe('serializeTerm', () => {
  it('builds a JSON Feed item with the storefront URL and the _hub extension', async () => {
    const item = await serializeTerm(term(), ctx())
    expect(item).toMatchObject({
      id: 'glossary-term:t1',
      url: 'https://shop.example.com/glossary/social-media/engagement-rate',
      title: 'エンゲージメント率',
      summary: '反応の割合。',
      date_published: '2025-01-02T03:04:05.000Z',
      date_modified: '2025-02-03T04:05:06.000Z',
      tags: ['SNS'],
      language: 'ja',
      _hub: {
        type: 'glossary-term',
        id: 't1',
        slug: 'engagement-rate',
        glossary: 'social-media',
        glossary_name: 'ソーシャルメディア用語集',
        aliases: ['ER'],
        tag_slugs: ['sns'],
        broader: 'utm-code',
      },
    })
    expect(item.content_html).toContain('<p>投稿への反応の割合。</p>')
    expect(item.content_text).toContain('投稿への反応の割合。')
  })

  it('lists related terms from both sides, published ones only, never itself', async () => {
    const item = await serializeTerm(term(), ctx())
    expect(item._hub.related).toEqual(['utm-code', 'ugc'])
  })

  it('describes the term as a schema.org DefinedTerm in its DefinedTermSet', async () => {
    const item = await serializeTerm(term(), ctx())
    expect(item._hub.jsonld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DefinedTerm',
      '@id': item.url,
      url: item.url,
      name: 'エンゲージメント率',
      termCode: 'engagement-rate',
      description: '反応の割合。',
      alternateName: ['Engagement Rate', 'ER'],
      inLanguage: 'ja',
      inDefinedTermSet: {
        '@type': 'DefinedTermSet',
        '@id': 'https://shop.example.com/glossary/social-media',
        url: 'https://shop.example.com/glossary/social-media',
        name: 'ソーシャルメディア用語集',
      },
    })
  })

  it('answers in English where there is English, falls back to Japanese per field and says which', async () => {
    const item = await serializeTerm(term(), ctx({ locale: 'en' }))
    expect(item.title).toBe('Engagement rate')
    expect(item.summary).toBe('反応の割合。')
    expect(item.content_html).toContain('Share of reactions.')
    expect(item.url).toBe('https://shop.example.com/en/glossary/social-media/engagement-rate')
    expect(item.language).toBe('en')
    expect(item._hub.fallback).toEqual(['summary'])
    expect(item._hub.glossary_name).toBe('Social media glossary')
    expect(item._hub.jsonld).toMatchObject({ inLanguage: 'en', name: 'Engagement rate' })
  })

  it('marks an item Japanese when even its title had to fall back', async () => {
    const item = await serializeTerm(term({ term: { ja: 'エンゲージメント率' } }), ctx({ locale: 'en' }))
    expect(item.language).toBe('ja')
    expect(item._hub.fallback).toContain('term')
  })

  it('uses a related-term renderer when one is given', async () => {
    const seen: unknown[] = []
    const item = await serializeTerm(
      term(),
      ctx({
        renderHtml: (_value, context) => (seen.push(context), '<p><a href="https://shop.example.com/x">linked</a></p>'),
      }),
    )
    expect(item.content_html).toContain('linked')
    expect(seen).toEqual([{ selfSlug: 'engagement-rate', locale: 'ja' }])
  })
})

describe('serializeCaseStudy and serializePlaybook', () => {
  it('describe case studies as schema.org Articles about their related terms', async () => {
    const item = await serializeCaseStudy(caseStudy(), ctx())
    expect(item).toMatchObject({
      id: 'case-study:c1',
      url: 'https://shop.example.com/case-studies/erina',
      title: '絵里奈さんの事例',
      tags: ['email', 'line', 'アパレル'],
      _hub: {
        type: 'case-study',
        related: ['utm-code'],
        playbook_steps: [{ playbook: 'after-purchase', step: 'thank-you' }],
      },
    })
    expect(item._hub.jsonld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Article',
      '@id': item.url,
      url: item.url,
      mainEntityOfPage: item.url,
      headline: '絵里奈さんの事例',
      description: '購入後のフォロー。',
      inLanguage: 'ja',
      datePublished: '2025-01-02T03:04:05.000Z',
      dateModified: '2025-02-03T04:05:06.000Z',
      keywords: ['email', 'line', 'アパレル'],
      about: [
        {
          '@type': 'DefinedTerm',
          '@id': 'https://shop.example.com/glossary/social-media/utm-code',
          url: 'https://shop.example.com/glossary/social-media/utm-code',
          name: 'UTMコード',
          termCode: 'utm-code',
        },
      ],
      publisher: { '@type': 'Organization', name: 'Hub', url: 'https://shop.example.com' },
    })
    expect(item.content_html).toContain('<h2>施策</h2><ul><li>お礼メール</li></ul>')
  })

  it('render playbook steps in order with anchors from their keys, and related terms from every step', async () => {
    const item = await serializePlaybook(playbook(), ctx())
    expect(item.content_html).toContain('<li id="step-thank-you"><h2>お礼</h2><p>お礼を送る</p></li>')
    expect(item.content_html).not.toContain('id="step-"')
    expect(item._hub.related).toEqual(['utm-code', 'ugc'])
    expect(item._hub.jsonld['@type']).toBe('Article')
    expect(item._hub.steps).toEqual([
      { key: 'thank-you', title: 'お礼' },
      { key: '"><script>', title: '不正なキー' },
    ])
    expect(htmlProblems(item.content_html)).toEqual([])
  })
})

describe('SEO fields', () => {
  it('replace the JSON-LD description of a term, per locale with the default locale as fallback', async () => {
    const meta = { title: { ja: 'エンゲージメント率とは' }, description: { ja: '反応率の定義と計算方法。' } }
    const ja = await serializeTerm(term({ meta }), ctx())
    expect(ja._hub.seo).toEqual({ title: 'エンゲージメント率とは', description: '反応率の定義と計算方法。' })
    expect(ja._hub.jsonld).toMatchObject({ name: 'エンゲージメント率', description: '反応率の定義と計算方法。' })
    const en = await serializeTerm(
      term({ meta: { ...meta, description: { ja: '反応率の定義。', en: 'How reactions are counted.' } } }),
      ctx({ locale: 'en' }),
    )
    expect(en._hub.jsonld).toMatchObject({ description: 'How reactions are counted.' })
    expect(en._hub.fallback).toContain('meta.title')
  })

  it('give articles their SEO headline and description, and leave them alone when blank', async () => {
    const set = await serializePlaybook(
      playbook({ meta: { title: { ja: '購入後の5ステップ' }, description: { ja: '届いてからの連絡。' } } }),
      ctx(),
    )
    expect(set._hub.jsonld).toMatchObject({ headline: '購入後の5ステップ', description: '届いてからの連絡。' })
    expect(set.title).not.toBe('購入後の5ステップ')
    const blank = await serializeCaseStudy(caseStudy({ meta: { title: { ja: '  ' }, description: null } }), ctx())
    expect(blank._hub.seo).toEqual({ title: null, description: null })
    expect(blank._hub.jsonld).toMatchObject({ headline: '絵里奈さんの事例', description: '購入後のフォロー。' })
  })
})

describe('hostile input in every text field', () => {
  it.each(HOSTILE)('stays text in content_html and verbatim plain text elsewhere: %j', async (hostile) => {
    const hostileLookups = lookups()
    hostileLookups.tags.set('tag1', { slug: 'sns', name: hostile })
    hostileLookups.glossaries.set('g1', { slug: 'social-media', name: { ja: hostile } })
    const c = ctx({ lookups: hostileLookups })
    const items = [
      await serializeTerm(
        term({
          term: { ja: hostile },
          englishName: hostile,
          reading: hostile,
          aliases: [hostile],
          summary: { ja: hostile },
          body: { ja: rt(hostile) },
        }),
        c,
      ),
      await serializeTerm(
        term({ term: { ja: hostile }, summary: { ja: hostile }, body: undefined, aliases: [hostile] }),
        c,
      ),
      await serializeCaseStudy(
        caseStudy({
          title: { ja: hostile },
          persona: { name: hostile, romanized: hostile },
          industry: { ja: hostile },
          scenario: { ja: rt(hostile) },
          tactics: { ja: [{ text: hostile }] },
          outcomes: { ja: [{ text: hostile }] },
        }),
        c,
      ),
      await serializePlaybook(
        playbook({
          title: { ja: hostile },
          summary: { ja: hostile },
          intro: { ja: rt(hostile) },
          steps: [{ title: { ja: hostile }, key: 'a', body: { ja: rt(hostile) } }],
          closing: { ja: rt(hostile) },
        }),
        c,
      ),
    ]
    for (const item of items) {
      expect(htmlProblems(item.content_html), item.id).toEqual([])
      expect(visibleText(item.content_html)).toContain(hostile.trim())
      expect(item.title).toBe(hostile)
    }
    // Labels are trimmed (U+2028 counts as whitespace), otherwise kept verbatim.
    expect(items[0]!.tags).toEqual([hostile.trim()])
    expect(items[0]!._hub.aliases).toEqual([hostile.trim()])
  })
})

it('resolves rich-text links by the collection slugs the feed was given, not the hub defaults', () => {
  const collections = { ...DEFAULT_COLLECTIONS, 'glossary-term': 'terms', 'case-study': 'stories', playbook: 'guides' }
  const l = lookups()
  l.caseStudies.set('c1', { slug: 'erina' })
  const urls = storefrontUrls({ ...ctx({ collections }), lookups: l })
  expect(urls.internal({ relationTo: 'terms', id: 't2' })).toBe(
    'https://shop.example.com/glossary/social-media/utm-code',
  )
  expect(urls.internal({ relationTo: 'stories', id: 'c1' })).toBe('https://shop.example.com/case-studies/erina')
  expect(urls.internal({ relationTo: 'guides', id: 'p1' })).toBe('https://shop.example.com/playbooks/after-purchase')
  // The default slugs name other collections in this feed: no link.
  expect(urls.internal({ relationTo: 'glossary-terms', id: 't2' })).toBeUndefined()
  expect(urls.internal({ relationTo: 'case-studies', id: 'c1' })).toBeUndefined()
})

it('tombstones carry the item id, the deleted flag and content_text for schema validity, and nothing else', () => {
  expect(tombstone('glossary-term', 't1')).toEqual({
    id: 'glossary-term:t1',
    content_text: '',
    _hub: { deleted: true, type: 'glossary-term', id: 't1' },
  })
})

describe('malformed stored data', () => {
  const junk = fc.oneof(
    fc.anything(),
    fc.constant({}),
    fc.constant({ ja: {} }),
    fc.constant({ ja: 'テキスト', en: [] }),
  )

  it('never makes a serialiser throw or emit unsafe HTML, whatever a field holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          term: junk,
          summary: junk,
          body: junk,
          aliases: junk,
          englishName: junk,
          reading: junk,
          tags: junk,
          related: junk,
          title: junk,
          industry: junk,
          persona: junk,
          channels: junk,
          scenario: junk,
          tactics: junk,
          outcomes: junk,
          relatedTerms: junk,
          playbookSteps: junk,
          steps: junk,
          intro: junk,
          closing: junk,
          stage: junk,
        }),
        fc.constantFrom('ja' as const, 'en' as const),
        async (fields, locale) => {
          const c = ctx({ locale })
          const items = [
            await serializeTerm(term(fields as never), c),
            await serializeCaseStudy(caseStudy(fields as never), c),
            await serializePlaybook(playbook(fields as never), c),
          ]
          for (const item of items) {
            expect(typeof item.title).toBe('string')
            expect(htmlProblems(item.content_html)).toEqual([])
          }
        },
      ),
      { numRuns: 150 },
    )
  })

  it('reads the empty object Payload returns for a localized list with no rows as an empty list', async () => {
    const item = await serializeCaseStudy(
      caseStudy({ tactics: {} as never, outcomes: {} as never }),
      ctx({ locale: 'en' }),
    )
    expect(item.content_html).not.toContain('<ul>')
  })
})
