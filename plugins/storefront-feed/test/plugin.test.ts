import type { Config } from 'payload'
import { describe, expect, it } from 'vitest'

import { storefrontFeed } from '../index'

const collection = (slug: string, hooks = {}) => ({ slug, fields: [], hooks })
const baseConfig = (): Config =>
  ({
    collections: [
      collection('glossary-terms', { afterChange: [() => undefined] }),
      collection('case-studies'),
      collection('playbooks'),
      collection('glossaries'),
      collection('tags'),
      collection('users'),
    ],
    endpoints: [{ path: '/other', method: 'get', handler: () => new Response() }],
  }) as unknown as Config

const apply = (options: Parameters<typeof storefrontFeed>[0]) => storefrontFeed(options)(baseConfig()) as Config

describe('storefrontFeed(options)', () => {
  it('adds the journal, appends its hooks after existing ones, and the endpoints after existing ones', () => {
    const config = apply({ storefront: { baseUrl: 'https://shop.example.com' } })
    const slugs = config.collections!.map((c) => c.slug)
    expect(slugs).toContain('feed-changes')
    const terms = config.collections!.find((c) => c.slug === 'glossary-terms')!
    expect(terms.hooks?.afterChange).toHaveLength(2)
    expect(terms.hooks?.beforeDelete).toHaveLength(1)
    expect(terms.hooks?.afterDelete).toHaveLength(1)
    expect(config.collections!.find((c) => c.slug === 'users')!.hooks).toEqual({})
    expect(config.endpoints!.map((e) => `${e.method} ${e.path}`)).toEqual([
      'get /other',
      'get /feed',
      'head /feed',
      'post /feed/preview',
    ])
    expect(typeof config.onInit).toBe('function')
  })

  it('keeps the journal and its hooks but serves nothing when disabled', () => {
    const config = apply({ storefront: { baseUrl: 'https://shop.example.com' }, disabled: true })
    expect(config.collections!.map((c) => c.slug)).toContain('feed-changes')
    expect(config.collections!.find((c) => c.slug === 'playbooks')!.hooks?.afterChange).toHaveLength(1)
    expect(config.endpoints!.map((e) => e.path)).toEqual(['/other'])
    expect(config.onInit).toBeUndefined()
  })

  it('refuses to start without a collection it is asked to publish, naming the fix', () => {
    expect(() =>
      apply({ storefront: { baseUrl: 'https://shop.example.com' }, collections: { playbook: 'guides' } }),
    ).toThrow(/no collection "guides" for playbook/)
  })
})
