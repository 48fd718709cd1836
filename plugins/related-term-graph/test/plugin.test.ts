/** What the plugin adds to a config, enabled and disabled (no Payload started). */
import * as GraphQL from 'graphql'
import type { CollectionConfig, Config, GraphQLExtension, Payload, SanitizedConfig } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { relatedTermGraph, type RelatedTermGraphCustom } from '../index'

const existingHook = vi.fn()
const collection = (slug: string): CollectionConfig => ({
  slug,
  fields: [{ name: 'title', type: 'text' }],
  hooks: { afterChange: [existingHook] },
})
const baseConfig = (): Config => ({
  secret: 'x',
  admin: { user: 'users' },
  db: {} as Config['db'],
  collections: ['glossary-terms', 'case-studies', 'playbooks', 'tags', 'glossaries', 'users'].map(collection),
  endpoints: [{ path: '/existing', method: 'get', handler: () => Response.json({}) }],
  custom: { other: true },
})

const bySlug = (config: Config, slug: string) => config.collections?.find((c) => c.slug === slug) as CollectionConfig

describe('plugin config', () => {
  it('appends hooks, the Graph field, the health panel, endpoints and the GraphQL query without replacing anything', async () => {
    const onInit = vi.fn()
    const existingQueries: GraphQLExtension = () => ({ hello: { type: GraphQL.GraphQLString } })
    const config = await relatedTermGraph({ buildOnInit: false })({
      ...baseConfig(),
      onInit,
      graphQL: { queries: existingQueries },
    })

    const terms = bySlug(config, 'glossary-terms')
    expect(terms.hooks?.afterChange).toHaveLength(2)
    expect(terms.hooks?.afterChange?.[0]).toBe(existingHook)
    expect(terms.hooks?.afterDelete).toHaveLength(1)
    expect(terms.fields.map((f) => ('name' in f ? f.name : f.type))).toEqual([
      'title',
      'neverAutoLink',
      'noAutoLinksInside',
      'termGraph',
    ])
    for (const slug of ['case-studies', 'playbooks'])
      expect(bySlug(config, slug).fields.map((f) => ('name' in f ? f.name : f.type))).toEqual([
        'title',
        'noAutoLinksInside',
      ])
    expect(bySlug(config, 'tags').fields).toHaveLength(1)
    expect(terms.admin?.components?.beforeList).toEqual([
      { path: 'related-term-graph/client#GraphHealth', clientProps: { termsCollection: 'glossary-terms' } },
    ])
    for (const slug of ['case-studies', 'playbooks', 'tags', 'glossaries'])
      expect(bySlug(config, slug).hooks?.afterChange).toHaveLength(2)
    expect(bySlug(config, 'users').hooks?.afterChange).toHaveLength(1)
    expect(bySlug(config, 'term-graph-changes').admin?.hidden).toBe(true)

    expect(config.endpoints?.map((e) => e.path)).toEqual([
      '/existing',
      '/term-graph',
      '/term-graph/path',
      '/term-graph/top',
      '/term-graph/suggestions',
      '/term-graph/health',
    ])
    const queries = config.graphQL?.queries?.(GraphQL, { config: {} as SanitizedConfig } as never) ?? {}
    expect(Object.keys(queries)).toEqual(['hello', 'termGraph'])
    expect(config.custom?.other).toBe(true)
    expect(typeof (config.custom?.relatedTermGraph as RelatedTermGraphCustom).mentionLinker).toBe('function')

    await config.onInit?.({} as Payload)
    expect(onInit).toHaveBeenCalledTimes(1)
  })

  it('leaves a never-auto-link switch the user placed themselves where it is', async () => {
    const base = baseConfig()
    base.collections = base.collections!.map((c) =>
      c.slug === 'playbooks'
        ? { ...c, fields: [{ name: 'noAutoLinksInside', type: 'checkbox' as const }, ...c.fields] }
        : c,
    )
    const config = await relatedTermGraph({ buildOnInit: false })(base)
    expect(bySlug(config, 'playbooks').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual([
      'noAutoLinksInside',
      'title',
    ])
  })

  it('when disabled keeps the schema and a linker that links nothing, and adds no hooks, endpoints, components or start-up work', async () => {
    const config = await relatedTermGraph({ disabled: true })(baseConfig())
    expect(bySlug(config, 'term-graph-changes')).toBeDefined()
    expect(bySlug(config, 'glossary-terms').hooks?.afterChange).toHaveLength(1)
    expect(bySlug(config, 'glossary-terms').fields.map((f) => ('name' in f ? f.name : f.type))).toEqual([
      'title',
      'neverAutoLink',
      'noAutoLinksInside',
    ])
    expect(config.endpoints?.map((e) => e.path)).toEqual(['/existing'])
    expect(config.graphQL).toBeUndefined()
    expect(config.onInit).toBeUndefined()
    const { mentionLinker } = config.custom?.relatedTermGraph as RelatedTermGraphCustom
    const linker = await mentionLinker({ payload: {} as Payload, locale: 'ja' })
    expect(linker('UTMコードとキャンペーン')).toEqual([])
  })
})
