import { describe, expect, it } from 'vitest'

import { DEFAULT_URL_TEMPLATES, sanitizeOptions } from './options'
import { fillUrlTemplate } from './urls'

const base = { storefront: { baseUrl: 'https://shop.example.com/' } }

describe('sanitizeOptions', () => {
  it('fills every default', () => {
    const options = sanitizeOptions(base)
    expect(options).toMatchObject({
      disabled: false,
      title: 'Commerce Content Hub',
      baseUrl: 'https://shop.example.com',
      urls: DEFAULT_URL_TEMPLATES,
      contentTypes: ['glossary-term', 'case-study', 'playbook'],
      changesCollection: 'feed-changes',
      pollIntervalMs: 1000,
      pageSize: { default: 50, max: 100 },
      cache: { maxAge: 60, staleWhileRevalidate: 300, maxEntries: 1000, onInvalidate: expect.any(Function) },
      publisher: { name: 'Commerce Content Hub', url: 'https://shop.example.com' },
    })
  })

  it('answers in the locales of the config, and refuses one the serialisers have no labels for', () => {
    const localization = { locales: ['en', 'ja'], defaultLocale: 'en', fallback: true }
    expect(sanitizeOptions(base, localization).localization).toEqual({ locales: ['en', 'ja'], defaultLocale: 'en' })
    expect(sanitizeOptions(base).localization).toEqual({ locales: ['ja', 'en'], defaultLocale: 'ja' })
    expect(() => sanitizeOptions(base, { ...localization, locales: ['en', 'fr'] })).toThrow(/locale "fr"/)
  })

  it('still reads the deprecated journalSlug and cache.pollIntervalMs, the new names winning', () => {
    expect(sanitizeOptions({ ...base, journalSlug: 'old-journal', cache: { pollIntervalMs: 250 } })).toMatchObject({
      changesCollection: 'old-journal',
      pollIntervalMs: 250,
    })
    expect(
      sanitizeOptions({
        ...base,
        changesCollection: 'journal',
        journalSlug: 'old',
        pollIntervalMs: 500,
        cache: { pollIntervalMs: 250 },
      }),
    ).toMatchObject({ changesCollection: 'journal', pollIntervalMs: 500 })
  })

  it.each([
    [{ storefront: { baseUrl: 'shop.example.com' } }, /baseUrl/],
    [{ storefront: { baseUrl: 'javascript:alert(1)' } }, /baseUrl/],
    [{ ...base, storefront: { ...base.storefront, urls: { playbook: '/p/{title}' } } }, /\{title\}/],
    [
      { ...base, storefront: { ...base.storefront, urls: { 'case-study': '/{glossary}/{slug}' } } },
      /only terms and glossaries/,
    ],
    [{ ...base, pageSize: { default: 200 } }, /exceeds pageSize.max/],
    [{ ...base, pageSize: { max: 0 } }, /pageSize.max/],
    [{ ...base, contentTypes: [] }, /at least one/],
    [{ ...base, contentTypes: ['news' as never] }, /news/],
    [{ ...base, feedUrl: '/api/feed' }, /feedUrl/],
  ])('refuses options that would break URLs or paging (%#)', (options, message) => {
    expect(() => sanitizeOptions(options as never)).toThrow(message)
  })
})

describe('fillUrlTemplate', () => {
  it('resolves relative templates against the base URL and fills the locale prefix', () => {
    expect(
      fillUrlTemplate(
        'https://s.example',
        '{localePrefix}/glossary/{glossary}/{slug}',
        { slug: 'utm', glossary: 'sns', locale: 'ja' },
        'ja',
      ),
    ).toBe('https://s.example/glossary/sns/utm')
    expect(
      fillUrlTemplate(
        'https://s.example',
        '{localePrefix}/glossary/{glossary}/{slug}',
        { slug: 'utm', glossary: 'sns', locale: 'en' },
        'ja',
      ),
    ).toBe('https://s.example/en/glossary/sns/utm')
    expect(
      fillUrlTemplate('https://s.example', 'https://cdn.example/{locale}/{id}', { id: 'x1', locale: 'en' }, 'ja'),
    ).toBe('https://cdn.example/en/x1')
  })

  it('percent-encodes values so they cannot add path segments or a query', () => {
    expect(fillUrlTemplate('https://s.example', '/t/{slug}', { slug: '../a?b=<c>', locale: 'ja' }, 'ja')).toBe(
      'https://s.example/t/..%2Fa%3Fb%3D%3Cc%3E',
    )
  })
})
