import { describe, expect, it } from 'vitest'

import { DEFAULT_URL_TEMPLATES } from '../../storefront-feed/core/options'
import { buildEventBody, storefrontUrlsOf } from './body'

const settings = { baseUrl: 'https://shop.lantern.example', urls: DEFAULT_URL_TEMPLATES, locales: ['ja', 'en'] }

describe('event body', () => {
  it('carries the storefront URLs of the feed templates in every locale', () => {
    expect(
      storefrontUrlsOf({ type: 'glossary-term', id: '1', slug: 'gift-wrap', glossary: 'packaging' }, settings),
    ).toEqual({
      ja: 'https://shop.lantern.example/glossary/packaging/gift-wrap',
      en: 'https://shop.lantern.example/en/glossary/packaging/gift-wrap',
    })
    expect(storefrontUrlsOf({ type: 'glossary', id: '2', slug: 'packaging' }, settings).en).toBe(
      'https://shop.lantern.example/en/glossary/packaging',
    )
    expect(storefrontUrlsOf({ type: 'tag', id: '3', slug: 'wrap' }, settings)).toEqual({})
  })

  it('names the old URLs when a rename or glossary move leaves them stale', () => {
    const body = buildEventBody({
      eventId: 'evt_x',
      type: 'update',
      occurredAt: new Date('2026-05-01T00:00:00Z'),
      locale: 'en',
      cacheTags: ['glossary-term:gift-box'],
      settings,
      subject: {
        type: 'glossary-term',
        collection: 'glossary-terms',
        id: '9',
        slug: 'gift-box',
        previousSlug: 'gift-wrap',
        status: 'published',
        glossary: 'packaging',
        previousGlossary: 'packaging',
      },
    })
    expect(body).toMatchObject({
      id: 'evt_x',
      type: 'update',
      occurred_at: '2026-05-01T00:00:00.000Z',
      document: {
        slug: 'gift-box',
        previous_slug: 'gift-wrap',
        _status: 'published',
        locale: 'en',
        locales: ['ja', 'en'],
      },
      cache_tags: ['glossary-term:gift-box'],
    })
    expect(body.document.previous_urls?.ja).toBe('https://shop.lantern.example/glossary/packaging/gift-wrap')
    const unchanged = buildEventBody({
      ...body,
      eventId: 'e',
      type: 'update',
      occurredAt: new Date(),
      locale: null,
      cacheTags: [],
      settings,
      subject: {
        type: 'playbook',
        collection: 'playbooks',
        id: '1',
        slug: 'p',
        previousSlug: 'p',
        status: 'published',
      },
    })
    expect(unchanged.document.previous_urls).toBeUndefined()
  })
})
