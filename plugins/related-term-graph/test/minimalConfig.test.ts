import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sqliteAdapter } from '@payloadcms/db-sqlite'
import {
  buildConfig,
  getPayload,
  handleEndpoints,
  type CollectionConfig,
  type Payload,
  type SanitizedConfig,
} from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { relatedTermGraph } from '..'

// Only what the plugin reads, with none of the hub's collections, hooks or access rules (as Payload's plugin template's dev config).
const plain = (slug: string, fields: CollectionConfig['fields']): CollectionConfig => ({
  slug,
  fields,
  access: { read: () => true },
})

const dir = mkdtempSync(path.join(os.tmpdir(), 'term-graph-minimal-'))
let config: SanitizedConfig
let payload: Payload

// The collections are this test's own, so the app's generated types do not know them.
const create = async (collection: string, data: Record<string, unknown>) =>
  (await payload.create({ collection: collection as never, data: data as never })) as unknown as { id: string }

beforeAll(async () => {
  config = await buildConfig({
    secret: 'minimal-term-graph-0123456789-0123456789',
    admin: { user: 'users' },
    collections: [
      { slug: 'users', auth: true, fields: [] },
      plain('glossary-terms', [
        { name: 'term', type: 'text', required: true },
        { name: 'slug', type: 'text', required: true },
        { name: 'summary', type: 'text' },
        { name: 'related', type: 'relationship', relationTo: 'glossary-terms', hasMany: true },
      ]),
      plain('case-studies', [{ name: 'title', type: 'text' }]),
      plain('playbooks', [{ name: 'title', type: 'text' }]),
      plain('tags', [{ name: 'name', type: 'text' }]),
      plain('glossaries', [{ name: 'slug', type: 'text' }]),
    ],
    db: sqliteAdapter({ client: { url: `file:${path.join(dir, 'graph.sqlite')}` } }),
    telemetry: false,
    plugins: [relatedTermGraph({ buildOnInit: false, pollIntervalMs: 0 })],
  })
  payload = await getPayload({ config, key: 'term-graph-minimal' })
})

afterAll(async () => {
  await payload?.destroy()
  rmSync(dir, { recursive: true, force: true })
})

describe('the related-term graph in a config with only the collections it reads', () => {
  it('links a term to the one its summary mentions and to its editor-set related term, over REST', async () => {
    await create('glossary-terms', { term: 'Order bump', slug: 'order-bump' })
    const cart = await create('glossary-terms', { term: 'Cart', slug: 'cart' })
    await create('glossary-terms', {
      term: 'Upsell',
      slug: 'upsell',
      summary: 'Offered after an order bump.',
      related: [cart.id],
    })

    const response = await handleEndpoints({
      config,
      request: new Request('http://localhost:3000/api/term-graph?root=upsell'),
    })
    expect(response.status).toBe(200)
    const graph = (await response.json()) as {
      nodes: { slug: string }[]
      edges: { source: string; target: string; type: string }[]
    }
    expect(graph.nodes.map((node) => node.slug).sort()).toEqual(['cart', 'order-bump', 'upsell'])
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: 'upsell', target: 'order-bump', type: 'mentions' }),
    )
    expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'upsell', target: 'cart', type: 'related' }))
  })
})
