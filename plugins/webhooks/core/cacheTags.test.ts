import { describe, expect, it } from 'vitest'

import { cacheTagHeader, cacheTagsFor, documentTag, eventCacheTags, unionTags } from './cacheTags'

describe('cache tags', () => {
  it('tags a term with its own tag, the term list, its glossary list and each tag list', () => {
    expect(
      cacheTagsFor({
        type: 'glossary-term',
        slug: 'cart-recovery-mail',
        glossary: 'retention',
        tags: ['email', 'crm'],
      }),
    ).toEqual(['glossary-term:cart-recovery-mail', 'glossary-terms', 'glossary:retention', 'tag:email', 'tag:crm'])
  })

  it('tags case studies, playbooks, glossaries and tags with their own and their list tag only', () => {
    expect(cacheTagsFor({ type: 'case-study', slug: 'tea-shop-repeat', glossary: 'ignored' })).toEqual([
      'case-study:tea-shop-repeat',
      'case-studies',
    ])
    expect(cacheTagsFor({ type: 'playbook', slug: 'first-parcel' })).toEqual(['playbook:first-parcel', 'playbooks'])
    expect(cacheTagsFor({ type: 'glossary', slug: 'retention' })).toEqual(['glossary:retention', 'glossaries'])
    expect(cacheTagsFor({ type: 'tag', slug: 'email' })).toEqual(['tag:email', 'tags'])
  })

  it('never emits a tag that could split a Cache-Tag header, and skips missing slugs', () => {
    expect(documentTag('tag', 'a,b c')).toBe('tag:a%2Cb%20c')
    expect(documentTag('tag', '  ')).toBeUndefined()
    expect(cacheTagsFor({ type: 'glossary-term', slug: null, glossary: null, tags: [null, ''] })).toEqual([
      'glossary-terms',
    ])
  })

  it('an event names the old and new pages and the own tag of every document showing it', () => {
    const tags = eventCacheTags({
      doc: { type: 'glossary', slug: 'loyalty' },
      previous: { type: 'glossary', slug: 'retention' },
      shownIn: [
        { type: 'glossary-term', slug: 'points-card' },
        { type: 'glossary-term', slug: 'points-card' },
      ],
    })
    expect(tags).toEqual(['glossary:loyalty', 'glossaries', 'glossary:retention', 'glossary-term:points-card'])
  })

  it('keeps list tags when a header would be too long, so a list-level purge still reaches the page', () => {
    const many = Array.from({ length: 500 }, (_, i) => `glossary-term:term-number-${i}`)
    const header = cacheTagHeader(unionTags(many, ['glossary-terms']), 200)
    expect(header.length).toBeLessThanOrEqual(200)
    expect(header.split(',')[0]).toBe('glossary-terms')
    expect(cacheTagHeader(['tag:a', 'tag:a', 'tags'])).toBe('tags,tag:a')
  })
})
