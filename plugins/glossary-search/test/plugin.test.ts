/** What the plugin adds to a config, enabled and disabled (no Payload started). */
import * as GraphQL from 'graphql'
import type { CollectionConfig, Config, GraphQLExtension } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { glossarySearch } from '../index'

const existingHook = vi.fn()
const collection = (slug: string): CollectionConfig => ({
  slug,
  fields: [{ name: 'title', type: 'text' }],
  hooks: { afterChange: [existingHook], beforeChange: [existingHook] },
})
const baseConfig = (): Config => ({
  secret: 'x',
  db: {} as Config['db'],
  collections: ['glossary-terms', 'case-studies', 'playbooks', 'glossaries', 'users'].map(collection),
  endpoints: [{ path: '/existing', method: 'get', handler: () => Response.json({}) }],
})
const bySlug = (config: Config, slug: string) => config.collections?.find((c) => c.slug === slug) as CollectionConfig
const storefront = { baseUrl: 'https://shop.example.com' }

describe('plugin config', () => {
  it('appends hooks, the readingSuggested field, endpoints and GraphQL queries without replacing anything', async () => {
    const onInit = vi.fn()
    const existingQueries: GraphQLExtension = () => ({ hello: { type: GraphQL.GraphQLString } })
    const config = await glossarySearch({ storefront, buildOnInit: false })({
      ...baseConfig(),
      onInit,
      graphQL: { queries: existingQueries },
    })
    const terms = bySlug(config, 'glossary-terms')
    expect(terms.hooks?.afterChange?.[0]).toBe(existingHook)
    expect(terms.hooks?.afterChange).toHaveLength(2)
    expect(terms.hooks?.beforeChange?.[0]).toBe(existingHook)
    expect(terms.hooks?.beforeChange).toHaveLength(2)
    expect(terms.fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'readingSuggested'])
    for (const slug of ['case-studies', 'playbooks', 'glossaries'])
      expect(bySlug(config, slug).hooks?.afterChange).toHaveLength(2)
    expect(bySlug(config, 'users').hooks?.afterChange).toHaveLength(1)
    expect(config.endpoints?.map((e) => `${e.method} ${e.path}`)).toEqual([
      'get /existing',
      'get /search',
      'head /search',
      'get /glossary-index',
      'head /glossary-index',
    ])
    const queries = config.graphQL!.queries!(GraphQL as never, {} as never)
    expect(Object.keys(queries).sort()).toEqual(['glossaryIndex', 'glossarySearch', 'hello'])
    await config.onInit?.({} as never)
    expect(onInit).toHaveBeenCalledOnce()
  })

  it('disabled keeps only the field, so the schema does not change', async () => {
    const config = await glossarySearch({ storefront, disabled: true })(baseConfig())
    const terms = bySlug(config, 'glossary-terms')
    expect(terms.fields.map((f) => ('name' in f ? f.name : f.type))).toEqual(['title', 'readingSuggested'])
    expect(terms.hooks?.afterChange).toHaveLength(1)
    expect(terms.hooks?.beforeChange).toHaveLength(1)
    expect(config.endpoints).toHaveLength(1)
    expect(config.graphQL).toBeUndefined()
  })

  it('fails fast with the fix when the options cannot work', () => {
    expect(() => glossarySearch({ storefront: { baseUrl: 'shop.example.com' } })(baseConfig())).toThrow(
      /absolute http\(s\) URL/,
    )
    expect(() =>
      glossarySearch({ storefront: { ...storefront, urls: { playbook: '/p/{title}' } } })(baseConfig()),
    ).toThrow(/\{title\}/)
    expect(() => glossarySearch({ storefront, pollIntervalMs: -1 })(baseConfig())).toThrow(/pollIntervalMs/)
    expect(() => glossarySearch({ storefront })({ ...baseConfig(), collections: [] })).toThrow(
      /no collection "glossary-terms"/,
    )
  })
})
